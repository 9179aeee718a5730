/**
 * `handle(state, event, ctx)`: the engine's one entry for things that happen to records.
 * Pure: the next state comes back with immer patches, side effects come back as data, and
 * the trace says which gates, approvals and automations were considered and why.
 */
import { castDraft, enablePatches, produceWithPatches } from 'immer';
import { cloneJson, isPlainObject } from '../automations/recordValues.js';
import type { Locale } from '../diagnostics/types.js';
import { toInstant } from '../expr/domain/time.js';
import { decideApproval, recallApproval } from './handle/approvalEvents.js';
import { mergeInto } from './handle/mergeInto.js';
import { createRecord, updateRecord } from './handle/recordEvents.js';
import { directory, named, type EventScope } from './handle/scope.js';
import { moveRecord } from './handle/stageEvents.js';
import { runScheduled } from './handle/scheduleEvents.js';
import { refuse, type EventStep } from './handle/step.js';
import {
  fireTimer,
  syncRecordTimers,
  withTimers,
  type ScheduledAutomation,
} from './handle/timerEvents.js';
import { handOnQueue } from '../timers/scheduler.js';
import type { CompiledTimer } from '../timers/types.js';
import type { CompiledAutomation, CompiledEntity, CompiledPipeline } from './parts.js';
import type { AppEvent, AppState, HandleContext, HandleResult, TimerState } from './types.js';

// Patches are an immer plugin; registering it twice is harmless.
enablePatches();

/** What `handleEvent` needs of a compiled app. `compileApp` builds it. */
export interface HandleApp {
  /** The app's entities by id. */
  readonly entities: ReadonlyMap<string, CompiledEntity>;
  /**
   * Every pipeline of the app, in definition order; a record has a stage in each pipeline
   * of its entity (entered at creation, in this order).
   */
  readonly pipelines: readonly CompiledPipeline[];
  /** Every automation of the app, in definition order: the order they are considered in. */
  readonly automations: readonly CompiledAutomation[];
  /** IANA zone: ISO `ctx.now` without an offset, dates in messages. */
  readonly zone: string;
  /** The app's default language. */
  readonly locale: Locale;
  /** Most cascade rounds per event (default 16). */
  readonly maxCascadeRounds?: number;
  /** Every timer of the app, in definition order. */
  readonly timers: readonly CompiledTimer[];
  /** Automations with a `schedule` trigger and their crons: kept pending as timers. */
  readonly schedules: readonly ScheduledAutomation[];
}

function dispatch(scope: EventScope, event: AppEvent): EventStep {
  switch (event.type) {
    case 'record.create':
      return createRecord(scope, event);
    case 'record.update':
      return updateRecord(scope, event);
    case 'stage.move':
      return moveRecord(scope, event);
    case 'approval.decide':
      return decideApproval(scope, event);
    case 'approval.recall':
      return recallApproval(scope, event);
    case 'schedule.due':
      return runScheduled(scope, event);
    case 'timer.fired':
      return fireTimer(scope, event);
    case 'timers.sync':
      return syncRecordTimers(scope);
    default:
      return refuse('invalid', 'RL5349', {
        reason: `type ${named((event as { type?: unknown }).type)}`,
      });
  }
}

/** Applies a step to the state as immer patches: its records, then its timers. */
function commit(state: AppState, step: EventStep): HandleResult {
  const records = [
    ...(step.record ? [{ record: step.record, created: step.created === true }] : []),
    ...(step.more ?? []),
  ];
  const timers = step.timers ?? {};
  const timerIds = Object.keys(timers);
  const base = { outcome: step.outcome, effects: step.effects, trace: step.trace };
  if (records.length === 0 && timerIds.length === 0) {
    return { ...base, state, patches: [], inversePatches: [] };
  }
  const [next, patches, inversePatches] = produceWithPatches(state, (draft) => {
    for (const { record, created } of records) {
      const current = draft.records[record.id];
      const before = state.records[record.id];
      if (created || !current || !before) draft.records[record.id] = castDraft(cloneJson(record));
      else mergeInto(current, before, record);
    }
    if (timerIds.length > 0) {
      if (!isPlainObject(draft.timers)) draft.timers = {};
      const pending = draft.timers as Record<string, TimerState>;
      for (const id of timerIds) {
        const timer = timers[id];
        if (timer) pending[id] = { ...timer };
        else delete pending[id];
      }
    }
  });
  handOnQueue(
    isPlainObject(state.timers) ? state.timers : undefined,
    isPlainObject(next.timers) ? next.timers : undefined,
    timers,
  );
  return { ...base, state: next, patches, inversePatches };
}

/**
 * Handles one event: `record.create`, `record.update`, `stage.move`, `approval.decide`,
 * `approval.recall`, and `schedule.due` (a scheduled automation's digests over every record
 * of its entity, which change no record). Returns the next state with the immer patches
 * from `state` to it (and back), the effects to perform (notify, createTask, callWebhook,
 * assign, timers) and the trace. Refused events (`not-found`, `invalid` with field errors, `gate` with the gate
 * result, `approval`) leave the state as it is. The same inputs give the same result; the
 * inputs are never changed; it never throws.
 *
 * @example
 * const result = handleEvent(app, { records: {} }, {
 *   type: 'record.create', entity: 'lead', recordId: 'L1',
 *   values: { name: '王磊', source: 'website', websiteForm: 'whitepaper', owner: 'u-li' },
 * }, { now: '2024-06-03T09:00:00+08:00', users });
 * result.state.records.L1.values.tags; // ['官网-白皮书下载']
 * result.effects[0]; // { type: 'notify', channel: 'wecom', recipients: ['u-li'], … }
 */
export function handleEvent(
  app: HandleApp,
  state: AppState,
  event: AppEvent,
  ctx: HandleContext,
): HandleResult {
  return commit(state, eventStep(app, state, event, ctx));
}

/**
 * What one event comes to, not yet applied to the state: `handleEvent` commits it to a new
 * immutable state, an `AppSession` applies it in place. Never throws.
 */
export function eventStep(
  app: HandleApp,
  state: AppState,
  event: AppEvent,
  ctx: HandleContext,
): EventStep {
  try {
    if (!isPlainObject(state) || !isPlainObject(state.records)) {
      return refuse('invalid', 'RL5349', { reason: 'state' });
    }
    const now = isPlainObject(ctx) ? toInstant(ctx.now, app.zone) : undefined;
    if (now === undefined) {
      const given = isPlainObject(ctx) ? ctx.now : undefined;
      return refuse('invalid', 'RL5344', { now: named(given) });
    }
    if (!isPlainObject(event)) {
      return refuse('invalid', 'RL5349', { reason: 'event' });
    }
    const users = directory(ctx.users);
    const scope: EventScope = {
      app,
      state,
      ctx: ctx.users === undefined ? ctx : { ...ctx, users },
      now,
      users,
    };
    return withTimers(scope, dispatch(scope, event));
  } catch (error) {
    // Every part returns errors as values; this keeps the promise if one does not.
    const reason = error instanceof Error ? error.message : named(error);
    return refuse('invalid', 'RL5350', { reason });
  }
}
