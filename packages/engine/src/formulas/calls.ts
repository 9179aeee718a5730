import { appendPointer } from '../diagnostics/diagnostic.js';
import { OperatorRegistry } from '../expr/registry.js';
import type { OperatorSpec } from '../expr/operators/spec.js';
import type { EvaluationContext } from '../expr/types.js';
import { FORBIDDEN_SEGMENTS, isOperation } from '../expr/values.js';
import { EvaluationFailure, tablesError } from '../tables/reporting.js';
import type { CompiledTable, TableResult } from '../tables/types.js';
import type { CallTrace, FormulaTrace, TableCallTrace } from './types.js';

/**
 * Calls between formulas and tables, as two JsonLogic operators:
 *
 * - `{"table": [tableId, column, name, value, …]}` evaluates a decision table and gives the
 *   value of one output column (`column`), or all outputs (`null`). The inputs are given as
 *   name / value pairs (the names are what the table reads: its input column ids); without
 *   pairs, a formula passes its own inputs.
 * - `{"formula": [formulaId, name, value, …]}` evaluates another formula with the named
 *   inputs; without pairs, a formula passes its own inputs.
 *
 * The operators find the tables and formulas through the evaluation context (a
 * {@link CallState} under {@link CALLS}), which `compileFormulas` provides; so one static
 * registry serves every app, and the trace of a call is recorded where the caller wants it.
 */

/** The operator names. */
export const TABLE_OPERATOR = 'table';
export const FORMULA_OPERATOR = 'formula';

/** The key of the evaluation context under which calls find their {@link CallState}. */
export const CALLS = 'ruleloom.calls';

/** Deepest nesting of calls (only a cycle, which compiling reports, comes near it). */
export const MAX_CALL_DEPTH = 32;

/** What a call operator needs of a formula (implemented by compiled formulas). */
export interface CallableFormula {
  readonly id: string;
  /** The value, fast; throws `EvaluationFailure` on failure. */
  run(input: unknown, state: CallState, context: EvaluationContext): unknown;
  /** The value with its trace; the trace carries the error on failure. */
  explainWith(input: unknown, state: CallState, context: EvaluationContext): FormulaTrace;
}

/** Where calls find their targets. */
export interface CallTargets {
  readonly tables: ReadonlyMap<string, CompiledTable>;
  readonly formulas: ReadonlyMap<string, CallableFormula>;
}

/** The state of one evaluation that may call tables and formulas. */
export class CallState {
  /** The inputs of the formula being evaluated: what a call without pairs passes. */
  data: Readonly<Record<string, unknown>> | undefined = undefined;
  depth = 0;
  /** While a trace is recorded: the list calls made now are added to. */
  sink: CallTrace[] | undefined = undefined;

  constructor(readonly targets: CallTargets) {}
}

/**
 * An evaluation context under which tables (and formulas) can call each other: pass it to
 * `table.evaluate` when a table's cells or outputs call formulas or tables.
 *
 * @example
 * const context = createCallContext({ tables, formulas }, { zone: 'Asia/Shanghai' });
 * tables.get('rebate-line')?.evaluate(order, context);
 */
export function createCallContext(
  targets: {
    readonly tables: ReadonlyMap<string, CompiledTable>;
    readonly formulas: ReadonlyMap<string, unknown>;
  },
  context: EvaluationContext = {},
): EvaluationContext {
  const formulas = new Map<string, CallableFormula>();
  for (const [id, formula] of targets.formulas) {
    if (isCallable(formula)) formulas.set(id, formula);
  }
  return { ...context, [CALLS]: new CallState({ tables: targets.tables, formulas }) };
}

function isCallable(value: unknown): value is CallableFormula {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CallableFormula).run === 'function' &&
    typeof (value as CallableFormula).explainWith === 'function'
  );
}

/** The call state of a context, or a failure saying calls are not available there. */
function stateOf(context: EvaluationContext, operator: string): CallState {
  const state = context[CALLS];
  if (state instanceof CallState) return state;
  throw new EvaluationFailure(tablesError('RL5452', { operator }), operator);
}

/** The data a call passes: its name / value pairs, or the caller's inputs without any. */
function callData(args: readonly unknown[], start: number, state: CallState): unknown {
  if (args.length <= start) return state.data;
  const data: Record<string, unknown> = {};
  for (let i = start; i + 1 < args.length; i += 2) {
    const name = args[i];
    if (typeof name === 'string' && !FORBIDDEN_SEGMENTS.has(name)) data[name] = args[i + 1];
  }
  return data;
}

function enter(state: CallState, operator: string): void {
  if (state.depth >= MAX_CALL_DEPTH) {
    throw new EvaluationFailure(tablesError('RL5451', { limit: MAX_CALL_DEPTH }), operator);
  }
  state.depth++;
}

function callTable(args: readonly unknown[], context: EvaluationContext): unknown {
  const state = stateOf(context, TABLE_OPERATOR);
  const [id, column] = args;
  const table = typeof id === 'string' ? state.targets.tables.get(id) : undefined;
  if (!table) {
    throw new EvaluationFailure(
      tablesError('RL5452', { operator: `${TABLE_OPERATOR} "${String(id)}"` }),
      TABLE_OPERATOR,
    );
  }
  const wanted = typeof column === 'string' ? column : undefined;
  const data = callData(args, 2, state);
  enter(state, TABLE_OPERATOR);
  try {
    const sink = state.sink;
    if (!sink) return table.decide(data, context, wanted);
    // Calls made by the table's own cells are recorded under the table's call.
    const calls: CallTrace[] = [];
    state.sink = calls;
    let result: TableResult;
    try {
      result = table.evaluate(data, context);
    } finally {
      state.sink = sink;
    }
    const value = result.ok ? pick(result.outputs, wanted) : undefined;
    const trace: TableCallTrace = {
      kind: 'table',
      table: table.id,
      label: table.label,
      hitPolicy: table.hitPolicy,
      ...(wanted === undefined ? {} : { column: wanted }),
      inputs: result.inputs ?? {},
      matched: result.matched,
      ...(result.ok ? { outputs: result.outputs } : { error: result.error }),
      value,
      calls,
    };
    sink.push(trace);
    if (!result.ok) throw new EvaluationFailure(result.error, TABLE_OPERATOR);
    return value;
  } finally {
    state.depth--;
  }
}

/** One output column of a table's outputs (a list of values for list-shaped results). */
function pick(outputs: unknown, column: string | undefined): unknown {
  if (column === undefined) return outputs;
  if (Array.isArray(outputs)) {
    return outputs.map((o: Readonly<Record<string, unknown>>) => o[column]);
  }
  return (outputs as Readonly<Record<string, unknown>>)[column];
}

function callFormula(args: readonly unknown[], context: EvaluationContext): unknown {
  const state = stateOf(context, FORMULA_OPERATOR);
  const [id] = args;
  const formula = typeof id === 'string' ? state.targets.formulas.get(id) : undefined;
  if (!formula) {
    throw new EvaluationFailure(
      tablesError('RL5452', { operator: `${FORMULA_OPERATOR} "${String(id)}"` }),
      FORMULA_OPERATOR,
    );
  }
  const data = callData(args, 1, state);
  enter(state, FORMULA_OPERATOR);
  try {
    const sink = state.sink;
    if (!sink) return formula.run(data, state, context);
    const trace = formula.explainWith(data, state, context);
    sink.push(trace);
    if (trace.error) throw new EvaluationFailure(trace.error, FORMULA_OPERATOR);
    return trace.value;
  } finally {
    state.depth--;
  }
}

/** A registry that adds the call operators over another one. */
class CallRegistry extends OperatorRegistry {
  constructor(private readonly base: OperatorRegistry | undefined) {
    super();
    this.register(TABLE_OPERATOR, {
      evaluate: callTable,
      arity: [1, Infinity],
      description: { 'zh-CN': '查决策表', en: 'look up a decision table' },
    });
    this.register(FORMULA_OPERATOR, {
      evaluate: callFormula,
      arity: [1, Infinity],
      description: { 'zh-CN': '调用公式', en: 'call a formula' },
    });
  }

  override lookup(name: string): OperatorSpec | undefined {
    return super.lookup(name) ?? this.base?.lookup(name);
  }

  override customNames(): string[] {
    return [...new Set([...super.customNames(), ...(this.base?.customNames() ?? [])])];
  }
}

/**
 * The operators `table` and `formula`, over `base` (an app's own operators). Compile formula
 * expressions with it — and table expressions too, to let cells and outputs call.
 *
 * @example
 * compileTable(file, { report, operators: callOperators(appOperators) });
 */
export function callOperators(base?: OperatorRegistry): OperatorRegistry {
  return new CallRegistry(base);
}

/** A call written in an expression, found before compiling. */
export interface FoundCall {
  readonly operator: typeof TABLE_OPERATOR | typeof FORMULA_OPERATOR;
  /** Pointer of the operation (`…/table`). */
  readonly pointer: string;
  /** The arguments as written. */
  readonly args: readonly unknown[];
  /** Pointer of argument `i`. */
  argPointer(i: number): string;
}

/** Deepest nesting the search follows (the compiler refuses deeper expressions anyway). */
const MAX_SEARCH_DEPTH = 256;

/**
 * Every `table` and `formula` operation of an expression, outermost first, with its
 * pointer. Follows JsonLogic's reading: lists and one-key objects are looked into, other
 * objects are literals.
 *
 * @example
 * findCalls({ '*': [{ var: 'amount' }, { table: ['store-tier-rebate', 'rebateRate'] }] }, '/expression');
 * // [{ operator: 'table', pointer: '/expression/*\/1/table', args: ['store-tier-rebate', 'rebateRate'], … }]
 */
export function findCalls(logic: unknown, pointer: string): FoundCall[] {
  const found: FoundCall[] = [];
  const walk = (node: unknown, at: string, depth: number): void => {
    if (depth > MAX_SEARCH_DEPTH) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, appendPointer(at, i), depth + 1));
      return;
    }
    if (!isOperation(node)) return;
    const operator = Object.keys(node)[0] as string;
    const raw = node[operator];
    const opPointer = appendPointer(at, operator);
    const args: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    const argPointer = (i: number): string =>
      Array.isArray(raw) ? appendPointer(opPointer, i) : opPointer;
    if (operator === TABLE_OPERATOR || operator === FORMULA_OPERATOR) {
      found.push({ operator, pointer: opPointer, args, argPointer });
    }
    args.forEach((arg, i) => walk(arg, argPointer(i), depth + 1));
  };
  walk(logic, pointer, 0);
  return found;
}
