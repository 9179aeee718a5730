import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import type { FieldInfo } from '../types.js';

const lead: FieldInfo[] = [
  { id: 'budget', type: 'money', label: { 'zh-CN': '预算', en: 'Budget' } },
  { id: 'source', type: 'enum' },
  { id: 'grade', type: 'enum' },
  { id: 'createdAt', type: 'datetime' },
  { id: 'tags', type: 'tags' },
  { id: 'customer', type: 'ref' },
  { id: 'isKey', type: 'boolean' },
];

const check = (logic: unknown) => compileExpression(logic, { fields: lead }).diagnostics;

describe('the type checker, given an entity’s field types', () => {
  it('accepts a well-typed routing condition (S42)', () => {
    expect(
      check({ and: [{ '>': [{ var: 'budget' }, 200000] }, { '==': [{ var: 'source' }, '官网'] }] }),
    ).toEqual([]);
  });

  it('reports an unknown field with the known ones listed (RL2007)', () => {
    const [d] = check({ '>': [{ var: 'budgetRange' }, 1] });
    expect(d).toMatchObject({
      code: 'RL2007',
      pointer: '/>/0/var',
      params: { field: 'budgetRange' },
    });
    expect(d?.hint.en).toContain('budget, source');
  });

  it('reports arithmetic on text, with the type names in both languages (RL2008)', () => {
    const [d] = check({ '*': [{ var: 'source' }, 2] });
    expect(d).toMatchObject({ code: 'RL2008', pointer: '/*/0' });
    expect(d?.message.en).toBe('argument 1 of "*" should be a number but is text');
    expect(d?.message['zh-CN']).toBe('运算符 "*" 的第 1 个参数应为数字，实际为文本');
  });

  it('reports comparing a yes/no field with a number, and a list used where text is needed', () => {
    expect(check({ '>': [{ var: 'isKey' }, 1] }).map((d) => d.code)).toEqual(['RL2008']);
    expect(check({ upper: [{ var: 'tags' }] }).map((d) => d.code)).toEqual(['RL2008']);
  });

  it('accepts dotted paths into reference fields and dates compared with date strings', () => {
    expect(check({ '==': [{ var: 'customer.grade' }, 'A'] })).toEqual([]);
    expect(check({ '<': [{ var: 'createdAt' }, '2026-03-01'] })).toEqual([]);
  });

  it('does not check inside loops, where var names the item', () => {
    expect(check({ some: [{ var: 'tags' }, { '==': [{ var: '' }, '制造业'] }] })).toEqual([]);
  });

  it('checks nothing about types when no fields are given (plain JsonLogic)', () => {
    expect(compileExpression({ '*': [{ var: 'source' }, 'x'] }).diagnostics).toEqual([]);
  });

  it('records which fields an expression reads', () => {
    const compiled = compileExpression(
      { if: [{ missing: ['budget', 'grade'] }, 0, { var: 'budget' }] },
      { fields: lead },
    );
    expect([...compiled.fieldsUsed].sort()).toEqual(['budget', 'grade']);
  });

  it('prefixes diagnostics with the expression’s place in its file', () => {
    const [d] = compileExpression(
      { var: 'nope' },
      { fields: lead, pointer: '/gates/0/when', file: 'p.json' },
    ).diagnostics;
    expect(d).toMatchObject({ pointer: '/gates/0/when/var', file: 'p.json' });
  });

  it('reports the wrong number of arguments for domain operators (RL2004)', () => {
    expect(compileExpression({ money_sub: [1] }).diagnostics[0]).toMatchObject({
      code: 'RL2004',
      params: { expected: '2', actual: 1 },
    });
  });
});
