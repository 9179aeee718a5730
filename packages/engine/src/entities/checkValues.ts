import { Validator, type Schema } from '@cfworker/json-schema';
import type { CheckValuesOptions } from '../app/parts.js';
import type { FieldError } from '../app/types.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { expectedValue, fieldError } from './fieldErrors.js';
import { fieldErrorFromUnits, unitsByField, type FieldDescription } from './schemaErrors.js';
import { checkBeyondSchema } from './valueChecks.js';
import { asFileList, fieldValueSchema, isFileField, type JsonSchema } from './valueSchema.js';
import {
  isAbsentValue,
  isJsonData,
  isRecordValues,
  sameValue,
  setValue,
  type RecordValues,
} from './values.js';

/** Checks record values against an entity's fields: built once per entity, run per change. */
export interface ValueChecker {
  /** JSON Schema (draft 2020-12) of the entity's values, one property per field. */
  readonly schema: JsonSchema;
  /** One error per bad field, in field order (unknown fields last). */
  check(values: RecordValues, options?: CheckValuesOptions): FieldError[];
  /** The error of one value of a known field, or undefined (defaults are checked with it). */
  checkField(fieldId: string, value: unknown): FieldError | undefined;
}

/** Draft 2020-12: the draft the definition language itself is written in. */
export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * A read-only or computed field whose value a person changed: values equal to before, or
 * absent both times, are no change.
 */
function changedByHand(value: unknown, previous: unknown): boolean {
  if (isAbsentValue(value) && isAbsentValue(previous)) return false;
  return !sameValue(value, previous);
}

/**
 * Builds the value checker of an entity. The type part runs through one JSON Schema and
 * `@cfworker/json-schema`, an interpreting validator (see docs/decisions.md, Forms); what a
 * schema cannot say runs beside it (`valueChecks`).
 *
 * @example
 * const checker = createValueChecker({ 'zh-CN': '线索', en: 'Lead' }, descriptions, 'Asia/Shanghai');
 * checker.check({ intentGrade: 'D' }); // [RL5104 "D" 不是意向等级的可选项（可选：A、B、C）]
 */
export function createValueChecker(
  entityLabel: LocalizedText,
  descriptions: ReadonlyMap<string, FieldDescription>,
  zone: string,
): ValueChecker {
  const properties: Record<string, JsonSchema> = {};
  for (const [id, described] of descriptions) {
    setValue(properties, id, fieldValueSchema(described.field));
  }
  const schema: JsonSchema = { $schema: SCHEMA_DIALECT, type: 'object', properties };
  const validator = new Validator(schema as Schema, '2020-12', false);

  /** Errors of the values that are there, by field id; one validator run for all of them. */
  function typeErrors(values: RecordValues, ids: readonly string[]): Map<string, FieldError> {
    const errors = new Map<string, FieldError>();
    const instance: Record<string, unknown> = {};
    for (const id of ids) {
      const described = descriptions.get(id) as FieldDescription;
      const value = values[id];
      if (!isJsonData(value)) {
        errors.set(
          id,
          fieldError('RL5103', id, {
            label: described.label,
            expected: expectedValue(described.field),
          }),
        );
      } else {
        setValue(instance, id, isFileField(described.field) ? asFileList(value) : value);
      }
    }
    const byField = unitsByField(validator.validate(instance).errors);
    for (const id of Object.keys(instance)) {
      const described = descriptions.get(id) as FieldDescription;
      const units = byField.get(id);
      const error = units
        ? fieldErrorFromUnits(described, units, schema, instance[id])
        : checkBeyondSchema(described, values[id], zone);
      if (error) errors.set(id, error);
    }
    return errors;
  }

  return {
    schema,
    check(values, options = {}) {
      if (!isRecordValues(values)) return [];
      const errors = new Map<string, FieldError>();
      const unknown: FieldError[] = [];
      const toCheck: string[] = [];
      const previous = isRecordValues(options.previous) ? options.previous : {};
      for (const id of Object.keys(values)) {
        const described = descriptions.get(id);
        if (!described) {
          unknown.push(fieldError('RL5102', id, { entity: entityLabel, field: id }));
          continue;
        }
        const { field } = described;
        const computed = field.computed !== undefined;
        if (options.enforceReadOnly && (field.readOnly === true || computed)) {
          const before = Object.prototype.hasOwnProperty.call(previous, id)
            ? previous[id]
            : undefined;
          if (changedByHand(values[id], before)) {
            errors.set(id, fieldError('RL5116', id, { label: described.label }));
            continue;
          }
        }
        // A computed value is recomputed from the other fields; what was given is not kept.
        if (computed || isAbsentValue(values[id])) continue;
        toCheck.push(id);
      }
      for (const [id, error] of typeErrors(values, toCheck)) errors.set(id, error);
      const ordered = [...descriptions.keys()].flatMap((id) => errors.get(id) ?? []);
      return [...ordered, ...unknown];
    },
    checkField(fieldId, value) {
      if (!descriptions.has(fieldId) || isAbsentValue(value)) return undefined;
      const single: Record<string, unknown> = {};
      setValue(single, fieldId, value);
      return typeErrors(single, [fieldId]).get(fieldId);
    },
  };
}
