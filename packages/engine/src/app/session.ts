/**
 * A working copy of an app's state for long runs: a simulation of a year, a server that
 * keeps its records in memory. `app.handle` returns a new immutable state for every event,
 * which costs time in proportion to the number of records and pending timers (the maps of
 * the state are copied); a session changes its own maps in place instead, so an event costs
 * what it touches. It hands out the same patches, effects and trace as `handle`, and the
 * state as a snapshot when asked.
 */
import { freeze, produceWithPatches, type Patch } from 'immer';
import { cloneJson, isPlainObject } from '../automations/recordValues.js';
import { TimerQueue } from '../timers/queue.js';
import { eventStep, type HandleApp } from './handle.js';
import { mergeInto } from './handle/mergeInto.js';
import type { EventStep } from './handle/step.js';
import type {
  AppEvent,
  AppState,
  HandleContext,
  HandleResult,
  RecordState,
  TimerState,
} from './types.js';

/** What `AppSession.handle` returns: `handle`'s result without the state. */
export type SessionResult = Omit<HandleResult, 'state'>;

/**
 * An app's state held in place. Same inputs, same results as `app.handle` on the
 * equivalent immutable state; records inside stay immutable (frozen), only the session's own
 * maps change.
 *
 * @example
 * const session = app.session();
 * session.handle({ type: 'record.create', entity: 'lead', recordId: 'L1', values }, { now });
 * for (const t of session.due(later)) session.handle({ type: 'timer.fired', timer: t.id }, { now: t.dueAt });
 * const state = session.snapshot();
 */
export class AppSession {
  readonly #app: HandleApp;
  readonly #records: Record<string, RecordState>;
  readonly #timers: Record<string, TimerState>;
  readonly #queue = new TimerQueue<TimerState>();
  /** What the handlers read: the session's own maps. */
  readonly #view: AppState;

  constructor(app: HandleApp, state?: AppState) {
    this.#app = app;
    const given = isPlainObject(state) ? state : undefined;
    // Plain objects, as the handlers expect; they read own keys only.
    this.#records = { ...(isPlainObject(given?.records) ? given.records : {}) };
    this.#timers = {};
    const timers = isPlainObject(given?.timers) ? given.timers : {};
    for (const id of Object.keys(timers)) {
      const timer = timers[id];
      if (!isPlainObject(timer) || timer.id !== id || typeof timer.dueAt !== 'number') continue;
      if (!Number.isFinite(timer.dueAt)) continue;
      this.#timers[id] = timer;
      this.#queue.schedule(timer);
    }
    this.#view = { records: this.#records, timers: this.#timers };
  }

  /** Handles one event in place; the same outcome, patches, effects and trace as `app.handle`. */
  handle(event: AppEvent, ctx: HandleContext): SessionResult {
    const step = eventStep(this.#app, this.#view, event, ctx);
    const { patches, inversePatches } = this.#apply(step);
    return {
      outcome: step.outcome,
      effects: step.effects,
      trace: step.trace,
      patches,
      inversePatches,
    };
  }

  /** The pending timers due at `now` (epoch ms), in due order; see `app.due`. */
  due(now: number): TimerState[] {
    return typeof now === 'number' && !Number.isNaN(now) ? this.#queue.dueUpTo(now) : [];
  }

  /** The earliest pending timer, if any. */
  nextTimer(): TimerState | undefined {
    return this.#queue.peek();
  }

  /** Number of records and pending timers. */
  get size(): { readonly records: number; readonly timers: number } {
    return { records: Object.keys(this.#records).length, timers: this.#queue.size };
  }

  /** Drops a pending timer without running it (a caller's clean-up of a timer it cannot fire). */
  discardTimer(id: string): boolean {
    if (!Object.hasOwn(this.#timers, id)) return false;
    delete this.#timers[id];
    return this.#queue.cancel(id);
  }

  /** The state now, as `app.handle` would have returned it: a new object, O(records + timers). */
  snapshot(): AppState {
    return freeze({ records: { ...this.#records }, timers: { ...this.#timers } }, false);
  }

  /** Applies a step's records and timers in place and says so as patches. */
  #apply(step: EventStep): { patches: Patch[]; inversePatches: Patch[] } {
    const patches: Patch[] = [];
    const inversePatches: Patch[] = [];
    const records = [
      ...(step.record ? [{ record: step.record, created: step.created === true }] : []),
      ...(step.more ?? []),
    ];
    for (const { record, created } of records) {
      const id = record.id;
      const before = Object.hasOwn(this.#records, id) ? this.#records[id] : undefined;
      if (created || !before) {
        const added = freeze(cloneJson(record), true);
        patches.push({ op: 'add', path: ['records', id], value: added });
        inversePatches.unshift({ op: 'remove', path: ['records', id] });
        this.#records[id] = added;
        continue;
      }
      const [next, own, inverse] = produceWithPatches(before, (draft) => {
        mergeInto(draft, before, record);
      });
      patches.push(...own.map((p) => ({ ...p, path: ['records', id, ...p.path] })));
      inversePatches.unshift(...inverse.map((p) => ({ ...p, path: ['records', id, ...p.path] })));
      this.#records[id] = next;
    }
    const timers = step.timers ?? {};
    for (const id of Object.keys(timers)) {
      const timer = timers[id];
      const before = Object.hasOwn(this.#timers, id) ? this.#timers[id] : undefined;
      if (timer) {
        const stored = freeze({ ...timer }, true);
        patches.push({ op: before ? 'replace' : 'add', path: ['timers', id], value: stored });
        inversePatches.unshift(
          before
            ? { op: 'replace', path: ['timers', id], value: before }
            : { op: 'remove', path: ['timers', id] },
        );
        this.#timers[id] = stored;
        this.#queue.schedule(stored);
      } else if (before) {
        patches.push({ op: 'remove', path: ['timers', id] });
        inversePatches.unshift({ op: 'add', path: ['timers', id], value: before });
        delete this.#timers[id];
        this.#queue.cancel(id);
      }
    }
    return { patches, inversePatches };
  }
}
