/** JSON values as definitions hold them, and RFC 6901 pointers into them. */

/** A JSON object (not an array, not null). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits a JSON pointer into its unescaped segments (`/a~1b/0` → `['a/b', '0']`).
 *
 * @example
 * pointerSegments('/fields/0/computed'); // ['fields', '0', 'computed']
 */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer of the parent of `pointer` ('' for the root and its children). */
export function parentPointer(pointer: string): string {
  const slash = pointer.lastIndexOf('/');
  return slash <= 0 ? '' : pointer.slice(0, slash);
}

/** The last segment of a pointer, unescaped. */
export function lastSegment(pointer: string): string {
  return pointerSegments(pointer).at(-1) ?? '';
}

/**
 * The value at a pointer, reading own properties only (a definition is untrusted: a segment
 * such as `__proto__` must not reach a prototype). Undefined when there is none.
 */
export function valueAt(document: unknown, segments: readonly string[]): unknown {
  let current: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^(?:0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isJsonObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}
