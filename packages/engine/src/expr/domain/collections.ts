import { toFloat } from '../operators/arithmetic.js';
import { positionalArgs, type OperatorTable } from '../operators/spec.js';
import { eager } from './eager.js';

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/** Aggregates over lists, `coalesce`, and set tests for multi-choice fields and tags. */
export const collectionOperators: OperatorTable = {
  sum: {
    arity: [1, 1],
    build: eager(([list], e, site) => {
      if (!Array.isArray(list)) return 0;
      e.charge(list.length, site.pointer);
      let total = 0;
      for (const item of list) if (!isBlank(item)) total += toFloat(item);
      return total;
    }),
    check: positionalArgs([['array']], 'number'),
  },
  avg: {
    arity: [1, 1],
    build: eager(([list], e, site) => {
      if (!Array.isArray(list)) return null;
      e.charge(list.length, site.pointer);
      let total = 0;
      let count = 0;
      for (const item of list) {
        if (isBlank(item)) continue;
        total += toFloat(item);
        count++;
      }
      return count === 0 ? null : total / count;
    }),
    check: positionalArgs([['array']], 'number'),
  },
  coalesce: {
    // Lazy: later arguments are evaluated only when the earlier ones are blank.
    build: (args) => (d, e) => {
      for (const arg of args) {
        const value = arg(d, e);
        if (!isBlank(value)) return value;
      }
      return null;
    },
  },
  has_any: {
    arity: [2, 2],
    build: eager(([values, wanted], e, site) => {
      const have = Array.isArray(values) ? values : isBlank(values) ? [] : [values];
      const want = Array.isArray(wanted) ? wanted : [wanted];
      e.charge(have.length + want.length, site.pointer);
      return want.some((item) => have.includes(item));
    }),
    check: positionalArgs(
      [
        ['array', 'string'],
        ['array', 'string'],
      ],
      'boolean',
    ),
  },
  has_all: {
    arity: [2, 2],
    build: eager(([values, wanted], e, site) => {
      const have = Array.isArray(values) ? values : isBlank(values) ? [] : [values];
      const want = Array.isArray(wanted) ? wanted : [wanted];
      e.charge(have.length + want.length, site.pointer);
      return want.every((item) => have.includes(item));
    }),
    check: positionalArgs(
      [
        ['array', 'string'],
        ['array', 'string'],
      ],
      'boolean',
    ),
  },
};
