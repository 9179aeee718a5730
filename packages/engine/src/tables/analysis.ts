import { appendPointer } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import { columnKind, formatColumnValue } from './columns.js';
import { covers, isEmpty, meet, numbersOf, uncovered, type Domain } from './domains.js';
import { EVERYTHING, interval, samplePoint, type Interval, type IntervalSet } from './intervals.js';
import { sameValue } from './outputs.js';
import { tablesDiagnostic } from './reporting.js';
import type { HitPolicy, TableOutputValues } from './types.js';

/** A row as the checks see it: what each input column accepts, and its outputs when fixed. */
export interface AnalysedRow {
  readonly id: string;
  readonly index: number;
  /** One domain per input column, in column order (`any` where the row does not test it). */
  readonly cells: readonly Domain[];
  readonly fixed?: TableOutputValues;
}

/** An input column as the checks see it. */
export interface AnalysedColumn {
  readonly id: string;
  readonly type: string;
  readonly label: LocalizedText;
}

/** What {@link analyseRows} needs. */
export interface AnalysisScope {
  readonly hitPolicy: HitPolicy;
  readonly columns: readonly AnalysedColumn[];
  /** True when every output has a default: inputs no row matches still get a result. */
  readonly defaultsCoverGaps: boolean;
  readonly file: string | undefined;
  readonly zone: string;
  report(diagnostic: Diagnostic): void;
}

/** Most cell comparisons the pairwise checks make; beyond it large tables are not compared. */
const PAIR_BUDGET = 4_000_000;
/** Most diagnostics of one kind a table gets (the first ones say enough). */
const MAX_REPORTS = 20;

/**
 * The compile-time checks of a table's rows. Every finding is certain, never a guess: rows
 * with expressions are left out of the comparisons they could change.
 *
 * - a test no value passes (RL5409, warning);
 * - under `unique`, rows that both match some input (RL5406), and under `any`, such rows
 *   with different fixed outputs (RL5407) — with an example input;
 * - under `first`, a row an earlier row always catches (RL5410, warning);
 * - under single-hit policies without defaults, values of a number or date column that no
 *   row accepts whatever the other columns hold (RL5408, warning), written as cells.
 */
export function analyseRows(rows: readonly AnalysedRow[], scope: AnalysisScope): void {
  const live = rows.filter((row) => {
    const empty = row.cells.findIndex(isEmpty);
    if (empty === -1) return true;
    const column = scope.columns[empty] as AnalysedColumn;
    scope.report(
      tablesDiagnostic(
        'RL5409',
        appendPointer(`/rows/${row.index}/when`, column.id),
        { row: row.id, column: column.label },
        { file: scope.file },
      ),
    );
    return false;
  });
  if (live.length * live.length * Math.max(1, scope.columns.length) <= PAIR_BUDGET) {
    if (scope.hitPolicy === 'unique' || scope.hitPolicy === 'any') checkOverlaps(live, scope);
    if (scope.hitPolicy === 'first') checkShadowed(live, scope);
  }
  const singleHit = scope.hitPolicy !== 'collect' && scope.hitPolicy !== 'rule-order';
  if (singleHit && !scope.defaultsCoverGaps) checkGaps(live, scope);
}

function checkOverlaps(rows: readonly AnalysedRow[], scope: AnalysisScope): void {
  let reported = 0;
  for (let j = 1; j < rows.length && reported < MAX_REPORTS; j++) {
    const later = rows[j] as AnalysedRow;
    for (let i = 0; i < j && reported < MAX_REPORTS; i++) {
      const earlier = rows[i] as AnalysedRow;
      const common = overlap(earlier, later);
      if (!common) continue;
      if (scope.hitPolicy === 'any') {
        if (!earlier.fixed || !later.fixed) continue;
        const agree = Object.keys(earlier.fixed).every((key) =>
          sameValue(earlier.fixed?.[key], later.fixed?.[key]),
        );
        if (agree) continue;
      }
      reported++;
      scope.report(
        tablesDiagnostic(
          scope.hitPolicy === 'unique' ? 'RL5406' : 'RL5407',
          `/rows/${later.index}`,
          { first: earlier.id, second: later.id, example: example(common, scope) },
          { file: scope.file },
        ),
      );
    }
  }
}

/** The inputs both rows accept, per column; undefined when none or when it cannot be told. */
function overlap(a: AnalysedRow, b: AnalysedRow): Domain[] | undefined {
  const common: Domain[] = [];
  for (let c = 0; c < a.cells.length; c++) {
    const both = meet(a.cells[c] as Domain, b.cells[c] as Domain);
    if (both.kind === 'opaque' || isEmpty(both)) return undefined;
    common.push(both);
  }
  return common;
}

function checkShadowed(rows: readonly AnalysedRow[], scope: AnalysisScope): void {
  let reported = 0;
  for (let j = 1; j < rows.length && reported < MAX_REPORTS; j++) {
    const later = rows[j] as AnalysedRow;
    const by = rows
      .slice(0, j)
      .find((earlier) => earlier.cells.every((cell, c) => covers(cell, later.cells[c] as Domain)));
    if (!by) continue;
    reported++;
    scope.report(
      tablesDiagnostic(
        'RL5410',
        `/rows/${later.index}`,
        { row: later.id, by: by.id },
        { file: scope.file },
      ),
    );
  }
}

function checkGaps(rows: readonly AnalysedRow[], scope: AnalysisScope): void {
  scope.columns.forEach((column, c) => {
    const kind = columnKind(column.type);
    if (kind !== 'number' && kind !== 'instant') return;
    const accepted: IntervalSet[] = [];
    for (const row of rows) {
      const cell = row.cells[c] as Domain;
      // An expression may accept anything: count it as covering, so gaps stay certain.
      const set = cell.kind === 'opaque' ? EVERYTHING : numbersOf(cell);
      if (set) accepted.push(set);
    }
    const gaps = uncovered(accepted, gapDomain(column.type));
    if (gaps.length === 0) return;
    const text = gaps.map((gap) => intervalText(gap, column.type, scope.zone)).join(', ');
    scope.report(
      tablesDiagnostic(
        'RL5408',
        appendPointer('/inputs', c),
        { column: column.label, gaps: text },
        { file: scope.file },
      ),
    );
  });
}

/**
 * The values a gap matters for: amounts and rates below zero are refunds and corrections a
 * rebate or tier table does not price, so only the non-negative ones count there.
 */
function gapDomain(type: string): IntervalSet {
  return type === 'money' || type === 'percent' ? [interval(0, true, Infinity, false)] : EVERYTHING;
}

/** An interval written as a cell would write it: `[5万..10万)` style, `< 0`, `>= 200000`. */
export function intervalText(i: Interval, type: string, zone: string): string {
  const f = (n: number): string => formatColumnValue(n, type, zone);
  if (i.lo === -Infinity && i.hi === Infinity) return '-';
  if (i.lo === i.hi) return f(i.lo);
  if (i.lo === -Infinity) return `${i.hiClosed ? '<=' : '<'} ${f(i.hi)}`;
  if (i.hi === Infinity) return `${i.loClosed ? '>=' : '>'} ${f(i.lo)}`;
  return `${i.loClosed ? '[' : '('}${f(i.lo)}..${f(i.hi)}${i.hiClosed ? ']' : ')'}`;
}

/** An input both rows accept, for the message (`回款率 = 90%，新品采购额 = 300000`). */
function example(common: readonly Domain[], scope: AnalysisScope): LocalizedText {
  const zh: string[] = [];
  const en: string[] = [];
  common.forEach((domain, c) => {
    const column = scope.columns[c] as AnalysedColumn;
    if (domain.kind === 'numbers') {
      const value = formatColumnValue(
        samplePoint(domain.set[0] as Interval),
        column.type,
        scope.zone,
      );
      zh.push(`${column.label['zh-CN']} = ${value}`);
      en.push(`${column.label.en} = ${value}`);
    } else if (domain.kind === 'values' && !domain.negated) {
      const [first] = domain.values;
      zh.push(`${column.label['zh-CN']} = ${JSON.stringify(first)}`);
      en.push(`${column.label.en} = ${JSON.stringify(first)}`);
    } else if (domain.kind === 'values' && domain.values.size > 0) {
      zh.push(`${column.label['zh-CN']} 为其他值`);
      en.push(`${column.label.en} = any other value`);
    }
  });
  return zh.length === 0
    ? { 'zh-CN': '任意输入', en: 'any input' }
    : { 'zh-CN': zh.join('，'), en: en.join(', ') };
}
