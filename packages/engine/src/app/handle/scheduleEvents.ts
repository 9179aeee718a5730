/**
 * `schedule.due`: the caller says a scheduled automation's time has come (cron, zones and
 * calendars are the caller's timers); its digests read every record of its entity and send
 * their messages. No record changes.
 */
import { compareIds } from '../../automations/digest/select.js';
import type { AppEvent, RecordState } from '../types.js';
import { entityOf, findRecord, type EventScope } from './scope.js';
import { withComputedValues } from './settle.js';
import { refuse, type EventStep } from './step.js';

type ScheduleEvent = Extract<AppEvent, { type: 'schedule.due' }>;

/**
 * The records of an entity in id order (code points, the same everywhere), with computed
 * fields as of now: a schedule fires long after the last change, and a computed field that
 * reads `now` (days since, days to) must not show the value of that change.
 */
function recordsOf(scope: EventScope, entityId: string): RecordState[] {
  const entity = entityOf(scope, entityId);
  return Object.keys(scope.state.records)
    .sort(compareIds)
    .flatMap((id) => {
      const record = findRecord(scope.state, id);
      return record && record.entity === entityId
        ? [withComputedValues(record, entity, scope.now)]
        : [];
    });
}

/**
 * Runs a scheduled automation: refused when the app has no such automation (RL5351) or its
 * trigger is not a schedule (RL5352); a switched-off one does nothing (a `disabled` trace
 * entry). The state is never changed.
 *
 * @example
 * runScheduled(scope, { type: 'schedule.due', automation: 'daily-top3' });
 * // { outcome: { ok: true }, effects: [notify to zhangwei, notify to lina], trace: [{ kind: 'schedule', … }] }
 */
export function runScheduled(scope: EventScope, event: ScheduleEvent): EventStep {
  const { automations } = scope.app;
  const known =
    automations
      .filter((automation) => automation.definition.trigger.type === 'schedule')
      .map((automation) => automation.id)
      .join(', ') || '-';
  const id = event.automation;
  const automation = automations.find((candidate) => candidate.id === id);
  if (!automation) return refuse('not-found', 'RL5351', { automation: String(id), known });
  const { trigger } = automation.definition;
  if (trigger.type !== 'schedule' || !automation.runSchedule) {
    return refuse('invalid', 'RL5352', { automation: automation.id, trigger: trigger.type, known });
  }
  const entry = { kind: 'schedule', automation: automation.id, entity: automation.entity } as const;
  if (automation.definition.enabled === false) {
    const trace = [
      { ...entry, outcome: 'disabled', considered: 0, matched: 0, digests: [] },
    ] as const;
    return { outcome: { ok: true }, effects: [], trace };
  }
  const run = automation.runSchedule(recordsOf(scope, automation.entity), {
    now: scope.now,
    users: scope.users,
  });
  return { outcome: { ok: true }, effects: run.effects, trace: run.trace };
}
