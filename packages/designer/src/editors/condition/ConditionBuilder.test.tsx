// @vitest-environment jsdom
import '../testing/setup.js';
import { compileExpression } from '@ruleloom/engine';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConditionBuilder } from './ConditionBuilder.js';
import type { ConditionField } from './operators.js';

const fields: ConditionField[] = [
  { id: 'amount', label: '报价金额', type: 'money' },
  {
    id: 'intentGrade',
    label: '意向等级',
    type: 'enum',
    options: [
      { value: 'A', label: 'A级' },
      { value: 'B', label: 'B级' },
    ],
  },
  { id: 'note', label: '备注', type: 'text' },
];

describe('ConditionBuilder', () => {
  it('given no condition, when a row is added, then it writes a rule on the first field', () => {
    const onChange = vi.fn();
    render(
      <ConditionBuilder value={undefined} onChange={onChange} fields={fields} locale="zh-CN" />,
    );
    expect(screen.getByText('无条件（总是成立）')).toBeTruthy();
    fireEvent.click(screen.getAllByText('添加条件')[0]!);
    expect(onChange).toHaveBeenCalledWith({ '==': [{ var: 'amount' }, 0] });
  });

  it('given a rule, when its number is typed, then the new value is written', () => {
    const onChange = vi.fn();
    render(
      <ConditionBuilder
        value={{ '>': [{ var: 'amount' }, 50000] }}
        onChange={onChange}
        fields={fields}
        locale="zh-CN"
      />,
    );
    const input = screen.getByLabelText('值') as HTMLInputElement;
    expect(input.value).toContain('50');
    fireEvent.change(input, { target: { value: '80000' } });
    expect(onChange).toHaveBeenLastCalledWith({ '>': [{ var: 'amount' }, 80000] });
  });

  it('given two rows, when the group is switched to OR, then an or is written', () => {
    const onChange = vi.fn();
    const value = {
      and: [{ '==': [{ var: 'intentGrade' }, 'B'] }, { contains: [{ var: 'note' }, '付款'] }],
    };
    render(<ConditionBuilder value={value} onChange={onChange} fields={fields} locale="zh-CN" />);
    fireEvent.click(screen.getByText('满足任一条件（或者）'));
    expect(onChange).toHaveBeenCalledWith({ or: value.and });
  });

  it('keeps logic it cannot show as a read-only 高级条件 row', () => {
    const onChange = vi.fn();
    const advanced = { '>': [{ since: [{ var: 'createdAt' }, 'h'] }, 48] };
    render(
      <ConditionBuilder
        value={{ and: [advanced, { '==': [{ var: 'intentGrade' }, 'B'] }] }}
        onChange={onChange}
        fields={fields}
        locale="zh-CN"
      />,
    );
    expect(screen.getByText('高级条件')).toBeTruthy();
    expect(screen.getByText(JSON.stringify(advanced))).toBeTruthy();
    // Deleting the other row keeps the advanced one.
    const rows = document.querySelectorAll('.rl-condition-rule');
    fireEvent.click(within(rows[0] as HTMLElement).getByLabelText('删除'));
    expect(onChange).toHaveBeenCalledWith(advanced);
  });

  it('given the last row, when it is deleted, then there is no condition', () => {
    const onChange = vi.fn();
    render(
      <ConditionBuilder
        value={{ missing: ['note'] }}
        onChange={onChange}
        fields={fields}
        locale="en"
      />,
    );
    expect(screen.getByText('is empty')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Delete'));
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('shows the engine diagnostic of a rule on an unknown field', () => {
    const value = { '==': [{ var: 'budgett' }, 5] };
    const [expected] = compileExpression(value, {
      fields: fields.map((f) => ({ id: f.id, type: f.type as 'text', label: f.label })),
    }).diagnostics;
    expect(expected).toBeDefined();
    render(<ConditionBuilder value={value} onChange={vi.fn()} fields={fields} locale="zh-CN" />);
    expect(screen.getByText(`${expected!.code} ${expected!.message['zh-CN']}`)).toBeTruthy();
  });

  it('adds a nested OR group', () => {
    const onChange = vi.fn();
    render(
      <ConditionBuilder
        value={{ '==': [{ var: 'intentGrade' }, 'B'] }}
        onChange={onChange}
        fields={fields}
        locale="zh-CN"
      />,
    );
    fireEvent.click(screen.getByText('添加条件组'));
    expect(onChange).toHaveBeenCalledWith({
      and: [{ '==': [{ var: 'intentGrade' }, 'B'] }, { or: [{ '==': [{ var: 'amount' }, 0] }] }],
    });
  });
});
