import { createDiagnostic, appendPointer } from '../diagnostics/diagnostic.js';
import { RuleloomError } from '../diagnostics/errors.js';
import type { DiagnosticCode } from '../diagnostics/catalogue/index.js';
import type { Diagnostic, DiagnosticParams, LocalizedText } from '../diagnostics/types.js';
import { Evaluation, MAX_TRACE_NODES, resolveLimits, type TraceFrame } from './limits.js';
import type { Evaluator, OperationSite, OperatorSpec } from './operators/spec.js';
import { defaultRegistry, forbiddenOperators, type OperatorRegistry } from './registry.js';
import { markConstant } from './operators/fuse.js';
import { traced } from './trace.js';
import type {
  EvaluationContext,
  ExpressionLimits,
  FieldInfo,
  JsonLogic,
  TraceNode,
} from './types.js';
import {
  containerTypes,
  fieldValueType,
  literalType,
  valueTypeName,
  type ValueType,
} from './valueTypes.js';
import { FORBIDDEN_SEGMENTS, freezeLiteral, isOperation, typeName } from './values.js';

/** Options of {@link compileExpression}. */
export interface CompileOptions {
  /**
   * Field types of the data the expression runs on. When given, the expression is
   * type-checked: unknown fields and type mismatches are diagnostics. Without them it is
   * plain JsonLogic and only its structure is checked.
   */
  readonly fields?: readonly FieldInfo[];
  /** Operators beyond the built-ins (see {@link OperatorRegistry}). */
  readonly operators?: OperatorRegistry;
  /** Bounds on size, depth and work; defaults in `defaultLimits`. */
  readonly limits?: Partial<ExpressionLimits>;
  /** JSON pointer of the expression inside its definition file, prefixed to diagnostics. */
  readonly pointer?: string;
  /** The definition file, copied onto diagnostics. */
  readonly file?: string;
}

/** The outcome of {@link CompiledExpression.safeEvaluate}. */
export type EvaluationResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: RuleloomError };

/** The outcome of {@link CompiledExpression.explain}: the result and how it came about. */
export type Explanation = EvaluationResult & {
  /** The evaluated operations, outermost first (a literal rule has no operations). */
  readonly trace: readonly TraceNode[];
  /** True when the trace was cut at 10,000 operations (long loops). */
  readonly truncated: boolean;
};

/** A compiled expression: compile once, evaluate many times. */
export interface CompiledExpression {
  /** False when any diagnostic is an error; `evaluate` then throws RL3002. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The type of the result as far as the checker knows (`any` when unknown). */
  readonly resultType: ValueType;
  /** Field paths the expression reads by literal `var` or `missing` (outside loops). */
  readonly fieldsUsed: readonly string[];
  /** The rule as given (not copied: do not change it). */
  readonly logic: JsonLogic;
  /**
   * Evaluates against `data`; the context carries `now`, `zone` and what custom operators
   * need. Throws only {@link RuleloomError} (limits, a failed operator, a rule with errors).
   */
  evaluate(data?: unknown, context?: EvaluationContext): unknown;
  /** Like `evaluate`, returning the error as a value instead of throwing. */
  safeEvaluate(data?: unknown, context?: EvaluationContext): EvaluationResult;
  /**
   * Evaluates and records every operation evaluated, with its place in the rule and its
   * value: what a rep sees when told why a gate failed. Slower than `evaluate`.
   */
  explain(data?: unknown, context?: EvaluationContext): Explanation;
}

interface Compiled {
  readonly fn: Evaluator;
  readonly type: ValueType;
  readonly constant?: { readonly value: unknown };
}

// A definition compiles many expressions against the same field list: index it once.
const fieldMaps = new WeakMap<readonly FieldInfo[], ReadonlyMap<string, FieldInfo>>();

function fieldMap(fields: readonly FieldInfo[]): ReadonlyMap<string, FieldInfo> {
  let map = fieldMaps.get(fields);
  if (!map) {
    map = new Map(
      fields
        .filter((f) => typeof f === 'object' && f !== null && typeof f.id === 'string')
        .map((f) => [f.id, f]),
    );
    fieldMaps.set(fields, map);
  }
  return map;
}

/**
 * Operators that never touch the per-evaluation state (no context, no step budget, no size
 * checks). An expression made only of these shares one evaluation object across calls,
 * which saves an allocation on the hot path of the most common rules.
 */
const STATELESS: ReadonlySet<string> = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  'and',
  'or',
  '!',
  '!!',
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'in',
  'substr',
  'round',
  'floor',
  'ceil',
  'abs',
  'money_add',
  'money_sub',
  'money_mul',
  'money_div',
  'lower',
  'upper',
  'trim',
  'length',
  'contains',
  'starts_with',
  'ends_with',
  'join',
  'coalesce',
  'distance_km',
  'duration',
]);

const NULL: Compiled = { fn: () => null, type: 'null', constant: { value: null } };
const EMPTY_CONTEXT: EvaluationContext = Object.freeze({});

class ExpressionCompiler {
  readonly diagnostics: Diagnostic[] = [];
  readonly fieldsUsed = new Set<string>();
  /** False once an operation that uses the evaluation state (context, budget) is compiled. */
  stateless = true;
  private nodeCount = 0;
  private readonly fields: ReadonlyMap<string, FieldInfo> | undefined;
  private readonly registry: OperatorRegistry;
  readonly limits: ExpressionLimits;

  constructor(
    private readonly options: CompileOptions,
    private readonly tracing = false,
  ) {
    this.limits = resolveLimits(options.limits);
    this.registry = options.operators ?? defaultRegistry;
    this.fields = Array.isArray(options.fields) ? fieldMap(options.fields) : undefined;
  }

  report(code: DiagnosticCode, pointer: string, params: DiagnosticParams = {}): void {
    this.diagnostics.push(
      createDiagnostic(
        code,
        pointer,
        params,
        this.options.file === undefined ? {} : { file: this.options.file },
      ),
    );
  }

  compile(node: unknown, pointer: string, depth: number, scoped: boolean): Compiled {
    if (++this.nodeCount === this.limits.maxNodes + 1) {
      this.report('RL2006', this.options.pointer ?? '', {
        size: `>${this.limits.maxNodes}`,
        limit: this.limits.maxNodes,
      });
    }
    if (this.nodeCount > this.limits.maxNodes) return NULL;
    if (depth > this.limits.maxDepth) {
      if (!this.diagnostics.some((d) => d.code === 'RL2005')) {
        this.report('RL2005', pointer, { limit: this.limits.maxDepth });
      }
      return NULL;
    }
    if (Array.isArray(node)) return this.compileArray(node, pointer, depth, scoped);
    if (!isOperation(node)) {
      const value = freezeLiteral(node, this.limits.maxDepth - depth);
      return {
        fn: markConstant(() => value, value),
        type: literalType(value),
        constant: { value },
      };
    }
    const operator = Object.keys(node)[0] as string;
    return this.compileOperation(operator, node[operator], pointer, depth, scoped);
  }

  private compileArray(
    node: readonly unknown[],
    pointer: string,
    depth: number,
    scoped: boolean,
  ): Compiled {
    const items = node.map((item, i) =>
      this.compile(item, appendPointer(pointer, i), depth + 1, scoped),
    );
    if (items.every((item) => item.constant)) {
      const value = Object.freeze(items.map((item) => item.constant?.value));
      return { fn: () => value, type: 'array', constant: { value } };
    }
    const fns = items.map((item) => item.fn);
    return {
      fn: (d, e) => {
        const out = new Array<unknown>(fns.length);
        for (let i = 0; i < fns.length; i++) out[i] = (fns[i] as Evaluator)(d, e);
        return out;
      },
      type: 'array',
    };
  }

  private compileOperation(
    operator: string,
    raw: unknown,
    pointer: string,
    depth: number,
    scoped: boolean,
  ): Compiled {
    const opPointer = appendPointer(pointer, operator);
    if (forbiddenOperators.has(operator)) {
      this.report('RL2003', opPointer, { operator });
      return NULL;
    }
    const spec = this.registry.lookup(operator);
    if (!STATELESS.has(operator)) this.stateless = false;
    if (!spec) {
      this.report('RL2001', opPointer, { operator });
      return NULL;
    }
    const rawArgs: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    const argPointer = (i: number): string =>
      Array.isArray(raw) ? appendPointer(opPointer, i) : opPointer;
    if (spec.arity && (rawArgs.length < spec.arity[0] || rawArgs.length > spec.arity[1])) {
      const [min, max] = spec.arity;
      const expected = min === max ? String(min) : max === Infinity ? `≥${min}` : `${min}–${max}`;
      this.report('RL2004', opPointer, { operator, expected, actual: rawArgs.length });
    }
    const inScope = new Set(spec.scoped ?? []);
    const args = rawArgs.map((arg, i) =>
      this.compile(arg, argPointer(i), depth + 1, scoped || inScope.has(i)),
    );
    const site: OperationSite = { operator, pointer: opPointer };
    this.checkLiterals(spec, args, argPointer);
    if (spec.compileSelf) {
      const self = spec.compileSelf({
        site,
        args,
        checkPath: (path, position) => this.checkPath(path, argPointer(position), scoped),
      });
      return this.tracing ? { ...self, fn: traced(self.fn, site) } : self;
    }
    const type = this.checkTypes(operator, spec, args, argPointer, scoped);
    const build = spec.build as NonNullable<OperatorSpec['build']>;
    const fn = build(
      args.map((arg) => arg.fn),
      site,
    );
    return { fn: this.tracing ? traced(fn, site) : fn, type };
  }

  private checkLiterals(
    spec: OperatorSpec,
    args: readonly Compiled[],
    argPointer: (i: number) => string,
  ): void {
    if (!spec.checkLiterals) return;
    for (const problem of spec.checkLiterals(args.map((arg) => arg.constant))) {
      this.report(problem.code, argPointer(problem.position), problem.params);
    }
  }

  private checkTypes(
    operator: string,
    spec: OperatorSpec,
    args: readonly Compiled[],
    argPointer: (i: number) => string,
    scoped: boolean,
  ): ValueType {
    if (!spec.check) return spec.result ?? 'any';
    const typed = this.fields !== undefined && !scoped;
    return spec.check(
      args.map((arg) => arg.type),
      (position, expected) => {
        if (!typed) return;
        const actual = args[position]?.type ?? 'any';
        this.report('RL2008', argPointer(position), {
          operator,
          position: position + 1,
          expected: joinTypeNames(expected),
          actual: valueTypeName(actual),
        });
      },
    );
  }

  private checkPath(path: string, pointer: string, scoped: boolean): ValueType {
    const segments = path.split('.');
    const forbidden = segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
    if (forbidden !== undefined) {
      this.report('RL2002', pointer, { path, segment: forbidden });
      return 'any';
    }
    if (scoped) return 'any';
    this.fieldsUsed.add(path);
    if (!this.fields) return 'any';
    const exact = this.fields.get(path);
    if (exact) return fieldValueType[exact.type] ?? 'any';
    const head = this.fields.get(segments[0] as string);
    if (head && segments.length > 1 && containerTypes.has(fieldValueType[head.type] ?? 'any'))
      return 'any';
    const known = [...this.fields.keys()];
    this.report('RL2007', pointer, {
      field: path,
      known: known.slice(0, 12).join(', ') + (known.length > 12 ? ', …' : ''),
    });
    return 'any';
  }
}

function joinTypeNames(types: readonly ValueType[]): LocalizedText {
  const names = types.map(valueTypeName);
  return {
    'zh-CN': names.map((n) => n['zh-CN']).join('或'),
    en: names.map((n) => n.en).join(' or '),
  };
}

function toRuleloomError(error: unknown, operator = 'expression'): RuleloomError {
  if (error instanceof RuleloomError) return error;
  const detail = error instanceof Error ? error.message : typeName(error);
  return new RuleloomError('RL3003', { operator, detail });
}

/**
 * Compiles a JsonLogic rule into closures, once; the result evaluates it many times.
 * Never throws: problems come back as `diagnostics` (and `ok: false`).
 *
 * @example
 * const rule = compileExpression({ '>=': [{ var: '回款率' }, 0.85] });
 * rule.evaluate({ 回款率: 0.9 }); // true
 *
 * @example
 * // Type-checked against an entity's fields:
 * compileExpression({ '>': [{ var: 'budget' }, 1] }, { fields: [{ id: 'amount', type: 'money' }] })
 *   .diagnostics[0].code; // 'RL2007' unknown field "budget"
 */
export function compileExpression(
  logic: JsonLogic,
  options: CompileOptions = {},
): CompiledExpression {
  const safeOptions: CompileOptions =
    typeof options === 'object' && options !== null ? options : {};
  const compiler = new ExpressionCompiler(safeOptions);
  let root: Compiled;
  try {
    root = compiler.compile(logic, safeOptions.pointer ?? '', 0, false);
  } catch (error) {
    compiler.report('RL2013', safeOptions.pointer ?? '', {
      detail: error instanceof Error ? error.message : typeName(error),
    });
    root = NULL;
  }
  const diagnostics = Object.freeze([...compiler.diagnostics]);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const fn = root.fn;
  const limits = compiler.limits;
  const shared = compiler.stateless ? new Evaluation(EMPTY_CONTEXT, limits) : undefined;
  const evaluate = (data?: unknown, context?: EvaluationContext): unknown => {
    if (!ok) {
      throw new RuleloomError('RL3002', {
        count: diagnostics.filter((d) => d.severity === 'error').length,
        first: diagnostics.find((d) => d.severity === 'error')?.message ?? '',
      });
    }
    const evaluation =
      shared ??
      new Evaluation(
        typeof context === 'object' && context !== null ? context : EMPTY_CONTEXT,
        limits,
      );
    try {
      return fn(data, evaluation);
    } catch (error) {
      throw toRuleloomError(error);
    }
  };
  let tracedRoot: Evaluator | undefined;
  const explain = (data?: unknown, context?: EvaluationContext): Explanation => {
    tracedRoot ??= ok
      ? new ExpressionCompiler(safeOptions, true).compile(
          logic,
          safeOptions.pointer ?? '',
          0,
          false,
        ).fn
      : fn;
    const evaluation = new Evaluation(
      typeof context === 'object' && context !== null ? context : EMPTY_CONTEXT,
      limits,
    );
    const top: TraceFrame = { operator: '', pointer: '', value: undefined, children: [] };
    evaluation.trace = top;
    let result: EvaluationResult;
    try {
      if (!ok) evaluate(data, context);
      result = { ok: true, value: (tracedRoot as Evaluator)(data, evaluation) };
    } catch (error) {
      result = { ok: false, error: toRuleloomError(error) };
    }
    return { ...result, trace: top.children, truncated: evaluation.traceCount >= MAX_TRACE_NODES };
  };
  return {
    ok,
    diagnostics,
    resultType: root.type,
    explain,
    fieldsUsed: Object.freeze([...compiler.fieldsUsed]),
    logic,
    evaluate,
    safeEvaluate(data, context) {
      try {
        return { ok: true, value: evaluate(data, context) };
      } catch (error) {
        return { ok: false, error: toRuleloomError(error) };
      }
    },
  };
}
