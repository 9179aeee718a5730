import Big from 'big.js';
import type { LocalizedText } from '../diagnostics/types.js';
import type { OutputColumn } from './outputs.js';
import { sameValue } from './outputs.js';
import { EvaluationFailure, tablesError } from './reporting.js';
import type { Aggregator, HitPolicy, TableOutputs, TableOutputValues } from './types.js';

/** What combining needs to know of the table. */
export interface PolicyScope {
  readonly hitPolicy: HitPolicy;
  readonly aggregator: Aggregator | undefined;
  readonly outputs: readonly OutputColumn[];
  /** The outputs when no row matches (every column's default or null). */
  readonly defaults: TableOutputValues;
  readonly owner: LocalizedText;
  readonly file: string | undefined;
  rowId(index: number): string;
}

/**
 * Applies the hit policy to the matching rows (indexes in table order; for `first` only the
 * first is looked for). Throws {@link EvaluationFailure} when `unique` finds several rows or
 * the rows of `any` disagree. Allocates nothing for single-hit policies.
 */
export function combine(
  scope: PolicyScope,
  matches: readonly number[],
  outputsOf: (index: number) => TableOutputValues,
): TableOutputs {
  switch (scope.hitPolicy) {
    case 'first':
    case 'unique': {
      const [winner] = matches;
      if (winner === undefined) return scope.defaults;
      if (matches.length > 1) throw conflict(scope, 'RL5420', matches);
      return outputsOf(winner);
    }
    case 'priority': {
      const winner = priorityWinner(scope, matches, outputsOf);
      return winner === undefined ? scope.defaults : outputsOf(winner);
    }
    case 'any': {
      const [winner] = matches;
      if (winner === undefined) return scope.defaults;
      const outputs = outputsOf(winner);
      for (const other of matches) {
        const theirs = outputsOf(other);
        if (!scope.outputs.every((c) => sameValue(outputs[c.id], theirs[c.id]))) {
          throw conflict(scope, 'RL5421', matches);
        }
      }
      return outputs;
    }
    case 'collect':
      if (scope.aggregator) return aggregate(scope, scope.aggregator, matches, outputsOf);
      return matches.map(outputsOf);
    case 'rule-order':
      return matches.map(outputsOf);
  }
}

/**
 * The rows behind a result: the one single-hit policies took (`first`, `unique`,
 * `priority`), or every matching row.
 */
export function countedRows(
  scope: PolicyScope,
  matches: readonly number[],
  outputsOf: (index: number) => TableOutputValues,
): readonly number[] {
  if (scope.hitPolicy === 'priority') {
    const winner = priorityWinner(scope, matches, outputsOf);
    return winner === undefined ? [] : [winner];
  }
  return scope.hitPolicy === 'first' || scope.hitPolicy === 'unique'
    ? matches.slice(0, 1)
    : matches;
}

function conflict(scope: PolicyScope, code: 'RL5420' | 'RL5421', matches: readonly number[]) {
  return new EvaluationFailure(
    tablesError(
      code,
      { table: scope.owner, rows: matches.map((i) => scope.rowId(i)).join(', ') },
      scope.file === undefined ? {} : { file: scope.file },
    ),
    'table',
  );
}

// The row whose outputs come first in the columns' `values`, column by column; ties go to
// the row higher in the table.
function priorityWinner(
  scope: PolicyScope,
  matches: readonly number[],
  outputsOf: (index: number) => TableOutputValues,
): number | undefined {
  let winner: number | undefined;
  let best: TableOutputValues | undefined;
  for (const index of matches) {
    const outputs = outputsOf(index);
    if (best === undefined || ranksBefore(scope.outputs, outputs, best)) {
      winner = index;
      best = outputs;
    }
  }
  return winner;
}

function ranksBefore(
  columns: readonly OutputColumn[],
  a: TableOutputValues,
  b: TableOutputValues,
): boolean {
  for (const column of columns) {
    const ranked = column.ranked;
    if (!ranked) continue;
    const rank = (v: unknown): number => {
      const i = ranked.findIndex((r) => sameValue(r, v));
      return i === -1 ? ranked.length : i;
    };
    const ra = rank(a[column.id]);
    const rb = rank(b[column.id]);
    if (ra !== rb) return ra < rb;
  }
  return false;
}

// One value per output column: sum (exact, on decimal digits), min, max of the rows' values
// that are numbers, or the number of matching rows. No matching value: the default (null
// without one); `count` of nothing is 0.
function aggregate(
  scope: PolicyScope,
  aggregator: Aggregator,
  matches: readonly number[],
  outputsOf: (index: number) => TableOutputValues,
): TableOutputValues {
  const out: Record<string, unknown> = {};
  for (const column of scope.outputs) {
    if (aggregator === 'count') {
      out[column.id] = matches.length;
      continue;
    }
    let sum: Big | undefined;
    let extreme: number | undefined;
    for (const index of matches) {
      const value = outputsOf(index)[column.id];
      if (typeof value !== 'number') continue;
      if (aggregator === 'sum') sum = sum ? sum.plus(value) : new Big(value);
      else if (
        extreme === undefined ||
        (aggregator === 'min' ? value < extreme : value > extreme)
      ) {
        extreme = value;
      }
    }
    const result = aggregator === 'sum' ? sum?.toNumber() : extreme;
    out[column.id] = result === undefined ? column.fallback : result;
  }
  return out;
}
