// @vitest-environment jsdom
import '../testing/setup.js';
import { parseFormula } from '@ruleloom/engine';
import type { FormulaDefinition } from '@ruleloom/schemas';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditorContext } from '../context.js';
import { exampleFile, exampleFiles } from '../testing/examples.js';
import { Controlled } from '../testing/Controlled.js';
import { FormulaEditor } from './FormulaEditor.js';

vi.mock('monaco-editor', () => ({}));
vi.mock('../../monaco/setupMonaco.js', () => ({}));
vi.mock('@monaco-editor/react', () => ({
  loader: { config: vi.fn() },
  // Uncontrolled, as the formula text editor uses monaco: the text starts as defaultValue.
  default: (props: { defaultValue?: string; onChange: (text: string) => void }) => (
    <textarea
      aria-label="formula text"
      defaultValue={props.defaultValue}
      onChange={(e) => props.onChange(e.target.value)}
    />
  ),
}));

const files = exampleFiles();
const context = (path: string): EditorContext => ({
  files,
  path,
  locale: 'zh-CN',
  diagnostics: [],
});

describe('FormulaEditor', () => {
  const bonus = exampleFile<FormulaDefinition>('formulas/new-product-bonus.json');

  it('shows the formula text in the (lazily loaded) editor', async () => {
    render(
      <FormulaEditor
        value={bonus}
        onChange={vi.fn()}
        context={context('formulas/new-product-bonus.json')}
      />,
    );
    const editor = (await screen.findByLabelText('formula text')) as HTMLTextAreaElement;
    expect(editor.value).toBe('MONEY_MUL(本单新品金额, 0.02, 2)');
    expect(screen.getByText('公式无误')).toBeTruthy();
  });

  it('when a typo is typed, then the text is saved and the engine diagnostic shows', async () => {
    const onChange = vi.fn();
    render(
      <Controlled
        initial={bonus}
        onChange={onChange}
        editor={FormulaEditor}
        context={context('formulas/new-product-bonus.json')}
      />,
    );
    const typo = 'MONEY_MUL(本单新品金, 0.02, 2)';
    fireEvent.change(await screen.findByLabelText('formula text'), { target: { value: typo } });
    expect(onChange).toHaveBeenLastCalledWith({ ...bonus, text: typo });
    const [diagnostic] = parseFormula(typo, {
      fields: bonus.inputs.map((i) => ({ id: i.id, type: i.type, label: i.label! })),
    }).diagnostics;
    expect(screen.getByText(`${diagnostic!.code} ${diagnostic!.message['zh-CN']}`)).toBeTruthy();
  });

  it('given a JsonLogic formula, then edits that parse are saved as JsonLogic', async () => {
    const onChange = vi.fn();
    const health = exampleFile<FormulaDefinition>('formulas/customer-health-score.json');
    render(
      <FormulaEditor
        value={health}
        onChange={onChange}
        context={context('formulas/customer-health-score.json')}
      />,
    );
    const editor = (await screen.findByLabelText('formula text')) as HTMLTextAreaElement;
    expect(editor.value).toContain('NPS');
    fireEvent.change(editor, { target: { value: 'MONEY_MUL(NPS, 0.5)' } });
    expect(onChange).toHaveBeenLastCalledWith({
      ...health,
      expression: { money_mul: [{ var: 'nps' }, 0.5] },
    });
    onChange.mockClear();
    fireEvent.change(editor, { target: { value: 'MONEY_MUL(NPS, ' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').length).toBeGreaterThan(0);
  });

  it('when tried, then the engine value shows', async () => {
    render(
      <FormulaEditor
        value={bonus}
        onChange={vi.fn()}
        context={context('formulas/new-product-bonus.json')}
      />,
    );
    fireEvent.change(screen.getByLabelText('试算 orderNewProductAmount'), {
      target: { value: '10000' },
    });
    fireEvent.click(screen.getByRole('button', { name: /运\s*行/ }));
    expect(screen.getByTestId('formula-value').textContent).toBe('200');
  });

  it('when an input is added, then the formula has one more input', () => {
    const onChange = vi.fn();
    render(
      <FormulaEditor
        value={bonus}
        onChange={onChange}
        context={context('formulas/new-product-bonus.json')}
      />,
    );
    fireEvent.click(screen.getByText('添加输入项'));
    const next = onChange.mock.calls[0]![0] as FormulaDefinition;
    expect(next.inputs).toHaveLength(2);
    expect(next.inputs[1]).toEqual({ id: 'input', label: '输入项', type: 'number' });
  });
});
