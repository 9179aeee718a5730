/**
 * Timers inside `handle`: what happened to records starts, restarts and cancels their
 * timers (and `startTimer` / `cancelTimer` actions do so explicitly); recurring timers and
 * automation schedules are kept pending; and `timer.fired` runs a due timer — its condition,
 * then its actions through the automation action set — and schedules what comes next (the
 * next escalation step, the next run). Timer instances live in `state.timers`.
 */
import { compareIds } from '../../automations/digest/select.js';
import { changedFields, isPlainObject } from '../../automations/recordValues.js';
import type { AutomationEvent, AutomationRunContext } from '../../automations/types.js';
import type { CompiledCron } from '../../timers/cron.js';
import { isInstance, recordTimerId, scheduleTimerId } from '../../timers/instance.js';
import type { CompiledTimer } from '../../timers/types.js';
import type { CompiledAutomation } from '../parts.js';
import type { AppEvent, Effect, Instant, RecordState, TimerState, TraceEntry } from '../types.js';
import { entityOf, findRecord, named, type EventScope } from './scope.js';
import { settle, withComputedValues } from './settle.js';
import { refuse, type EventStep, type Happening } from './step.js';

/** An automation whose trigger is a `schedule`, with its cron compiled. */
export interface ScheduledAutomation {
  readonly automation: CompiledAutomation;
  readonly cron: CompiledCron;
}

type FiredEvent = Extract<AppEvent, { type: 'timer.fired' }>;
type TimerEntry = Extract<TraceEntry, { kind: 'timer' }>;
type Changes = Record<string, TimerState | null>;

export { recordTimerId, scheduleTimerId };

function iso(instant: Instant): string {
  // A finite number can still lie outside Date's range (1e20): toISOString would throw.
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : date.toISOString();
}

/** The entry stored under `id` in the state's timers, whatever it is (own properties only). */
function storedEntry(scope: EventScope, id: unknown): unknown {
  const timers = scope.state.timers;
  return typeof id === 'string' && isPlainObject(timers) && Object.hasOwn(timers, id)
    ? timers[id]
    : undefined;
}

/** The pending timer with this id, reading own properties only. */
function pendingTimer(scope: EventScope, id: unknown): TimerState | undefined {
  const entry = storedEntry(scope, id);
  return typeof id === 'string' && isInstance(id, entry) ? entry : undefined;
}

/** The timers as they will be after `changes`. */
function viewOf(scope: EventScope, changes: Changes): (id: string) => TimerState | undefined {
  return (id) =>
    Object.hasOwn(changes, id) ? (changes[id] ?? undefined) : pendingTimer(scope, id);
}

function entry(
  timer: string,
  instance: string,
  step: number,
  outcome: TimerEntry['outcome'],
  extra: Partial<TimerEntry> = {},
): TimerEntry {
  return { kind: 'timer', timer, instance, step, outcome, ...extra };
}

/**
 * Starts (or restarts) the timer of a record at `now`: due after its duration, or at its
 * date field ± offset. Without a due time (no date in the field) a pending one is cancelled.
 */
function start(
  scope: EventScope,
  timer: CompiledTimer,
  record: RecordState,
  changes: Changes,
  trace: TimerEntry[],
): void {
  const id = recordTimerId(timer.id, record.id);
  const pending = viewOf(scope, changes)(id);
  const dueAt = timer.dueAt(record, scope.now);
  const baseAt = timer.anchorAt(record, scope.now);
  if (dueAt === undefined || baseAt === undefined) {
    if (pending) {
      changes[id] = null;
      trace.push(entry(timer.id, id, pending.step, 'cancelled', { recordId: record.id }));
    } else {
      trace.push(entry(timer.id, id, 0, 'skipped', { recordId: record.id }));
    }
    return;
  }
  changes[id] = {
    id,
    timer: timer.id,
    source: 'timer',
    recordId: record.id,
    dueAt,
    step: 0,
    baseAt,
    startedAt: scope.now,
  };
  trace.push(
    entry(timer.id, id, 0, pending ? 'restarted' : 'started', { recordId: record.id, dueAt }),
  );
}

function cancel(
  scope: EventScope,
  timer: string,
  recordId: string,
  changes: Changes,
  trace: TimerEntry[],
): void {
  const id = recordTimerId(timer, recordId);
  const pending = viewOf(scope, changes)(id);
  if (!pending) return;
  changes[id] = null;
  trace.push(entry(timer, id, pending.step, 'cancelled', { recordId }));
}

/** Whether the events mean an absolute timer's date may have changed. */
function touchesField(timer: CompiledTimer, events: readonly AutomationEvent[]): boolean {
  return events.some(
    (event) =>
      event.type === 'record.created' ||
      (event.type === 'record.updated' &&
        timer.field !== undefined &&
        event.changedFields.includes(timer.field)),
  );
}

/** Starts and cancels the timers of one record for what happened to it. */
function reactTo(
  scope: EventScope,
  happening: Happening,
  changes: Changes,
  trace: TimerEntry[],
): void {
  const { record, events } = happening;
  for (const timer of scope.app.timers) {
    if (!timer.enabled || timer.kind === 'recurring' || timer.entity !== record.entity) continue;
    if (timer.cancelsOn(events)) {
      // Cancel wins over start when one event does both (left the stage, and updated).
      cancel(scope, timer.id, record.id, changes, trace);
      continue;
    }
    const pending = viewOf(scope, changes)(recordTimerId(timer.id, record.id));
    if (timer.kind === 'relative') {
      if (timer.startsOn(events) && (!pending || timer.restart)) {
        start(scope, timer, record, changes, trace);
      }
    } else if (touchesField(timer, events)) {
      start(scope, timer, record, changes, trace);
    }
  }
}

/** `startTimer` / `cancelTimer` effects of the automations: done here, not handed out. */
function runTimerEffects(
  scope: EventScope,
  effects: readonly Effect[],
  latest: ReadonlyMap<string, RecordState>,
  changes: Changes,
  trace: TimerEntry[],
): Effect[] {
  const rest: Effect[] = [];
  for (const effect of effects) {
    if (effect.type !== 'startTimer' && effect.type !== 'cancelTimer') {
      rest.push(effect);
      continue;
    }
    const timer = scope.app.timers.find((candidate) => candidate.id === effect.timer);
    if (!timer) {
      // Not one of the app's timers (compileApp reports that): the caller's to handle.
      rest.push(effect);
      continue;
    }
    const record = latest.get(effect.recordId) ?? findRecord(scope.state, effect.recordId);
    // A switched-off timer does nothing (compileApp refuses recurring ones); said in the trace.
    if (!record || !timer.enabled || timer.kind === 'recurring') {
      const id = recordTimerId(timer.id, named(effect.recordId));
      trace.push(entry(timer.id, id, 0, 'skipped', { recordId: named(effect.recordId) }));
      continue;
    }
    if (effect.type === 'startTimer') start(scope, timer, record, changes, trace);
    else cancel(scope, timer.id, record.id, changes, trace);
  }
  return rest;
}

/** Recurring timers and automation schedules that are not pending yet get their next run. */
function keepRecurring(scope: EventScope, changes: Changes, trace: TimerEntry[]): void {
  const view = viewOf(scope, changes);
  for (const timer of scope.app.timers) {
    if (timer.kind !== 'recurring') continue;
    const pending = view(timer.id);
    if (!timer.enabled) {
      if (pending) {
        changes[timer.id] = null;
        trace.push(entry(timer.id, timer.id, 0, 'cancelled'));
      }
      continue;
    }
    if (pending) continue;
    const dueAt = timer.dueAt(undefined, scope.now);
    if (dueAt === undefined) continue;
    changes[timer.id] = recurring(timer.id, 'timer', dueAt, scope.now);
    trace.push(entry(timer.id, timer.id, 0, 'started', { dueAt }));
  }
  for (const { automation, cron } of scope.app.schedules) {
    const id = scheduleTimerId(automation.id);
    const pending = view(id);
    if (automation.definition.enabled === false) {
      if (pending) {
        changes[id] = null;
        trace.push(entry(automation.id, id, 0, 'cancelled'));
      }
      continue;
    }
    if (pending) continue;
    const dueAt = cron.next(scope.now);
    if (dueAt === undefined) continue;
    changes[id] = recurring(automation.id, 'schedule', dueAt, scope.now);
    trace.push(entry(automation.id, id, 0, 'started', { dueAt }));
  }
}

/** The fields of an instance the engine writes (anything else a caller's state added is dropped). */
function known(instance: TimerState): TimerState {
  const { id, timer, source, recordId, dueAt, step, baseAt, startedAt } = instance;
  return {
    id,
    timer,
    source,
    ...(recordId !== undefined ? { recordId } : {}),
    dueAt,
    step,
    baseAt,
    startedAt,
  };
}

function recurring(
  timer: string,
  source: TimerState['source'],
  dueAt: Instant,
  now: Instant,
): TimerState {
  const id = source === 'schedule' ? scheduleTimerId(timer) : timer;
  return { id, timer, source, dueAt, step: 0, baseAt: dueAt, startedAt: now };
}

/**
 * The timers' part of an event, added to its step: timers started, restarted and cancelled
 * by what happened to each record, `startTimer` / `cancelTimer` effects carried out (and
 * taken out of the effects), and recurring timers kept pending. A refused event changes no
 * timer.
 */
export function withTimers(scope: EventScope, step: EventStep): EventStep {
  if (!step.outcome.ok) return step;
  const changes: Changes = { ...step.timers };
  const trace: TimerEntry[] = [];
  const latest = new Map<string, RecordState>();
  for (const happening of step.happened ?? []) {
    latest.set(happening.record.id, happening.record);
    reactTo(scope, happening, changes, trace);
  }
  const effects = runTimerEffects(scope, step.effects, latest, changes, trace);
  keepRecurring(scope, changes, trace);
  // Only what differs from the state is a change (no empty patches). A malformed entry
  // counts as there: removing it is a change.
  for (const id of Object.keys(changes)) {
    const before = pendingTimer(scope, id);
    const after = changes[id];
    const stored = storedEntry(scope, id) !== undefined;
    if ((after === null && !stored) || (after && before && sameTimer(after, before))) {
      delete changes[id];
    }
  }
  if (trace.length === 0 && Object.keys(changes).length === Object.keys(step.timers ?? {}).length) {
    return Object.keys(changes).length === 0 && effects.length === step.effects.length
      ? step
      : { ...step, effects, timers: changes };
  }
  return { ...step, effects, timers: changes, trace: [...step.trace, ...trace] };
}

function sameTimer(a: TimerState, b: TimerState): boolean {
  return (
    a.id === b.id &&
    a.timer === b.timer &&
    a.source === b.source &&
    a.recordId === b.recordId &&
    a.dueAt === b.dueAt &&
    a.step === b.step &&
    a.baseAt === b.baseAt &&
    a.startedAt === b.startedAt
  );
}

/**
 * `timers.sync`: besides the recurring timers (which every event keeps pending), starts the
 * absolute timers of records that have none yet — records that existed before the timer was
 * deployed, or were imported — when their due time is still ahead. A due time already past is
 * left alone: the state cannot tell whether that timer fired before, and an alert must not
 * come twice. Relative timers wait for their start event.
 */
export function syncRecordTimers(scope: EventScope): EventStep {
  const changes: Changes = {};
  const trace: TimerEntry[] = [];
  const absolute = scope.app.timers.filter((t) => t.enabled && t.kind === 'absolute');
  if (absolute.length > 0) {
    for (const id of Object.keys(scope.state.records).sort(compareIds)) {
      const record = findRecord(scope.state, id);
      if (!record) continue;
      for (const timer of absolute) {
        if (timer.entity !== record.entity) continue;
        if (pendingTimer(scope, recordTimerId(timer.id, record.id))) continue;
        const dueAt = timer.dueAt(record, scope.now);
        if (dueAt !== undefined && dueAt > scope.now) start(scope, timer, record, changes, trace);
      }
    }
  }
  return { outcome: { ok: true }, effects: [], trace, timers: changes };
}

// ─── Firing ────────────────────────────────────────────────────────────────────────────

/**
 * `timer.fired`: runs a due timer. Refused when it is not pending (RL5640: already fired,
 * cancelled, or never started — so firing twice runs nothing twice) or not yet due (RL5641).
 * An entry of `state.timers` that is not a well-formed instance is dropped without running
 * anything (so a clock that fires whatever `app.due` lists never loops on it).
 */
export function fireTimer(scope: EventScope, event: FiredEvent): EventStep {
  const id = event.timer;
  const stored = storedEntry(scope, id);
  if (typeof id !== 'string' || stored === undefined) {
    return refuse('not-found', 'RL5640', { timer: named(id) });
  }
  if (!isInstance(id, stored)) return dropped(id, stored);
  const instance = stored;
  if (scope.now < instance.dueAt) {
    return refuse('invalid', 'RL5641', {
      timer: instance.id,
      dueAt: iso(instance.dueAt),
      now: iso(scope.now),
    });
  }
  if (instance.source === 'schedule') return fireSchedule(scope, instance);
  const timer = scope.app.timers.find((candidate) => candidate.id === instance.timer);
  if (!timer || !timer.enabled) return ended(instance);
  if (timer.kind === 'recurring') return fireRecurring(scope, timer, instance);
  return fireRecordTimer(scope, timer, instance);
}

/** The instance is dropped: its timer or record is gone or switched off. */
function ended(instance: TimerState, more: Partial<EventStep> = {}): EventStep {
  return {
    outcome: { ok: true },
    effects: [],
    timers: { [instance.id]: null },
    ...more,
    trace: [
      ...(more.trace ?? []),
      entry(instance.timer, instance.id, instance.step, 'ended', {
        ...(instance.recordId !== undefined ? { recordId: instance.recordId } : {}),
      }),
    ],
  };
}

/** A malformed entry is removed; its trace entry names what it could. */
function dropped(id: string, stored: unknown): EventStep {
  const timer = isPlainObject(stored) && typeof stored.timer === 'string' ? stored.timer : id;
  return {
    outcome: { ok: true },
    effects: [],
    timers: { [id]: null },
    trace: [entry(timer, id, 0, 'ended')],
  };
}

function runContext(scope: EventScope, instance: TimerState): AutomationRunContext {
  return {
    now: scope.now,
    users: scope.users,
    ...(scope.ctx.actor ? { actor: scope.ctx.actor } : {}),
    // Stable per firing: task ids built from it are the same on every replay.
    firing: `timer:${instance.id}:${instance.step}:${instance.dueAt}`,
  };
}

/** Effects of a timer step say so in their source. */
function fromTimer(effects: readonly Effect[], timer: string, step: number): Effect[] {
  return effects.map((effect) => {
    const { automation: _automation, ...source } = effect.source;
    return { ...effect, source: { ...source, timer, ...(step > 0 ? { step } : {}) } } as Effect;
  });
}

/**
 * Runs one step of a timer on one record: its condition, then the step's actions, then the
 * automations for what that changed (a `timer` event, and `record.updated`). Undefined when
 * the condition is false or failed (the trace entry says which).
 */
function runOnRecord(
  scope: EventScope,
  timer: CompiledTimer,
  instance: TimerState,
  record: RecordState,
  trace: TimerEntry[],
): EventStep | undefined {
  const automation = timer.steps[instance.step];
  if (!automation) return undefined;
  const ctx = runContext(scope, instance);
  const current = withComputedValues(record, scope.app.entities.get(record.entity), scope.now);
  const base = { recordId: record.id } as const;
  const check = automation.checkCondition(current, ctx);
  const condition = check.trace.length > 0 ? { condition: check.trace } : {};
  if (check.error) {
    trace.push(
      entry(timer.id, instance.id, instance.step, 'error', {
        ...base,
        ...condition,
        error: check.error,
      }),
    );
    return undefined;
  }
  if (!check.holds) {
    trace.push(entry(timer.id, instance.id, instance.step, 'condition', { ...base, ...condition }));
    return undefined;
  }
  const plan = automation.planActions(current, ctx);
  if (!plan.ok) {
    trace.push(
      entry(timer.id, instance.id, instance.step, 'error', {
        ...base,
        ...condition,
        error: plan.error,
      }),
    );
    return undefined;
  }
  trace.push(entry(timer.id, instance.id, instance.step, 'fired', { ...base, ...condition }));
  const changed = changedFields(record.values, plan.record.values);
  const events: AutomationEvent[] = [
    { type: 'timer', timer: timer.id },
    ...(changed.length > 0 ? [{ type: 'record.updated' as const, changedFields: changed }] : []),
  ];
  return settle(scope, record, plan.record, events, {
    outcome: { ok: true },
    effects: fromTimer(plan.effects, timer.id, instance.step),
  });
}

/** A relative or absolute timer of one record: run this step, then schedule the next one. */
function fireRecordTimer(scope: EventScope, timer: CompiledTimer, instance: TimerState): EventStep {
  const record = findRecord(scope.state, instance.recordId);
  if (!record || record.entity !== timer.entity) return ended(instance);
  const trace: TimerEntry[] = [];
  const ran = runOnRecord(scope, timer, instance, record, trace);
  if (!ran) return ended(instance, { trace });
  const nextStep = instance.step + 1;
  const nextAt =
    nextStep <= timer.escalationSteps ? timer.escalationAt(instance.baseAt, nextStep) : undefined;
  const next: TimerState | null =
    nextAt === undefined ? null : { ...known(instance), step: nextStep, dueAt: nextAt };
  const after = next
    ? entry(timer.id, instance.id, nextStep, 'escalated', {
        recordId: record.id,
        dueAt: next.dueAt,
      })
    : entry(timer.id, instance.id, instance.step, 'ended', { recordId: record.id });
  return {
    ...ran,
    timers: { [instance.id]: next },
    trace: [...trace, ...ran.trace, after],
  };
}

/** The records of an entity in id order. */
function recordsOf(scope: EventScope, entityId: string): RecordState[] {
  return Object.keys(scope.state.records)
    .sort(compareIds)
    .flatMap((id) => {
      const record = findRecord(scope.state, id);
      return record && record.entity === entityId ? [record] : [];
    });
}

/**
 * A recurring timer: its digests over the entity's records, or its actions on every record
 * of the entity for which its condition holds; then its next run.
 */
function fireRecurring(scope: EventScope, timer: CompiledTimer, instance: TimerState): EventStep {
  const trace: TraceEntry[] = [];
  const effects: Effect[] = [];
  const more: { record: RecordState; created: boolean }[] = [];
  const happened: Happening[] = [];
  const own = timer.steps[0];
  if (timer.digest && own?.runSchedule) {
    const entity = entityOf(scope, timer.entity);
    const records = recordsOf(scope, timer.entity).map((record) =>
      withComputedValues(record, entity, scope.now),
    );
    const run = own.runSchedule(records, { now: scope.now, users: scope.users });
    effects.push(...fromTimer(run.effects, timer.id, 0));
    trace.push(entry(timer.id, instance.id, 0, 'fired'), ...run.trace);
  } else {
    for (const record of recordsOf(scope, timer.entity)) {
      const entries: TimerEntry[] = [];
      const ran = runOnRecord(scope, timer, instance, record, entries);
      trace.push(...entries);
      if (!ran) continue;
      effects.push(...ran.effects);
      trace.push(...ran.trace);
      happened.push(...(ran.happened ?? []));
      if (ran.record) more.push({ record: ran.record, created: false });
    }
  }
  const dueAt = timer.dueAt(undefined, scope.now);
  const next: TimerState | null =
    dueAt === undefined ? null : { ...known(instance), dueAt, baseAt: dueAt, startedAt: scope.now };
  trace.push(
    next
      ? entry(timer.id, instance.id, 0, 'rescheduled', { dueAt: next.dueAt })
      : entry(timer.id, instance.id, 0, 'ended'),
  );
  return {
    outcome: { ok: true },
    effects,
    trace,
    happened,
    more,
    timers: { [instance.id]: next },
  };
}

/** An automation's schedule: its digests (as `schedule.due` runs them), then its next run. */
function fireSchedule(scope: EventScope, instance: TimerState): EventStep {
  const scheduled = scope.app.schedules.find((s) => s.automation.id === instance.timer);
  if (!scheduled || scheduled.automation.definition.enabled === false) return ended(instance);
  const { automation, cron } = scheduled;
  const entity = entityOf(scope, automation.entity);
  const records = recordsOf(scope, automation.entity).map((record) =>
    withComputedValues(record, entity, scope.now),
  );
  const run = automation.runSchedule?.(records, { now: scope.now, users: scope.users });
  const dueAt = cron.next(scope.now);
  const next: TimerState | null =
    dueAt === undefined ? null : { ...known(instance), dueAt, baseAt: dueAt, startedAt: scope.now };
  return {
    outcome: { ok: true },
    effects: run?.effects ?? [],
    trace: [
      entry(automation.id, instance.id, 0, 'fired'),
      ...(run?.trace ?? []),
      next
        ? entry(automation.id, instance.id, 0, 'rescheduled', { dueAt: next.dueAt })
        : entry(automation.id, instance.id, 0, 'ended'),
    ],
    timers: { [instance.id]: next },
  };
}
