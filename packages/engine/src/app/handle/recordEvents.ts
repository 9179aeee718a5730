/** `record.create` and `record.update`: values checked, defaults and computed values, stages. */
import { changedFields, cloneJson, isPlainObject } from '../../automations/recordValues.js';
import type { AutomationEvent } from '../../automations/types.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { FORBIDDEN_SEGMENTS } from '../../expr/values.js';
import type { CompiledEntity } from '../parts.js';
import type { AppEvent, FieldError, RecordState } from '../types.js';
import { entityOf, findRecord, pipelinesOf, type EventScope, named } from './scope.js';
import { settle } from './settle.js';
import { refuse, type EventStep } from './step.js';

type CreateEvent = Extract<AppEvent, { type: 'record.create' }>;
type UpdateEvent = Extract<AppEvent, { type: 'record.update' }>;

/**
 * The errors of the values a caller gives: the entity's own checks (a person may not change
 * read-only or computed fields), and stage fields, which only a move may change (its gates
 * and approvals must not be bypassed).
 */
function valueErrors(
  scope: EventScope,
  entity: CompiledEntity,
  values: Readonly<Record<string, unknown>>,
  previous: RecordState | undefined,
): FieldError[] {
  const errors = entity
    .checkValues(values, {
      enforceReadOnly: scope.ctx.actor !== undefined,
      ...(previous ? { previous: previous.values } : {}),
    })
    .filter((error) => error.severity === 'error');
  if (!previous) return errors;
  for (const pipeline of pipelinesOf(scope, entity.id)) {
    const field = pipeline.stageField;
    if (
      Object.hasOwn(values, field) &&
      changedFields({ [field]: previous.values[field] }, { [field]: values[field] }).length > 0 &&
      !errors.some((error) => error.field === field)
    ) {
      const { message } = createDiagnostic('RL5348', '', { field });
      errors.push({ field, code: 'RL5348', message, severity: 'error' });
    }
  }
  return errors;
}

/** Values given as a plain object without keys that could reach a prototype. */
function givenValues(values: unknown): Readonly<Record<string, unknown>> | undefined {
  if (!isPlainObject(values)) return undefined;
  return Object.keys(values).some((key) => FORBIDDEN_SEGMENTS.has(key)) ? undefined : values;
}

/**
 * Creates a record: values checked (`invalid` with field errors), defaults filled in,
 * computed fields computed, the initial stage of each pipeline of the entity entered; then
 * the automations for `record.created` and `stage.entered`.
 *
 * @example
 * createRecord(scope, { type: 'record.create', entity: 'lead', recordId: 'L1', values });
 */
export function createRecord(scope: EventScope, event: CreateEvent): EventStep {
  const entity = entityOf(scope, event.entity);
  if (!entity) return refuse('not-found', 'RL5341', { entity: named(event.entity) });
  const id = event.recordId;
  if (typeof id !== 'string' || id === '' || FORBIDDEN_SEGMENTS.has(id)) {
    return refuse('invalid', 'RL5349', { reason: `recordId (${typeof id})` });
  }
  if (Object.hasOwn(scope.state.records, id)) return refuse('invalid', 'RL5342', { record: id });
  const values = givenValues(event.values);
  if (!values) return refuse('invalid', 'RL5349', { reason: 'values' });
  const errors = valueErrors(scope, entity, values, undefined);
  if (errors.length > 0) {
    return refuse('invalid', 'RL5343', { count: errors.length }, { errors });
  }
  let record: RecordState = {
    id,
    entity: entity.id,
    values: entity.withComputed(entity.withDefaults(cloneJson(values)), scope.now),
    tags: [],
    stageHistory: {},
    approvals: [],
    createdAt: scope.now,
    ...(scope.ctx.actor ? { createdBy: scope.ctx.actor.id } : {}),
    updatedAt: scope.now,
    version: 0,
  };
  const events: AutomationEvent[] = [{ type: 'record.created' }];
  for (const pipeline of pipelinesOf(scope, entity.id)) {
    // Created there, not moved there: the visit has no `by`.
    record = pipeline.enterStage(record, pipeline.initialStage, scope.now);
    events.push({ type: 'stage.entered', pipeline: pipeline.id, stage: pipeline.initialStage });
  }
  return settle(scope, undefined, record, events, { outcome: { ok: true } });
}

/**
 * Changes fields of a record: values checked, computed fields recomputed, the changed fields
 * found by deep comparison; then the automations for `record.updated`. A change to nothing
 * new changes nothing (no patches, no new version).
 *
 * @example
 * updateRecord(scope, { type: 'record.update', recordId: 'C1', values: { status: 'signed' } });
 */
export function updateRecord(scope: EventScope, event: UpdateEvent): EventStep {
  const record = findRecord(scope.state, event.recordId);
  if (!record) return refuse('not-found', 'RL5340', { record: named(event.recordId) });
  const entity = entityOf(scope, record.entity);
  if (!entity) return refuse('not-found', 'RL5341', { entity: String(record.entity) });
  const values = givenValues(event.values);
  if (!values) return refuse('invalid', 'RL5349', { reason: 'values' });
  const errors = valueErrors(scope, entity, values, record);
  if (errors.length > 0) {
    return refuse('invalid', 'RL5343', { count: errors.length }, { errors });
  }
  const next = entity.withComputed({ ...record.values, ...cloneJson(values) }, scope.now);
  const changed = changedFields(record.values, next);
  const events: AutomationEvent[] =
    changed.length > 0 ? [{ type: 'record.updated', changedFields: changed }] : [];
  return settle(scope, record, { ...record, values: next }, events, { outcome: { ok: true } });
}
