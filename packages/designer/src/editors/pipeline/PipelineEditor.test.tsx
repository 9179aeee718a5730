// @vitest-environment jsdom
import '../testing/setup.js';
import type { Diagnostic } from '@ruleloom/engine';
import type { PipelineDefinition } from '@ruleloom/schemas';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditorContext } from '../context.js';
import { exampleFile, exampleFiles } from '../testing/examples.js';
import { GateEditor } from './GateEditor.js';
import { layoutStages } from './graph.js';
import { PipelineEditor } from './PipelineEditor.js';

const opportunity = exampleFile<PipelineDefinition>('pipelines/opportunity.json');
const files = exampleFiles();

function context(more: Partial<EditorContext> = {}): EditorContext {
  return {
    files,
    path: 'pipelines/opportunity.json',
    locale: 'zh-CN',
    diagnostics: [],
    ...more,
  };
}

const problem = (pointer: string): Diagnostic => ({
  severity: 'error',
  code: 'RL1203',
  message: { 'zh-CN': '未知字段 "budgetRang"', en: 'unknown field "budgetRang"' },
  hint: { 'zh-CN': '', en: '' },
  pointer,
  params: {},
});

/** Opens an antd select and picks the option with this text. */
function pick(select: HTMLElement, option: string): void {
  fireEvent.mouseDown(select.closest('.ant-select') ?? select);
  const options = screen.getAllByTitle(option);
  fireEvent.click(options[options.length - 1]!);
}

describe('PipelineEditor', () => {
  it('shows every stage as a node', () => {
    render(<PipelineEditor value={opportunity} onChange={vi.fn()} context={context()} />);
    for (const label of ['线索', '方案', '报价', '合同', '回款', '回款完成']) {
      expect(document.querySelector(`.rl-stage-node`)?.textContent).toBeTruthy();
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
    expect(document.querySelectorAll('.rl-stage-node')).toHaveLength(7);
  });

  it('given a diagnostic inside a stage, then that node carries a red badge', () => {
    render(
      <PipelineEditor
        value={opportunity}
        onChange={vi.fn()}
        context={context({ diagnostics: [problem('/stages/2/entryGate/requiredFields/0')] })}
      />,
    );
    const quote = document.querySelector('[data-stage="quote"]') as HTMLElement;
    expect(quote.dataset['problems']).toBe('1');
    expect((document.querySelector('[data-stage="lead"]') as HTMLElement).dataset['problems']).toBe(
      '0',
    );
  });

  it('when a stage is added, then the pipeline has one more stage', () => {
    const onChange = vi.fn();
    render(<PipelineEditor value={opportunity} onChange={onChange} context={context()} />);
    fireEvent.click(screen.getByText('添加阶段'));
    const next = onChange.mock.calls[0]![0] as PipelineDefinition;
    expect(next.stages).toHaveLength(8);
    expect(next.stages.at(-1)).toEqual({ id: 'stage', label: '新阶段' });
  });

  it('given a focus pointer into a transition, then its gate drawer opens', () => {
    render(
      <PipelineEditor
        value={opportunity}
        onChange={vi.fn()}
        context={context({ focusPointer: '/transitions/1/approvals/0/when' })}
      />,
    );
    expect(screen.getByText('流转闸门：方案 → 报价')).toBeTruthy();
    // The gate is explained, and the approval is headed by its name, not its id.
    expect(screen.getByText(/闸门是推进前必须满足的条件/)).toBeTruthy();
    expect(screen.getByText('大额报价审批', { selector: '.ant-card-head-title' })).toBeTruthy();
    expect(screen.getByDisplayValue('large-quote')).toBeTruthy();
  });

  it('given a focus pointer into a stage, then its panel opens and renames it', () => {
    const onChange = vi.fn();
    render(
      <PipelineEditor
        value={opportunity}
        onChange={onChange}
        context={context({ focusPointer: '/stages/2' })}
      />,
    );
    expect(screen.getByText('阶段：报价')).toBeTruthy();
    const name = screen.getByLabelText('阶段名称') as HTMLInputElement;
    expect(name.value).toBe('报价');
    fireEvent.change(name, { target: { value: '报价单' } });
    const next = onChange.mock.calls[0]![0] as PipelineDefinition;
    expect(next.stages[2]!.label).toEqual({ 'zh-CN': '报价单', en: 'Quote' });
  });
});

describe('PipelineEditor: stage positions (layout.positions)', () => {
  /** The canvas position a stage node is drawn at (its React Flow transform). */
  function drawnAt(stage: string): string | undefined {
    const node = document.querySelector(`.react-flow__node[data-id="${stage}"]`) as HTMLElement;
    return /translate\(([^)]*)\)/.exec(node.style.transform)?.[1];
  }

  it('given saved positions, then each stage is drawn where its position says', () => {
    const positions = Object.fromEntries(
      opportunity.stages.map((s, i) => [s.id, { x: i * 250, y: 100 + i }]),
    );
    render(
      <PipelineEditor
        value={{ ...opportunity, layout: { positions } }}
        onChange={vi.fn()}
        context={context()}
      />,
    );
    expect(drawnAt('lead')).toBe('0px,100px');
    expect(drawnAt('quote')).toBe('500px,102px');
  });

  it('given no saved positions, then the stages are drawn where dagre lays them out', () => {
    render(<PipelineEditor value={opportunity} onChange={vi.fn()} context={context()} />);
    const quote = layoutStages(opportunity)['quote']!;
    expect(drawnAt('quote')).toBe(`${quote.x}px,${quote.y}px`);
  });

  it('given no saved positions, when a stage is moved and let go, then one edit saves every stage where it is drawn, rounded', () => {
    const onChange = vi.fn();
    render(
      <PipelineEditor
        value={opportunity}
        onChange={onChange}
        context={context({ focusPointer: '/stages/2' })}
      />,
    );
    // An arrow key moves the selected stage and lets go at once: the same change as a drop.
    fireEvent.keyDown(document.querySelector('.react-flow__node[data-id="quote"]')!, {
      key: 'ArrowRight',
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    const next = onChange.mock.calls[0]![0] as PipelineDefinition;
    const auto = layoutStages(opportunity);
    const positions = next.layout!.positions!;
    expect(Object.keys(positions)).toEqual(opportunity.stages.map((s) => s.id));
    expect(positions['quote']!.x).toBeGreaterThan(Math.round(auto['quote']!.x));
    expect(positions['lead']).toEqual({
      x: Math.round(auto['lead']!.x),
      y: Math.round(auto['lead']!.y),
    });
    for (const at of Object.values(positions)) {
      expect(Number.isInteger(at!.x) && Number.isInteger(at!.y)).toBe(true);
    }
    expect(next.stages).toEqual(opportunity.stages);
  });

  it('when 自动布局 is clicked, then one edit saves the dagre positions', () => {
    const onChange = vi.fn();
    const moved = { ...opportunity, layout: { positions: { lead: { x: 999, y: 999 } } } };
    render(<PipelineEditor value={moved} onChange={onChange} context={context()} />);
    fireEvent.click(screen.getByText('自动布局'));
    expect(onChange).toHaveBeenCalledTimes(1);
    const auto = layoutStages(opportunity);
    const next = onChange.mock.calls[0]![0] as PipelineDefinition;
    expect(next.layout!.positions!['lead']).toEqual({
      x: Math.round(auto['lead']!.x),
      y: Math.round(auto['lead']!.y),
    });
  });

  it('given a pipeline laid out by dagre already, when 自动布局 is clicked, then nothing is edited', () => {
    const positions = Object.fromEntries(
      Object.entries(layoutStages(opportunity)).map(([id, at]) => [
        id,
        { x: Math.round(at.x), y: Math.round(at.y) },
      ]),
    );
    const onChange = vi.fn();
    render(
      <PipelineEditor
        value={{ ...opportunity, layout: { positions } }}
        onChange={onChange}
        context={context()}
      />,
    );
    fireEvent.click(screen.getByText('自动布局'));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('GateEditor (S38: 方案 → 报价 needs the requirement survey)', () => {
  const transition = { id: 'send-quote', from: 'proposal', to: 'quote' };
  const stages = opportunity.stages.map((s) => ({
    value: s.id,
    label: (s.label as { 'zh-CN': string })['zh-CN'],
  }));
  const fields = [
    { id: 'budgetRange', label: '预算范围', type: 'enum' },
    { id: 'decisionRole', label: '决策角色', type: 'enum' },
    { id: 'amount', label: '报价金额', type: 'money' },
    { id: 'poAcceptanceScan', label: 'PO验收单', type: 'attachment' },
  ];
  const parties = { roles: [{ value: 'sales-director', label: '销售总监' }], userFields: [] };

  function renderGate(onChange = vi.fn(), value: object = transition) {
    render(
      <GateEditor
        transition={value as typeof transition}
        onChange={onChange}
        onDelete={vi.fn()}
        onClose={vi.fn()}
        stages={stages}
        fields={fields}
        parties={parties}
        diagnostics={[]}
        locale="zh-CN"
      />,
    );
    return onChange;
  }

  it('when a required field is picked, then the gate requires it', () => {
    const onChange = renderGate();
    pick(screen.getByLabelText('必填字段'), '预算范围 (budgetRange)');
    expect(onChange).toHaveBeenLastCalledWith({
      ...transition,
      gate: { requiredFields: ['budgetRange'] },
    });
  });

  it('offers only attachment fields as required attachments', () => {
    const onChange = renderGate();
    pick(screen.getByLabelText('必传附件'), 'PO验收单 (poAcceptanceScan)');
    expect(onChange).toHaveBeenLastCalledWith({
      ...transition,
      gate: { requiredAttachments: ['poAcceptanceScan'] },
    });
  });

  it('when a check is added, then it has an expression and a message', () => {
    const onChange = renderGate();
    fireEvent.click(screen.getByText('添加校验条件'));
    expect(onChange).toHaveBeenLastCalledWith({
      ...transition,
      gate: {
        conditions: [
          {
            expression: { '==': [{ var: 'budgetRange' }, ''] },
            message: '条件不满足，请检查后再推进',
          },
        ],
      },
    });
  });

  it('when the last required field is removed, then the gate goes away', () => {
    const onChange = renderGate(vi.fn(), { ...transition, gate: { requiredFields: ['amount'] } });
    const select = screen.getByLabelText('必填字段').closest('.ant-select') as HTMLElement;
    fireEvent.click(within(select).getByLabelText('close'));
    expect(onChange).toHaveBeenLastCalledWith(transition);
  });

  it('adds an approval with one step approved by a role', () => {
    const onChange = renderGate();
    fireEvent.click(screen.getByText('添加审批'));
    expect(onChange).toHaveBeenLastCalledWith({
      ...transition,
      approvals: [
        {
          id: 'approval',
          label: '审批',
          steps: [{ id: 'step', approvers: [{ role: 'sales-director' }], mode: 'first' }],
        },
      ],
    });
  });
});
