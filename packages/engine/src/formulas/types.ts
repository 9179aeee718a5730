import type { FormulaDefinition } from '@ruleloom/schemas';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { EvaluationContext, FieldType, JsonLogic } from '../expr/types.js';
import type { EvaluationError } from '../tables/reporting.js';
import type { HitPolicy, TableMatch, TableOutputs } from '../tables/types.js';
import type { RoundingMode } from './rounding.js';

/** Options of `compileFormulas`. */
export interface CompileFormulasOptions {
  /** Receives every diagnostic (errors and warnings); `compileFormulas` never throws. */
  report(diagnostic: Diagnostic): void;
  /** IANA zone for date inputs and the evaluation context's default zone. Default `Asia/Shanghai`. */
  readonly zone?: string;
  /** The app's own operators; `table` and `formula` are added over them. */
  readonly operators?: OperatorRegistry;
}

/** A formula input as compiled. */
export interface FormulaInputInfo {
  readonly id: string;
  readonly type: FieldType;
  readonly label: LocalizedText;
  readonly required: boolean;
  /** The default as given, when there is one. */
  readonly default?: unknown;
}

/** The output of a formula as compiled: its type and how it is rounded. */
export interface FormulaOutputInfo {
  readonly type: FieldType;
  readonly label: LocalizedText;
  /** Decimals the result is rounded to; absent: not rounded. Money: 2 unless given. */
  readonly precision?: number;
  readonly rounding: RoundingMode;
}

/**
 * One evaluated operation of a formula: the operator, its place in the formula, its value,
 * and the operations it evaluated (branches not taken are absent). An operation that called a
 * table or formula carries that call.
 */
export interface TraceStep {
  readonly operator: string;
  /**
   * JSON pointer of the operation: into the file's `expression`, or for a formula written as
   * `text`, into the formula's `logic` (the text parsed).
   */
  readonly pointer: string;
  readonly value: unknown;
  /** The operation as formula text (`回款率 >= 0.85`), when it can be written as text. */
  readonly text?: string;
  readonly children: readonly TraceStep[];
  readonly call?: CallTrace;
}

/** A call to a table, in a trace: its inputs, the rows it matched and what it gave. */
export interface TableCallTrace {
  readonly kind: 'table';
  readonly table: string;
  readonly label: LocalizedText;
  readonly hitPolicy: HitPolicy;
  /** The output column asked for (absent: all outputs). */
  readonly column?: string;
  /** The value of each input column, as tested. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The rows behind the result (see `TableSuccess.matched`). */
  readonly matched: readonly TableMatch[];
  readonly outputs?: TableOutputs;
  /** What the call gave the formula. */
  readonly value: unknown;
  /** Calls the table's own cells and outputs made. */
  readonly calls: readonly CallTrace[];
  readonly error?: EvaluationError;
}

/** How a formula's value came about: its inputs, every step, every call, its value. */
export interface FormulaTrace {
  readonly kind: 'formula';
  readonly formula: string;
  readonly label: LocalizedText;
  /** The inputs as used (defaults filled in, numbers as numbers). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The result (rounded); undefined when the evaluation failed. */
  readonly value: unknown;
  /** The calculation's value before rounding, when rounding changed it. */
  readonly unrounded?: number;
  /** The evaluated operations, outermost first. */
  readonly steps: readonly TraceStep[];
  readonly error?: EvaluationError;
  /**
   * Calls that could not be placed in `steps` (only when the trace was cut after 10,000
   * operations).
   */
  readonly unplacedCalls?: readonly CallTrace[];
}

/** A call in a trace. */
export type CallTrace = TableCallTrace | FormulaTrace;

/** The outcome of {@link CompiledFormula.evaluate}; never thrown. */
export type FormulaResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly trace: FormulaTrace;
      readonly error?: undefined;
    }
  | {
      readonly ok: false;
      readonly value?: undefined;
      readonly trace: FormulaTrace;
      readonly error: EvaluationError;
    };

/** The outcome of a batch: one value per input record, and the records that failed. */
export interface FormulaBatchResult {
  /** The value for each input, in order (undefined where it failed). */
  readonly values: unknown[];
  /** The records that failed, by index; empty when all succeeded. */
  readonly failures: readonly { readonly index: number; readonly error: EvaluationError }[];
}

/** A formula ready to evaluate. */
export interface CompiledFormula {
  readonly id: string;
  readonly file: string;
  readonly definition: FormulaDefinition;
  readonly label: LocalizedText;
  readonly inputs: readonly FormulaInputInfo[];
  readonly output: FormulaOutputInfo;
  /** The calculation as JsonLogic (formula text parsed). */
  readonly logic: JsonLogic;
  /** The tables and formulas it calls, by id. */
  readonly calls: { readonly tables: readonly string[]; readonly formulas: readonly string[] };
  /**
   * Evaluates the formula on `input` (values by input id) and explains the value. Never throws.
   *
   * @example
   * formula.evaluate({ paymentRate: 0.9, newProductAmount: 350000 });
   * // { ok: true, value: 1.2, trace: { formula: 'tier-coefficient', steps: […], … } }
   */
  evaluate(input: unknown, context?: EvaluationContext): FormulaResult;
  /** The values for many records, fast and without traces (see `evaluateFormulaBatch`). */
  evaluateBatch(inputs: readonly unknown[], context?: EvaluationContext): FormulaBatchResult;
}
