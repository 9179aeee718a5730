import { truthy } from '../values.js';
import { absent, positionalArgs, type Evaluator, type OperatorTable } from './spec.js';

const listFirst = positionalArgs([['array']], 'any');

/** `map`, `filter`, `reduce`, `all`, `some`, `none`: the body runs with each item as its data. */
export const arrayOperators: OperatorTable = {
  map: {
    scoped: [1],
    build:
      ([list = absent, body = absent], site) =>
      (d, e) => {
        const items = list(d, e);
        if (!Array.isArray(items)) return [];
        e.charge(items.length, site.pointer);
        const out = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) out[i] = body(items[i], e);
        return out;
      },
    check: positionalArgs([['array']], 'array'),
  },
  filter: {
    scoped: [1],
    build:
      ([list = absent, body = absent], site) =>
      (d, e) => {
        const items = list(d, e);
        if (!Array.isArray(items)) return [];
        e.charge(items.length, site.pointer);
        const out: unknown[] = [];
        for (const item of items) if (truthy(body(item, e))) out.push(item);
        return out;
      },
    check: positionalArgs([['array']], 'array'),
  },
  reduce: {
    scoped: [1],
    build:
      ([list = absent, body = absent, initial], site) =>
      (d, e) => {
        const items = list(d, e);
        let accumulator = initial ? initial(d, e) : null;
        if (!Array.isArray(items)) return accumulator;
        e.charge(items.length, site.pointer);
        for (const current of items) accumulator = body({ current, accumulator }, e);
        return accumulator;
      },
    check: listFirst,
  },
  all: {
    scoped: [1],
    build:
      ([list = absent, body = absent], site) =>
      (d, e) => {
        const items = list(d, e);
        if (!Array.isArray(items) || items.length === 0) return false;
        e.charge(items.length, site.pointer);
        for (const item of items) if (!truthy(body(item, e))) return false;
        return true;
      },
    check: positionalArgs([['array']], 'boolean'),
  },
  some: {
    scoped: [1],
    build:
      ([list = absent, body = absent], site) =>
      (d, e) => {
        const items = list(d, e);
        if (!Array.isArray(items) || items.length === 0) return false;
        e.charge(items.length, site.pointer);
        for (const item of items) if (truthy(body(item, e))) return true;
        return false;
      },
    check: positionalArgs([['array']], 'boolean'),
  },
  none: {
    scoped: [1],
    build:
      ([list = absent, body = absent], site) =>
      (d, e) => {
        const items = list(d, e);
        if (!Array.isArray(items) || items.length === 0) return true;
        e.charge(items.length, site.pointer);
        for (const item of items) if (truthy(body(item, e))) return false;
        return true;
      },
    check: positionalArgs([['array']], 'boolean'),
  },
  merge: {
    build: (args: readonly Evaluator[], site) => (d, e) => {
      const out: unknown[] = [];
      for (const arg of args) {
        const value = arg(d, e);
        if (Array.isArray(value)) {
          e.checkSize('merge', out.length + value.length, site.pointer);
          for (const item of value) out.push(item);
        } else out.push(value);
      }
      return out;
    },
    result: 'array',
  },
  in: {
    build:
      ([needle = absent, haystack = absent]) =>
      (d, e) => {
        // Both evaluated first, then `!b → false`, exactly as json-logic-js.
        const value = needle(d, e);
        const within = haystack(d, e);
        if (!within) return false;
        if (typeof within === 'string') return within.indexOf(value as string) !== -1;
        if (Array.isArray(within)) return within.indexOf(value) !== -1;
        return false;
      },
    check: positionalArgs([undefined, ['array', 'string']], 'boolean'),
  },
};
