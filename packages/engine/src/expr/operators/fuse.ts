import type { Evaluator } from './spec.js';

/**
 * Facts about compiled arguments that let an operator fuse them into its own closure: the
 * most common condition, a field compared with a literal (`{">=": [{"var": "回款率"}, 0.85]}`),
 * then costs one closure call instead of three.
 */
const fieldKeys = new WeakMap<Evaluator, string>();
const constants = new WeakMap<Evaluator, { readonly value: unknown }>();
const missingTests = new WeakMap<Evaluator, (data: unknown) => boolean>();

/** Marks `fn` as reading the single top-level field `key` with no default. */
export function markFieldRead(fn: Evaluator, key: string): Evaluator {
  fieldKeys.set(fn, key);
  return fn;
}

/** Marks `fn` as always returning `value`. */
export function markConstant(fn: Evaluator, value: unknown): Evaluator {
  constants.set(fn, { value });
  return fn;
}

/** The field `fn` reads, when it is a plain top-level field read. */
export function fieldKeyOf(fn: Evaluator): string | undefined {
  return fieldKeys.get(fn);
}

/** The value `fn` always returns, when it is a literal. */
export function constantOf(fn: Evaluator): { readonly value: unknown } | undefined {
  return constants.get(fn);
}

/** Reads one top-level field exactly as `{"var": key}` does. */
export function readField(data: unknown, key: string): unknown {
  if (data === null || data === undefined) return null;
  const value = (data as Record<string, unknown>)[key];
  return value === undefined || typeof value === 'function' ? null : value;
}

/**
 * Records that `fn` is a `missing` over fixed keys and that `test(data)` tells whether its
 * result would be non-empty, so a condition (`if`, `!`) can ask without building the list.
 */
export function markMissingTest(fn: Evaluator, test: (data: unknown) => boolean): Evaluator {
  missingTests.set(fn, test);
  return fn;
}

/**
 * The truthiness of `fn`'s result as a cheaper function, when one is known (a fixed
 * `missing`), else `undefined`.
 */
export function truthTestOf(fn: Evaluator): ((data: unknown) => boolean) | undefined {
  return missingTests.get(fn);
}
