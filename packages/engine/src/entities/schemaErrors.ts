import type { OutputUnit } from '@cfworker/json-schema';
import type { EntityField } from '@ruleloom/schemas';
import type { FieldError } from '../app/types.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { expectedFormat, expectedValue, fieldError } from './fieldErrors.js';
import { listOf, localizedLabel } from './labels.js';
import { optionsOf, type JsonSchema } from './valueSchema.js';
import { showValue } from './values.js';

/**
 * Turning the output of the JSON Schema validator into the one message per field a rep
 * reads. The validator reports every failed keyword, parents included ("property x does not
 * match"); the most telling one is kept.
 */

/** What the messages of a field need: the field, its label and its options' labels. */
export interface FieldDescription {
  readonly field: EntityField;
  readonly label: LocalizedText;
  /** The option labels as a list (enum and multi-enum fields). */
  readonly options: LocalizedText;
}

/**
 * A field with the texts its messages need.
 *
 * @example
 * describeField({ id: 'intentGrade', type: 'enum', options: [{ id: 'A', label: 'A' }] }).options;
 * // { 'zh-CN': 'A', en: 'A' }
 */
export function describeField(field: EntityField): FieldDescription {
  return {
    field,
    label: localizedLabel(field.label, field.id),
    options: listOf(optionsOf(field).map((option) => localizedLabel(option.label, option.id))),
  };
}

/** One segment of a JSON pointer as the validator writes it (URI-encoded, RFC 6901-escaped). */
function decodeSegment(segment: string): string {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded after all: keep it as it is.
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

function segmentsOf(location: string): string[] {
  return location === '#' || location === ''
    ? []
    : location.replace(/^#\/?/, '').split('/').map(decodeSegment);
}

/**
 * The validator's errors grouped by the top-level property (field id) they are about;
 * errors about the whole object (a missing required property) are left out.
 */
export function unitsByField(units: readonly OutputUnit[]): Map<string, OutputUnit[]> {
  const byField = new Map<string, OutputUnit[]>();
  for (const unit of units) {
    const [field] = segmentsOf(unit.instanceLocation);
    if (field === undefined) continue;
    const list = byField.get(field) ?? [];
    list.push(unit);
    byField.set(field, list);
  }
  return byField;
}

/** Keywords that only say "something below failed": their children say what. */
const PARENTS = new Set([
  'properties',
  'items',
  'prefixItems',
  'allOf',
  'if',
  'then',
  'else',
  '$ref',
]);

const RANK: Readonly<Record<string, number>> = {
  required: 0,
  type: 1,
  enum: 2,
  const: 2,
  format: 3,
  pattern: 3,
  minLength: 4,
  maxLength: 5,
  minimum: 6,
  maximum: 6,
  exclusiveMinimum: 6,
  exclusiveMaximum: 6,
  uniqueItems: 7,
  minItems: 8,
  maxItems: 8,
};

/** The keyword's value in the schema (a limit such as `maxItems`), found by its location. */
function keywordValue(schema: JsonSchema, keywordLocation: string): unknown {
  let node: unknown = schema;
  for (const segment of segmentsOf(keywordLocation)) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function firstDuplicate(list: unknown): unknown {
  if (!Array.isArray(list)) return undefined;
  const seen = new Set<string>();
  for (const item of list) {
    const key = showValue(item);
    if (seen.has(key)) return item;
    seen.add(key);
  }
  return list[0];
}

/**
 * The photo part a unit is about, when it is the capture time or the place (S11/S16): a
 * missing required part of a picture, or a part that failed its own schema.
 */
function photoPart(
  unit: OutputUnit,
  path: readonly string[],
  schema: JsonSchema,
  value: unknown,
): 'takenAt' | 'geo' | undefined {
  let part: unknown = path[1];
  if (unit.keyword === 'required') {
    const required = keywordValue(schema, unit.keywordLocation);
    const picture = valueAt(value, path);
    part = Array.isArray(required)
      ? required.find((name) => valueAt(picture, [String(name)]) === undefined)
      : undefined;
  }
  return part === 'takenAt' || part === 'geo' ? part : undefined;
}

/**
 * The field error that best says why a field's value failed its schema: a missing watermark
 * over a wrong type over an unknown option over a wrong format over a limit. `value` is
 * the instance the validator saw (file fields as lists); `schema` is the root schema, for
 * reading limits back.
 *
 * @example
 * fieldErrorFromUnits(described, units, schema, 'Z'); // RL5104 "Z" is not an option of 意向等级 …
 */
export function fieldErrorFromUnits(
  described: FieldDescription,
  units: readonly OutputUnit[],
  schema: JsonSchema,
  value: unknown,
): FieldError {
  const { field, label } = described;
  const telling = units
    .filter((unit) => !PARENTS.has(unit.keyword) && !unit.keywordLocation.includes('/anyOf/'))
    .map((unit) => ({ unit, path: segmentsOf(unit.instanceLocation).slice(1) }))
    .sort((a, b) => (RANK[a.unit.keyword] ?? 9) - (RANK[b.unit.keyword] ?? 9));
  const wrongType = fieldError('RL5103', field.id, { label, expected: expectedValue(field) });
  if (field.type === 'photo') {
    for (const { unit, path } of telling) {
      const part = photoPart(unit, path, schema, value);
      if (part) return fieldError(part === 'takenAt' ? 'RL5114' : 'RL5115', field.id, { label });
    }
  }
  const best = telling[0];
  // Only alternatives failed (an amount that is neither a number nor decimal text): the
  // value is of the wrong kind.
  if (!best) return wrongType;
  const { unit, path } = best;
  const limit = keywordValue(schema, unit.keywordLocation);
  const nested = path.length > (field.type === 'tags' || field.type === 'multi-enum' ? 1 : 0);
  switch (unit.keyword) {
    case 'enum':
    case 'const':
      return fieldError('RL5104', field.id, {
        label,
        value: showValue(valueAt(value, path)),
        options: described.options,
      });
    case 'format':
    case 'pattern':
      return nested
        ? wrongType
        : fieldError('RL5109', field.id, { label, format: expectedFormat(field) });
    case 'maxLength':
      return fieldError('RL5105', field.id, { label, max: String(limit) });
    case 'minimum':
    case 'exclusiveMinimum':
      return nested ? wrongType : fieldError('RL5106', field.id, { label, min: String(limit) });
    case 'maximum':
    case 'exclusiveMaximum':
      return nested ? wrongType : fieldError('RL5107', field.id, { label, max: String(limit) });
    case 'uniqueItems':
      return fieldError('RL5112', field.id, { label, value: showValue(firstDuplicate(value)) });
    case 'minItems':
      return fieldError('RL5110', field.id, { label, min: String(limit) });
    case 'maxItems':
      return fieldError('RL5111', field.id, { label, max: String(limit) });
    default:
      return wrongType;
  }
}
