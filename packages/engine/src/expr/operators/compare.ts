// JsonLogic's == and != are JavaScript's loose equality by definition.
import type { ValueType } from '../valueTypes.js';
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

type Lt = (a: number, b: number) => boolean;

/** `<` and `<=` take a third argument for "between" (`a < b < c`), as json-logic-js does. */
function buildBetween(lt: Lt) {
  return (args: readonly Evaluator[]): Evaluator => {
    const [a = absent, b = absent, c] = args;
    if (!c) return (d, e) => lt(a(d, e) as number, b(d, e) as number);
    return (d, e) => {
      const left = a(d, e) as number;
      const middle = b(d, e) as number;
      const right = c(d, e);
      return right === undefined
        ? lt(left, middle)
        : lt(left, middle) && lt(middle, right as number);
    };
  };
}

/** Equality and ordering, with JavaScript's (and so json-logic-js's) coercions. */
export const compareOperators: OperatorTable = {
  '==': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        a(d, e) == b(d, e),
    result: 'boolean',
  },
  '===': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        a(d, e) === b(d, e),
    result: 'boolean',
  },
  '!=': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        a(d, e) != b(d, e),
    result: 'boolean',
  },
  '!==': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        a(d, e) !== b(d, e),
    result: 'boolean',
  },
  '>': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        (a(d, e) as number) > (b(d, e) as number),
    check: orderCheck,
  },
  '>=': {
    build:
      ([a = absent, b = absent]) =>
      (d, e) =>
        (a(d, e) as number) >= (b(d, e) as number),
    check: orderCheck,
  },
  '<': { build: buildBetween((x, y) => x < y), check: orderCheck },
  '<=': { build: buildBetween((x, y) => x <= y), check: orderCheck },
};
