import { Validator, type Schema } from '@cfworker/json-schema';
import type { FieldError } from '../app/types.js';
import type { Locale, LocalizedText } from '../diagnostics/types.js';
import { SCHEMA_DIALECT } from '../entities/checkValues.js';
import {
  describeField,
  fieldErrorFromUnits,
  unitsByField,
  type FieldDescription,
} from '../entities/schemaErrors.js';
import {
  asFileList,
  fieldValueSchema,
  isFileField,
  type JsonSchema,
} from '../entities/valueSchema.js';
import {
  isAbsentValue,
  isJsonData,
  ownValue,
  setValue,
  type RecordValues,
} from '../entities/values.js';
import type { FormFieldPlan } from './formFields.js';

/** The JSON Schema of a form and the validator built from it, once per form. */
export interface FormSchema {
  /** JSON Schema (draft 2020-12) of the form's fields, for the designer and API callers. */
  readonly schema: JsonSchema;
  /**
   * Errors of the given fields' values (visible, filled-in ones) against the schema, by
   * field id.
   */
  check(values: RecordValues, fields: readonly FormFieldPlan[]): Map<string, FieldError>;
}

/** A field's value schema with the form's own list limits on top. */
function propertySchema(plan: FormFieldPlan, locale: Locale): JsonSchema {
  const value = fieldValueSchema(plan.field);
  const limits = {
    ...(plan.minItems === undefined ? {} : { minItems: plan.minItems }),
    ...(plan.maxItems === undefined ? {} : { maxItems: plan.maxItems }),
  };
  const title = { title: plan.label[locale] };
  return Object.keys(limits).length === 0
    ? { ...title, ...value }
    : { ...title, allOf: [value, limits] };
}

/**
 * Builds the JSON Schema of a form — each field's type, options and limits from the entity,
 * the form's list limits, and as `required` the fields required whatever the data (the
 * conditional ones are expression checks) — and the validator that runs it. The validator
 * is `@cfworker/json-schema`, which interprets the schema instead of generating code (see
 * docs/decisions.md, Forms).
 *
 * @example
 * buildFormSchema(plans, 'zh-CN', { 'zh-CN': '新建线索', en: 'New lead' }).schema.required;
 * // ['name', 'phone', 'source', 'firstTouch', 'intentGrade']
 */
export function buildFormSchema(
  plans: readonly FormFieldPlan[],
  locale: Locale,
  title: LocalizedText,
): FormSchema {
  const properties: Record<string, JsonSchema> = {};
  const descriptions = new Map<string, FieldDescription>();
  for (const plan of plans) {
    setValue(properties, plan.id, propertySchema(plan, locale));
    descriptions.set(plan.id, { ...describeField(plan.field), label: plan.label });
  }
  const required = plans
    .filter(
      (plan) =>
        plan.required &&
        plan.field.computed === undefined &&
        !plan.visibleWhen &&
        !plan.sectionVisibleWhen,
    )
    .map((plan) => plan.id);
  const schema: JsonSchema = {
    $schema: SCHEMA_DIALECT,
    title: title[locale],
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
  const validator = new Validator(schema as Schema, '2020-12', false);
  return {
    schema,
    check(values, fields) {
      const instance: Record<string, unknown> = {};
      for (const plan of fields) {
        const value = ownValue(values, plan.id);
        // Empty values are the required check's; values that are not JSON data the type check's.
        if (isAbsentValue(value) || !isJsonData(value)) continue;
        setValue(instance, plan.id, isFileField(plan.field) ? asFileList(value) : value);
      }
      const errors = new Map<string, FieldError>();
      const byField = unitsByField(validator.validate(instance).errors);
      for (const [id, units] of byField) {
        const described = descriptions.get(id);
        if (described) errors.set(id, fieldErrorFromUnits(described, units, schema, instance[id]));
      }
      return errors;
    },
  };
}
