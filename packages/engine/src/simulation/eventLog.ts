/**
 * The event log of a simulation, read: every entry checked (an event object, a time) and
 * put in time order. Entries at the same instant keep the order of the log, so a log that
 * creates a record and then updates it in the same millisecond replays as written.
 */
import type { AppEvent, Actor, DirectoryUser, Instant } from '../app/types.js';
import { isPlainObject } from '../automations/recordValues.js';
import { RuleloomError } from '../diagnostics/errors.js';
import { toInstant } from '../expr/domain/time.js';
import type { LoggedEvent } from './types.js';

/** A log entry with its time read and its position in the log. */
export interface TimedEvent {
  readonly at: Instant;
  /** Position in the log as given (0-based). */
  readonly index: number;
  readonly event: AppEvent;
  readonly actor?: Actor;
  readonly users?: readonly DirectoryUser[];
}

function notAnEvent(index: number, reason: string): RuleloomError {
  return new RuleloomError('RL5660', { index, reason }, `/events/${index}`);
}

/** One entry, checked: an object with an `event` that has a `type`, and a time. */
function readEntry(entry: unknown, index: number, zone: string): TimedEvent {
  if (!isPlainObject(entry)) throw notAnEvent(index, 'not an object');
  const { event, at, actor, users } = entry as Partial<LoggedEvent>;
  if (!isPlainObject(event) || typeof event['type'] !== 'string') {
    throw notAnEvent(index, '"event" needs a "type"');
  }
  if (actor !== undefined && (!isPlainObject(actor) || typeof actor['id'] !== 'string')) {
    throw notAnEvent(index, '"actor" needs an "id"');
  }
  if (users !== undefined && !Array.isArray(users)) {
    throw notAnEvent(index, '"users" must be a list');
  }
  const instant = toInstant(at, zone);
  if (instant === undefined) {
    throw new RuleloomError(
      'RL5661',
      { index, value: JSON.stringify(at) ?? 'undefined' },
      `/events/${index}/at`,
    );
  }
  return {
    at: instant,
    index,
    event: event as AppEvent,
    ...(actor !== undefined ? { actor: actor as Actor } : {}),
    ...(users !== undefined ? { users: users as readonly DirectoryUser[] } : {}),
  };
}

/**
 * Reads an event log: each entry checked, then sorted by time (stable: equal times keep
 * their log order). A time without an offset is read in `zone`. Throws a RuleloomError
 * (RL5660 not an event, RL5661 not a time) whose pointer is `/events/<index>`.
 *
 * @example
 * readEventLog([{ at: '2026-03-02T10:00:00+08:00', event: { type: 'timers.sync' } }], 'Asia/Shanghai');
 * // [{ at: 1772416800000, index: 0, event: { type: 'timers.sync' } }]
 */
export function readEventLog(events: readonly LoggedEvent[], zone: string): TimedEvent[] {
  if (!Array.isArray(events)) throw notAnEvent(0, 'the log must be a list');
  const timed = events.map((entry: unknown, index) => readEntry(entry, index, zone));
  // Array.prototype.sort is stable: entries at the same instant keep their log order.
  return timed.sort((a, b) => a.at - b.at);
}
