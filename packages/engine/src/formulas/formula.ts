import type { FormulaDefinition } from '@ruleloom/schemas';
import type { LocalizedText } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import type { EvaluationContext, FieldInfo, JsonLogic } from '../expr/types.js';
import { columnKind, describeValue, normalizeValue, typeName, UNFIT } from '../tables/columns.js';
import {
  EvaluationFailure,
  tablesError,
  toEvaluationError,
  type EvaluationError,
} from '../tables/reporting.js';
import { CALLS, CallState, type CallableFormula, type CallTargets } from './calls.js';
import { readInputs, type InputReader } from './inputs.js';
import { roundDecimal } from './rounding.js';
import { buildSteps, stepTexts } from './trace.js';
import type {
  CallTrace,
  CompiledFormula,
  FormulaBatchResult,
  FormulaOutputInfo,
  FormulaResult,
  FormulaTrace,
} from './types.js';

/** Everything a compiled formula is made of. */
export interface FormulaParts {
  readonly file: string;
  readonly definition: FormulaDefinition;
  readonly label: LocalizedText;
  readonly inputs: readonly InputReader[];
  readonly output: FormulaOutputInfo;
  readonly logic: JsonLogic;
  /** Pointer of the logic in the file (`/expression`), or `` for text (pointers into `logic`). */
  readonly base: string;
  readonly fields: readonly FieldInfo[];
  readonly expression: CompiledExpression;
  readonly calls: CompiledFormula['calls'];
  readonly zone: string;
  /** Filled in once every formula is compiled. */
  readonly targets: CallTargets;
}

/** A compiled formula (see {@link CompiledFormula}). */
export class Formula implements CompiledFormula, CallableFormula {
  readonly id: string;
  readonly file: string;
  readonly definition: FormulaDefinition;
  readonly label: LocalizedText;
  readonly inputs: CompiledFormula['inputs'];
  readonly output: FormulaOutputInfo;
  readonly logic: JsonLogic;
  readonly calls: CompiledFormula['calls'];
  readonly #parts: FormulaParts;
  readonly #owner: LocalizedText;
  readonly #scope: { zone: string; owner: LocalizedText; label: LocalizedText; file: string };
  readonly #numeric: boolean;
  #texts: ((pointer: string) => string | undefined) | undefined;
  /** Inputs of the fast path, reused from record to record. */
  readonly #scratch: { data: Record<string, unknown>; busy: boolean } = { data: {}, busy: false };

  constructor(parts: FormulaParts) {
    this.id = parts.definition.id;
    this.file = parts.file;
    this.definition = parts.definition;
    this.label = parts.label;
    this.inputs = parts.inputs.map(({ hasDefault: _hasDefault, ...info }) => info);
    this.output = parts.output;
    this.logic = parts.logic;
    this.calls = parts.calls;
    this.#parts = parts;
    this.#owner = {
      'zh-CN': `公式"${parts.label['zh-CN']}"`,
      en: `the formula "${parts.label.en}"`,
    };
    this.#scope = { zone: parts.zone, owner: this.#owner, label: parts.label, file: parts.file };
    this.#numeric = columnKind(parts.output.type) === 'number';
  }

  evaluate(input: unknown, context?: EvaluationContext): FormulaResult {
    const state = new CallState(this.#parts.targets);
    const trace = this.explainWith(input, state, this.#context(context, state));
    return trace.error
      ? { ok: false, trace, error: trace.error }
      : { ok: true, value: trace.value, trace };
  }

  evaluateBatch(inputs: readonly unknown[], context?: EvaluationContext): FormulaBatchResult {
    const records = Array.isArray(inputs) ? inputs : [];
    const values = new Array<unknown>(records.length);
    const failures: { index: number; error: EvaluationError }[] = [];
    const state = new CallState(this.#parts.targets);
    const ctx = this.#context(context, state);
    for (let i = 0; i < records.length; i++) {
      try {
        values[i] = this.run(records[i], state, ctx);
      } catch (thrown) {
        values[i] = undefined;
        failures.push({ index: i, error: toEvaluationError(thrown, this.#owner, this.file) });
        state.data = undefined;
        state.depth = 0;
      }
    }
    return { values, failures };
  }

  run(input: unknown, state: CallState, context: EvaluationContext): unknown {
    const scratch = this.#scratch;
    const data = scratch.busy ? {} : scratch.data;
    const own = data === scratch.data;
    if (own) scratch.busy = true;
    const previous = state.data;
    try {
      readInputs(this.#parts.inputs, input, data, this.#scope);
      state.data = data;
      const raw = this.#parts.expression.evaluate(data, context);
      // A result that is the inputs object itself must not change with the next record.
      return this.#finish(raw === data ? { ...data } : raw);
    } finally {
      state.data = previous;
      if (own) scratch.busy = false;
    }
  }

  explainWith(input: unknown, state: CallState, context: EvaluationContext): FormulaTrace {
    const inputs: Record<string, unknown> = {};
    const base = { kind: 'formula' as const, formula: this.id, label: this.label, inputs };
    try {
      readInputs(this.#parts.inputs, input, inputs, this.#scope);
    } catch (thrown) {
      return { ...base, value: undefined, steps: [], error: this.#error(thrown) };
    }
    const calls: CallTrace[] = [];
    const previous = { data: state.data, sink: state.sink };
    state.data = inputs;
    state.sink = calls;
    let explanation: ReturnType<CompiledExpression['explain']>;
    try {
      explanation = this.#parts.expression.explain(inputs, context);
    } catch (thrown) {
      return { ...base, value: undefined, steps: [], error: this.#error(thrown) };
    } finally {
      state.data = previous.data;
      state.sink = previous.sink;
    }
    const { steps, unplaced } = buildSteps(explanation.trace, calls, this.#textOf());
    const traced = { ...base, steps, ...(unplaced ? { unplacedCalls: unplaced } : {}) };
    if (!explanation.ok)
      return { ...traced, value: undefined, error: this.#error(explanation.error) };
    try {
      const value = this.#finish(explanation.value);
      const unrounded =
        typeof explanation.value === 'number' && value !== explanation.value
          ? { unrounded: explanation.value }
          : {};
      return { ...traced, value, ...unrounded };
    } catch (thrown) {
      return { ...traced, value: undefined, error: this.#error(thrown) };
    }
  }

  /** The caller's context with the zone defaulted and the call state added. */
  #context(context: EvaluationContext | undefined, state: CallState): EvaluationContext {
    const given = typeof context === 'object' && context !== null ? context : {};
    return { zone: this.#parts.zone, ...given, [CALLS]: state };
  }

  /** Checks the result against the output type and rounds it. */
  #finish(raw: unknown): unknown {
    const { type, precision, rounding, label } = this.#parts.output;
    if (this.#numeric && typeof raw === 'number' && Number.isFinite(raw)) {
      return precision === undefined ? raw : roundDecimal(raw, precision, rounding);
    }
    const value = normalizeValue(type, raw, this.#parts.zone, false);
    if (value === UNFIT) {
      throw new EvaluationFailure(
        tablesError(
          'RL5423',
          { owner: this.#owner, output: label, type: typeName(type), value: describeValue(raw) },
          { file: this.file },
        ),
        'formula',
      );
    }
    if (this.#numeric && typeof value === 'number' && precision !== undefined) {
      return roundDecimal(value, precision, rounding);
    }
    return value;
  }

  #error(thrown: unknown) {
    return toEvaluationError(thrown, this.#owner, this.file);
  }

  #textOf(): (pointer: string) => string | undefined {
    this.#texts ??= stepTexts(this.logic, this.#parts.base, this.#parts.fields);
    return this.#texts;
  }
}
