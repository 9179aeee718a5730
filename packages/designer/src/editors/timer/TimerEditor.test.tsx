// @vitest-environment jsdom
import '../testing/setup.js';
import type { TimerDefinition } from '@ruleloom/schemas';
import { validateDefinitionSchema } from '@ruleloom/schemas';
import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EditorContext } from '../context.js';
import { Controlled } from '../testing/Controlled.js';
import { TimerEditor } from './TimerEditor.js';
import { changeTimerKind } from './timerKinds.js';

const fixture = (name: string): TimerDefinition =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'packages/schemas/fixtures/valid/timer', name), 'utf8'),
  ) as TimerDefinition;

const lead = {
  $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
  id: 'lead',
  label: { 'zh-CN': '线索', en: 'Lead' },
  fields: [
    {
      id: 'intentGrade',
      label: { 'zh-CN': '意向等级', en: 'Intent grade' },
      type: 'enum',
      options: [
        { id: 'A', label: 'A级' },
        { id: 'B', label: 'B级' },
      ],
    },
    { id: 'owner', label: { 'zh-CN': '负责人', en: 'Owner' }, type: 'user' },
  ],
};
const context: EditorContext = {
  files: { 'entities/lead.json': lead },
  path: 'timers/b-lead-48h.json',
  locale: 'zh-CN',
  diagnostics: [],
};

describe('TimerEditor', () => {
  it('shows the rule in plain words above the form', () => {
    render(<TimerEditor value={fixture('b-lead-48h.json')} onChange={vi.fn()} context={context} />);
    const sentence = document.querySelector('.rl-timer-sentence')!.textContent ?? '';
    expect(sentence).toContain('线索创建后 48 小时内仍停留在「new」，且意向等级等于 B级');
    expect(sentence).toContain('标记为红色');
  });

  it('when the duration changes, then the definition and the sentence change', () => {
    const onChange = vi.fn();
    render(
      <Controlled
        initial={fixture('b-lead-48h.json')}
        onChange={onChange}
        editor={TimerEditor}
        context={context}
      />,
    );
    fireEvent.change(screen.getByLabelText('时长'), { target: { value: '3 workdays' } });
    expect((onChange.mock.calls.at(-1)![0] as { after: string }).after).toBe('3 workdays');
    expect(document.querySelector('.rl-timer-sentence')!.textContent).toContain(
      '线索创建后 3 个工作日内',
    );
  });

  it('when an escalation step is added, then the timer has one', () => {
    const onChange = vi.fn();
    const timer = fixture('b-lead-48h.json');
    render(<TimerEditor value={timer} onChange={onChange} context={context} />);
    fireEvent.click(screen.getByText('添加升级步骤'));
    const next = onChange.mock.calls[0]![0] as TimerDefinition;
    expect(next.escalation).toEqual([
      { id: 'escalate', label: '升级步骤', after: '24h', actions: timer.actions },
    ]);
  });

  it('shows the cron of a recurring timer', () => {
    render(
      <TimerEditor
        value={fixture('weekly-visit-plan.json')}
        onChange={vi.fn()}
        context={context}
      />,
    );
    expect((screen.getByLabelText('Cron 表达式') as HTMLInputElement).value).toBe('0 17 * * 5');
    expect(document.querySelector('.rl-timer-sentence')!.textContent).toContain('每周五 17:00');
  });
});

describe('changeTimerKind', () => {
  it.each(['relative', 'absolute', 'recurring'] as const)(
    'a timer switched to %s stays valid',
    (kind) => {
      for (const name of ['b-lead-48h.json', 'receivable-overdue.json', 'weekly-visit-plan.json']) {
        const next = changeTimerKind(fixture(name), kind, 'dueDate');
        expect(validateDefinitionSchema('timer', next).errors).toEqual([]);
        expect(next.kind).toBe(kind);
      }
    },
  );
});
