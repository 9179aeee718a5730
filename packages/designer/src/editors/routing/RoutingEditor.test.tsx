// @vitest-environment jsdom
import '../testing/setup.js';
import type { Diagnostic } from '@ruleloom/engine';
import type { RoutingDefinition } from '@ruleloom/schemas';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditorContext } from '../context.js';
import { exampleFile, exampleFiles } from '../testing/examples.js';
import { moveRule, RoutingEditor, sortIds } from './RoutingEditor.js';
import { parseWeights, weightsText } from './StrategyEditor.js';

const routing = exampleFile<RoutingDefinition>('routing/lead-routing.json');
const context = (more: Partial<EditorContext> = {}): EditorContext => ({
  files: exampleFiles(),
  path: 'routing/lead-routing.json',
  locale: 'zh-CN',
  diagnostics: [],
  ...more,
});

describe('RoutingEditor', () => {
  it('shows the rules in order with their conditions as rows', () => {
    render(<RoutingEditor value={routing} onChange={vi.fn()} context={context()} />);
    const cards = [...document.querySelectorAll('.rl-routing-rule')].map((c) =>
      c.getAttribute('data-rule'),
    );
    expect(cards).toEqual(routing.rules.map((r) => r.id));
    expect(document.querySelectorAll('.rl-condition-rule').length).toBeGreaterThan(3);
  });

  it('when a rule is added, then the routing has one more rule', () => {
    const onChange = vi.fn();
    render(<RoutingEditor value={routing} onChange={onChange} context={context()} />);
    fireEvent.click(screen.getByText('添加规则'));
    const next = onChange.mock.calls[0]![0] as RoutingDefinition;
    expect(next.rules).toHaveLength(routing.rules.length + 1);
    expect(next.rules.at(-1)).toEqual({
      id: 'rule',
      label: '新规则',
      pool: { roles: ['sales-rep'] },
    });
  });

  it('when a rule is deleted, then it is gone', () => {
    const onChange = vi.fn();
    render(<RoutingEditor value={routing} onChange={onChange} context={context()} />);
    fireEvent.click(screen.getByLabelText(`删除 ${routing.rules[0]!.id}`));
    const next = onChange.mock.calls[0]![0] as RoutingDefinition;
    expect(next.rules.map((r) => r.id)).toEqual(routing.rules.slice(1).map((r) => r.id));
  });

  it('edits constraints: max open items', () => {
    const onChange = vi.fn();
    render(<RoutingEditor value={routing} onChange={onChange} context={context()} />);
    fireEvent.change(screen.getByLabelText('未结束记录数上限'), { target: { value: '10' } });
    expect((onChange.mock.calls.at(-1)![0] as RoutingDefinition).constraints?.maxOpenItems).toBe(
      10,
    );
  });

  it('given a diagnostic in a rule, then its card shows a badge', () => {
    const problem: Diagnostic = {
      severity: 'error',
      code: 'RL2007',
      message: { 'zh-CN': '未知字段', en: 'unknown field' },
      hint: { 'zh-CN': '', en: '' },
      pointer: '/rules/1/when/and/0/==/0/var',
      params: {},
    };
    render(
      <RoutingEditor
        value={routing}
        onChange={vi.fn()}
        context={context({ diagnostics: [problem] })}
      />,
    );
    expect(screen.getByTitle('此规则有 1 个问题')).toBeTruthy();
  });
});

describe('routing edits', () => {
  it('moves a rule where it is dropped', () => {
    const next = moveRule(routing, 0, 2);
    expect(next.rules[2]!.id).toBe(routing.rules[0]!.id);
    expect(moveRule(routing, 1, 1)).toBe(routing);
  });

  it('keeps sort ids unique', () => {
    expect(
      sortIds([
        { id: 'a', pool: { users: ['x'] } },
        { id: 'a', pool: { users: ['y'] } },
      ]),
    ).toEqual(['a', 'a#1']);
  });

  it('reads weights as typed', () => {
    expect(parseWeights('zhangwei: 2，lina=1, bad')).toEqual({ zhangwei: 2, lina: 1 });
    expect(weightsText({ zhangwei: 2, lina: 1 })).toBe('zhangwei: 2, lina: 1');
  });
});
