/**
 * Durations on a business calendar: clock time (`30m`, `48h`), calendar days in the app zone
 * (`3d`, `2w`) and business time (`3 workdays`, `2 business hours`).
 */
import { coreOf, type CalendarCore, type CompiledCalendar } from './compile.js';

/** Units of `addDuration` and `durationBetween`. */
export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'workdays' | 'business hours';

/** A parsed duration. */
export interface BusinessDuration {
  /** Whole number for `d`, `w` and `workdays`; may be negative (back in time). */
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** Results further than this from the start (about 100 years) are not computed. */
export const MAX_SPAN_DAYS = 36_525;

const FIXED_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const UNITS: ReadonlySet<string> = new Set([
  'ms',
  's',
  'm',
  'h',
  'd',
  'w',
  'workdays',
  'business hours',
]);
/** The grammar of duration.schema.json. */
const GRAMMAR = /^(?:([0-9]{1,6})([mhdw])|([0-9]{1,6}) (workdays?|business hours?))$/;
const MAX_INSTANT = 8.64e15;

/**
 * Parses a duration in the grammar of `duration.schema.json`: `30m`, `48h`, `3d`, `2w`,
 * `3 workdays` (or `1 workday`), `2 business hours` (or `1 business hour`).
 *
 * @example
 * parseBusinessDuration('3 workdays'); // { amount: 3, unit: 'workdays' }
 * parseBusinessDuration('48h'); // { amount: 48, unit: 'h' }
 * parseBusinessDuration('3 days'); // undefined
 */
export function parseBusinessDuration(text: unknown): BusinessDuration | undefined {
  if (typeof text !== 'string') return undefined;
  const match = GRAMMAR.exec(text);
  if (!match) return undefined;
  if (match[1] !== undefined) {
    return { amount: Number(match[1]), unit: match[2] as DurationUnit };
  }
  const unit: DurationUnit = (match[4] ?? '').startsWith('workday') ? 'workdays' : 'business hours';
  return { amount: Number(match[3]), unit };
}

function durationOf(value: unknown): BusinessDuration | undefined {
  if (typeof value === 'string') return parseBusinessDuration(value);
  if (typeof value !== 'object' || value === null) return undefined;
  const { amount, unit } = value as { amount?: unknown; unit?: unknown };
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
  if (typeof unit !== 'string' || !UNITS.has(unit)) return undefined;
  if ((unit === 'd' || unit === 'w' || unit === 'workdays') && !Number.isInteger(amount)) {
    return undefined;
  }
  return { amount, unit: unit as DurationUnit };
}

const isInstant = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_INSTANT;

const checked = (value: number | undefined): number | undefined =>
  value !== undefined && isInstant(value) ? value : undefined;

/**
 * The instant `duration` after `instant` (before it for a negative amount), on `calendar`.
 * Returns undefined for an invalid instant, duration or calendar, or when the result is more
 * than about 100 years away (or there is no working time to count). Never throws.
 *
 * - `ms`, `s`, `m`, `h`: exact elapsed time.
 * - `d`, `w`: calendar days in the calendar's zone, keeping the wall-clock time (a day is 23 or
 *   25 hours across a DST change); a wall time that does not exist that day moves past the gap.
 * - `workdays`: the n-th working day after the start's day, at the start's wall-clock time.
 *   A start on a day off counts from 00:00 of the next working day (going forward) or from
 *   24:00 of the previous one (going back).
 * - `business hours`: only time inside working hours counts; the earliest instant at which
 *   that much working time has passed.
 *
 * @example
 * const cn = compileCalendar({ region: 'CN' }, { zone: 'Asia/Shanghai' });
 * // Friday before the 2026 Spring Festival; Saturday 2026-02-14 is a make-up workday.
 * addDuration(Date.parse('2026-02-13T10:00+08:00'), '3 workdays', cn); // 2026-02-25T10:00+08:00
 */
export function addDuration(
  instant: number,
  duration: string | BusinessDuration,
  calendar: CompiledCalendar,
): number | undefined {
  try {
    const parsed = durationOf(duration);
    const core = coreOf(calendar);
    if (!parsed || !core || !isInstant(instant)) return undefined;
    return checked(add(core, instant, parsed.amount, parsed.unit));
  } catch {
    return undefined;
  }
}

/**
 * How much of `unit` lies from `a` to `b` on `calendar` (negative when `b` is before `a`).
 * Returns undefined for invalid input or a span of more than about 100 years. Never throws.
 *
 * - `ms`, `s`, `m`, `h` and `business hours`: exact, fractional (`1.5` business hours).
 * - `d`, `w` and `workdays`: whole units, counted the way `addDuration` steps: the largest n
 *   with `addDuration(a, n) <= b` (towards zero for a negative span).
 *
 * So `durationBetween(a, addDuration(a, n, c), c, unit) === n` for every whole n.
 *
 * @example
 * durationBetween(Date.parse('2026-02-13T10:00+08:00'), Date.parse('2026-02-25T10:00+08:00'), cn, 'workdays'); // 3
 */
export function durationBetween(
  a: number,
  b: number,
  calendar: CompiledCalendar,
  unit: DurationUnit,
): number | undefined {
  try {
    const core = coreOf(calendar);
    if (!core || !isInstant(a) || !isInstant(b) || typeof unit !== 'string' || !UNITS.has(unit)) {
      return undefined;
    }
    return between(core, a, b, unit);
  } catch {
    return undefined;
  }
}

function add(
  core: CalendarCore,
  a: number,
  amount: number,
  unit: DurationUnit,
): number | undefined {
  if (amount === 0) return a;
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) return a + Math.round(amount * fixed);
  switch (unit) {
    case 'd':
    case 'w':
      return addDays(core, a, unit === 'w' ? amount * 7 : amount);
    case 'workdays':
      return addWorkdays(core, a, amount);
    default:
      return addBusinessTime(core, a, Math.round(amount * 3_600_000));
  }
}

function between(core: CalendarCore, a: number, b: number, unit: DurationUnit): number | undefined {
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) return (b - a) / fixed;
  if (unit === 'business hours') {
    const ms = businessTimeBetween(core, a, b);
    return ms === undefined ? undefined : ms / 3_600_000;
  }
  const from = core.local(a);
  const to = core.local(b);
  if (!from || !to) return undefined;
  if (unit === 'workdays') {
    if (Math.abs(to.day - from.day) > MAX_SPAN_DAYS) return undefined;
    const estimate = workingDaysBetween(core, from.day, to.day);
    return settle(a, b, estimate, (n) => addWorkdays(core, a, n));
  }
  const days = to.day - from.day;
  const step = unit === 'w' ? 7 : 1;
  return settle(a, b, Math.trunc(days / step), (n) => addDays(core, a, n * step));
}

/**
 * The largest whole n (towards zero) with `step(n)` not past `b`, starting from an estimate
 * that is off by at most a unit or two: `step` is the arithmetic, so the count always agrees
 * with it.
 */
function settle(
  a: number,
  b: number,
  estimate: number,
  step: (n: number) => number | undefined,
): number {
  const forward = b >= a;
  const sign = forward ? 1 : -1;
  const reached = (t: number | undefined): boolean =>
    t !== undefined && (forward ? t <= b : t >= b);
  let k = Math.max(0, sign * estimate);
  for (let i = 0; i < 8 && k > 0 && !reached(step(sign * k)); i++) k--;
  for (let i = 0; i < 8 && reached(step(sign * (k + 1))); i++) k++;
  return k === 0 ? 0 : sign * k;
}

function addDays(core: CalendarCore, a: number, days: number): number | undefined {
  const at = core.local(a);
  return at ? core.instantAt(at.day + days, at.wall) : undefined;
}

/** The n-th working day after (n > 0) or before (n < 0) `day`, not counting `day`. */
function stepWorkingDays(core: CalendarCore, day: number, n: number): number | undefined {
  const direction = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let current = day;
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SPAN_DAYS) return undefined;
    current += direction;
    if (core.isWorkingDate(current)) left--;
  }
  return current;
}

function addWorkdays(core: CalendarCore, a: number, n: number): number | undefined {
  if (n === 0) return a;
  const at = core.local(a);
  if (!at) return undefined;
  let anchor = at.day;
  let wall = at.wall;
  if (!core.isWorkingDate(anchor)) {
    // A day off: count from 00:00 of the next working day, or 24:00 of the previous one.
    const next = stepWorkingDays(core, anchor, n > 0 ? 1 : -1);
    if (next === undefined) return undefined;
    anchor = next;
    wall = n > 0 ? 0 : 86_400_000;
  }
  const target = stepWorkingDays(core, anchor, n);
  return target === undefined ? undefined : core.instantAt(target, wall);
}

/** Working days in `(from, to]` (forward) or `[to, from)` as a negative count (backward). */
function workingDaysBetween(core: CalendarCore, from: number, to: number): number {
  let count = 0;
  if (to >= from) {
    for (let day = from + 1; day <= to; day++) if (core.isWorkingDate(day)) count++;
    return count;
  }
  for (let day = to; day < from; day++) if (core.isWorkingDate(day)) count++;
  return -count;
}

function addBusinessTime(core: CalendarCore, a: number, ms: number): number | undefined {
  if (ms === 0) return a;
  const at = core.local(a);
  if (!at) return undefined;
  let remaining = Math.abs(ms);
  if (ms > 0) {
    for (let day = at.day; day <= at.day + MAX_SPAN_DAYS; day++) {
      for (const { start, end } of core.intervals(day)) {
        if (end <= a) continue;
        const from = Math.max(start, a);
        if (remaining <= end - from) return from + remaining;
        remaining -= end - from;
      }
    }
    return undefined;
  }
  for (let day = at.day; day >= at.day - MAX_SPAN_DAYS; day--) {
    const intervals = core.intervals(day);
    for (let i = intervals.length - 1; i >= 0; i--) {
      const { start, end } = intervals[i] as { start: number; end: number };
      if (start >= a) continue;
      const to = Math.min(end, a);
      if (remaining <= to - start) return to - remaining;
      remaining -= to - start;
    }
  }
  return undefined;
}

/** Working milliseconds from `a` to `b`, negative when `b` is before `a`. */
function businessTimeBetween(core: CalendarCore, a: number, b: number): number | undefined {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const from = core.local(lo);
  const to = core.local(hi);
  if (!from || !to || to.day - from.day > MAX_SPAN_DAYS) return undefined;
  let total = 0;
  for (let day = from.day; day <= to.day; day++) {
    for (const { start, end } of core.intervals(day)) {
      const overlap = Math.min(end, hi) - Math.max(start, lo);
      if (overlap > 0) total += overlap;
    }
  }
  return b >= a ? total : total === 0 ? 0 : -total;
}
