/**
 * Record values are JSON: compared by content, copied before they are stored, and told
 * apart field by field when a cascade asks "what changed?".
 */
import { FORBIDDEN_SEGMENTS } from '../expr/values.js';

/**
 * True for a plain JSON object (not an array, not null, not a class instance).
 *
 * @example
 * isPlainObject({ a: 1 }); // true
 * isPlainObject([1]); // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep equality of JSON values: same primitives (`NaN` equals itself), arrays of equal items
 * in order, objects with the same own keys and equal values (key order ignored).
 *
 * @example
 * jsonEqual({ a: [1, 2] }, { a: [1, 2] }); // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && jsonEqual(aRecord[key], bRecord[key]));
}

/**
 * A deep copy of a JSON value made of plain objects and arrays. Stored values are copied so
 * that freezing the new state (immer does) never freezes an object the caller still owns.
 * Keys that could reach a prototype (`__proto__`, …) are dropped.
 *
 * @example
 * const copy = cloneJson(event.values); // copy !== event.values, same content
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item)) as T;
  if (!isPlainObject(value)) return value;
  const entries = Object.keys(value)
    .filter((key) => !FORBIDDEN_SEGMENTS.has(key))
    .map((key) => [key, cloneJson(value[key])] as const);
  // fromEntries defines own properties: a key never reaches a prototype.
  return Object.fromEntries(entries) as T;
}

/**
 * The ids of the fields whose values differ between two versions of a record, in the
 * order of `after`'s keys, then keys `after` dropped.
 *
 * @example
 * changedFields({ status: 'draft', amount: 1 }, { status: 'signed', amount: 1 }); // ['status']
 */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(after)) {
    if (!jsonEqual(Object.hasOwn(before, key) ? before[key] : undefined, after[key])) {
      changed.push(key);
    }
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key) && before[key] !== undefined) changed.push(key);
  }
  return changed;
}
