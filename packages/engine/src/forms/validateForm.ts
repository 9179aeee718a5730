import type { FormDefinition } from '@ruleloom/schemas';
import type { CompiledEntity, FormResult } from '../app/parts.js';
import type { FieldError, HandleContext } from '../app/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import { toInstant } from '../expr/domain/time.js';
import type { EvaluationContext } from '../expr/types.js';
import { truthy } from '../expr/values.js';
import { fieldError } from '../entities/fieldErrors.js';
import {
  isEmptyValue,
  isRecordValues,
  jsonTypeName,
  ownValue,
  setValue,
  type RecordValues,
} from '../entities/values.js';
import type { FormFieldPlan } from './formFields.js';
import { ruleErrors, type FormRule } from './formRules.js';
import type { FormSchema } from './formSchema.js';

/** Everything `validate` needs of a compiled form. */
export interface FormValidation {
  readonly definition: FormDefinition;
  readonly entity: CompiledEntity;
  readonly zone: string;
  readonly plans: readonly FormFieldPlan[];
  readonly rules: readonly FormRule[];
  readonly schema: FormSchema;
}

/**
 * Whether a condition holds for the values. A condition that is absent, or fails on odd
 * data, takes `otherwise`: a field then shows, and a conditionally required field is
 * required — the safe side for the data.
 */
function holds(
  condition: CompiledExpression | undefined,
  values: RecordValues,
  context: EvaluationContext,
  otherwise: boolean,
): boolean {
  if (!condition) return otherwise;
  const outcome = condition.safeEvaluate(values, context);
  return outcome.ok ? truthy(outcome.value) : otherwise;
}

/** Keeps the first error of each field (required, then schema, then the entity's checks). */
function addFirst(errors: Map<string, FieldError>, more: Iterable<FieldError>): void {
  for (const error of more) if (!errors.has(error.field)) errors.set(error.field, error);
}

/**
 * Validates form data: which fields show (visibleWhen, the section's too), which are
 * required (the entity's or the form's `required`, or `requiredWhen`; a hidden field never
 * is), one error per bad field (empty required, type/option/limit from the schema and the
 * entity), the form's rules with their messages and severities, and the computed values.
 * A create form fills defaults first. Never throws, never changes `data`.
 *
 * @example
 * validateFormData(leadCreateValidation, { source: 'website' }, { now: '2026-03-02T10:00:00+08:00' }).required;
 * // ['name', 'phone', 'source', 'websiteForm', 'firstTouch', 'intentGrade']
 */
export function validateFormData(
  form: FormValidation,
  data: unknown,
  ctx: HandleContext | undefined,
): FormResult {
  const { entity, plans, zone } = form;
  const record: RecordValues = isRecordValues(data) ? data : {};
  const now = ctx?.now;
  const instant = toInstant(now, zone) ?? Number.NaN;
  const base = form.definition.mode === 'create' ? entity.withDefaults(record) : record;
  const values = entity.withComputed(base, instant);
  const context: EvaluationContext = { now: now ?? Number.NaN, zone };

  const visible = plans.filter(
    (plan) =>
      holds(plan.sectionVisibleWhen, values, context, true) &&
      holds(plan.visibleWhen, values, context, true),
  );
  const visibleIds = new Set(visible.map((plan) => plan.id));
  // A computed field is filled by the engine, never by the person at the form.
  const required = visible.filter(
    (plan) =>
      plan.field.computed === undefined &&
      (plan.required ||
        (plan.requiredWhen !== undefined && holds(plan.requiredWhen, values, context, true))),
  );

  const byField = new Map<string, FieldError>();
  addFirst(
    byField,
    required
      .filter((plan) => isEmptyValue(ownValue(values, plan.id)))
      .map((plan) => fieldError('RL5101', plan.id, { label: plan.label })),
  );
  addFirst(byField, form.schema.check(values, visible).values());
  // The rest of the record as the entity sees it; a field not shown with nothing in it is
  // nobody's business here (hidden fields are never required).
  const shownOrFilled: Record<string, unknown> = {};
  for (const id of Object.keys(record)) {
    if (visibleIds.has(id) || !isEmptyValue(record[id])) setValue(shownOrFilled, id, record[id]);
  }
  addFirst(byField, entity.checkValues(shownOrFilled));

  const order = plans.map((plan) => plan.id);
  const fieldErrors = [
    ...order.flatMap((id) => byField.get(id) ?? []),
    ...[...byField.values()].filter((error) => !order.includes(error.field)),
  ];
  const ruleFailures = form.rules
    .filter((rule) => rule.fields.length === 0 || rule.fields.some((id) => visibleIds.has(id)))
    .flatMap((rule) =>
      rule.expression ? ruleErrors(rule, rule.expression.safeEvaluate(values, context)) : [],
    );
  const errors = [
    ...(isRecordValues(data) ? [] : [fieldError('RL5119', '', { actual: jsonTypeName(data) })]),
    ...fieldErrors,
    ...ruleFailures,
  ];

  const computed: Record<string, unknown> = {};
  for (const [id, field] of entity.fields) {
    if (field.computed !== undefined) setValue(computed, id, ownValue(values, id) ?? null);
  }
  return {
    valid: !errors.some((error) => error.severity === 'error'),
    errors,
    visible: visible.map((plan) => plan.id),
    required: required.map((plan) => plan.id),
    computed,
  };
}
