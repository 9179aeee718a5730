/**
 * Running the automations of a record for what happened to it, round after round: round 0
 * reacts to the event; each later round reacts to the fields the previous round changed
 * (`record.updated`), until nothing changes (a fixed point) or the round limit is hit.
 */
import type { CompiledAutomation } from '../app/parts.js';
import type {
  Actor,
  DirectoryUser,
  Effect,
  Instant,
  RecordState,
  TraceEntry,
} from '../app/types.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { changedFields } from './recordValues.js';
import { triggerMatches } from './triggers.js';
import type { AutomationEvent } from './types.js';

/** Most rounds of a cascade (round 0, the event itself, included). */
export const DEFAULT_MAX_ROUNDS = 16;

/** What a cascade starts from. */
export interface CascadeInput {
  /** The record as the event left it. */
  readonly record: RecordState;
  /** The app's automations in definition order (others' entities and switched-off ones are skipped). */
  readonly automations: readonly CompiledAutomation[];
  /** What happened to the record: round 0's events. */
  readonly events: readonly AutomationEvent[];
  readonly now: Instant;
  readonly users: readonly DirectoryUser[];
  readonly actor?: Actor;
  /** Round limit; default {@link DEFAULT_MAX_ROUNDS}. */
  readonly maxRounds?: number;
  /**
   * Prefix that makes task ids unique per handled event (the record's version before it);
   * each firing adds its round and place.
   */
  readonly firingPrefix: string;
}

/** The record after the cascade, the effects in firing order, and the trace. */
export interface CascadeResult {
  readonly record: RecordState;
  /** Every event of every round, in order: what timers start and cancel on. */
  readonly events: readonly AutomationEvent[];
  readonly effects: readonly Effect[];
  readonly trace: readonly TraceEntry[];
}

/**
 * Runs a cascade. In each round every automation of the record's entity is considered in
 * definition order and gets a trace entry per event it reacts to (`fired`, `condition`
 * false with the evaluated condition, `error`), or one `trigger` entry when it reacts to
 * none. A failing automation changes nothing and the others still run. When the limit is
 * hit, a `cascade-limit` entry (RL5315) ends the trace and the record keeps what the rounds
 * so far did.
 *
 * @example
 * runAutomations({ record, automations, events: [{ type: 'record.created' }], now, users,
 *   firingPrefix: '0' });
 * // { record: { …, tags: ['官网-白皮书下载'] }, effects: [notify], trace: [{ outcome: 'fired', … }] }
 */
export function runAutomations(input: CascadeInput): CascadeResult {
  const watching = input.automations.filter(
    (automation) =>
      automation.entity === input.record.entity && automation.definition.enabled !== false,
  );
  const maxRounds = Math.max(1, Math.floor(input.maxRounds ?? DEFAULT_MAX_ROUNDS));
  const effects: Effect[] = [];
  const trace: TraceEntry[] = [];
  const recordId = input.record.id;
  let record = input.record;
  let events = input.events;
  const happened: AutomationEvent[] = [...events];
  let lastFired: string[] = [];
  let lastChanged: readonly string[] = [];

  for (let round = 0; ; round++) {
    if (round >= maxRounds) {
      trace.push({
        kind: 'cascade-limit',
        recordId,
        rounds: maxRounds,
        diagnostic: createDiagnostic('RL5315', '', {
          rounds: maxRounds,
          fields: lastChanged.join(', '),
          automations: lastFired.join(', '),
        }),
      });
      break;
    }
    const before = record.values;
    const fired: string[] = [];
    let place = 0;
    for (const automation of watching) {
      const reactsTo = events.filter((event) =>
        triggerMatches(automation.definition.trigger, event),
      );
      if (reactsTo.length === 0) {
        trace.push({
          kind: 'automation',
          automation: automation.id,
          recordId,
          outcome: 'trigger',
          round,
        });
        continue;
      }
      for (let i = 0; i < reactsTo.length; i++) {
        const ctx = {
          now: input.now,
          users: input.users,
          ...(input.actor ? { actor: input.actor } : {}),
          firing: `${input.firingPrefix}.${round}.${place++}`,
        };
        const entry = { kind: 'automation', automation: automation.id, recordId, round } as const;
        const check = automation.checkCondition(record, ctx);
        const condition = check.trace.length > 0 ? { condition: check.trace } : {};
        if (check.error) {
          trace.push({ ...entry, outcome: 'error', ...condition, error: check.error });
          continue;
        }
        if (!check.holds) {
          trace.push({ ...entry, outcome: 'condition', ...condition });
          continue;
        }
        const plan = automation.planActions(record, ctx);
        if (!plan.ok) {
          trace.push({ ...entry, outcome: 'error', ...condition, error: plan.error });
          continue;
        }
        record = plan.record;
        effects.push(...plan.effects);
        fired.push(automation.id);
        trace.push({ ...entry, outcome: 'fired', ...condition });
      }
    }
    const changed = changedFields(before, record.values);
    if (changed.length === 0) break;
    events = [{ type: 'record.updated', changedFields: changed }];
    happened.push(...events);
    lastFired = fired;
    lastChanged = changed;
  }
  return { record, events: happened, effects, trace };
}
