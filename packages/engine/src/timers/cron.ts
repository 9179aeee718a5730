/**
 * Cron schedules in a zone: the next run strictly after an instant. Parsing and the calendar
 * walk are croner's (a maintained, dependency-free cron library that computes zone times
 * with Intl, so it runs in browsers too); this module only pins it to the engine's rules:
 * five fields, no clock (a start instant is always given), never throws.
 */
import { Cron } from 'croner';

/** A cron schedule ready to ask for runs. */
export interface CompiledCron {
  /** The expression as written. */
  readonly expression: string;
  /** The IANA zone its wall-clock fields are read in. */
  readonly zone: string;
  /** The first run strictly after `after` (UTC epoch ms); undefined when there is none. */
  next(after: number): number | undefined;
}

/** Why a cron schedule was not accepted. */
export interface CronProblem {
  readonly detail: string;
}

/**
 * Compiles a cron schedule (`0 16 * * FRI`, or `{ expression, zone }`) in `zone` unless it
 * names its own. Returns the schedule, or the problem croner found (bad field, bad zone).
 *
 * @example
 * const friday = compileCron('0 16 * * FRI', 'Asia/Shanghai');
 * 'next' in friday && friday.next(Date.parse('2026-03-02T00:00+08:00')); // 2026-03-06T16:00+08:00
 */
export function compileCron(spec: unknown, zone: string): CompiledCron | CronProblem {
  const expression =
    typeof spec === 'string'
      ? spec
      : typeof spec === 'object' && spec !== null
        ? (spec as { expression?: unknown }).expression
        : undefined;
  const ownZone =
    typeof spec === 'object' && spec !== null ? (spec as { zone?: unknown }).zone : undefined;
  const inZone = typeof ownZone === 'string' ? ownZone : zone;
  if (typeof expression !== 'string' || expression.trim().split(/\s+/).length !== 5) {
    return { detail: `expected five fields, got ${JSON.stringify(expression)}` };
  }
  let cron: Cron;
  try {
    // Paused and without a function: croner never starts a timer of its own.
    cron = new Cron(expression, { timezone: inZone, paused: true });
    cron.nextRun(new Date(0));
  } catch (error) {
    return { detail: error instanceof Error ? error.message : String(error) };
  }
  return {
    expression,
    zone: inZone,
    next(after: number): number | undefined {
      if (!Number.isFinite(after)) return undefined;
      try {
        const run = cron.nextRun(new Date(after));
        const at = run?.getTime();
        return at !== undefined && Number.isFinite(at) && at > after ? at : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
