/**
 * The virtual clock of a test: it moves forward to a time and fires every timer due on the
 * way, each at its own due time and in due order (a firing may schedule the next escalation
 * step or run, which fires too if it is due on the way). Effects and trace of the firings
 * join the test's.
 */
import { compileCalendar, type CompiledCalendar } from '../calendar/compile.js';
import { addDuration } from '../calendar/duration.js';
import type { CompiledApp } from '../app/compiledApp.js';
import type {
  Actor,
  AppEvent,
  AppState,
  DirectoryUser,
  Effect,
  HandleResult,
  Instant,
  TraceEntry,
} from '../app/types.js';
import type { LocalizedText } from '../diagnostics/types.js';

/** One firing of a timer during a test (its condition held and a step's actions ran). */
export interface TimerFiring {
  /** The timer definition's id (the automation's id for a schedule). */
  readonly timer: string;
  /** The instance id (`<timer>@<record>`, `<timer>`, `automation/<id>`). */
  readonly instance: string;
  readonly recordId?: string;
  /** 0: the timer itself; n: its n-th escalation step. */
  readonly step: number;
  /** When it fired: its due time. */
  readonly at: Instant;
}

/**
 * At most this many firings per clock move: a test that waits a year over a timer due every
 * minute is a mistake, and a clear failure beats a hung `ruleloom test`.
 */
export const MAX_FIRINGS_PER_MOVE = 10_000;

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const iso = (instant: Instant) => new Date(instant).toISOString();

/** A test's world in motion: state, clock, and everything that came out so far. */
export class TestClock {
  state: AppState;
  now: Instant;
  readonly effects: Effect[] = [];
  readonly trace: TraceEntry[] = [];
  readonly firings: TimerFiring[] = [];
  private readonly calendar: CompiledCalendar;

  constructor(
    readonly app: CompiledApp,
    state: AppState,
    now: Instant,
    private readonly users: readonly DirectoryUser[],
  ) {
    this.state = state;
    this.now = now;
    this.calendar = app.calendar ?? compileCalendar(undefined, { zone: app.zone });
  }

  /** Handles an event at the clock's time, keeping its state, effects and trace. */
  handle(event: AppEvent, actor?: Actor): HandleResult {
    const result = this.app.handle(this.state, event, {
      now: this.now,
      users: this.users,
      ...(actor ? { actor } : {}),
    });
    this.state = result.state;
    this.effects.push(...result.effects);
    this.trace.push(...result.trace);
    return result;
  }

  /** The time `duration` after the clock's time, on the app calendar; undefined if invalid. */
  after(duration: string): Instant | undefined {
    return addDuration(this.now, duration, this.calendar);
  }

  /**
   * Moves the clock to `to`, firing every timer due up to and including it, each at its due
   * time. A time before the clock's just sets the clock (nothing fires). Returns why it
   * stopped early, or undefined.
   */
  advance(to: Instant): LocalizedText | undefined {
    for (let fired = 0; ; fired++) {
      const [next] = this.app.due(this.state, to);
      if (!next) break;
      if (fired >= MAX_FIRINGS_PER_MOVE) {
        this.now = to;
        return text(
          `时钟前进到 ${iso(to)} 的途中有超过 ${MAX_FIRINGS_PER_MOVE} 次计时器触发（${next.id}），已停止`,
          `more than ${MAX_FIRINGS_PER_MOVE} timer firings on the way to ${iso(to)} (${next.id}): stopped`,
        );
      }
      // A timer due before the clock's time (pending when the test started) fires now.
      this.now = Math.max(this.now, next.dueAt);
      const result = this.handle({ type: 'timer.fired', timer: next.id });
      if (!result.outcome.ok) {
        return text(
          `计时器 ${next.id} 无法触发：${result.outcome.message['zh-CN']}`,
          `timer ${next.id} could not fire: ${result.outcome.message.en}`,
        );
      }
      for (const entry of result.trace) {
        if (entry.kind === 'timer' && entry.outcome === 'fired') {
          this.firings.push({
            timer: entry.timer,
            instance: entry.instance,
            ...(entry.recordId === undefined ? {} : { recordId: entry.recordId }),
            step: entry.step,
            at: this.now,
          });
        }
      }
    }
    this.now = to;
    return undefined;
  }
}
