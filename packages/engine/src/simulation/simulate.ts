/**
 * The virtual clock: replays a timestamped event log through `app.handle`, firing every
 * timer at its own due time in between, from `from` to `to`. The same loop a runtime runs
 * against the wall clock, run against the log's clock instead, so a year of a team's work
 * replays in seconds and gives the same answer every time.
 */
import type { CompiledApp } from '../app/compiledApp.js';
import type { SessionResult } from '../app/session.js';
import type { AppEvent, HandleContext, Instant } from '../app/types.js';
import { isPlainObject } from '../automations/recordValues.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { RuleloomError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { parseDuration, toInstant } from '../expr/domain/time.js';
import { readEventLog, type TimedEvent } from './eventLog.js';
import type { SimulateOptions, SimulationResult, TimelineEntry } from './types.js';

/** Default of `maxSteps`: far above a year of a busy team, far below "runs forever". */
export const DEFAULT_MAX_STEPS = 10_000_000;

const START = { 'zh-CN': '开始', en: 'start' } as const;
const END = { 'zh-CN': '结束', en: 'end' } as const;

function iso(instant: Instant): string {
  return new Date(instant).toISOString();
}

function windowTime(
  value: string | number | undefined,
  what: typeof START | typeof END,
  zone: string,
): Instant {
  const instant = toInstant(value, zone);
  if (instant === undefined) {
    throw new RuleloomError('RL5662', { what, value: JSON.stringify(value) ?? 'undefined' });
  }
  return instant;
}

function tickOf(tick: string | undefined): number | undefined {
  if (tick === undefined) return undefined;
  const ms = typeof tick === 'string' ? parseDuration(tick) : undefined;
  if (ms === undefined || !(ms > 0)) {
    throw new RuleloomError('RL5664', { value: JSON.stringify(tick) ?? 'undefined' });
  }
  return ms;
}

/** True when nothing came of a `timers.sync` (no timer to start): it is left out. */
function isEmpty(result: SessionResult): boolean {
  return result.patches.length === 0 && result.effects.length === 0 && result.trace.length === 0;
}

/** The state without one timer: the way past a timer the engine refuses to fire. */

/**
 * Replays a timestamped event log on a virtual clock. First `timers.sync` at `from` (the
 * recurring timers and schedules get their next run); then, until `to`, whichever comes
 * first: the next event of the log, handled at its time, or the next due timer, fired at
 * its due time (`timer.fired` with `ctx.now = dueAt`, so escalation steps and next runs it
 * schedules follow in order). A timer due at the same instant as an event fires first: it
 * was due then, and an event of that instant cannot have stopped it. Events at the same
 * instant keep their log order. `tick` only makes the clock stop more often; the result is
 * the same with any tick or none.
 *
 * Returns the final state, the timeline (every event and firing with its patches, effects
 * and trace, in time order) and counts. Never changes its inputs. Throws a RuleloomError for
 * a log or window it cannot read (RL5660–RL5665); stops with `truncated: true` and RL5666
 * after `maxSteps` steps instead of running forever.
 *
 * @example
 * const { timeline, stats } = simulate(app, {
 *   events: [{ at: '2026-03-02T09:00:00+08:00', event: { type: 'record.create', entity: 'lead', recordId: 'L1', values: { grade: 'B' } } }],
 *   to: '2026-03-09T00:00:00+08:00',
 *   users,
 * });
 * timeline.map((e) => e.kind); // ['event', 'timer', 'timer', 'timer'] — 48 h, then two escalations
 * stats.timersFired; // 3
 */
export function simulate(app: CompiledApp, options: SimulateOptions): SimulationResult {
  if (!isPlainObject(options)) {
    throw new RuleloomError('RL5662', { what: START, value: String(options) });
  }
  const zone = app.zone;
  const log = readEventLog(options.events, zone);
  const first = log[0];
  const from =
    options.from === undefined && first !== undefined
      ? first.at
      : windowTime(options.from, START, zone);
  const to = windowTime(options.to, END, zone);
  if (to < from) throw new RuleloomError('RL5663', { from: iso(from), to: iso(to) });
  if (first !== undefined && first.at < from) {
    throw new RuleloomError(
      'RL5665',
      { index: first.index, at: iso(first.at), from: iso(from) },
      `/events/${first.index}/at`,
    );
  }
  const tick = tickOf(options.tick);
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const keep = options.timeline !== false;
  const timeline: TimelineEntry[] = [];
  const emit = (entry: TimelineEntry): void => {
    if (keep) timeline.push(entry);
    options.onEntry?.(entry);
  };
  const users = options.users;
  const base: Omit<HandleContext, 'now'> = users === undefined ? {} : { users };

  // A working copy changed in place: an event costs what it touches, not the state's size.
  const session = app.session(options.state ?? app.emptyState());
  let clock = from;
  let steps = 0;
  let events = 0;
  let refused = 0;
  let timersFired = 0;
  let ticks = 0;
  let effects = 0;
  let cursor = 0;
  let truncated = false;

  const record = (
    result: SessionResult,
    entry: Omit<TimelineEntry, 'patches' | 'effects' | 'trace' | 'outcome'>,
  ): void => {
    effects += result.effects.length;
    emit({
      ...entry,
      outcome: result.outcome,
      patches: result.patches,
      effects: result.effects,
      trace: result.trace,
    });
  };

  const sync: AppEvent = { type: 'timers.sync' };
  const synced = session.handle(sync, { ...base, now: from });
  if (!isEmpty(synced)) record(synced, { at: from, kind: 'event', event: sync });

  let nextTick = tick === undefined ? Infinity : from + tick;
  for (;;) {
    const timer = session.nextTimer();
    const logged: TimedEvent | undefined = log[cursor];
    // A timer due before `from` (a state handed in) fires as soon as the clock starts.
    const timerAt = timer === undefined ? Infinity : Math.max(timer.dueAt, clock);
    const eventAt = logged === undefined ? Infinity : logged.at;
    const next = Math.min(timerAt, eventAt);
    const tickDue = nextTick <= to && nextTick <= next;
    if (!tickDue && next > to) {
      clock = to;
      break;
    }
    if (steps >= maxSteps) {
      truncated = true;
      break;
    }
    steps += 1;
    if (tickDue) {
      clock = nextTick;
      ticks += 1;
      if (options.ticks === true) {
        emit({ at: clock, kind: 'tick', patches: [], effects: [], trace: [] });
      }
      nextTick += tick ?? Infinity;
      continue;
    }
    clock = next;
    if (timer !== undefined && timerAt <= eventAt) {
      const event: AppEvent = { type: 'timer.fired', timer: timer.id };
      const result = session.handle(event, { ...base, now: clock });
      timersFired += 1;
      record(result, {
        at: clock,
        kind: 'timer',
        event,
        timer: {
          instance: timer.id,
          timer: timer.timer,
          source: timer.source,
          ...(timer.recordId !== undefined ? { recordId: timer.recordId } : {}),
          step: timer.step,
        },
      });
      if (!result.outcome.ok) {
        // Refused and still pending: left there it would be "next" forever; step past it.
        const still = session.nextTimer();
        if (still?.id === timer.id && still.dueAt === timer.dueAt && still.step === timer.step) {
          session.discardTimer(timer.id);
        }
      }
      continue;
    }
    if (logged === undefined) break;
    cursor += 1;
    events += 1;
    const ctx: HandleContext = {
      ...base,
      ...(logged.users !== undefined ? { users: logged.users } : {}),
      ...(logged.actor !== undefined ? { actor: logged.actor } : {}),
      now: clock,
    };
    const result = session.handle(logged.event, ctx);
    if (!result.outcome.ok) refused += 1;
    record(result, {
      at: clock,
      kind: 'event',
      event: logged.event,
      index: logged.index,
      ...(logged.actor !== undefined ? { actor: logged.actor } : {}),
    });
  }

  const state = session.snapshot();
  const diagnostics: Diagnostic[] = truncated
    ? [createDiagnostic('RL5666', '', { steps, limit: maxSteps, at: iso(clock) })]
    : [];
  return {
    state,
    timeline,
    truncated,
    diagnostics,
    stats: {
      from,
      to,
      stoppedAt: clock,
      events,
      eventsLeft: log.length - cursor,
      refused,
      timersFired,
      ticks,
      effects,
      steps,
      timersPending: isPlainObject(state.timers) ? Object.keys(state.timers).length : 0,
    },
  };
}
