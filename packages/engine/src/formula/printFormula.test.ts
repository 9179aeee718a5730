import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../expr/types.js';
import { parseFormula, printFormula } from './index.js';

const fields: FieldInfo[] = [
  { id: 'paymentRate', type: 'percent', label: { 'zh-CN': '回款率', en: 'Payment rate' } },
  {
    id: 'newProductAmount',
    type: 'money',
    label: { 'zh-CN': '新品采购额', en: 'NewProductAmount' },
  },
  { id: 'expectedAmount', type: 'money', label: { 'zh-CN': '预计 金额' } },
  { id: 'customer', type: 'ref', label: '客户' },
  { id: 'customerName', type: 'text', label: { 'zh-CN': '名称' } },
  { id: 'productName', type: 'text', label: { 'zh-CN': '名称' } },
  { id: 'stage', type: 'enum', label: { 'zh-CN': 'paymentRate', en: 'Stage' } },
  { id: 'flag', type: 'boolean', label: 'TRUE' },
  { id: 'remark', type: 'text', label: '备注]' },
  { id: 'owner', type: 'user', label: 'customer' },
  { id: 'a', type: 'ref', label: 'L' },
  { id: 'z', type: 'text', label: 'a.b' },
];

const v = (path: string) => ({ var: path });

const rebate = {
  if: [
    { and: [{ '>=': [v('paymentRate'), 0.85] }, { '>=': [v('newProductAmount'), 300000] }] },
    1.2,
    1,
  ],
};

function textOf(
  logic: unknown,
  options: Parameters<typeof printFormula>[1] = {},
): string | undefined {
  const result = printFormula(logic, options);
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
  // Every printed example must also read back to the same logic.
  expect(parseFormula(result.text ?? '', options).logic).toStrictEqual(logic);
  return result.text;
}

function problemsOf(logic: unknown, options: Parameters<typeof printFormula>[1] = {}) {
  const result = printFormula(logic, options);
  expect(result.ok).toBe(false);
  return result.diagnostics.map((d) => [d.code, d.pointer]);
}

describe('printFormula', () => {
  it('prints the rebate rule by ids, or by labels in either locale', () => {
    expect(textOf(rebate)).toBe('IF(AND(paymentRate >= 0.85, newProductAmount >= 300000), 1.2, 1)');
    expect(textOf(rebate, { fields, useLabels: 'zh-CN' })).toBe(
      'IF(AND(回款率 >= 0.85, 新品采购额 >= 300000), 1.2, 1)',
    );
    expect(textOf(rebate, { fields, useLabels: 'en' })).toBe(
      'IF(AND([Payment rate] >= 0.85, NewProductAmount >= 300000), 1.2, 1)',
    );
  });

  describe('labels', () => {
    it.each([
      ['brackets a label that is not a plain name', 'expectedAmount', '[预计 金额]'],
      ['doubles a ] inside brackets', 'remark', '[备注]]]'],
      ['brackets a label that reads as a literal', 'flag', '[TRUE]'],
      ['prints a path inside a field after its label', 'customer.grade', '客户.grade'],
      ['falls back to the id when the label is shared', 'customerName', 'customerName'],
      ['uses another locale’s label when this one is another field’s id', 'stage', 'Stage'],
      ['falls back to the id when no label reads back', 'owner', 'owner'],
    ])('%s', (_, path, text) => {
      expect(textOf(v(path), { fields, useLabels: 'zh-CN' })).toBe(text);
    });

    it('reads a path under an id as that path even where a dotted label looks the same', () => {
      expect(parseFormula('a.b', { fields }).logic).toStrictEqual(v('a.b'));
      expect(parseFormula('L.b', { fields }).logic).toStrictEqual(v('a.b'));
      // Brackets keep a dotted label whole.
      expect(parseFormula('[a.b]', { fields }).logic).toStrictEqual(v('z'));
      expect(textOf(v('a.b'), { fields })).toBe('a.b');
      expect(textOf(v('a.b'), { fields, useLabels: 'zh-CN' })).toBe('L.b');
      expect(textOf(v('z'), { fields, useLabels: 'zh-CN' })).toBe('[a.b]');
    });

    it('uses another locale’s label when the asked one is missing', () => {
      expect(textOf(v('stage'), { fields, useLabels: 'en' })).toBe('Stage');
      expect(textOf(v('expectedAmount'), { fields, useLabels: 'en' })).toBe('[预计 金额]');
    });

    it('reports a field that is not in the list, and still gives the text', () => {
      const result = printFormula({ '>': [v('budget'), 1] }, { fields, useLabels: 'zh-CN' });
      expect(result.ok).toBe(false);
      expect(result.text).toBe('budget > 1');
      expect(result.diagnostics.map((d) => [d.code, d.pointer, d.params['field']])).toEqual([
        ['RL4024', '/>/0/var', 'budget'],
      ]);
    });
  });

  describe('brackets: only where needed', () => {
    it.each([
      [{ '*': [{ '+': [v('a'), v('b')] }, v('c')] }, '(a + b) * c'],
      [{ '+': [v('a'), { '*': [v('b'), v('c')] }] }, 'a + b * c'],
      [{ '-': [{ '-': [v('a'), v('b')] }, v('c')] }, 'a - b - c'],
      [{ '-': [v('a'), { '-': [v('b'), v('c')] }] }, 'a - (b - c)'],
      [{ '-': [v('a'), { '+': [v('b'), v('c')] }] }, 'a - (b + c)'],
      [{ '+': [{ '-': [v('a'), v('b')] }, v('c')] }, 'a - b + c'],
      [{ '+': [{ '+': [v('a'), v('b')] }, v('c')] }, '(a + b) + c'],
      [{ '+': [v('a'), v('b'), v('c')] }, 'a + b + c'],
      [{ '/': [v('a'), { '*': [v('b'), v('c')] }] }, 'a / (b * c)'],
      [{ cat: [v('a'), { '+': [v('b'), 1] }] }, 'a & b + 1'],
      [{ '+': [{ cat: [v('a'), v('b')] }, 1] }, '(a & b) + 1'],
      [{ '==': [{ '<': [v('a'), v('b')] }, true] }, '(a < b) = TRUE'],
      [{ '<': [0, v('a'), 1] }, '0 < a < 1'],
      [{ '<': [{ '<': [v('a'), v('b')] }, v('c')] }, '(a < b) < c'],
      [{ '*': [{ '-': [v('a')] }, v('b')] }, '-a * b'],
      [{ '-': [{ '*': [v('a'), v('b')] }] }, '-(a * b)'],
      [{ '-': [{ '-': [v('a')] }] }, '-(-a)'],
      [{ '-': [5] }, '-(5)'],
      [{ '-': [-5] }, '-(-5)'],
      [{ '-': [v('a'), -5] }, 'a - -5'],
      [{ '+': [v('a')] }, '+a'],
      [{ '*': [v('a')] }, 'PRODUCT(a)'],
      [{ cat: [v('a')] }, 'CONCAT(a)'],
      [{ '!': [{ '==': [v('a'), 1] }] }, 'NOT(a = 1)'],
    ])('%j → %s', (logic, text) => {
      expect(textOf(logic)).toBe(text);
    });
  });

  describe('values', () => {
    it.each([
      [0.85, '0.85'],
      [300000, '300000'],
      [1e21, '1e+21'],
      [5e-7, '5e-7'],
      [-0, '-0'],
      [-12.5, '-12.5'],
      ['a"b', '"a""b"'],
      ['C:\\dir', '"C:\\dir"'],
      ['ends\\', '"ends\\\\"'],
      ['\\"', '"\\\\"""'],
      ['“中文”', '"“中文”"'],
      ['多\n行', '"多\n行"'],
      [true, 'TRUE'],
      [null, 'NULL'],
      [[1, 'a', []], '{1, "a", {}}'],
    ])('%j → %s', (logic, text) => {
      expect(textOf(logic)).toBe(text);
    });
  });

  describe('functions', () => {
    it.each([
      [{ if: [v('a'), 1, v('b'), 2, 3] }, 'IF(a, 1, b, 2, 3)'],
      [{ '+': [v('a'), v('b')] }, 'a + b'],
      [{ sum: [v('xs')] }, 'SUM(xs)'],
      [{ '%': [v('a'), 3] }, 'MOD(a, 3)'],
      [{ now: [] }, 'NOW()'],
      [{ '===': [v('a'), 1] }, 'STRICTEQ(a, 1)'],
      [{ var: ['a', 0] }, 'VAR("a", 0)'],
      [{ var: ['a'] }, 'VAR("a")'],
      [{ missing: ['a', 'b c'] }, 'MISSING(a, [b c])'],
      [{ missing: [['a', 'b']] }, 'MISSING({a, b})'],
      [{ missing_some: [1, ['a', 'b']] }, 'MISSING_SOME(1, {a, b})'],
      [{ filter: [v('orders'), { '>': [v('amount'), 100] }] }, 'FILTER(orders, item.amount > 100)'],
      [{ map: [v('xs'), { '*': [v(''), 2] }] }, 'MAP(xs, item * 2)'],
      [{ map: [v('xs'), v('a b.c')] }, 'MAP(xs, item.[a b].c)'],
      [{ map: [v('xs'), v('a..b')] }, 'MAP(xs, item.[a..b])'],
      [
        { reduce: [v('orders'), { '+': [v('accumulator'), v('current.amount')] }, 0] },
        'REDUCE(orders, acc + item.amount, 0)',
      ],
      [{ missing: ['x'] }, 'MISSING(x)'],
      [{ filter: [v('xs'), { missing: ['qty'] }] }, 'FILTER(xs, MISSING(item.qty))'],
    ])('%j → %s', (logic, text) => {
      expect(textOf(logic)).toBe(text);
    });

    it('writes MISSING’s names as text when they are not fields', () => {
      expect(textOf({ missing: ['paymentRate', 'zzz'] }, { fields, useLabels: 'zh-CN' })).toBe(
        'MISSING(回款率, "zzz")',
      );
    });
  });

  describe('what has no formula-text form', () => {
    it.each([
      ['an unknown operator', { '+': [1, { foo: [1] }] }, 'RL4020', '/+/1/foo'],
      ['the ?: alias of if', { '?:': [true, 1, 2] }, 'RL4020', '/?:'],
      ['an argument count no form takes', { if: [true] }, 'RL4021', '/if'],
      ['a three-operand >', { '>': [1, 2, 3] }, 'RL4021', '/>'],
      ['an object that is not an operation', { '+': [1, { a: 1, b: 2 }] }, 'RL4022', '/+/1'],
      ['an empty object', {}, 'RL4022', ''],
      ['a number JSON cannot hold', Number.NaN, 'RL4022', ''],
      ['undefined', undefined, 'RL4022', ''],
      ['the whole record', v(''), 'RL4025', '/var'],
      [
        'a var inside REDUCE outside current and accumulator',
        { reduce: [v('xs'), v('x'), 0] },
        'RL4025',
        '/reduce/1/var',
      ],
      [
        'a field reference where MISSING takes names',
        { missing: [v('a')] },
        'RL4025',
        '/missing/0',
      ],
    ])('%s', (_, logic, code, pointer) => {
      expect(problemsOf(logic)).toEqual([[code, pointer]]);
    });

    it('reports every part that cannot print', () => {
      expect(problemsOf({ and: [{ foo: 1 }, { bar: 2 }] })).toEqual([
        ['RL4020', '/and/0/foo'],
        ['RL4020', '/and/1/bar'],
      ]);
    });

    it('escapes ~ and / in pointers', () => {
      expect(problemsOf({ 'a/b~': [1] })).toEqual([['RL4020', '/a~1b~0']]);
    });
  });

  describe('JsonLogic shorthand', () => {
    it('prints {"op": x} like {"op": [x]}, which is what it reads back as', () => {
      expect(printFormula({ '!': v('a') }).text).toBe('NOT(a)');
      expect(parseFormula('NOT(a)').logic).toStrictEqual({ '!': [v('a')] });
      expect(printFormula({ var: 1 }).text).toBe('VAR(1)');
      expect(printFormula({ missing: 'a' }).text).toBe('MISSING(a)');
    });
  });
});
