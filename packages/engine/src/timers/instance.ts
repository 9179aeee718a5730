/**
 * Timer instances as they live in `state.timers`: how their ids are made and which entries
 * the engine trusts. Shared by `handle` (firing, cancelling) and the due-time queue beside a
 * state, so both skip exactly the same malformed entries.
 */
import type { TimerState } from '../app/types.js';
import { isPlainObject } from '../automations/recordValues.js';

/** Instance id of a record's timer. */
export function recordTimerId(timer: string, recordId: string): string {
  return `${timer}@${recordId}`;
}

/** Instance id of an automation's schedule. */
export function scheduleTimerId(automation: string): string {
  return `automation/${automation}`;
}

/**
 * Whether an entry of `state.timers` is a timer instance this engine could have written: its
 * id is its key and is made from its timer (and record), its due time is a finite number and
 * its step a whole number. Anything else (a caller's bad or hand-edited state) never runs: an
 * entry filed under another key, or naming another timer, would otherwise run that timer a
 * second time, and one without an id would be written back under the key "undefined".
 *
 * @example
 * isInstance('b-lead-48h@L1', { id: 'b-lead-48h@L1', timer: 'b-lead-48h', source: 'timer', recordId: 'L1', dueAt: 0, step: 0 }); // true
 */
export function isInstance(id: string, entry: unknown): entry is TimerState {
  if (!isPlainObject(entry) || entry['id'] !== id || typeof entry['timer'] !== 'string') {
    return false;
  }
  const { dueAt, step, source, timer, recordId } = entry;
  if (typeof dueAt !== 'number' || !Number.isFinite(dueAt)) return false;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) return false;
  if (source === 'schedule') return id === scheduleTimerId(timer);
  if (source !== 'timer') return false;
  return recordId === undefined
    ? id === timer
    : typeof recordId === 'string' && id === recordTimerId(timer, recordId);
}
