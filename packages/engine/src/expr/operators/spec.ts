import type { Evaluation } from '../limits.js';
import type { ValueType } from '../valueTypes.js';

/** A compiled node: call it with the current data (the record, or the item inside a loop). */
export type Evaluator = (data: unknown, evaluation: Evaluation) => unknown;

/** Where an operation stands in the rule, for errors and traces. */
export interface OperationSite {
  readonly operator: string;
  readonly pointer: string;
}

/** Reports a type problem on one argument (0-based position) during checking. */
export type TypeReporter = (position: number, expected: readonly ValueType[]) => void;

/** How one operator compiles. Operators are data in a table; the compiler has no special cases. */
export interface OperatorSpec {
  /** Fewest and most arguments; omitted for JsonLogic operators, which accept any count. */
  readonly arity?: readonly [min: number, max: number];
  /** Argument positions evaluated once per item of a list, with the item as data. */
  readonly scoped?: readonly number[];
  /** Builds the evaluator from the compiled arguments (missing ones are not passed). */
  readonly build?: (args: readonly Evaluator[], site: OperationSite) => Evaluator;
  /** For operators that look at their compiled arguments themselves (`var`, `missing`). */
  readonly compileSelf?: (ctx: SelfCompileContext) => { fn: Evaluator; type: ValueType };
  /**
   * Checks argument types when field types are known and returns the result type;
   * omitted: arguments are unchecked and the result is `result` (default `any`).
   */
  readonly check?: (types: readonly ValueType[], report: TypeReporter) => ValueType;
  readonly result?: ValueType;
  /**
   * Checks arguments that are literals (e.g. a duration text) at compile time; returns the
   * problems found. `literals[i]` is undefined when argument `i` is not a literal.
   */
  readonly checkLiterals?: (
    literals: readonly ({ readonly value: unknown } | undefined)[],
  ) => readonly LiteralProblem[];
}

/** A problem with a literal argument, reported by `checkLiterals`. */
export interface LiteralProblem {
  readonly position: number;
  readonly code: 'RL2012' | 'RL2009';
  readonly params: Readonly<Record<string, string | number>>;
}

/** An operator table. */
export type OperatorTable = Readonly<Record<string, OperatorSpec>>;

/** Checks every argument against one set of accepted types and returns `result`. */
export function allArgs(expected: readonly ValueType[], result: ValueType) {
  return (types: readonly ValueType[], report: TypeReporter): ValueType => {
    types.forEach((type, position) => {
      if (type !== 'any' && type !== 'null' && !expected.includes(type)) report(position, expected);
    });
    return result;
  };
}

/** Checks arguments position by position (`undefined`: any type) and returns `result`. */
export function positionalArgs(
  expected: readonly (readonly ValueType[] | undefined)[],
  result: ValueType,
) {
  return (types: readonly ValueType[], report: TypeReporter): ValueType => {
    types.forEach((type, position) => {
      const accepted = expected[position];
      if (accepted && type !== 'any' && type !== 'null' && !accepted.includes(type)) {
        report(position, accepted);
      }
    });
    return result;
  };
}

/** Evaluates to `undefined`: stands for an argument the rule left out. */
export const absent: Evaluator = () => undefined;

/** A compiled argument as the compiler hands it to operators that look at their raw arguments. */
export interface CompiledArg {
  readonly fn: Evaluator;
  readonly type: ValueType;
  /** Present when the argument is a literal: its (frozen) value. */
  readonly constant?: { readonly value: unknown };
}

/** What the compiler offers an operator that compiles itself (`var`, `missing`, …). */
export interface SelfCompileContext {
  readonly site: OperationSite;
  readonly args: readonly CompiledArg[];
  /**
   * Checks a literal field path (forbidden segments, and unknown fields when field types are
   * known) and returns its type; `position` is the argument the path came from.
   */
  checkPath(path: string, position: number): ValueType;
}
