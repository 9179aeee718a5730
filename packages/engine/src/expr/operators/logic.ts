import { truthy } from '../values.js';
import { truthTestOf } from './fuse.js';
import type { ValueType } from '../valueTypes.js';
import { absent, type Evaluator, type OperatorSpec, type OperatorTable } from './spec.js';

/** `if` / `?:`: pairs of condition and result, an optional else; `null` when nothing matched. */
function buildIf(args: readonly Evaluator[]): Evaluator {
  const [a, b, c] = args;
  if (args.length === 0) return () => null;
  if (args.length === 1 && a) return a;
  if (args.length === 2 && a && b) return (d, e) => (truthy(a(d, e)) ? b(d, e) : null);
  if (args.length === 3 && a && b && c) {
    const test = truthTestOf(a);
    if (test) return (d, e) => (test(d) ? b(d, e) : c(d, e));
    return (d, e) => (truthy(a(d, e)) ? b(d, e) : c(d, e));
  }
  const pairs = args.length - (args.length % 2);
  const fallback = args.length % 2 === 1 ? args[args.length - 1] : undefined;
  return (d, e) => {
    for (let i = 0; i < pairs; i += 2) {
      if (truthy((args[i] as Evaluator)(d, e))) return (args[i + 1] as Evaluator)(d, e);
    }
    return fallback ? fallback(d, e) : null;
  };
}

function ifType(types: readonly ValueType[]): ValueType {
  const results = types.filter((_, i) => i % 2 === 1 || i === types.length - 1);
  const first = results[0];
  return first !== undefined && results.every((t) => t === first) ? first : 'any';
}

const ifSpec: OperatorSpec = { build: buildIf, check: ifType };

/** `and`: the first falsy value, or the last value (`undefined` with no arguments, as json-logic-js). */
function buildAnd(args: readonly Evaluator[]): Evaluator {
  const [a, b] = args;
  if (args.length === 0) return absent;
  if (args.length === 1 && a) return a;
  if (args.length === 2 && a && b)
    return (d, e) => {
      const first = a(d, e);
      return truthy(first) ? b(d, e) : first;
    };
  return (d, e) => {
    let current: unknown;
    for (const arg of args) {
      current = arg(d, e);
      if (!truthy(current)) return current;
    }
    return current;
  };
}

/** `or`: the first truthy value, or the last value. */
function buildOr(args: readonly Evaluator[]): Evaluator {
  const [a, b] = args;
  if (args.length === 0) return absent;
  if (args.length === 1 && a) return a;
  if (args.length === 2 && a && b)
    return (d, e) => {
      const first = a(d, e);
      return truthy(first) ? first : b(d, e);
    };
  return (d, e) => {
    let current: unknown;
    for (const arg of args) {
      current = arg(d, e);
      if (truthy(current)) return current;
    }
    return current;
  };
}

const sameTypeOr = (types: readonly ValueType[]): ValueType =>
  types.length > 0 && types.every((t) => t === 'boolean') ? 'boolean' : 'any';

/** Boolean logic of JsonLogic, with json-logic-js's short-circuit and truthiness. */
export const logicOperators: OperatorTable = {
  if: ifSpec,
  '?:': ifSpec,
  and: { build: buildAnd, check: sameTypeOr },
  or: { build: buildOr, check: sameTypeOr },
  '!': {
    build: ([a = absent]) => {
      const test = truthTestOf(a);
      return test ? (d) => !test(d) : (d, e) => !truthy(a(d, e));
    },
    result: 'boolean',
  },
  '!!': {
    build:
      ([a = absent]) =>
      (d, e) =>
        truthy(a(d, e)),
    result: 'boolean',
  },
};
