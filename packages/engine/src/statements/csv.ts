import Big from 'big.js';
import type { LocalizedText } from '../diagnostics/types.js';
import type { FieldType } from '../expr/types.js';
import type { Statement, StatementComponent } from './types.js';

/** Options of {@link statementToCsv}. */
export interface StatementCsvOptions {
  /** Language of the headings and of the subtotal and total rows. Default `zh-CN`. */
  readonly locale?: 'zh-CN' | 'en';
  /** Heading of the group column (default 分组 / Group), e.g. 经销商 / Distributor. */
  readonly groupLabel?: LocalizedText;
  /** Heading of the line column (default 行 / Line), e.g. 订单号 / Order. */
  readonly lineLabel?: LocalizedText;
  /** Start with a byte-order mark, so Excel reads the file as UTF-8. Default true. */
  readonly bom?: boolean;
}

const TEXT = {
  group: { 'zh-CN': '分组', en: 'Group' },
  line: { 'zh-CN': '行', en: 'Line' },
  source: { 'zh-CN': '来源', en: 'source' },
  error: { 'zh-CN': '错误', en: 'Error' },
  total: { 'zh-CN': '合计', en: 'Total' },
} as const;

/**
 * The statement as CSV (RFC 4180: CRLF line ends, fields with `,` `"` or line breaks quoted,
 * quotes doubled), UTF-8 with a byte-order mark for Excel. A header row in the locale; one row
 * per line with its inputs, every component and the table row behind it (`rebate-band /
 * band-3：…`), the value and any error; then a subtotal row per group and the total row.
 * Amounts are written with 2 decimals, percentages as `4%`.
 *
 * @example
 * statementToCsv(statement, { locale: 'zh-CN', groupLabel: { 'zh-CN': '经销商', en: 'Distributor' } });
 * // '\uFEFF经销商,行,订单金额,…,返利金额,错误\r\n绍兴康达医疗器械有限公司,SO-2026-0103,680000.00,…'
 */
export function statementToCsv(statement: Statement, options: StatementCsvOptions = {}): string {
  const locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const columns = componentColumns(statement);
  const anyError = statement.failed > 0;
  const header = [
    (options.groupLabel ?? TEXT.group)[locale],
    (options.lineLabel ?? TEXT.line)[locale],
    ...statement.inputs.map((input) => input.label[locale]),
    ...columns.flatMap((c) =>
      c.sourced
        ? [c.label[locale], `${c.label[locale]} ${TEXT.source[locale]}`]
        : [c.label[locale]],
    ),
    statement.output.label[locale],
    ...(anyError ? [TEXT.error[locale]] : []),
  ];
  const width = header.length;
  const rows: string[][] = [header];
  for (const line of statement.lines) {
    const byName = new Map(line.components.map((c) => [c.name, c]));
    rows.push([
      line.group,
      line.id,
      ...statement.inputs.map((input) => formatValue(line.input[input.id], input.type)),
      ...columns.flatMap((column) => {
        const component = byName.get(column.name);
        const value = component ? formatValue(component.value, component.type) : '';
        return column.sourced ? [value, component ? sourceText(component, locale) : ''] : [value];
      }),
      line.value === undefined ? '' : formatValue(line.value, statement.output.type),
      ...(anyError ? [line.error ? line.error.message[locale] : ''] : []),
    ]);
  }
  const valueAt = width - 1 - (anyError ? 1 : 0);
  const summary = (group: string, label: string, total: number) => {
    const row = new Array<string>(width).fill('');
    row[0] = group;
    row[1] = label;
    row[valueAt] = formatValue(total, statement.output.type);
    return row;
  };
  for (const group of statement.groups) {
    rows.push(
      summary(group.group, countText(locale, group.count, group.failed, true), group.total),
    );
  }
  rows.push(
    summary(
      TEXT.total[locale],
      countText(locale, statement.count, statement.failed, false),
      statement.total,
    ),
  );
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return options.bom === false ? text : `\uFEFF${text}`;
}

/**
 * The statement as JSON text (2-space indented, ending in a newline): what `buildStatement`
 * returned, for systems that import it.
 *
 * @example
 * writeFile('2026-Q1-rebates.json', statementToJson(statement));
 */
export function statementToJson(statement: Statement): string {
  return `${JSON.stringify(statement, null, 2)}\n`;
}

/** The component columns: every component name, in order of first appearance. */
function componentColumns(
  statement: Statement,
): { name: string; label: LocalizedText; sourced: boolean }[] {
  const columns = new Map<string, { name: string; label: LocalizedText; sourced: boolean }>();
  for (const line of statement.lines) {
    for (const component of line.components) {
      const column = columns.get(component.name);
      const sourced = component.source.table !== undefined;
      if (column) column.sourced ||= sourced;
      else columns.set(component.name, { name: component.name, label: component.label, sourced });
    }
  }
  return [...columns.values()];
}

/** `rebate-band / band-3：季度采购额100万–200万：4%（示例值）`, or the formula before it. */
function sourceText(component: StatementComponent, locale: 'zh-CN' | 'en'): string {
  const { table, row, rowDescription, formula } = component.source;
  if (table === undefined) return '';
  const via = formula === undefined ? '' : `${formula} → `;
  const found =
    row === undefined ? (locale === 'en' ? '(no row: default)' : '（无匹配行：默认值）') : row;
  const why = rowDescription ? `${locale === 'en' ? ': ' : '：'}${rowDescription[locale]}` : '';
  return `${via}${table} / ${found}${why}`;
}

function countText(
  locale: 'zh-CN' | 'en',
  count: number,
  failed: number,
  subtotal: boolean,
): string {
  if (locale === 'en') {
    const base = `${subtotal ? 'Subtotal' : 'All'} (${count} line${count === 1 ? '' : 's'}`;
    return failed > 0 ? `${base}; ${failed} failed, not counted)` : `${base})`;
  }
  const base = `${subtotal ? '小计' : '共'}（${count} 行`;
  return failed > 0 ? `${base}；${failed} 行出错，未计入）` : `${base}）`;
}

/** A value as a reader writes it: amounts with 2 decimals, percentages with `%`. */
function formatValue(value: unknown, type: FieldType): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (type === 'money') return new Big(value).toFixed(2);
    if (type === 'percent') return `${new Big(value).times(100).toString()}%`;
    return new Big(value).toString();
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** RFC 4180: quote a field holding a comma, quote or line break; double its quotes. */
function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
