import { positionalArgs, type OperatorTable } from '../operators/spec.js';
import { eager } from './eager.js';

const str = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value);
const text1 = positionalArgs([['string']], 'string');
const textPair = positionalArgs([['string', 'array'], ['string']], 'boolean');

/** String helpers. Blank values (`null`, missing) act as `""`. */
export const textOperators: OperatorTable = {
  lower: { arity: [1, 1], build: eager(([v]) => str(v).toLowerCase()), check: text1 },
  upper: { arity: [1, 1], build: eager(([v]) => str(v).toUpperCase()), check: text1 },
  trim: { arity: [1, 1], build: eager(([v]) => str(v).trim()), check: text1 },
  length: {
    arity: [1, 1],
    build: eager(([v]) => (Array.isArray(v) ? v.length : str(v).length)),
    check: positionalArgs([['string', 'array']], 'number'),
  },
  contains: {
    arity: [2, 2],
    build: eager(([haystack, needle]) =>
      Array.isArray(haystack) ? haystack.includes(needle) : str(haystack).includes(str(needle)),
    ),
    check: positionalArgs([['string', 'array']], 'boolean'),
  },
  starts_with: {
    arity: [2, 2],
    build: eager(([s, p]) => str(s).startsWith(str(p))),
    check: textPair,
  },
  ends_with: { arity: [2, 2], build: eager(([s, p]) => str(s).endsWith(str(p))), check: textPair },
  replace: {
    arity: [3, 3],
    build: eager(([s, find, replacement], e, site) => {
      const needle = str(find);
      if (needle === '') return str(s);
      const out = str(s).split(needle).join(str(replacement));
      e.checkSize('replace', out.length, site.pointer);
      return out;
    }),
    check: positionalArgs([['string'], ['string'], ['string']], 'string'),
  },
  split: {
    arity: [2, 2],
    build: eager(([s, separator], e, site) => {
      const parts = str(s).split(str(separator));
      e.charge(parts.length, site.pointer);
      return parts;
    }),
    check: positionalArgs([['string'], ['string']], 'array'),
  },
  join: {
    arity: [1, 2],
    build: eager(([list, separator]) =>
      Array.isArray(list)
        ? list.map(str).join(separator === undefined ? ',' : str(separator))
        : str(list),
    ),
    check: positionalArgs([['array'], ['string']], 'string'),
  },
};
