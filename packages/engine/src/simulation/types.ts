/**
 * The data of a simulation: the timestamped event log that goes in, and the timeline, final
 * state and counts that come out. Plain JSON-serialisable data, like the rest of the engine.
 */
import type { Patch } from 'immer';
import type {
  Actor,
  AppEvent,
  AppState,
  DirectoryUser,
  Effect,
  HandleOutcome,
  Instant,
  TimerState,
  TraceEntry,
} from '../app/types.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** One entry of a timestamped event log: what happened, when, and who did it. */
export interface LoggedEvent {
  /** When it happens: ISO 8601 with an offset (or `Z`), or UTC epoch milliseconds. */
  readonly at: string | number;
  readonly event: AppEvent;
  /** Who did it (absent: the system). */
  readonly actor?: Actor;
  /** The directory for this event only (absent: the simulation's `users`). */
  readonly users?: readonly DirectoryUser[];
}

/** What {@link simulate} replays, and over which window. */
export interface SimulateOptions {
  /** The event log, in any order: it is sorted by time, keeping log order for equal times. */
  readonly events: readonly LoggedEvent[];
  /** When the clock starts (ISO 8601 or epoch ms). Default: the first event's time. */
  readonly from?: string | number;
  /** When the clock stops (inclusive: events and timers at exactly `to` still happen). */
  readonly to: string | number;
  /**
   * Also stop the clock every `tick` (`1h`, `30m`, `1d`): a clock that advances in steps, as
   * a scheduler polling `app.due` would. The result does not depend on it: every timer still
   * fires at its own due time. Tick entries appear in the timeline only with `ticks: true`.
   */
  readonly tick?: string;
  /** List a `tick` entry in the timeline at every tick (default false). */
  readonly ticks?: boolean;
  /** The state to start from (default: the app's empty state). Never changed. */
  readonly state?: AppState;
  /** The directory of users for every event (recipients, approvers, managers). */
  readonly users?: readonly DirectoryUser[];
  /**
   * Most steps (events handled, timers fired, ticks) before the run stops with
   * `truncated: true` and an RL5666 warning. Default 10,000,000.
   */
  readonly maxSteps?: number;
  /**
   * Keep the timeline in the result (default true). A long run that only needs the final
   * state and the counts, or that streams entries through `onEntry`, can say false.
   */
  readonly timeline?: boolean;
  /** Called with each timeline entry as it happens (before the next step). */
  readonly onEntry?: (entry: TimelineEntry) => void;
}

/** The timer instance a `timer` entry fired. */
export interface FiredTimer {
  /** The instance id (`TimerState.id`). */
  readonly instance: string;
  /** The timer definition's id (the automation's id for a schedule). */
  readonly timer: string;
  readonly source: TimerState['source'];
  readonly recordId?: string;
  /** 0: the timer itself; n ≥ 1: its n-th escalation step. */
  readonly step: number;
}

/** One thing that happened on the virtual clock, in time order. */
export interface TimelineEntry {
  /** When (UTC epoch ms): the event's time, or the timer's due time. */
  readonly at: Instant;
  /**
   * `event`: an entry of the log (or the `timers.sync` at the start); `timer`: a due timer
   * fired; `tick`: the clock stopped at a tick (only with `ticks: true`).
   */
  readonly kind: 'event' | 'timer' | 'tick';
  /** The event handled (`timer.fired` for a timer; absent for a tick). */
  readonly event?: AppEvent;
  /** Position of the event in the log as given (0-based); absent for anything else. */
  readonly index?: number;
  readonly actor?: Actor;
  /** The timer a `timer` entry fired. */
  readonly timer?: FiredTimer;
  readonly outcome?: HandleOutcome;
  /** Immer patches of the state, as `handle` returned them. */
  readonly patches: readonly Patch[];
  readonly effects: readonly Effect[];
  readonly trace: readonly TraceEntry[];
}

/** Counts of a simulation. */
export interface SimulationStats {
  /** The window simulated (UTC epoch ms). */
  readonly from: Instant;
  readonly to: Instant;
  /** Where the clock stopped: `to`, or earlier when the step limit stopped the run. */
  readonly stoppedAt: Instant;
  /** Log entries handled. */
  readonly events: number;
  /** Log entries after `to` (or not reached), not handled. */
  readonly eventsLeft: number;
  /** Events the engine refused (a gate, a missing record, invalid values). */
  readonly refused: number;
  readonly timersFired: number;
  /** Ticks the clock stopped at. */
  readonly ticks: number;
  readonly effects: number;
  /** Events, firings and ticks together (what `maxSteps` bounds). */
  readonly steps: number;
  /** Timers still pending at the end. */
  readonly timersPending: number;
}

/** What {@link simulate} returns. */
export interface SimulationResult {
  /** The state at the end. */
  readonly state: AppState;
  /** Everything that happened, in time order (empty with `timeline: false`). */
  readonly timeline: readonly TimelineEntry[];
  readonly stats: SimulationStats;
  /** True when the step limit stopped the run before `to` (see `diagnostics`). */
  readonly truncated: boolean;
  /** RL5666 when the run was truncated; otherwise empty. */
  readonly diagnostics: readonly Diagnostic[];
}
