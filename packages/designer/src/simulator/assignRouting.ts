/**
 * Carrying out `assign` effects in the simulator (S42): the engine hands a routing decision
 * over as an effect; here the record is routed with the engine's pure router
 * (`app.route`) against the routing snapshot the run keeps, and the pick comes back as a
 * `record.update` of the assign field, handled by the same `simulate` as every other event
 * (so automations on the owner change and S42b's "分配后4小时未联系" timer run).
 */
import type {
  AppState,
  CompiledApp,
  DirectoryUser,
  Effect,
  Instant,
  LeadRouting,
  LocalizedText,
  LoggedEvent,
  TimelineEntry,
} from '@ruleloom/engine';
import type { RoutingSnapshots } from './routingSnapshots.js';

type AssignEffect = Extract<Effect, { type: 'assign' }>;

/** One routing decision the simulator made: where the record went and why. */
export interface Assignment {
  readonly at: Instant;
  readonly recordId: string;
  readonly entity: string;
  readonly result: LeadRouting;
  /** The engine's explanation (`describe`): rules, reps skipped and why, result, notified. */
  readonly lines: readonly LocalizedText[];
  /** Each rep's open leads and status in the snapshot the decision was made with. */
  readonly before: RoutingSnapshots[string];
}

/** The `assign` effects of an entry that the app can carry out (its routing exists). */
export function routableAssigns(app: CompiledApp, entry: TimelineEntry): AssignEffect[] {
  return entry.effects.filter(
    (effect): effect is AssignEffect =>
      effect.type === 'assign' && app.routings.has(effect.routing),
  );
}

/**
 * Routes the records of an entry's `assign` effects, in order, each with the snapshot the
 * previous one left, as things stand after the entry (`state`). Returns the decisions, the
 * `record.update` events that apply the picks (none for a lead that went to the fallback
 * queue) and the snapshots for the next decision.
 *
 * @example
 * const { assignments, events } = carryOutAssigns(app, state, entry, run.routing, users);
 * events[0]; // { at, event: { type: 'record.update', recordId: 'L9', values: { owner: 'zhangwei' } } }
 */
export function carryOutAssigns(
  app: CompiledApp,
  state: AppState,
  entry: TimelineEntry,
  snapshots: RoutingSnapshots,
  users: readonly DirectoryUser[],
): { assignments: Assignment[]; events: LoggedEvent[]; snapshots: RoutingSnapshots } {
  const assignments: Assignment[] = [];
  const events: LoggedEvent[] = [];
  let next = snapshots;
  for (const effect of routableAssigns(app, entry)) {
    const record = state.records[effect.recordId];
    if (!record) continue;
    const before = next[effect.routing] ?? {};
    const routed = app.route(effect.routing, { id: record.id, values: record.values }, before, {
      now: entry.at,
      users,
      source: effect.source,
    });
    const { snapshot, ...result } = routed;
    next = { ...next, [effect.routing]: snapshot };
    const lines = app.routings.get(effect.routing)?.describe(result, users) ?? [];
    assignments.push({
      at: entry.at,
      recordId: record.id,
      entity: record.entity,
      result,
      lines,
      before,
    });
    if (result.assignee !== undefined) {
      events.push({
        at: entry.at,
        event: {
          type: 'record.update',
          recordId: record.id,
          values: { [effect.field]: result.assignee },
        },
      });
    }
  }
  return { assignments, events, snapshots: next };
}
