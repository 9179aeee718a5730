import type { EntityField, FieldOption } from '@ruleloom/schemas';

/** A JSON Schema (draft 2020-12) document or subschema, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Decimal text of an amount, as the money schema of the definition language has it. */
const AMOUNT_TEXT = '^-?[0-9]{1,15}(?:\\.[0-9]{1,6})?$';
/** ISO 8601 date or date-time, with an optional `Z` or offset (the engine's `toInstant`). */
export const INSTANT_TEXT =
  '^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?\\s*(?:[Zz]|[+-]\\d{2}:?\\d{2})?$';
/** Digits with an optional leading `+`, spaces, dashes and brackets: mobiles, landlines, extensions. */
export const PHONE_TEXT = '^\\+?[0-9(][0-9 ()-]{4,18}[0-9]$';

const amount: JsonSchema = {
  anyOf: [{ type: 'number' }, { type: 'string', pattern: AMOUNT_TEXT }],
};
const instant: JsonSchema = {
  anyOf: [{ type: 'string', pattern: INSTANT_TEXT }, { type: 'number' }],
};
const geoPoint: JsonSchema = {
  type: 'object',
  required: ['lat', 'lng'],
  properties: {
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lng: { type: 'number', minimum: -180, maximum: 180 },
  },
};
const recordId: JsonSchema = {
  anyOf: [
    { type: 'string', minLength: 1 },
    // An expanded reference: the record's id plus whatever of it the caller loaded
    // (`customer.geo`, `customer.grade`), which expressions read with a dotted path.
    { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1 } } },
  ],
};
const userId: JsonSchema = { type: 'string', minLength: 1 };

const fileProperties = {
  url: { type: 'string', minLength: 1 },
  name: { type: 'string' },
  type: { type: 'string' },
  size: { type: 'number', minimum: 0 },
};

/**
 * The options of an enum or multi-enum field (none for other types, or when the definition
 * has no list there: its schema check reports that).
 */
export function optionsOf(field: EntityField): readonly FieldOption[] {
  if (field.type !== 'enum' && field.type !== 'multi-enum') return [];
  return Array.isArray(field.options)
    ? field.options.filter((option) => typeof option?.id === 'string')
    : [];
}

/** The field types whose value is a list (form `minItems`/`maxItems` apply to them). */
export function isListField(field: EntityField): boolean {
  switch (field.type) {
    case 'multi-enum':
    case 'tags':
    case 'attachment':
    case 'photo':
      return true;
    case 'user':
    case 'ref':
      return field.multiple === true;
    default:
      return false;
  }
}

/** True for attachment and photo fields, whose values are files. */
export function isFileField(field: EntityField): boolean {
  return field.type === 'attachment' || field.type === 'photo';
}

/**
 * Most files a file field holds: `maxFiles`, else one unless it is `multiple`. A field with
 * `maxFiles` above one holds a list even without `multiple`.
 */
export function fileLimit(field: EntityField): number | undefined {
  if (field.type !== 'attachment' && field.type !== 'photo') return undefined;
  return field.maxFiles ?? (field.multiple === true ? undefined : 1);
}

/**
 * A file field's value as a list: one file object is a list of one. Validation sees files as
 * lists, so one schema (with `maxItems`) covers a single picture and an album alike.
 *
 * @example
 * asFileList({ url: 'a.jpg' }); // [{ url: 'a.jpg' }]
 */
export function asFileList(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? [value] : value;
}

function fileSchema(field: EntityField): JsonSchema {
  if (field.type !== 'photo') {
    return { type: 'object', required: ['url'], properties: fileProperties };
  }
  const required = ['url'];
  // S11/S16: a watermarked photo carries its capture time; a located one its GPS point.
  if (field.watermark === true) required.push('takenAt');
  if (field.requireLocation === true) required.push('geo');
  return {
    type: 'object',
    required,
    properties: { ...fileProperties, takenAt: instant, geo: geoPoint },
  };
}

function listOf(items: JsonSchema, limits: { min?: number; max?: number } = {}): JsonSchema {
  return {
    type: 'array',
    items,
    uniqueItems: true,
    ...(limits.min === undefined ? {} : { minItems: limits.min }),
    ...(limits.max === undefined ? {} : { maxItems: limits.max }),
  };
}

function range(min: number | undefined, max: number | undefined): JsonSchema {
  return {
    ...(typeof min === 'number' ? { minimum: min } : {}),
    ...(typeof max === 'number' ? { maximum: max } : {}),
  };
}

/**
 * The JSON Schema of a value of a field (a value that is there: emptiness is the business of
 * requiredness, which depends on the form or the stage). File fields are described as lists
 * (see {@link asFileList}). Limits the schema language cannot say exactly — decimal places,
 * amounts written as text, real calendar instants, accepted file types — are checked
 * beside it (`valueChecks`).
 *
 * @example
 * fieldValueSchema({ id: 'grade', type: 'enum', options: [{ id: 'A', label: 'A' }] });
 * // { enum: ['A'] }
 */
export function fieldValueSchema(field: EntityField): JsonSchema {
  switch (field.type) {
    case 'text': {
      const format =
        field.format === 'phone'
          ? { pattern: PHONE_TEXT }
          : field.format === 'email'
            ? { format: 'email' }
            : field.format === 'url'
              ? { format: 'uri' }
              : {};
      return {
        type: 'string',
        ...(field.maxLength === undefined ? {} : { maxLength: field.maxLength }),
        ...format,
      };
    }
    case 'number':
    case 'percent':
      return { type: 'number', ...range(field.min, field.max) };
    case 'money':
      return {
        anyOf: [
          ...(amount.anyOf as JsonSchema[]),
          {
            type: 'object',
            required: ['amount'],
            properties: { amount, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
            additionalProperties: false,
          },
        ],
      };
    case 'date':
      return { anyOf: [{ type: 'string', format: 'date' }, { type: 'number' }] };
    case 'datetime':
      return instant;
    case 'enum':
      return { enum: optionsOf(field).map((option) => option.id) };
    case 'multi-enum':
      return listOf(
        { enum: optionsOf(field).map((option) => option.id) },
        { min: field.minSelected, max: field.maxSelected },
      );
    case 'boolean':
      return { type: 'boolean' };
    case 'user':
      return field.multiple === true ? listOf(userId) : userId;
    case 'ref':
      return field.multiple === true ? listOf(recordId) : recordId;
    case 'attachment':
    case 'photo':
      return listOf(fileSchema(field), { max: fileLimit(field) });
    case 'geo':
      return geoPoint;
    case 'tags':
      return listOf({ type: 'string', minLength: 1, maxLength: 50 });
    default:
      // A type the schema does not know (the definition failed its schema check): accept.
      return {};
  }
}
