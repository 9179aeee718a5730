import { compileApp, type CompiledApp } from '@ruleloom/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../i18n/I18n.js';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { clockText } from './clockAdvance.js';
import { directoryOf, sampleRecordsOf } from './sampleData.js';
import {
  advanceClock,
  createRecords,
  fireEvents,
  importRecords,
  startRun,
} from './simulationRun.js';
import { simulatorNames } from './simulatorNames.js';
import { spanText, stepViews, type StepView, type StepWords } from './stepView.js';
import type { TraceTreeNode } from './traceTree.js';

const START = Date.parse('2026-03-02T09:00:00+08:00');
const HOUR = 3_600_000;

let app: CompiledApp;
let files: Record<string, unknown>;

beforeAll(() => {
  files = salesCrmFiles();
  const compiled = compileApp({ files });
  if (!compiled.ok) throw new Error('sales-crm does not compile');
  app = compiled.app;
});

function words(locale: 'zh-CN' | 'en'): StepWords {
  const users = directoryOf(files);
  return {
    app,
    users,
    locale,
    t: (key, params) => translate(locale, key, params),
    names: simulatorNames(app, users, locale),
    time: (instant) => clockText(instant, app.zone, locale),
    span: (ms) => spanText(ms, locale),
  };
}

function titles(nodes: readonly TraceTreeNode[]): string[] {
  return nodes.flatMap((node) => [node.title, ...titles(node.children)]);
}

function bLeadAt48h(locale: 'zh-CN' | 'en'): StepView[] {
  const users = directoryOf(files);
  const lead = sampleRecordsOf(files).find((r) => r.id === 'L1')!;
  let run = createRecords(app, startRun(app, START, { users }), [lead], {
    actor: { id: 'zhangwei', roles: ['sales-rep'] },
    users,
  });
  run = advanceClock(app, run, START + 48 * HOUR, { users });
  return stepViews(run.steps, words(locale));
}

describe('the timeline as a person reads it', () => {
  it('given the B-grade lead at 48 h, then the firing reads as the CLI prints it, with the mark old → new', () => {
    const views = bLeadAt48h('zh-CN');
    const fired = views.find(
      (v) => v.kind === 'timer' && v.headline.includes('B级线索48小时未推进'),
    );
    expect(fired?.headline).toBe('「B级线索48小时未推进」48h · 线索 L1');
    expect(fired?.details.some((line) => line.startsWith('通知 wecom → 周敏、张伟：'))).toBe(true);
    // The mark is in the changes (old → new), not twice.
    expect(fired?.details).not.toContain('标记 红色');
    expect(fired?.changes[0]).toMatchObject({
      record: '线索 L1',
      mark: { after: { color: 'red' } },
    });
    expect(titles(fired?.trace ?? [])).toContain('计时器「B级线索48小时未推进」：触发');
    const clock = views.find((v) => v.kind === 'clock');
    expect(clock?.headline).toBe('时钟前进 48 小时，到 2026-03-04 周三 09:00');
    // Shown when the clock was moved, before the firings it caused.
    expect(clock?.at).toBe(START);
  });

  it('given the creation, then the created record lists its fields by label and value label', () => {
    const created = bLeadAt48h('en').find((v) => v.headline.startsWith('created Lead L1'));
    expect(created?.headline).toBe('created Lead L1 (by Zhang Wei)');
    const fields = created?.changes[0]?.fields ?? [];
    expect(created?.changes[0]?.created).toBe(true);
    expect(fields.find((f) => f.field === 'intentGrade')).toMatchObject({
      after: expect.any(String),
    });
    expect(fields.find((f) => f.field === 'status')?.after).toBe('New');
  });

  it('given a gate that blocks the move to 报价, then the refusal and each missing field read in red', () => {
    const users = directoryOf(files);
    const opportunity = {
      entity: 'opportunity',
      id: 'O1',
      values: {
        title: '检验科生化分析仪采购',
        customer: 'CU1',
        owner: 'lina',
        stage: 'proposal',
        amount: 48000,
      },
    };
    let run = importRecords(app, startRun(app, START, { users }), [opportunity], { users });
    run = fireEvents(app, run, [{ type: 'stage.move', recordId: 'O1', to: 'quote' }], {
      actor: { id: 'lina', roles: ['sales-rep'] },
      users,
    });
    const views = stepViews(run.steps, words('zh-CN'));
    expect(views.some((v) => v.kind === 'import' && v.headline === '导入已有记录：O1')).toBe(true);
    const refused = views.at(-1)!;
    expect(refused.refusal?.reasons).toEqual([
      '缺少必填字段「预算范围」',
      '缺少必填字段「决策链角色」',
    ]);
    expect(refused.headline).not.toContain('被拒绝');
    expect(refused.changes).toEqual([]);
    const gate = refused.trace.find((node) => node.title.startsWith('门禁'));
    expect(gate?.tone).toBe('blocked');
    expect(gate?.title).toContain('→ 报价：不允许');
  });

  it('given English, then the same steps read in English', () => {
    const fired = bLeadAt48h('en').find(
      (v) => v.kind === 'timer' && v.headline.includes('Grade-B'),
    );
    expect(
      fired?.details.some((line) => line.startsWith('notify wecom → Zhou Min, Zhang Wei:')),
    ).toBe(true);
  });
});

describe('spanText', () => {
  it.each([
    [48 * HOUR, 'zh-CN', '48 小时'],
    [48 * HOUR - 60_000, 'zh-CN', '47 小时 59 分钟'],
    [30 * 60_000, 'en', '30 min'],
    [10 * 24 * HOUR + 3 * HOUR, 'en', '10 d 3 h'],
  ] as const)('%d ms in %s reads %s', (ms, locale, text) => {
    expect(spanText(ms, locale)).toBe(text);
  });
});
