// JsonLogic's == and != are JavaScript's loose equality by definition.
import type { ValueType } from '../valueTypes.js';
import { constantOf, fieldKeyOf, readField } from './fuse.js';
import { absent, type Evaluator, type OperatorTable, type TypeReporter } from './spec.js';

// Dates are ISO strings or epoch numbers in data; comparing either kind with a date is fine.
const isTemporal = (type: ValueType): boolean =>
  type === 'date' || type === 'string' || type === 'number';

/** Ordering comparisons: numbers with numbers, text with text, dates with dates. */
function orderCheck(types: readonly ValueType[], report: TypeReporter): ValueType {
  let first: ValueType | undefined;
  types.forEach((type, position) => {
    if (type === 'any' || type === 'null') return;
    if (type === 'boolean' || type === 'array' || type === 'object') {
      report(position, ['number', 'string', 'date']);
      return;
    }
    if (first === undefined) first = type;
    else if (
      type !== first &&
      !(isTemporal(first) && isTemporal(type) && (first === 'date' || type === 'date'))
    ) {
      report(position, [first]);
    }
  });
  return 'boolean';
}

type Compare = (a: never, b: never) => boolean;

/**
 * Builds a two-operand comparison. `fieldVsLiteral` is the same comparison specialised for a
 * field read against a literal; it is a separate closure per operator so that each stays
 * monomorphic for the JIT.
 */
function comparison(
  generic: (a: Evaluator, b: Evaluator) => Evaluator,
  fieldVsLiteral: (key: string, literal: never) => Evaluator,
) {
  return ([a = absent, b = absent]: readonly Evaluator[]): Evaluator => {
    const key = fieldKeyOf(a);
    const literal = constantOf(b);
    return key !== undefined && literal
      ? fieldVsLiteral(key, literal.value as never)
      : generic(a, b);
  };
}

/** `<` and `<=` take a third argument for "between" (`a < b < c`), as json-logic-js does. */
function between(lt: Compare, fieldVsLiteral: (key: string, literal: never) => Evaluator) {
  return (args: readonly Evaluator[]): Evaluator => {
    const [a = absent, b = absent, c] = args;
    if (!c) {
      const key = fieldKeyOf(a);
      const literal = constantOf(b);
      if (key !== undefined && literal) return fieldVsLiteral(key, literal.value as never);
      return (d, e) => lt(a(d, e) as never, b(d, e) as never);
    }
    return (d, e) => {
      const left = a(d, e) as never;
      const middle = b(d, e) as never;
      const right = c(d, e);
      return right === undefined
        ? lt(left, middle)
        : lt(left, middle) && lt(middle, right as never);
    };
  };
}

/** Equality and ordering, with JavaScript's (and so json-logic-js's) coercions. */
export const compareOperators: OperatorTable = {
  '==': {
    build: comparison(
      (a, b) => (d, e) => a(d, e) == b(d, e),
      (k, v) => (d) => readField(d, k) == v,
    ),
    result: 'boolean',
  },
  '===': {
    build: comparison(
      (a, b) => (d, e) => a(d, e) === b(d, e),
      (k, v) => (d) => readField(d, k) === v,
    ),
    result: 'boolean',
  },
  '!=': {
    build: comparison(
      (a, b) => (d, e) => a(d, e) != b(d, e),
      (k, v) => (d) => readField(d, k) != v,
    ),
    result: 'boolean',
  },
  '!==': {
    build: comparison(
      (a, b) => (d, e) => a(d, e) !== b(d, e),
      (k, v) => (d) => readField(d, k) !== v,
    ),
    result: 'boolean',
  },
  '>': {
    build: comparison(
      (a, b) => (d, e) => (a(d, e) as number) > (b(d, e) as number),
      (k, v: number) => (d) => (readField(d, k) as number) > v,
    ),
    check: orderCheck,
  },
  '>=': {
    build: comparison(
      (a, b) => (d, e) => (a(d, e) as number) >= (b(d, e) as number),
      (k, v: number) => (d) => (readField(d, k) as number) >= v,
    ),
    check: orderCheck,
  },
  '<': {
    build: between(
      (x: number, y: number) => x < y,
      (k, v: number) => (d) => (readField(d, k) as number) < v,
    ),
    check: orderCheck,
  },
  '<=': {
    build: between(
      (x: number, y: number) => x <= y,
      (k, v: number) => (d) => (readField(d, k) as number) <= v,
    ),
    check: orderCheck,
  },
};
