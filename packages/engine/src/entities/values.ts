/**
 * What the entity and form code needs to know about a record's values as plain data: when a
 * value counts as empty, how to copy and compare values, how to show one in a message.
 */

/** A record's values: field id → value. */
export type RecordValues = Readonly<Record<string, unknown>>;

/**
 * True when a value counts as "not filled in": missing, `null`, text that is blank after
 * trimming (a rep typing a space must not get past a required field), or an empty list.
 *
 * @example
 * isEmptyValue('  '); // true
 * isEmptyValue(0); // false — zero is a value
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/**
 * True for a value that is absent for type checks: missing, `null` or `""` (an input the
 * rep cleared). An empty list is a value: a multi-choice field may require at least one item.
 */
export function isAbsentValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** True for a JSON object (not an array, not null): the shape of a record's values. */
export function isRecordValues(value: unknown): value is RecordValues {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets an own property, even one named like `__proto__`: plain assignment would change the
 * object's prototype instead, and record data comes from outside.
 */
export function setValue(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The value of a record's own property (an inherited `toString` is no field value). */
export function ownValue(values: RecordValues, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined;
}

/** A copy of the own enumerable values (the prototype of the input is never followed). */
export function copyValues(values: RecordValues): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(values)) setValue(copy, key, values[key]);
  return copy;
}

/**
 * A deep copy of JSON data (defaults from a definition), so that records never share a list
 * or object with the definition or with each other.
 */
export function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (!isRecordValues(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setValue(copy, key, copyJson(value[key]));
  return copy;
}

/** Structural equality of JSON data (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (!isRecordValues(a) || !isRecordValues(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue(a[key], b[key]),
  );
}

const SHOWN_CHARACTERS = 40;

/**
 * A value as a person reads it in a message: text as it is, anything else as JSON, cut to
 * forty characters. Never throws (data may hold values JSON cannot write).
 */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = typeof value;
    }
  }
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text;
}

/** The name of a value's JSON type, for messages (`text`, `number`, `list`, …). */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'text';
  return typeof value;
}

/** Deepest nesting of a field value that is checked; real values are a few levels deep. */
const MAX_VALUE_DEPTH = 32;

/**
 * True for JSON data (null, booleans, numbers, text, lists and plain objects of them, not
 * nested absurdly deep). Anything else — `undefined` inside a list, functions, big
 * integers — is not a value a field can hold, and the schema validator refuses it by
 * throwing, so it is ruled out before.
 */
export function isJsonData(value: unknown, depth = 0): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object':
      if (depth >= MAX_VALUE_DEPTH) return false;
      if (Array.isArray(value)) return value.every((item) => isJsonData(item, depth + 1));
      return Object.keys(value).every((key) =>
        isJsonData((value as Record<string, unknown>)[key], depth + 1),
      );
    default:
      return false;
  }
}
