import type { LocalizedText } from '../diagnostics/types.js';

/**
 * The one table that maps formula text to JsonLogic: infix operators and functions. The
 * parser reads names through it and the printer writes operators through it, so every
 * operator the printer can write is read back as the same operator.
 */

/** An infix operator of formula text. */
export interface InfixOperator {
  /** The JsonLogic operator it stands for. */
  readonly op: string;
  /** How the printer writes it. */
  readonly symbol: string;
  /** Other spellings the parser accepts (`==` for `=`, `!=` for `<>`). */
  readonly alternates: readonly string[];
  /** Higher binds tighter: comparisons 1, `&` 2, `+ -` 3, `* /` 4 (unary minus is 5). */
  readonly precedence: number;
  /** `a + b + c` is one operation with three operands rather than two nested ones. */
  readonly flattens: boolean;
  /** Comparisons do not associate: `a = b = c` is refused, `(a = b) = c` is fine. */
  readonly comparison: boolean;
  /** Most operands of one written chain: 2, 3 for the between-forms `<` `<=`, or unbounded. */
  readonly maxOperands: number;
}

/** Binding strength of unary `-` and `+`, tighter than every infix operator (as in Excel). */
export const UNARY_PRECEDENCE = 5;

const infixOperator = (
  op: string,
  symbol: string,
  precedence: number,
  more: Partial<Pick<InfixOperator, 'alternates' | 'flattens' | 'comparison' | 'maxOperands'>> = {},
): InfixOperator => ({
  op,
  symbol,
  precedence,
  alternates: more.alternates ?? [],
  flattens: more.flattens ?? false,
  comparison: more.comparison ?? false,
  maxOperands: more.maxOperands ?? (more.flattens ? Infinity : 2),
});

/** Every infix operator, loosest first. */
export const infixOperators: readonly InfixOperator[] = [
  infixOperator('==', '=', 1, { alternates: ['=='], comparison: true }),
  infixOperator('!=', '<>', 1, { alternates: ['!='], comparison: true }),
  infixOperator('<', '<', 1, { comparison: true, maxOperands: 3 }),
  infixOperator('<=', '<=', 1, { comparison: true, maxOperands: 3 }),
  infixOperator('>', '>', 1, { comparison: true }),
  infixOperator('>=', '>=', 1, { comparison: true }),
  infixOperator('cat', '&', 2, { flattens: true }),
  infixOperator('+', '+', 3, { flattens: true }),
  infixOperator('-', '-', 3),
  infixOperator('*', '*', 4, { flattens: true }),
  infixOperator('/', '/', 4),
];

/** A function of formula text. */
export interface FormulaFunction {
  /** Upper-case name the printer writes. */
  readonly name: string;
  /** Other names the parser accepts (any letter case), e.g. Chinese ones. */
  readonly aliases: readonly string[];
  /** The JsonLogic operator of the call. */
  readonly op: string;
  /** Fewest and most arguments. */
  readonly arity: readonly [min: number, max: number];
  /**
   * False for a reading the parser accepts but the printer never writes: `SUM(a, b)` is
   * read as `+` and printed as `a + b`.
   */
  readonly printed: boolean;
  /**
   * Argument 1 is evaluated once per list item, with the item as data: `item` refers to it
   * (and `acc` to the running value in `reduce`).
   */
  readonly body?: 'item' | 'reduce';
  /** Arguments where a bare field name stands for the field's id as text (`MISSING(a, b)`). */
  readonly names?: 'every' | number;
  /** What it does, for the reference and the designer's completion. */
  readonly summary: LocalizedText;
}

const fn = (
  name: string,
  op: string,
  arity: readonly [number, number],
  summary: LocalizedText,
  more: Partial<Pick<FormulaFunction, 'aliases' | 'printed' | 'body' | 'names'>> = {},
): FormulaFunction => ({
  name,
  op,
  arity,
  summary,
  aliases: more.aliases ?? [],
  printed: more.printed ?? true,
  ...(more.body ? { body: more.body } : {}),
  ...(more.names === undefined ? {} : { names: more.names }),
});

const ANY = Infinity;

/** Every function, grouped as in the formula reference. */
export const formulaFunctions: readonly FormulaFunction[] = [
  // Logic
  fn(
    'IF',
    'if',
    [2, ANY],
    {
      'zh-CN': '条件成立取第二个值，否则取下一个（可多组条件）',
      en: 'the value after the first true condition, else the last value',
    },
    { aliases: ['如果'] },
  ),
  fn('AND', 'and', [1, ANY], { 'zh-CN': '全部成立', en: 'all true' }, { aliases: ['并且'] }),
  fn('OR', 'or', [1, ANY], { 'zh-CN': '任一成立', en: 'any true' }, { aliases: ['或者'] }),
  fn('NOT', '!', [1, 1], { 'zh-CN': '取反', en: 'negation' }, { aliases: ['非'] }),
  fn('BOOL', '!!', [1, 1], { 'zh-CN': '转换为 TRUE/FALSE', en: 'truthiness as TRUE/FALSE' }),
  fn('STRICTEQ', '===', [2, 2], {
    'zh-CN': '严格相等（类型也须相同）',
    en: 'strict equality (same type)',
  }),
  fn('STRICTNE', '!==', [2, 2], { 'zh-CN': '严格不相等', en: 'strict inequality' }),
  fn('COALESCE', 'coalesce', [1, ANY], {
    'zh-CN': '第一个非空值',
    en: 'first value that is not blank',
  }),
  // Numbers and money
  fn('SUM', 'sum', [1, 1], { 'zh-CN': '列表求和', en: 'sum of a list' }, { aliases: ['求和'] }),
  fn(
    'SUM',
    '+',
    [2, ANY],
    { 'zh-CN': '多个值相加（写回时为 a + b）', en: 'sum of several values (printed as a + b)' },
    { aliases: ['求和'], printed: false },
  ),
  fn('PRODUCT', '*', [1, ANY], {
    'zh-CN': '相乘（两个以上写回时为 a * b）',
    en: 'product (printed as a * b for two or more)',
  }),
  fn(
    'AVERAGE',
    'avg',
    [1, 1],
    { 'zh-CN': '列表平均值', en: 'average of a list' },
    { aliases: ['AVG', '平均值'] },
  ),
  fn('MAX', 'max', [1, ANY], { 'zh-CN': '最大值', en: 'largest value' }, { aliases: ['最大值'] }),
  fn('MIN', 'min', [1, ANY], { 'zh-CN': '最小值', en: 'smallest value' }, { aliases: ['最小值'] }),
  fn('MOD', '%', [2, 2], {
    'zh-CN': '余数（符号随被除数）',
    en: 'remainder (sign of the dividend)',
  }),
  fn(
    'ROUND',
    'round',
    [1, 2],
    { 'zh-CN': '四舍五入到 n 位小数', en: 'round half up to n decimals' },
    { aliases: ['四舍五入'] },
  ),
  fn('FLOOR', 'floor', [1, 2], { 'zh-CN': '向下取整到 n 位小数', en: 'round down to n decimals' }),
  fn(
    'CEIL',
    'ceil',
    [1, 2],
    { 'zh-CN': '向上取整到 n 位小数', en: 'round up to n decimals' },
    { aliases: ['CEILING'] },
  ),
  fn('ABS', 'abs', [1, 1], { 'zh-CN': '绝对值', en: 'absolute value' }, { aliases: ['绝对值'] }),
  fn('MONEY_ADD', 'money_add', [1, ANY], { 'zh-CN': '金额精确相加', en: 'exact money sum' }),
  fn('MONEY_SUB', 'money_sub', [2, 2], { 'zh-CN': '金额精确相减', en: 'exact money difference' }),
  fn('MONEY_MUL', 'money_mul', [2, 3], {
    'zh-CN': '金额精确相乘（可指定小数位）',
    en: 'exact money product (optional scale)',
  }),
  fn('MONEY_DIV', 'money_div', [2, 3], {
    'zh-CN': '金额精确相除（默认 2 位小数）',
    en: 'exact money quotient (scale, default 2)',
  }),
  fn('MONEY_SUM', 'money_sum', [1, 1], {
    'zh-CN': '金额列表精确求和',
    en: 'exact sum of a list of amounts',
  }),
  // Text
  fn(
    'CONCAT',
    'cat',
    [0, ANY],
    {
      'zh-CN': '拼接文本（两个以上写回时为 a & b）',
      en: 'join text (printed as a & b for two or more)',
    },
    { aliases: ['CONCATENATE'] },
  ),
  fn('SUBSTR', 'substr', [2, 3], {
    'zh-CN': '从第 start 个字符（从 0 起）截取',
    en: 'part of a text from start (0-based)',
  }),
  fn('LEN', 'length', [1, 1], { 'zh-CN': '长度', en: 'length' }, { aliases: ['LENGTH'] }),
  fn('LOWER', 'lower', [1, 1], { 'zh-CN': '转小写', en: 'lower case' }),
  fn('UPPER', 'upper', [1, 1], { 'zh-CN': '转大写', en: 'upper case' }),
  fn('TRIM', 'trim', [1, 1], { 'zh-CN': '去掉首尾空白', en: 'strip surrounding blanks' }),
  fn('CONTAINS', 'contains', [2, 2], { 'zh-CN': '包含某段文本', en: 'holds a piece of text' }),
  fn('STARTS_WITH', 'starts_with', [2, 2], { 'zh-CN': '以某段文本开头', en: 'starts with a text' }),
  fn('ENDS_WITH', 'ends_with', [2, 2], { 'zh-CN': '以某段文本结尾', en: 'ends with a text' }),
  fn(
    'SUBSTITUTE',
    'replace',
    [3, 3],
    { 'zh-CN': '替换文本', en: 'replace a text' },
    { aliases: ['REPLACE'] },
  ),
  fn('SPLIT', 'split', [2, 2], { 'zh-CN': '按分隔符拆成列表', en: 'split into a list' }),
  fn('JOIN', 'join', [1, 2], { 'zh-CN': '用分隔符把列表连成文本', en: 'join a list into text' }),
  // Dates and durations
  fn(
    'NOW',
    'now',
    [0, 0],
    { 'zh-CN': '当前时间（来自求值上下文）', en: 'the current instant (from the context)' },
    { aliases: ['现在'] },
  ),
  fn(
    'DATEVALUE',
    'date',
    [1, 1],
    { 'zh-CN': '把日期文本或时间戳转为时刻', en: 'a date text or epoch as an instant' },
    { aliases: ['DATE'] },
  ),
  fn('DURATION', 'duration', [1, 1], {
    'zh-CN': '时长（如 "48h"）转为毫秒',
    en: 'a duration such as "48h" in ms',
  }),
  fn('DATE_ADD', 'date_add', [2, 2], { 'zh-CN': '时刻加上时长', en: 'an instant plus a duration' }),
  fn('DATE_DIFF', 'date_diff', [2, 3], {
    'zh-CN': 'b − a，单位 ms/s/m/h/d/w',
    en: 'b − a in a unit: ms, s, m, h, d, w',
  }),
  fn('SINCE', 'since', [1, 2], { 'zh-CN': '距今多久（单位同上）', en: 'now − instant in a unit' }),
  fn('CALENDAR_DAY', 'day', [1, 1], {
    'zh-CN': '所在日期 "YYYY-MM-DD"（按应用时区）',
    en: 'the day "YYYY-MM-DD" in the app zone',
  }),
  fn('WEEKDAY', 'weekday', [1, 1], {
    'zh-CN': '星期几（1=周一 … 7=周日）',
    en: 'day of week (1 = Monday … 7 = Sunday)',
  }),
  fn('HOUR', 'hour', [1, 1], {
    'zh-CN': '小时（0–23，按应用时区）',
    en: 'hour (0–23) in the app zone',
  }),
  // Lists
  fn('IN', 'in', [2, 2], {
    'zh-CN': '在列表中（或是文本的一部分）',
    en: 'is in a list (or part of a text)',
  }),
  fn('HAS_ANY', 'has_any', [2, 2], { 'zh-CN': '含有其中任一项', en: 'holds any of the items' }),
  fn('HAS_ALL', 'has_all', [2, 2], { 'zh-CN': '含有全部各项', en: 'holds all of the items' }),
  fn('MERGE', 'merge', [0, ANY], { 'zh-CN': '合并成一个列表', en: 'one list of all items' }),
  fn(
    'MAP',
    'map',
    [2, 2],
    { 'zh-CN': '对每一项求值', en: 'the body for each item' },
    { body: 'item' },
  ),
  fn(
    'FILTER',
    'filter',
    [2, 2],
    { 'zh-CN': '满足条件的项', en: 'the items for which the body holds' },
    { body: 'item' },
  ),
  fn(
    'REDUCE',
    'reduce',
    [2, 3],
    { 'zh-CN': '逐项累计（acc 为累计值）', en: 'fold the items (acc is the running value)' },
    { body: 'reduce' },
  ),
  fn(
    'ALL',
    'all',
    [2, 2],
    { 'zh-CN': '每一项都满足', en: 'the body holds for every item' },
    { body: 'item' },
  ),
  fn(
    'SOME',
    'some',
    [2, 2],
    { 'zh-CN': '至少一项满足', en: 'the body holds for some item' },
    { body: 'item' },
  ),
  fn(
    'NONE',
    'none',
    [2, 2],
    { 'zh-CN': '没有一项满足', en: 'the body holds for no item' },
    { body: 'item' },
  ),
  // Data
  fn(
    'MISSING',
    'missing',
    [0, ANY],
    { 'zh-CN': '列出未填写的字段', en: 'the fields that are not filled in' },
    { names: 'every' },
  ),
  fn(
    'MISSING_SOME',
    'missing_some',
    [2, 2],
    { 'zh-CN': '至少需填 n 个时列出未填的字段', en: 'missing fields when fewer than n are filled' },
    { names: 1 },
  ),
  fn('VAR', 'var', [0, 2], {
    'zh-CN': '按路径取值（可带默认值）',
    en: 'the value at a path (with a default)',
  }),
  fn(
    'TABLE',
    'table',
    [2, ANY],
    {
      'zh-CN': '查决策表：TABLE("表", "输出列", "输入列", 值, …)；不写输入时传入本公式的输入',
      en: 'look up a decision table: TABLE("table", "output column", "input column", value, …); without pairs, this formula’s inputs',
    },
    { aliases: ['查表'] },
  ),
  fn(
    'FORMULA',
    'formula',
    [1, ANY],
    {
      'zh-CN': '调用另一个公式：FORMULA("公式", "输入", 值, …)；不写输入时传入本公式的输入',
      en: 'call another formula: FORMULA("formula", "input", value, …); without pairs, this formula’s inputs',
    },
    { aliases: ['调用公式'] },
  ),
  fn('DISTANCE_KM', 'distance_km', [2, 2], {
    'zh-CN': '两个坐标间的距离（公里）',
    en: 'distance between two points in km',
  }),
  fn('TRACE', 'log', [1, 1], {
    'zh-CN': '原样返回，并交给调用方记录',
    en: 'the value itself, handed to the caller’s log',
  }),
];

/** Key under which function names are looked up: names are case-insensitive. */
export function functionKey(name: string): string {
  return name.toUpperCase();
}

const byName = new Map<string, FormulaFunction[]>();
for (const entry of formulaFunctions) {
  for (const spelling of [entry.name, ...entry.aliases]) {
    const key = functionKey(spelling);
    const entries = byName.get(key) ?? [];
    entries.push(entry);
    byName.set(key, entries);
  }
}

const printedByOp = new Map<string, FormulaFunction>();
for (const entry of formulaFunctions) if (entry.printed) printedByOp.set(entry.op, entry);

const infixByOp = new Map<string, InfixOperator>(infixOperators.map((o) => [o.op, o]));
const infixByToken = new Map<string, InfixOperator>();
for (const operator of infixOperators) {
  for (const token of [operator.symbol, ...operator.alternates]) infixByToken.set(token, operator);
}

/** The readings of a function name (one per arity range); empty when the name is unknown. */
export function functionsNamed(name: string): readonly FormulaFunction[] {
  return byName.get(functionKey(name)) ?? [];
}

/** The function the printer writes for a JsonLogic operator, if any. */
export function printedFunctionFor(op: string): FormulaFunction | undefined {
  return printedByOp.get(op);
}

/** The infix operator for a JsonLogic operator, if any. */
export function infixOperatorFor(op: string): InfixOperator | undefined {
  return infixByOp.get(op);
}

/** The infix operator a token spells (`=`, `==`, `<>`, `&`, …), if any. */
export function infixOperatorForToken(token: string): InfixOperator | undefined {
  return infixByToken.get(token);
}

/** Every name and alias a function can be called by, for suggestions. */
export function allFunctionNames(): readonly string[] {
  return [...byName.keys()];
}

/** Argument count as people read it: `2`, `2–3`, `≥1`. */
export function describeArity(min: number, max: number): string {
  if (min === max) return String(min);
  if (max === Infinity) return `≥${min}`;
  return `${min}–${max}`;
}
