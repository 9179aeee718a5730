import type { LocalizedText } from '../diagnostics/types.js';
import type { EvaluationContext, FieldType } from '../expr/types.js';

/** One line to put on a statement: an order (or any record) of a group (a distributor). */
export interface StatementLineInput {
  /** The line's own id (the order number). */
  readonly id: string;
  /** The group the line is totalled in (the distributor). */
  readonly group: string;
  /** The formula's inputs for this line, by input id. */
  readonly input: Readonly<Record<string, unknown>>;
}

/** Options of {@link buildStatement}. */
export interface StatementOptions {
  /** The formula that gives each line's value (`quarterly-rebate`). */
  readonly formula: string;
  readonly lines: readonly StatementLineInput[];
  /**
   * Which parts of each value to list: `calls` (default) — every table and formula the
   * formula called, read from its trace, with the table row behind it; `none` — values only,
   * computed on the fast path without traces (for very large statements).
   */
  readonly components?: 'calls' | 'none';
  /** Evaluation context (`now`, `zone`); the app's zone by default. */
  readonly context?: EvaluationContext;
}

/** Where a component comes from: the table row, the formula, or both. */
export interface ComponentSource {
  /** The table that gave the value. */
  readonly table?: string;
  /** The row (or rows, comma-separated) of `table` behind the value; absent when none matched. */
  readonly row?: string;
  /** The row's description, for readers. */
  readonly rowDescription?: LocalizedText;
  /** The formula that gave the value. */
  readonly formula?: string;
}

/** One part of a line's value: a table lookup or a nested formula. */
export interface StatementComponent {
  /** Unique within the line: the formula id, or `table.column` for a table call. */
  readonly name: string;
  readonly label: LocalizedText;
  readonly type: FieldType;
  readonly value: unknown;
  readonly source: ComponentSource;
}

/** Why a line has no value. */
export interface StatementLineError {
  /** Catalogue code, when the failure has one (RL5450 missing input, …). */
  readonly code?: string;
  readonly message: LocalizedText;
}

/** A line of the statement. */
export interface StatementLine {
  readonly id: string;
  readonly group: string;
  /** The inputs as given. */
  readonly input: Readonly<Record<string, unknown>>;
  /** The formula's value; absent when the line failed. */
  readonly value?: number;
  /** The parts of the value, outermost first (empty with `components: 'none'`). */
  readonly components: readonly StatementComponent[];
  /** Set when the formula failed: the line is left out of the totals. */
  readonly error?: StatementLineError;
}

/** The subtotal of one group. */
export interface StatementGroup {
  readonly group: string;
  /** Exact decimal sum of the group's line values. */
  readonly total: number;
  /** Lines counted in `total`. */
  readonly count: number;
  /** Lines of the group that failed (not in `total`). */
  readonly failed: number;
}

/** A statement: lines, subtotals per group (in order of first appearance) and the total. */
export interface Statement {
  readonly formula: string;
  readonly label: LocalizedText;
  /** The formula's output: its type (`money`) and label (返利金额), for headings. */
  readonly output: { readonly type: FieldType; readonly label: LocalizedText };
  /** The formula's inputs, for headings. */
  readonly inputs: readonly {
    readonly id: string;
    readonly type: FieldType;
    readonly label: LocalizedText;
  }[];
  readonly lines: readonly StatementLine[];
  readonly groups: readonly StatementGroup[];
  /** Exact decimal sum of every line value (= the sum of the group totals). */
  readonly total: number;
  /** Lines counted in `total`. */
  readonly count: number;
  /** Lines that failed. */
  readonly failed: number;
}
