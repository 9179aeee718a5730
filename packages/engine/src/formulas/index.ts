/**
 * Formulas: named calculations with typed inputs and a typed, rounded output (rebates,
 * scores, incentives), written as JsonLogic or formula text, which may call decision tables
 * and other formulas. Compile an app's formulas with {@link compileFormulas}; evaluate one
 * with its trace, or many records fast with {@link evaluateFormulaBatch}. See
 * `docs/reference/tables-and-formulas.md`.
 */
import type { EvaluationContext } from '../expr/types.js';
import type { CompiledFormula, FormulaBatchResult } from './types.js';

export { compileFormulas } from './compileFormulas.js';
export {
  callOperators,
  createCallContext,
  findCalls,
  CALLS,
  FORMULA_OPERATOR,
  MAX_CALL_DEPTH,
  TABLE_OPERATOR,
  type FoundCall,
} from './calls.js';
export { roundDecimal, type RoundingMode } from './rounding.js';
export type {
  CallTrace,
  CompileFormulasOptions,
  CompiledFormula,
  FormulaBatchResult,
  FormulaInputInfo,
  FormulaOutputInfo,
  FormulaResult,
  FormulaTrace,
  TableCallTrace,
  TraceStep,
} from './types.js';

/**
 * Evaluates a formula on many records — a monthly rebate statement, a score for every
 * customer — compiled for speed: no traces, the compiled closures and one inputs object
 * reused from record to record, so nothing is allocated per record beyond its value (and the
 * error of a record that fails). `values[i]` equals `formula.evaluate(inputs[i]).value`.
 *
 * @example
 * const { values, failures } = evaluateFormulaBatch(formulas.get('order-rebate')!, orders);
 */
export function evaluateFormulaBatch(
  formula: CompiledFormula,
  inputs: readonly unknown[],
  context?: EvaluationContext,
): FormulaBatchResult {
  return formula.evaluateBatch(inputs, context);
}
