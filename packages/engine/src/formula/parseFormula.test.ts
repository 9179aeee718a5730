import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../expr/types.js';
import { parseFormula } from './index.js';

const fields: FieldInfo[] = [
  { id: 'paymentRate', type: 'percent', label: { 'zh-CN': '回款率', en: 'Payment rate' } },
  {
    id: 'newProductAmount',
    type: 'money',
    label: { 'zh-CN': '新品采购额', en: 'New product amount' },
  },
  { id: 'expectedAmount', type: 'money', label: { 'zh-CN': '预计 金额' } },
  { id: 'customer', type: 'ref', label: '客户' },
  { id: 'customerName', type: 'text', label: { 'zh-CN': '名称' } },
  { id: 'productName', type: 'text', label: { 'zh-CN': '名称' } },
  { id: 'stage', type: 'enum', label: { 'zh-CN': 'paymentRate' } },
  { id: 'flag', type: 'boolean', label: 'TRUE' },
];

const v = (path: string) => ({ var: path });

function logicOf(text: string, withFields = false): unknown {
  const result = parseFormula(text, withFields ? { fields } : {});
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
  return result.logic;
}

function problemsOf(text: string, withFields = false): [string, number | undefined][] {
  const result = parseFormula(text, withFields ? { fields } : {});
  expect(result.ok).toBe(false);
  expect(result.logic).toBeUndefined();
  return result.diagnostics.map((d) => [d.code, d.column]);
}

describe('parseFormula', () => {
  it('reads the rebate rule, mapping Chinese labels to field ids', () => {
    expect(logicOf('IF(AND(回款率 >= 0.85, 新品采购额 >= 300000), 1.2, 1)', true)).toStrictEqual({
      if: [
        { and: [{ '>=': [v('paymentRate'), 0.85] }, { '>=': [v('newProductAmount'), 300000] }] },
        1.2,
        1,
      ],
    });
  });

  it.each([
    ['the id', 'paymentRate >= 0.85'],
    ['the English label, bracketed', '[Payment rate] >= 0.85'],
    ['the Chinese label in Chinese brackets', '【回款率】 >= 0.85'],
    ['a percent literal', '回款率 >= 85%'],
    ['full-width punctuation from a Chinese IME', '（回款率）＞＝８５％'],
    ['a ≥ sign', '回款率≥0.85'],
    ['a leading = as in Excel', '= 回款率 >= 0.85'],
  ])('names a field by %s', (_, text) => {
    expect(logicOf(text, true)).toStrictEqual({ '>=': [v('paymentRate'), 0.85] });
  });

  describe('names', () => {
    it('prefers an exact id over another field’s label', () => {
      // `stage` has the label "paymentRate"; the id of the other field wins.
      expect(logicOf('paymentRate', true)).toStrictEqual(v('paymentRate'));
    });

    it('reads a bracketed label with spaces, and paths inside a field', () => {
      expect(logicOf('[预计 金额] * 0.3', true)).toStrictEqual({ '*': [v('expectedAmount'), 0.3] });
      expect(logicOf('客户.grade = "A"', true)).toStrictEqual({ '==': [v('customer.grade'), 'A'] });
      expect(logicOf('[客户].[等 级]', true)).toStrictEqual(v('customer.等 级'));
    });

    it('takes any name as a field id when no fields are given', () => {
      expect(logicOf('customer.grade')).toStrictEqual(v('customer.grade'));
      expect(logicOf('订单.0.金额')).toStrictEqual(v('订单.0.金额'));
      expect(logicOf('[a]]b]')).toStrictEqual(v('a]b'));
      expect(logicOf('_x1 + é')).toStrictEqual({ '+': [v('_x1'), v('é')] });
    });

    it('reads TRUE, FALSE and NULL in any case as literals, and [TRUE] as a field', () => {
      expect(logicOf('{TRUE, false, Null}')).toStrictEqual([true, false, null]);
      expect(logicOf('[TRUE]', true)).toStrictEqual(v('flag'));
    });

    it('reports an unknown field with the known ones, closest first', () => {
      const result = parseFormula('回款 > 1', { fields });
      expect(result.diagnostics).toHaveLength(1);
      const [problem] = result.diagnostics;
      expect(problem?.code).toBe('RL4007');
      expect(problem?.column).toBe(1);
      expect(problem?.message['zh-CN']).toBe('公式第 1 列的字段 "回款" 不存在');
      expect(problem?.hint['zh-CN']).toMatch(/^可用字段：回款率 \(paymentRate\), /);
    });

    it('reports an ambiguous label with the ids it could mean', () => {
      const [problem] = parseFormula('名称 = "x"', { fields }).diagnostics;
      expect(problem?.code).toBe('RL4008');
      expect(problem?.params['candidates']).toBe('customerName, productName');
    });

    it('reports every unknown field in one pass', () => {
      expect(problemsOf('IF(x > 1, y, 回款率)', true)).toEqual([
        ['RL4007', 4],
        ['RL4007', 11],
      ]);
    });
  });

  describe('operators and precedence', () => {
    it.each([
      ['1 + 2 * 3', { '+': [1, { '*': [2, 3] }] }],
      ['(1 + 2) * 3', { '*': [{ '+': [1, 2] }, 3] }],
      ['a + b + c', { '+': [v('a'), v('b'), v('c')] }],
      ['(a + b) + c', { '+': [{ '+': [v('a'), v('b')] }, v('c')] }],
      ['a - b - c', { '-': [{ '-': [v('a'), v('b')] }, v('c')] }],
      ['a - (b - c)', { '-': [v('a'), { '-': [v('b'), v('c')] }] }],
      ['a / b * c', { '*': [{ '/': [v('a'), v('b')] }, v('c')] }],
      ['a + b - c + d', { '+': [{ '-': [{ '+': [v('a'), v('b')] }, v('c')] }, v('d')] }],
      ['-a * b', { '*': [{ '-': [v('a')] }, v('b')] }],
      ['-(a * b)', { '-': [{ '*': [v('a'), v('b')] }] }],
      ['2 * -3', { '*': [2, -3] }],
      ['-5', -5],
      ['-(5)', { '-': [5] }],
      ['--5', { '-': [-5] }],
      ['+a', { '+': [v('a')] }],
      ['a & b + c', { cat: [v('a'), { '+': [v('b'), v('c')] }] }],
      ['a & b & "!"', { cat: [v('a'), v('b'), '!'] }],
      ['a + b = c & d', { '==': [{ '+': [v('a'), v('b')] }, { cat: [v('c'), v('d')] }] }],
      ['a == b', { '==': [v('a'), v('b')] }],
      ['a <> b', { '!=': [v('a'), v('b')] }],
      ['a != b', { '!=': [v('a'), v('b')] }],
      ['a ≠ b', { '!=': [v('a'), v('b')] }],
      ['a < b < c', { '<': [v('a'), v('b'), v('c')] }],
      ['0.6 <= a <= 1', { '<=': [0.6, v('a'), 1] }],
      ['(a < b) < c', { '<': [{ '<': [v('a'), v('b')] }, v('c')] }],
      ['a × 2 ÷ 4', { '/': [{ '*': [v('a'), 2] }, 4] }],
    ])('%s', (text, logic) => {
      expect(logicOf(text)).toStrictEqual(logic);
    });
  });

  describe('literals', () => {
    it.each([
      ['300000', 300000],
      ['0.85', 0.85],
      ['.5', 0.5],
      ['1.2e3', 1200],
      ['1E-2', 0.01],
      ['85%', 0.85],
      ['12.5%', 0.125],
      ['1.5e2%', 1.5],
      ['０.８５', 0.85],
      ['0。85', 0.85],
      ['"abc"', 'abc'],
      ['"他说""好"""', '他说"好"'],
      ['"a\\"b"', 'a"b'],
      ['"C:\\dir"', 'C:\\dir'],
      ['"\\\\"', '\\'],
      ['“华东”', '华东'],
      ['”反着也行“', '反着也行'],
      ['“含 "引号"”', '含 "引号"'],
      ['"多\n行"', '多\n行'],
      ['{1, "a", {}}', [1, 'a', []]],
    ])('%s', (text, value) => {
      expect(logicOf(text)).toStrictEqual(value);
    });
  });

  describe('functions', () => {
    it.each([
      ['if(a, 1, 2)', { if: [v('a'), 1, 2] }],
      ['如果(a, 1, b, 2, 3)', { if: [v('a'), 1, v('b'), 2, 3] }],
      ['NOT(a)', { '!': [v('a')] }],
      ['SUM(xs)', { sum: [v('xs')] }],
      ['SUM(a, b, c)', { '+': [v('a'), v('b'), v('c')] }],
      ['PRODUCT(a)', { '*': [v('a')] }],
      ['CONCAT(a, b)', { cat: [v('a'), v('b')] }],
      ['CONCAT()', { cat: [] }],
      ['MOD(a, 3)', { '%': [v('a'), 3] }],
      ['NOW()', { now: [] }],
      ['DATE_DIFF(signedAt, NOW(), "d")', { date_diff: [v('signedAt'), { now: [] }, 'd'] }],
      ['IN(stage, {"won", "lost"})', { in: [v('stage'), ['won', 'lost']] }],
      ['VAR("a.b", 0)', { var: ['a.b', 0] }],
      ['VAR()', { var: [] }],
      ['MISSING(a, [b c], "d")', { missing: ['a', 'b c', 'd'] }],
      ['MISSING({a, b})', { missing: [['a', 'b']] }],
      ['MISSING_SOME(1, {a, b})', { missing_some: [1, ['a', 'b']] }],
      ['STRICTEQ(a, 1)', { '===': [v('a'), 1] }],
      ['TRACE(a)', { log: [v('a')] }],
    ])('%s', (text, logic) => {
      expect(logicOf(text)).toStrictEqual(logic);
    });

    it('resolves labels inside MISSING to field ids', () => {
      expect(logicOf('MISSING(回款率, [预计 金额])', true)).toStrictEqual({
        missing: ['paymentRate', 'expectedAmount'],
      });
    });

    it('refers to the current item inside list functions as item, and to the running value as acc', () => {
      expect(logicOf('FILTER(orders, item.amount > 100)')).toStrictEqual({
        filter: [v('orders'), { '>': [v('amount'), 100] }],
      });
      expect(logicOf('MAP(xs, ITEM * 2)')).toStrictEqual({ map: [v('xs'), { '*': [v(''), 2] }] });
      expect(logicOf('REDUCE(orders, acc + item.amount, 0)')).toStrictEqual({
        reduce: [v('orders'), { '+': [v('accumulator'), v('current.amount')] }, 0],
      });
      expect(logicOf('SOME(orders, ALL(item.lines, item.qty > 0))')).toStrictEqual({
        some: [v('orders'), { all: [v('lines'), { '>': [v('qty'), 0] }] }],
      });
      // Field labels are resolved outside the body, not inside it.
      expect(logicOf('FILTER(客户.orders, item.回款率 > 0)', true)).toStrictEqual({
        filter: [v('customer.orders'), { '>': [v('回款率'), 0] }],
      });
    });

    it('refuses record fields inside a list function body, where JsonLogic cannot see them', () => {
      const result = parseFormula('FILTER(客户.orders, amount > 回款率)', { fields });
      expect(result.diagnostics.map((d) => [d.code, d.column, d.params['function']])).toEqual([
        ['RL4011', 19, 'FILTER'],
        ['RL4011', 28, 'FILTER'],
      ]);
      expect(problemsOf('MAP(xs, acc)')).toEqual([['RL4011', 9]]);
    });

    it('reports unknown functions with close names, and wrong argument counts', () => {
      const [unknown] = parseFormula('SUMM(1)').diagnostics;
      expect(unknown?.code).toBe('RL4005');
      expect(unknown?.params['suggestions']).toContain('SUM');
      expect(problemsOf('IF(1)')).toEqual([['RL4006', 1]]);
      const [count] = parseFormula('x + NOT(a, b)').diagnostics;
      expect([
        count?.code,
        count?.column,
        count?.params['expected'],
        count?.params['actual'],
      ]).toEqual(['RL4006', 5, '1', 2]);
      expect(parseFormula('SUM()').diagnostics[0]?.params['expected']).toBe('≥1');
      expect(problemsOf('a.b(1)')).toEqual([['RL4005', 1]]);
    });
  });

  describe('syntax errors, with the column where they are', () => {
    it.each([
      ['IF(a > 1, 2', 'RL4003', 12],
      ['IF(a > 1, 2   ', 'RL4003', 12],
      ['（a ＋ 1', 'RL4003', 7],
      ['{1, 2', 'RL4003', 6],
      ['f(a}', 'RL4003', 4],
      ['[预计 金额', 'RL4003', 7],
      ['a)', 'RL4004', 2],
      ['"abc', 'RL4002', 1],
      ['回款率 > "abc', 'RL4002', 7],
      ['“未闭合', 'RL4002', 1],
      ['a + ', 'RL4014', 4],
      ['IF(a,', 'RL4014', 6],
      ['a b', 'RL4015', 3],
      ['1号仓库 > 1', 'RL4015', 2],
      ['IF(a b)', 'RL4015', 6],
      ['IF(a,,b)', 'RL4001', 6],
      ['MAX(1, 2,)', 'RL4001', 10],
      ['* 2', 'RL4001', 1],
      ['a, b', 'RL4001', 2],
      ['a ^ 2', 'RL4016', 3],
      ["'text'", 'RL4016', 1],
      ['a; b', 'RL4016', 2],
      ['!a', 'RL4016', 1],
      ['a % 2', 'RL4017', 3],
      ['(a + b)%', 'RL4017', 8],
      ['a = b = c', 'RL4012', 7],
      ['a < b <= c', 'RL4012', 7],
      ['a < b < c < d', 'RL4012', 11],
      ['', 'RL4013', 1],
      ['  ', 'RL4013', 1],
      ['=', 'RL4013', 1],
      ['[]', 'RL4018', 1],
      ['1e999', 'RL4010', 1],
      ['"😀" + ^', 'RL4016', 7],
    ])('%j → %s at column %i', (text, code, column) => {
      expect(problemsOf(text)).toEqual([[code, column]]);
    });

    it('puts the column into the message in both languages', () => {
      const [problem] = parseFormula('IF(a > 1, 2').diagnostics;
      expect(problem).toMatchObject({
        pointer: '',
        column: 12,
        params: { column: 12, openColumn: 3 },
      });
      expect(problem?.message).toEqual({
        'zh-CN': '公式第 12 列缺少 ")"，它与第 3 列的 "(" 配对',
        en: 'missing ")" at column 12 of the formula, to match the "(" at column 3',
      });
    });

    it('refuses nesting deeper than 64 levels', () => {
      const nested = (levels: number) => 'NOT('.repeat(levels - 1) + 'a' + ')'.repeat(levels - 1);
      expect(parseFormula(nested(64)).ok).toBe(true);
      expect(problemsOf(nested(65))).toEqual([['RL4009', 257]]);
      expect(parseFormula('NOT('.repeat(63) + 'NOW()' + ')'.repeat(63)).ok).toBe(true);
      // A long left-associated chain nests too: the operator where it gets too deep.
      expect(problemsOf(Array.from({ length: 70 }, () => 'a').join(' - '))).toEqual([
        ['RL4009', 255],
      ]);
    });
  });
});
