/**
 * The common end of every event that changes a record: computed fields brought up to date,
 * the automations run to a fixed point, and the version counted once for the event.
 */
import { jsonEqual } from '../../automations/recordValues.js';
import { runAutomations } from '../../automations/runAutomations.js';
import type { AutomationEvent } from '../../automations/types.js';
import type { CompiledEntity } from '../parts.js';
import type { Effect, HandleOutcome, Instant, RecordState, TraceEntry } from '../types.js';
import type { EventScope } from './scope.js';
import type { EventStep } from './step.js';

/**
 * The record with its computed fields recomputed (the same object when none changed).
 *
 * @example
 * withComputedValues(record, opportunity, now).values.weightedAmount; // amount × probability
 */
export function withComputedValues(
  record: RecordState,
  entity: CompiledEntity | undefined,
  now: Instant,
): RecordState {
  if (!entity) return record;
  const values = entity.withComputed(record.values, now);
  return jsonEqual(values, record.values) ? record : { ...record, values };
}

/** What the handler of an event adds to the automations' part. */
export interface Settlement {
  readonly outcome: HandleOutcome;
  readonly effects?: readonly Effect[];
  readonly trace?: readonly TraceEntry[];
}

/**
 * Runs the automations for what happened to the record and closes the event: a record
 * that differs from `base` gets the next version and `updatedAt` = now (a new record gets
 * version 1). The handler's own effects and trace come first.
 *
 * @example
 * settle(scope, record, moved, [{ type: 'stage.entered', pipeline: 'opportunity', stage: 'quote' }],
 *   { outcome: { ok: true }, trace: [gateEntry] });
 */
export function settle(
  scope: EventScope,
  base: RecordState | undefined,
  changed: RecordState,
  events: readonly AutomationEvent[],
  settlement: Settlement,
): EventStep {
  const entity = scope.app.entities.get(changed.entity);
  const cascade = runAutomations({
    record: withComputedValues(changed, entity, scope.now),
    automations: scope.app.automations,
    events,
    now: scope.now,
    users: scope.users,
    ...(scope.ctx.actor ? { actor: scope.ctx.actor } : {}),
    ...(scope.app.maxCascadeRounds === undefined ? {} : { maxRounds: scope.app.maxCascadeRounds }),
    firingPrefix: String(base?.version ?? 0),
  });
  const after = cascade.record;
  const touched = base === undefined || !jsonEqual(base, after);
  const settled = touched
    ? { ...after, version: (base?.version ?? 0) + 1, updatedAt: scope.now }
    : after;
  return {
    happened: [{ record: settled, events: cascade.events }],
    outcome: settlement.outcome,
    ...(touched
      ? {
          record: settled,
          created: base === undefined,
        }
      : {}),
    effects: [...(settlement.effects ?? []), ...cascade.effects],
    trace: [...(settlement.trace ?? []), ...cascade.trace],
  };
}
