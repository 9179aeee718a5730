/**
 * A timer definition compiled against its app: when an instance starts, when it is due,
 * what cancels it, and what each firing does (the same actions as automations).
 */
import type { TimerDefinition } from '@ruleloom/schemas';
import type { CompiledAutomation } from '../app/parts.js';
import type { Instant, RecordState } from '../app/types.js';
import type { AutomationEvent } from '../automations/types.js';

/** A timer ready to run. */
export interface CompiledTimer {
  readonly id: string;
  readonly file: string;
  readonly definition: TimerDefinition;
  readonly kind: 'relative' | 'absolute' | 'recurring';
  /** The entity whose records it runs for ('' for an app-wide recurring timer). */
  readonly entity: string;
  /** False when switched off (`enabled: false`): never started, never fired. */
  readonly enabled: boolean;
  /** Number of escalation steps (0 without). */
  readonly escalationSteps: number;
  /** True when one of the events starts (or restarts) the timer of the record. */
  startsOn(events: readonly AutomationEvent[]): boolean;
  /** True when one of the events cancels the running timer of the record. */
  cancelsOn(events: readonly AutomationEvent[]): boolean;
  /** Whether to start again from zero when a start event comes while it runs (default true). */
  readonly restart: boolean;
  /**
   * When the timer of `record` is due, started at `now`: `now + after` (relative) or the
   * date field ± offset (absolute). Undefined when it cannot be computed (no date in the
   * field, a duration that leaves the calendar). Recurring timers: the next run after `now`.
   */
  dueAt(record: RecordState | undefined, now: Instant): Instant | undefined;
  /**
   * Where the count of `record`'s timer starts when started at `now`: `now` (relative), the
   * field's date (absolute). Escalation steps count from here. Undefined: no date.
   */
  anchorAt(record: RecordState | undefined, now: Instant): Instant | undefined;
  /** For an absolute timer, the field it counts from (its changes reschedule it). */
  readonly field?: string;
  /** When escalation step `step` (1-based) is due for a count that started at `baseAt`. */
  escalationAt(baseAt: Instant, step: number): Instant | undefined;
  /**
   * The condition and actions of the timer itself (step 0) and of each escalation step,
   * compiled as automations triggered by `{ type: 'timer' }` (or, for an app-wide recurring
   * timer, as a schedule with digests).
   */
  readonly steps: readonly CompiledAutomation[];
  /** A recurring timer with digest actions: it runs as a schedule over the entity's records. */
  readonly digest: boolean;
}
