/**
 * Where "advance the clock" goes: a duration after the clock's time (`48h`, `3d`, `47h59m`,
 * `3 workdays`, `2 business hours`, or in Chinese `48小时`, `3天`, `2个工作日`), or a local
 * date-time in the app's zone (`2026-03-06 09:00`). Durations are counted by the engine on
 * the app's business calendar, like the timers' own.
 */
import {
  addDuration,
  compileCalendar,
  formatLocalTime,
  toInstant,
  type CompiledApp,
  type CompiledCalendar,
  type Instant,
  type Locale,
} from '@ruleloom/engine';

/** The clock's target, or why there is none. */
export type AdvanceTarget =
  | { readonly ok: true; readonly to: Instant }
  | { readonly ok: false; readonly reason: 'invalid' | 'not-later' };

/** The calendar and zone durations and local times are read on. */
export type ClockApp = Pick<CompiledApp, 'zone' | 'calendar'>;

/** Chinese units and English plurals in the engine's duration grammar. */
const UNITS: Readonly<Record<string, string>> = {
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  分: 'm',
  分钟: 'm',
  h: 'h',
  hour: 'h',
  hours: 'h',
  小时: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  天: 'd',
  日: 'd',
  w: 'w',
  week: 'w',
  weeks: 'w',
  周: 'w',
  workday: ' workdays',
  workdays: ' workdays',
  工作日: ' workdays',
  个工作日: ' workdays',
  'business hour': ' business hours',
  'business hours': ' business hours',
  工作小时: ' business hours',
  个工作小时: ' business hours',
};

const PART =
  /(\d{1,6})\s*(business hours?|workdays?|minutes?|mins?|hours?|days?|weeks?|个工作日|工作日|个工作小时|工作小时|分钟|小时|分|天|日|周|[mhdw])/giy;

/** `47h59m` → ['47h', '59m']; undefined when the text is not a list of durations. */
function durationParts(text: string): string[] | undefined {
  const compact = text.trim().replace(/^\+\s*/, '');
  if (compact === '') return undefined;
  const parts: string[] = [];
  PART.lastIndex = 0;
  let at = 0;
  while (at < compact.length) {
    PART.lastIndex = at;
    const match = PART.exec(compact);
    if (!match) return undefined;
    const unit = UNITS[match[2]!.toLowerCase()];
    if (unit === undefined) return undefined;
    parts.push(`${match[1]}${unit}`);
    at = PART.lastIndex;
    while (compact[at] === ' ') at += 1;
  }
  return parts;
}

const calendars = new WeakMap<object, CompiledCalendar>();

function calendarOf(app: ClockApp): CompiledCalendar {
  if (app.calendar) return app.calendar;
  const cached = calendars.get(app);
  if (cached) return cached;
  const calendar = compileCalendar(undefined, { zone: app.zone });
  calendars.set(app, calendar);
  return calendar;
}

/**
 * The time the clock moves to for what a person typed.
 *
 * @example
 * advanceTarget('48h', Date.parse('2026-03-02T09:00:00+08:00'), app);
 * // { ok: true, to: Date.parse('2026-03-04T09:00:00+08:00') }
 * advanceTarget('2026-03-06 09:00', now, app); // a local time in the app zone
 */
export function advanceTarget(input: string, now: Instant, app: ClockApp): AdvanceTarget {
  const parts = durationParts(input);
  let to: Instant | undefined;
  if (parts) {
    to = now;
    for (const part of parts) {
      to = to === undefined ? undefined : addDuration(to, part, calendarOf(app));
    }
  } else {
    to = toInstant(input.trim(), app.zone);
  }
  if (to === undefined) return { ok: false, reason: 'invalid' };
  return to > now ? { ok: true, to } : { ok: false, reason: 'not-later' };
}

/**
 * A local date and time typed in the app zone (`2026-03-02 09:00`), or undefined.
 *
 * @example
 * localTime('2026-03-02 09:00', 'Asia/Shanghai'); // Date.parse('2026-03-02T09:00:00+08:00')
 */
export function localTime(text: string, zone: string): Instant | undefined {
  return toInstant(text.trim(), zone);
}

/**
 * 09:00 today in the app zone: where a new run's clock starts by default.
 *
 * @example
 * defaultStart(Date.parse('2026-03-02T15:20:00+08:00'), 'Asia/Shanghai'); // 2026-03-02 09:00 (+08:00)
 */
export function defaultStart(wallClock: Instant, zone: string): Instant {
  const day = formatLocalTime(wallClock, zone, 'en').slice(0, 10);
  return toInstant(`${day} 09:00`, zone) ?? wallClock;
}

/**
 * A time as the simulator shows it: local time in the app zone with the weekday.
 *
 * @example
 * clockText(Date.parse('2026-03-04T01:00:00Z'), 'Asia/Shanghai', 'zh-CN'); // '2026-03-04 周三 09:00'
 */
export function clockText(instant: Instant, zone: string, locale: Locale): string {
  return formatLocalTime(instant, zone, locale);
}

/**
 * The local date and time of an instant as it is typed (`2026-03-02 09:00`).
 *
 * @example
 * inputText(Date.parse('2026-03-02T01:00:00Z'), 'Asia/Shanghai'); // '2026-03-02 09:00'
 */
export function inputText(instant: Instant, zone: string): string {
  const text = formatLocalTime(instant, zone, 'en');
  return `${text.slice(0, 10)} ${text.slice(15)}`;
}
