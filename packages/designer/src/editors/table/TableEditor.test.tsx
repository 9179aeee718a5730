// @vitest-environment jsdom
import '../testing/setup.js';
import { compileTable, type Diagnostic } from '@ruleloom/engine';
import type { TableDefinition } from '@ruleloom/schemas';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EditorContext } from '../context.js';
import { exampleFile } from '../testing/examples.js';
import { TableEditor } from './TableEditor.js';
import { tryValue } from './TableTry.js';

const rebateTier = exampleFile<TableDefinition>('tables/rebate-tier.json');
const context: EditorContext = {
  files: {},
  path: 'tables/rebate-tier.json',
  locale: 'zh-CN',
  diagnostics: [],
};

describe('TableEditor', () => {
  it('when a row is added, then the table has one more row', () => {
    const onChange = vi.fn();
    render(<TableEditor value={rebateTier} onChange={onChange} context={context} />);
    fireEvent.click(screen.getByText('添加规则行'));
    const next = onChange.mock.calls[0]![0] as TableDefinition;
    expect(next.rows).toHaveLength(5);
    expect(next.rows[4]).toEqual({ id: 'row-5', then: { coefficient: 0 } });
  });

  it('when a cell is typed, then the row tests the new text', () => {
    const onChange = vi.fn();
    render(<TableEditor value={rebateTier} onChange={onChange} context={context} />);
    fireEvent.change(screen.getByLabelText('tier-b paymentRate'), { target: { value: '>= 90%' } });
    const next = onChange.mock.calls[0]![0] as TableDefinition;
    expect(next.rows[1]!.when).toEqual({ paymentRate: '>= 90%' });
  });

  it('given an unreadable range, then the engine message shows at the cell', () => {
    const broken: TableDefinition = {
      ...rebateTier,
      rows: rebateTier.rows.map((r, i) =>
        i === 0 ? { ...r, when: { ...r.when, newProductAmount: '[5万..20万' } } : r,
      ) as TableDefinition['rows'],
    };
    const found: Diagnostic[] = [];
    compileTable({ file: context.path, definition: broken }, { report: (d) => found.push(d) });
    const cellProblem = found.find((d) => d.pointer.startsWith('/rows/0/when/newProductAmount'));
    expect(cellProblem).toBeDefined();
    render(<TableEditor value={broken} onChange={vi.fn()} context={context} />);
    expect(screen.getByText(cellProblem!.message['zh-CN'])).toBeTruthy();
    expect(screen.getByText('决策表有错误，修正后才能试算')).toBeTruthy();
  });

  it('when input values are tried, then the matched row and outputs show', () => {
    render(<TableEditor value={rebateTier} onChange={vi.fn()} context={context} />);
    fireEvent.change(screen.getByLabelText('试算 paymentRate'), { target: { value: '0.9' } });
    fireEvent.change(screen.getByLabelText('试算 newProductAmount'), {
      target: { value: '100000' },
    });
    fireEvent.click(screen.getByRole('button', { name: /运\s*行/ }));
    expect(screen.getByText('{"coefficient":1.1}')).toBeTruthy();
    expect(document.querySelector('[data-row="tier-b"]')?.getAttribute('data-matched')).toBe(
      'true',
    );
  });

  it('given values written as in cells (90%, 35万), when tried, then they count as numbers and tier-a matches', () => {
    render(<TableEditor value={rebateTier} onChange={vi.fn()} context={context} />);
    fireEvent.change(screen.getByLabelText('试算 paymentRate'), { target: { value: '90%' } });
    fireEvent.change(screen.getByLabelText('试算 newProductAmount'), { target: { value: '35万' } });
    fireEvent.click(screen.getByRole('button', { name: /运\s*行/ }));
    expect(screen.getByText('{"coefficient":1.2}')).toBeTruthy();
    expect(document.querySelector('[data-row="tier-a"]')?.getAttribute('data-matched')).toBe(
      'true',
    );
  });

  it('when a column is removed, then its cells go from every row', () => {
    const onChange = vi.fn();
    render(<TableEditor value={rebateTier} onChange={onChange} context={context} />);
    fireEvent.click(screen.getByLabelText('删除列 newProductAmount'));
    const next = onChange.mock.calls[0]![0] as TableDefinition;
    expect(next.inputs.map((c) => c.id)).toEqual(['paymentRate']);
    expect(next.rows[0]!.when).toEqual({ paymentRate: '>= 85%' });
  });

  it('shows the aggregator only under collect', () => {
    const { rerender } = render(
      <TableEditor value={rebateTier} onChange={vi.fn()} context={context} />,
    );
    expect(screen.queryByLabelText('汇总方式')).toBeNull();
    rerender(
      <TableEditor
        value={{ ...rebateTier, hitPolicy: 'collect', aggregator: 'sum' }}
        onChange={vi.fn()}
        context={context}
      />,
    );
    expect(screen.getByLabelText('汇总方式')).toBeTruthy();
  });

  it('given a focus pointer into a row, then that row is outlined', () => {
    render(
      <TableEditor
        value={rebateTier}
        onChange={vi.fn()}
        context={{ ...context, focusPointer: '/rows/2/when/paymentRate' }}
      />,
    );
    expect(document.querySelector('[data-row="tier-c"]')?.getAttribute('data-focused')).toBe(
      'true',
    );
    expect(document.querySelector('[data-row="tier-a"]')?.getAttribute('data-focused')).toBe(
      'false',
    );
  });
});

describe('tryValue', () => {
  it('given numbers as admins write them, then they are numbers', () => {
    expect(tryValue('0.9')).toBe(0.9);
    expect(tryValue('90%')).toBe(0.9);
    expect(tryValue('35万')).toBe(350000);
    expect(tryValue('350,000')).toBe(350000);
    expect(tryValue('-3')).toBe(-3);
  });

  it('given a blank, a boolean or other text, then it is left out, a boolean, or the text', () => {
    expect(tryValue('  ')).toBeUndefined();
    expect(tryValue('true')).toBe(true);
    expect(tryValue('A 级')).toBe('A 级');
  });
});
