/**
 * `app.due(state, now)` without a scan: the pending timers of a state are mirrored in a
 * {@link TimerQueue} kept beside the state's `timers` object (a WeakMap, so it goes when the
 * state goes). `handle` hands the queue on to the next state with the changes it made, so a
 * run of events keeps one queue and each `due` call costs O(k log k) for k due timers. A
 * state the engine has not seen (read from storage, an older state) gets its queue built
 * once, O(n).
 */
import type { AppState, TimerState } from '../app/types.js';
import { isPlainObject } from '../automations/recordValues.js';
import { isInstance } from './instance.js';
import { TimerQueue } from './queue.js';

const queues = new WeakMap<object, TimerQueue<TimerState>>();

/** The queue of a state's timers, built when the state is new to the engine. */
function queueOf(timers: Readonly<Record<string, TimerState>>): TimerQueue<TimerState> {
  const queue = queues.get(timers);
  if (queue === undefined) {
    const pending: TimerState[] = [];
    for (const id of Object.keys(timers)) {
      const timer = timers[id];
      // A malformed entry (a caller's bad state) never fires: the same test as handle's.
      if (isInstance(id, timer)) pending.push(timer);
    }
    pending.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const built = TimerQueue.fromJSON<TimerState>({ version: 1, timers: pending });
    queues.set(timers, built);
    return built;
  }
  return queue;
}

/**
 * Whether the queue's entry is still the one the state holds. States are values: the engine
 * freezes the ones it returns and never edits one in place. A caller's own state (read from
 * storage) may still be edited in place after a first `due`: an entry of the answer that was
 * replaced or removed since is caught here and the queue is built afresh. What is not caught
 * is an entry added or moved earlier in place: to edit a state, give it a new `timers` object
 * (`{ ...state, timers: { ...state.timers, [id]: timer } }`).
 */
function isCurrent(timers: Readonly<Record<string, TimerState>>, timer: TimerState): boolean {
  const held = Object.hasOwn(timers, timer.id) ? timers[timer.id] : undefined;
  return (
    held === timer ||
    (isInstance(timer.id, held) && held.dueAt === timer.dueAt && held.step === timer.step)
  );
}

function rebuiltQueueOf(timers: Readonly<Record<string, TimerState>>): TimerQueue<TimerState> {
  queues.delete(timers);
  return queueOf(timers);
}

/**
 * The pending timers of `state` due at `now` (dueAt <= now), in due order (ties by id).
 * Reads only. Each is fired with a `timer.fired` event; firing one may schedule more (an
 * escalation step, the next run), so a caller repeats until none is due.
 *
 * @example
 * for (const timer of dueTimers(state, now)) state = app.handle(state, { type: 'timer.fired', timer: timer.id }, { now: timer.dueAt }).state;
 */
export function dueTimers(state: AppState, now: number): TimerState[] {
  const timers = isPlainObject(state) ? state.timers : undefined;
  if (!isPlainObject(timers) || typeof now !== 'number' || Number.isNaN(now)) return [];
  const own = timers as Readonly<Record<string, TimerState>>;
  const due = queueOf(own).dueUpTo(now);
  if (due.every((timer) => isCurrent(own, timer))) return due;
  return rebuiltQueueOf(own).dueUpTo(now);
}

/** The earliest pending timer of `state`, if any (for a clock that sleeps until then). */
export function nextTimer(state: AppState): TimerState | undefined {
  const timers = isPlainObject(state) ? state.timers : undefined;
  if (!isPlainObject(timers)) return undefined;
  const own = timers as Readonly<Record<string, TimerState>>;
  const next = queueOf(own).peek();
  if (next === undefined || isCurrent(own, next)) return next;
  return rebuiltQueueOf(own).peek();
}

/**
 * Moves the queue of `before` to `after` with the changes (`null` removes an id), when
 * `before` has one; otherwise `after` builds its own when first asked. Called by `handle`.
 */
export function handOnQueue(
  before: Readonly<Record<string, TimerState>> | undefined,
  after: Readonly<Record<string, TimerState>> | undefined,
  changes: Readonly<Record<string, TimerState | null>>,
): void {
  if (!before || !after || before === after) return;
  const queue = queues.get(before);
  if (queue === undefined) return;
  queues.delete(before);
  for (const id of Object.keys(changes)) {
    const stored = Object.hasOwn(after, id) ? after[id] : undefined;
    if (stored === undefined || changes[id] === null) queue.cancel(id);
    else queue.schedule(stored);
  }
  queues.set(after, queue);
}
