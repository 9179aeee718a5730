import { absent, allArgs, type Evaluator, type OperatorTable } from './spec.js';

/**
 * json-logic-js converts operands of `+` and `*` with `parseFloat`; for a number that is the
 * number itself except `-0`, which becomes `0` (`parseFloat("0")`).
 */
export function toFloat(value: unknown): number {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  return parseFloat(value as string);
}

function buildPlus(args: readonly Evaluator[]): Evaluator {
  const [a, b, c] = args;
  if (args.length === 0) return () => 0;
  if (args.length === 1 && a) return (d, e) => 0 + toFloat(a(d, e));
  if (args.length === 2 && a && b) return (d, e) => 0 + toFloat(a(d, e)) + toFloat(b(d, e));
  if (args.length === 3 && a && b && c)
    return (d, e) => 0 + toFloat(a(d, e)) + toFloat(b(d, e)) + toFloat(c(d, e));
  return (d, e) => {
    let sum = 0;
    for (const arg of args) sum = toFloat(sum) + toFloat(arg(d, e));
    return sum;
  };
}

// Like Array.prototype.reduce without an initial value: a single operand is returned as is.
function buildTimes(args: readonly Evaluator[]): Evaluator {
  const [a, b] = args;
  if (args.length === 1 && a) return a;
  if (args.length === 2 && a && b) return (d, e) => toFloat(a(d, e)) * toFloat(b(d, e));
  return (d, e) => {
    let product = (args[0] as Evaluator)(d, e);
    for (let i = 1; i < args.length; i++) {
      product = toFloat(product) * toFloat((args[i] as Evaluator)(d, e));
    }
    return product;
  };
}

function buildMinus([a = absent, b]: readonly Evaluator[]): Evaluator {
  if (!b) return (d, e) => -(a(d, e) as number);
  return (d, e) => {
    const left = a(d, e) as number;
    const right = b(d, e);
    return right === undefined ? -left : left - (right as number);
  };
}

function buildExtreme(pick: (...values: number[]) => number) {
  return (args: readonly Evaluator[]): Evaluator => {
    const [a, b] = args;
    if (args.length === 1 && a) return (d, e) => pick(a(d, e) as number);
    if (args.length === 2 && a && b) return (d, e) => pick(a(d, e) as number, b(d, e) as number);
    return (d, e) => pick(...args.map((arg) => arg(d, e) as number));
  };
}

const numeric = allArgs(['number'], 'number');

/** Arithmetic of JsonLogic with json-logic-js's coercions (`"1" + 1` is `2`). */
export const arithmeticOperators: OperatorTable = {
  '+': { build: buildPlus, check: numeric },
  '*': { arity: [1, Infinity], build: buildTimes, check: numeric },
  '-': { build: buildMinus, check: numeric },
  '/': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        (a(d, e) as number) / (b(d, e) as number),
    check: numeric,
  },
  '%': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        (a(d, e) as number) % (b(d, e) as number),
    check: numeric,
  },
  min: { build: buildExtreme(Math.min), check: numeric },
  max: { build: buildExtreme(Math.max), check: numeric },
};
