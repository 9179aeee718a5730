import { describe, expect, it } from 'vitest';
import { compileApp } from '../../app/compileApp.js';
import type { CompiledApp } from '../../app/compiledApp.js';
import type { Effect } from '../../app/types.js';

const S = 'https://ruleloom.dev/schemas/v1';

/** An app whose contract creation makes one task per due time, on the CN calendar. */
function appWithDue(...dues: string[]): CompiledApp {
  const result = compileApp({
    files: {
      'app.json': {
        $schema: `${S}/app.schema.json`,
        id: 'task-due',
        name: 'task due',
        version: '1.0.0',
        zone: 'Asia/Shanghai',
        calendar: { region: 'CN' },
        roles: [{ id: 'finance' }],
        files: { entities: ['entities/contract.json'], automations: ['automations/review.json'] },
      },
      'entities/contract.json': {
        $schema: `${S}/entity.schema.json`,
        id: 'contract',
        label: '合同',
        fields: [{ id: 'title', label: '标题', type: 'text' }],
      },
      'automations/review.json': {
        $schema: `${S}/automation.schema.json`,
        id: 'review',
        entity: 'contract',
        trigger: { type: 'record.created' },
        actions: dues.map((due, i) => ({
          type: 'createTask',
          id: `t${i}`,
          title: `审核 ${due}`,
          assignee: { role: 'finance' },
          due,
        })),
      },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  expect(result.diagnostics.filter((d) => d.code === 'RL5313')).toEqual([]);
  return result.app;
}

function dueTimes(app: CompiledApp, now: string): (string | undefined)[] {
  const { effects } = app.handle(
    app.emptyState(),
    { type: 'record.create', entity: 'contract', recordId: 'C1', values: { title: '年度框架' } },
    { now, users: [{ id: 'chenjing', roles: ['finance'] }] },
  );
  return effects
    .filter((e): e is Extract<Effect, { type: 'createTask' }> => e.type === 'createTask')
    .map((task) => (task.dueAt === undefined ? undefined : new Date(task.dueAt).toISOString()));
}

describe('createTask due times count on the app calendar', () => {
  it('given "3 workdays" on the Friday before the 2026 Spring Festival, then the task is due Wednesday 25 Feb at the same time (holidays skipped, make-up Saturday counted)', () => {
    const app = appWithDue('3 workdays');
    // 2026-02-13 is a Friday; 14 Feb (Saturday) is a make-up workday; 15–23 Feb are off.
    expect(dueTimes(app, '2026-02-13T10:00:00+08:00')).toEqual(['2026-02-25T02:00:00.000Z']);
  });

  it('given "4 business hours" at Friday 16:00, then the task is due Monday 11:00 (work stops at 18:00 and the weekend does not count)', () => {
    const app = appWithDue('4 business hours');
    // Friday 16:00–18:00 counts 2 h; Monday 09:00–11:00 the other 2 h.
    expect(dueTimes(app, '2026-03-06T16:00:00+08:00')).toEqual(['2026-03-09T03:00:00.000Z']);
  });

  it('given clock durations, then 72h is elapsed time and 3d keeps the wall-clock time', () => {
    const app = appWithDue('72h', '3d');
    expect(dueTimes(app, '2026-03-06T16:00:00+08:00')).toEqual([
      '2026-03-09T08:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
    ]);
  });
});
