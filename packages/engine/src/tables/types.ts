import type { TableDefinition } from '@ruleloom/schemas';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { EvaluationContext, FieldType } from '../expr/types.js';
import type { EvaluationError } from './reporting.js';

/** Options of `compileTable`. */
export interface CompileTableOptions {
  /** Receives every diagnostic (errors and warnings); `compileTable` never throws. */
  report(diagnostic: Diagnostic): void;
  /**
   * IANA zone in which date columns are read (a date-time value belongs to its calendar day
   * there). Default `Asia/Shanghai`; an unknown zone falls back to it.
   */
  readonly zone?: string;
  /**
   * Operators the table's expressions may use besides the built-ins. Pass the registry from
   * `callOperators()` (formulas) to let cells and outputs call other tables and formulas.
   */
  readonly operators?: OperatorRegistry;
}

/** A hit policy, as the table schema names it. */
export type HitPolicy = TableDefinition['hitPolicy'];

/** An aggregator of hit policy `collect`. */
export type Aggregator = NonNullable<TableDefinition['aggregator']>;

/** One input or output column as compiled. */
export interface TableColumn {
  readonly id: string;
  readonly type: FieldType;
  /** The column heading in both languages (its id when it has none). */
  readonly label: LocalizedText;
}

/** The values of a table's output columns for one row (or the defaults), by column id. */
export type TableOutputValues = Readonly<Record<string, unknown>>;

/**
 * What a table gives. Single-hit policies (`first`, `unique`, `priority`, `any`) and `collect`
 * with an aggregator: one value per output column. `collect` without an aggregator and
 * `rule-order`: the outputs of every matching row, in table order.
 */
export type TableOutputs = TableOutputValues | readonly TableOutputValues[];

/** A row that produced (part of) the result. */
export interface TableMatch {
  readonly rowId: string;
  /** 0-based position of the row in `rows`. */
  readonly index: number;
  /** The row's outputs (the column default, or null, for a column it does not set). */
  readonly outputs: TableOutputValues;
  /** Why the row exists (its `description`), for traces and statements. */
  readonly description?: LocalizedText;
}

/** A successful evaluation of a table. */
export interface TableSuccess {
  readonly ok: true;
  readonly table: string;
  /** The value of each input column, as tested (numbers as numbers, dates as epoch ms). */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: TableOutputs;
  /**
   * The rows behind `outputs`: the first matching row (`first`), the only one (`unique`), the
   * chosen one (`priority`), every matching row (`any`, `collect`, `rule-order`). Empty when
   * no row matched and the defaults apply.
   */
  readonly matched: readonly TableMatch[];
  readonly error?: undefined;
}

/** A failed evaluation of a table: wrong input types, several rows under `unique`, … */
export interface TableFailure {
  readonly ok: false;
  readonly table: string;
  /** The input values, when they could be read. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly outputs?: undefined;
  /** The rows involved (e.g. the rows that all matched under `unique`). */
  readonly matched: readonly TableMatch[];
  readonly error: EvaluationError;
}

/** The outcome of {@link CompiledTable.evaluate}; never thrown. */
export type TableResult = TableSuccess | TableFailure;

/** A decision table ready to evaluate. */
export interface CompiledTable {
  readonly id: string;
  readonly file: string;
  readonly definition: TableDefinition;
  readonly label: LocalizedText;
  readonly hitPolicy: HitPolicy;
  readonly aggregator?: Aggregator;
  readonly inputs: readonly TableColumn[];
  readonly outputs: readonly TableColumn[];
  /** `single`: one value per output; `list`: one entry per matching row (collect, rule-order). */
  readonly shape: 'single' | 'list';
  /**
   * The top-level keys of the data the table reads: the input column ids, or what their
   * `expression`s read (`store` for `{"var": "store.type"}`). Callers pass these.
   */
  readonly reads: readonly string[];
  /**
   * Evaluates the table on `input` (the data its input columns read). Never throws.
   *
   * @example
   * table.evaluate({ paymentRate: 0.9, newProductAmount: 350000 });
   * // { ok: true, outputs: { coefficient: 1.2 }, matched: [{ rowId: 'tier-a', index: 0, … }], … }
   */
  evaluate(input: unknown, context?: EvaluationContext): TableResult;
  /**
   * The fast path behind calls from formulas: the outputs only (or one column of them), no
   * trace. Throws `EvaluationFailure` (a `RuleloomError`) where `evaluate` returns an error.
   */
  decide(input: unknown, context: EvaluationContext | undefined, column?: string): unknown;
}
