/**
 * The simulator's run as plain data: the virtual clock, the engine's state and every step
 * taken. Every move goes through the engine's `simulate` — the loop `ruleloom simulate`
 * runs — so events and due timers happen in the same order, with the same patches, effects
 * and trace, as on the command line and in a live system. Nothing here decides a rule: an
 * `assign` effect is routed by the engine's router and applied as a `record.update` through
 * `simulate` too (see assignRouting.ts).
 */
import {
  isIdle,
  simulate,
  type Actor,
  type AppEvent,
  type AppState,
  type CompiledApp,
  type DirectoryUser,
  type Instant,
  type LoggedEvent,
  type RecordState,
  type TimelineEntry,
  type TimerState,
} from '@ruleloom/engine';
import { applyPatches, enablePatches } from 'immer';
import { carryOutAssigns, routableAssigns, type Assignment } from './assignRouting.js';
import { recordChanges, type RecordChange } from './recordChanges.js';
import type { RoutingSnapshots } from './routingSnapshots.js';

enablePatches();

/** One step of the run, in the order it happened. */
export type SimStep =
  | {
      /** What the engine did: an event handled or a timer fired (a `simulate` timeline entry). */
      readonly kind: 'entry';
      readonly id: number;
      readonly entry: TimelineEntry;
      /** The records it changed: fields old → new, marks, tags. */
      readonly changes: readonly RecordChange[];
      /** A timer firing that changed nothing (a digest with nothing to list). */
      readonly idle: boolean;
    }
  | {
      /** The person moved the clock on; the firings it caused follow as entries. */
      readonly kind: 'clock';
      readonly id: number;
      readonly from: Instant;
      readonly to: Instant;
    }
  | {
      /** An `assign` effect carried out: the record routed (分配), to a rep or the queue. */
      readonly kind: 'routing';
      readonly id: number;
      readonly assignment: Assignment;
    }
  | {
      /** Sample records put in place as existing data (no creation rules ran). */
      readonly kind: 'import';
      readonly id: number;
      readonly at: Instant;
      readonly recordIds: readonly string[];
    };

/** The simulator's state between two clicks. */
export interface SimRun {
  /** When the run started (UTC epoch ms). */
  readonly start: Instant;
  /** The virtual clock. */
  readonly now: Instant;
  readonly state: AppState;
  readonly steps: readonly SimStep[];
  /**
   * Per routing id, the snapshot the next routing decision is made with (reps' open leads
   * and statuses, turns, customers): each decision's next snapshot replaces it.
   */
  readonly routing: RoutingSnapshots;
  /** The id of the next step (React keys). */
  readonly nextId: number;
  /** The last move hit {@link MAX_STEPS}: the clock stopped early, at `now`. */
  readonly truncated?: boolean;
}

/**
 * Most events and firings one click may take: far more than a person reads (a year of the
 * sales CRM's recurring timers is about 550), and a clock moved years ahead stops in a few
 * seconds instead of hanging the page.
 */
export const MAX_STEPS = 5_000;

/**
 * Most routing decisions one click may make: an automation that assigns again on every
 * owner change would otherwise route the same record over and over.
 */
export const MAX_ROUTINGS = 200;

/** Who acts and the directory the engine resolves recipients and approvers in. */
export interface RunContext {
  readonly actor?: Actor;
  readonly users?: readonly DirectoryUser[];
  /** Most steps of this move (default {@link MAX_STEPS}). */
  readonly maxSteps?: number;
}

/** A sample record: its entity, id and field values. */
export interface SampleRecord {
  readonly entity: string;
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The timeline's entries as steps: each applied to the state to list what it changed. */
function entrySteps(
  entries: readonly TimelineEntry[],
  state: AppState,
  firstId: number,
): SimStep[] {
  let current = state;
  let id = firstId;
  return entries.map((entry) => {
    const before = current;
    current = entry.patches.length > 0 ? applyPatches(before, entry.patches) : before;
    return {
      kind: 'entry',
      id: id++,
      entry,
      changes: recordChanges(before, current, entry.patches),
      idle: isIdle(entry),
    };
  });
}

/**
 * Runs `simulate` from the run's clock to `to` and appends what happened. When an entry
 * asks for an assignment, the run stops right after it (the same `simulate`, limited to the
 * steps up to it), routes the record, and goes on from there with the pick as the first
 * event — before anything later, as a live system applies it.
 */
function simulateOn(
  app: CompiledApp,
  run: SimRun,
  to: Instant,
  events: readonly LoggedEvent[],
  context: RunContext,
  lead: readonly SimStep[] = [],
): SimRun {
  const users = context.users ?? [];
  let current: SimRun = {
    ...run,
    steps: [...run.steps, ...lead],
    nextId: run.nextId + lead.length,
  };
  let pending = events;
  let budget = context.maxSteps ?? MAX_STEPS;
  let routings = 0;
  for (;;) {
    const options = {
      from: current.now,
      to,
      state: current.state,
      ...(context.users === undefined ? {} : { users: context.users }),
    };
    let result = simulate(app, { ...options, events: pending, maxSteps: budget });
    const cut =
      routings < MAX_ROUTINGS
        ? result.timeline.findIndex((entry) => routableAssigns(app, entry).length > 0)
        : -1;
    if (cut >= 0) {
      // The opening `timers.sync` is not a step of `simulate`; every other entry is.
      const synced = result.timeline[0]?.event?.type === 'timers.sync' ? 1 : 0;
      const steps = cut + 1 - synced;
      result = simulate(app, { ...options, events: pending, maxSteps: steps });
      budget -= steps;
    }
    const steps = entrySteps(result.timeline, current.state, current.nextId);
    current = {
      ...current,
      // Where the engine stopped: `to`, or earlier when the step limit was reached.
      now: result.stats.stoppedAt,
      state: result.state,
      steps: [...current.steps, ...steps],
      nextId: current.nextId + steps.length,
      truncated: cut < 0 && result.truncated,
    };
    const last = result.timeline.at(-1);
    if (cut < 0 || !last) return current;
    const done = carryOutAssigns(app, result.state, last, current.routing, users);
    routings += done.assignments.length;
    const decided = done.assignments.map((assignment, index): SimStep => ({
      kind: 'routing',
      id: current.nextId + index,
      assignment,
    }));
    current = {
      ...current,
      routing: done.snapshots,
      steps: [...current.steps, ...decided],
      nextId: current.nextId + decided.length,
    };
    pending = [...done.events, ...pending.slice(result.stats.events)];
  }
}

/**
 * A new run with no records at `start`: the recurring timers and automation schedules are
 * synced, so they are pending from the start (as `ruleloom simulate` and the tests do).
 * `routing` is where the routing snapshots start (default: empty — nobody has open leads,
 * statuses come from the directory).
 *
 * @example
 * const run = startRun(app, Date.parse('2026-03-02T09:00:00+08:00'), { users });
 * run.state.timers; // { 'automation/daily-top3': …, … }
 */
export function startRun(
  app: CompiledApp,
  start: Instant,
  context: RunContext = {},
  routing: RoutingSnapshots = {},
): SimRun {
  const empty: SimRun = {
    start,
    now: start,
    state: app.emptyState(),
    steps: [],
    routing,
    nextId: 1,
  };
  return simulateOn(app, empty, start, [], context);
}

/**
 * Handles events at the clock's time, in order, by the context's actor. A refused event stays
 * in the steps with the engine's reason.
 *
 * @example
 * run = fireEvents(app, run, [{ type: 'stage.move', recordId: 'L1', to: 'contacted' }], { actor, users });
 */
export function fireEvents(
  app: CompiledApp,
  run: SimRun,
  events: readonly AppEvent[],
  context: RunContext = {},
): SimRun {
  const logged = events.map((event): LoggedEvent => ({
    at: run.now,
    event,
    ...(context.actor === undefined ? {} : { actor: context.actor }),
  }));
  return simulateOn(app, run, run.now, logged, context);
}

/**
 * Creates sample records at the clock's time with `record.create`: defaults, computed
 * fields, the pipeline's first stage, creation rules and timers (S3's 48 h count starts).
 *
 * @example
 * run = createRecords(app, run, [{ entity: 'lead', id: 'L1', values }], { actor, users });
 */
export function createRecords(
  app: CompiledApp,
  run: SimRun,
  records: readonly SampleRecord[],
  context: RunContext = {},
): SimRun {
  const events = records.map((record): AppEvent => ({
    type: 'record.create',
    entity: record.entity,
    recordId: record.id,
    values: record.values,
  }));
  return fireEvents(app, run, events, context);
}

/**
 * Puts sample records in place as existing data, the way a test's `given.records` are: with
 * defaults, computed fields and their stage, but no creation rule runs; then `timers.sync`
 * starts the absolute timers whose due time is ahead. Records whose id is taken are skipped.
 *
 * @example
 * run = importRecords(app, run, [{ entity: 'opportunity', id: 'O1', values }], { users });
 */
export function importRecords(
  app: CompiledApp,
  run: SimRun,
  samples: readonly SampleRecord[],
  context: RunContext = {},
): SimRun {
  const records: Record<string, RecordState> = { ...run.state.records };
  const imported: string[] = [];
  for (const sample of samples) {
    const entity = app.entities.get(sample.entity);
    if (!entity || Object.hasOwn(records, sample.id)) continue;
    const values = entity.withComputed(entity.withDefaults(sample.values), run.now);
    let record: RecordState = {
      id: sample.id,
      entity: sample.entity,
      values,
      tags: [],
      stageHistory: {},
      approvals: [],
      createdAt: run.now,
      updatedAt: run.now,
      version: 1,
    };
    for (const pipeline of app.pipelines.values()) {
      if (pipeline.entity !== sample.entity) continue;
      const stage = values[pipeline.stageField];
      record = pipeline.enterStage(
        record,
        typeof stage === 'string' ? stage : pipeline.initialStage,
        run.now,
      );
    }
    records[sample.id] = record;
    imported.push(sample.id);
  }
  if (imported.length === 0) return run;
  const step: SimStep = { kind: 'import', id: run.nextId, at: run.now, recordIds: imported };
  const withRecords: SimRun = { ...run, state: { ...run.state, records } };
  return simulateOn(app, withRecords, run.now, [], context, [step]);
}

/**
 * Moves the clock on to `to`, firing every timer due on the way at its own due time and in
 * due order (a firing may schedule the next escalation step, which fires too if it is due by
 * `to`). A timer due exactly at `to` fires.
 *
 * @example
 * run = advanceClock(app, run, run.now + 48 * 3_600_000, { users });
 */
export function advanceClock(
  app: CompiledApp,
  run: SimRun,
  to: Instant,
  context: RunContext = {},
): SimRun {
  if (!(to > run.now)) return run;
  const step: SimStep = { kind: 'clock', id: run.nextId, from: run.now, to };
  return simulateOn(app, run, to, [], context, [step]);
}

/**
 * The pending timers of a state, earliest first.
 *
 * @example
 * pendingTimers(run.state)[0]; // { id: 'b-lead-48h@L1', dueAt: …, step: 0, … }
 */
export function pendingTimers(state: AppState): TimerState[] {
  return Object.values(state.timers ?? {}).sort(
    (a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id),
  );
}
