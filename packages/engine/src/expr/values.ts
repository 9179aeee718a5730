/**
 * Value helpers shared by every operator: JsonLogic truthiness, safe property reads and
 * immutable constants.
 */

/** Path segments that could reach an object's prototype; never readable from a rule. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** JsonLogic truthiness (jsonlogic.com/truthy): `[]` is false, otherwise JavaScript's `!!`. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

/** True when `value` is a JsonLogic operation: a plain object with exactly one key. */
export function isOperation(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let count = 0;
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && ++count > 1) return false;
  }
  return count === 1;
}

/**
 * Reads one property the way json-logic-js does (`data[key]`), but only data the caller
 * gave: a value found on the prototype chain (every such value is a function for JSON
 * data) reads as `undefined`, and forbidden segments are refused by the caller beforehand.
 */
export function readProperty(data: unknown, key: string): unknown {
  if (data === null || data === undefined) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'function' ? undefined : value;
}

/**
 * Deep-copies a JSON-like literal of a rule and freezes the copy, so a caller can neither
 * change the rule through a returned value nor change a returned value for the next call.
 * `maxDepth` bounds the recursion (hostile definitions may nest very deeply).
 */
export function freezeLiteral(value: unknown, maxDepth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (maxDepth <= 0) return null;
  if (Array.isArray(value)) {
    return Object.freeze(value.map((item) => freezeLiteral(item, maxDepth - 1)));
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_SEGMENTS.has(key)) continue;
    copy[key] = freezeLiteral((value as Record<string, unknown>)[key], maxDepth - 1);
  }
  return Object.freeze(copy);
}

/** JSON type name of a runtime value, for messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
