/**
 * The local time of a routing and whether it falls in the app calendar's working hours:
 * the working week and hours, the Chinese public holidays and make-up workdays (调休) and
 * the company's own days — the calendar module's business calendar, the same one timers
 * count `workdays` on.
 */
import type { BusinessCalendar } from '@ruleloom/schemas';
import { compileCalendar, type CompiledCalendar } from '../calendar/compile.js';
import { zonedFields } from '../expr/domain/zone.js';

/** The wall clock of the routing instant in the app zone. */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
  /** `YYYY-MM-DD HH:mm`, for explanations. */
  readonly text: string;
}

/** A calendar reduced to what a working-time check reads. */
export interface WorkingCalendar {
  readonly workweek: ReadonlySet<number>;
  /** Spans in minutes since midnight, `[start, end)`. */
  readonly spans: readonly (readonly [number, number])[];
  readonly holidays: ReadonlySet<string>;
  readonly extraWorkdays: ReadonlySet<string>;
  /**
   * The full business calendar in the routing's zone (public holidays and make-up days
   * included); absent only when it could not be built (an unknown zone).
   */
  readonly business?: CompiledCalendar;
}

const DEFAULT_SPANS: readonly (readonly [number, number])[] = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 18 * 60],
];

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The local day and time of `instant` in `zone`; undefined when the zone is unknown.
 *
 * @example
 * localTime(Date.UTC(2026, 2, 2, 2, 0), 'Asia/Shanghai');
 * // { day: '2026-03-02', weekday: 1, minutes: 600, text: '2026-03-02 10:00' }
 */
export function localTime(instant: number, zone: string): LocalTime | undefined {
  // Leads routed together usually share their instant; Intl is slow, so keep the last one.
  if (last && last.instant === instant && last.zone === zone) return last.time;
  const time = computeLocalTime(instant, zone);
  last = { instant, zone, time };
  return time;
}

let last: { instant: number; zone: string; time: LocalTime | undefined } | undefined;

function computeLocalTime(instant: number, zone: string): LocalTime | undefined {
  try {
    const f = zonedFields(instant, zone);
    const day = `${String(f.year).padStart(4, '0')}-${pad(f.month)}-${pad(f.day)}`;
    return {
      day,
      weekday: f.weekday,
      minutes: f.hour * 60 + f.minute,
      text: `${day} ${pad(f.hour)}:${pad(f.minute)}`,
    };
  } catch {
    return undefined;
  }
}

function minutesOf(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

function daysOf(days: unknown): ReadonlySet<string> {
  if (!Array.isArray(days)) return new Set();
  return new Set(
    days
      .map((day: unknown) =>
        typeof day === 'object' && day !== null ? (day as { date?: unknown }).date : undefined,
      )
      .filter((date): date is string => typeof date === 'string'),
  );
}

/**
 * The calendar's working week and hours with the defaults filled in (Monday–Friday,
 * 09:00–12:00 and 13:30–18:00). Spans whose start is not before their end are left out.
 *
 * @example
 * workingCalendar({ workingHours: [{ start: '10:00', end: '22:00' }] }).spans; // [[600, 1320]]
 */
export function workingCalendar(
  calendar: BusinessCalendar | undefined,
  zone = 'Asia/Shanghai',
): WorkingCalendar {
  const given = typeof calendar === 'object' && calendar !== null ? calendar : {};
  const workweek = Array.isArray(given.workweek)
    ? given.workweek.filter((d) => Number.isInteger(d))
    : [1, 2, 3, 4, 5];
  const spans = Array.isArray(given.workingHours)
    ? given.workingHours
        .map((hours) => [minutesOf(hours?.start), minutesOf(hours?.end)] as const)
        .filter((span): span is readonly [number, number] => {
          const [start, end] = span;
          return start !== undefined && end !== undefined && start < end;
        })
    : DEFAULT_SPANS;
  let business: CompiledCalendar | undefined;
  try {
    business = compileCalendar(given as BusinessCalendar, { zone });
  } catch {
    business = undefined;
  }
  return {
    workweek: new Set(workweek),
    spans,
    holidays: daysOf(given.holidays),
    extraWorkdays: daysOf(given.extraWorkdays),
    ...(business ? { business } : {}),
  };
}

/**
 * True when the local time is inside working hours: a working day (make-up days count, the
 * company's holidays do not) and inside one of the spans. Given the instant, the business
 * calendar decides, Chinese public holidays and make-up workdays included.
 *
 * @example
 * isWorkingTime({ day: '2026-03-02', weekday: 1, minutes: 600, text: '' }, workingCalendar(undefined)); // true
 */
export function isWorkingTime(
  time: LocalTime,
  calendar: WorkingCalendar,
  instant?: number,
): boolean {
  if (calendar.business && instant !== undefined) return calendar.business.isWorkingTime(instant);
  const workday = calendar.extraWorkdays.has(time.day)
    ? true
    : !calendar.holidays.has(time.day) && calendar.workweek.has(time.weekday);
  return (
    workday && calendar.spans.some(([start, end]) => time.minutes >= start && time.minutes < end)
  );
}
