/**
 * `compileCalendar`: an app's business calendar (working week, working hours, Chinese public
 * holidays with their make-up workdays, the company's own closed and extra days) bound to
 * an IANA zone. Pure and browser-safe: the zone rules come from `Intl`, the public holidays
 * from the `chinese-days` package's JSON, nothing is read from the host's clock or zone.
 */
import type { BusinessCalendar, LocalizedText } from '@ruleloom/schemas';
import { isValidZone, localToInstant, zonedFields, zoneOffset } from '../expr/domain/zone.js';
import { chinaPublicCalendar, type PublicCalendarData } from './chinaHolidays.js';
import { civilDate, DAY_MS, dayKey, dayNumber, isoWeekday, parseDayKey } from './days.js';

/** A span of working time, `[start, end)` in UTC epoch milliseconds. */
export interface WorkingInterval {
  readonly start: number;
  readonly end: number;
}

/** Why a day is, or is not, a working day. */
export type DayKind =
  /** A day of the working week. */
  | 'workday'
  /** A day outside the working week (usually Saturday or Sunday). */
  | 'weekend'
  /** A Chinese public holiday (region `CN`). */
  | 'public-holiday'
  /** A Chinese make-up workday, 调休上班 (region `CN`). */
  | 'make-up-workday'
  /** One of the calendar's `holidays`. */
  | 'company-holiday'
  /** One of the calendar's `extraWorkdays`. */
  | 'extra-workday';

/** A day of the calendar, explained. */
export interface DayInfo {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  readonly weekday: number;
  readonly working: boolean;
  readonly kind: DayKind;
  /** Name of the holiday or make-up day (`{ 'zh-CN': '春节', en: 'Spring Festival' }`), if any. */
  readonly name?: LocalizedText;
}

/** A business calendar ready for date arithmetic; see `addDuration` and `durationBetween`. */
export interface CompiledCalendar {
  /** The IANA zone days and working hours are counted in. */
  readonly zone: string;
  /** `CN` when the Chinese public holidays and make-up workdays apply. */
  readonly region: 'CN' | 'none';
  /** Working days of a normal week, ISO numbers, ascending. */
  readonly workweek: readonly number[];
  /** Working hours of a working day, `HH:mm`, sorted and merged. */
  readonly workingHours: readonly { readonly start: string; readonly end: string }[];
  /**
   * Years for which the public-holiday data is known (empty for region `none`). Outside them
   * only the working week and the company's own days apply.
   */
  readonly publicHolidayYears: readonly number[];
  /** The local day (`YYYY-MM-DD`) of an instant; undefined for an invalid instant. */
  dayOf(instant: number): string | undefined;
  /** True when the local day of the instant is a working day. */
  isWorkingDay(instant: number): boolean;
  /** True when the instant lies inside the working hours of a working day. */
  isWorkingTime(instant: number): boolean;
  /** The working hours of a day (`YYYY-MM-DD`) as instants; empty on a day off. */
  workingIntervalsOn(day: string): readonly WorkingInterval[];
  /** Whether a day (`YYYY-MM-DD`) is worked, and why; undefined for an invalid day. */
  describeDay(day: string): DayInfo | undefined;
}

/** Options of `compileCalendar`. */
export interface CalendarOptions {
  /** IANA zone of the app, default `Asia/Shanghai`. */
  readonly zone?: string;
}

/** Local days outside these years are not computed (undefined results). */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** What the duration arithmetic reads from a compiled calendar (not public). */
export interface CalendarCore {
  readonly zone: string;
  /** Local day number and wall-clock milliseconds since local midnight of an instant. */
  local(instant: number): { readonly day: number; readonly wall: number } | undefined;
  /** The instant of a wall-clock time (`0 … DAY_MS`, `DAY_MS` = next midnight) of a day. */
  instantAt(day: number, wall: number): number | undefined;
  isWorkingDate(day: number): boolean;
  intervals(day: number): readonly WorkingInterval[];
}

const cores = new WeakMap<CompiledCalendar, CalendarCore>();

/** The arithmetic core of a calendar made by `compileCalendar`, else undefined. */
export function coreOf(calendar: unknown): CalendarCore | undefined {
  return typeof calendar === 'object' && calendar !== null
    ? cores.get(calendar as CompiledCalendar)
    : undefined;
}

const DEFAULT_HOURS: readonly (readonly [number, number])[] = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 18 * 60],
];
const EMPTY: readonly WorkingInterval[] = Object.freeze([]);
const CACHE_LIMIT = 4096;

function minutesOf(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}

/** Valid spans, sorted, overlapping and touching ones merged. */
function spansOf(hours: unknown): readonly (readonly [number, number])[] {
  if (!Array.isArray(hours)) return DEFAULT_HOURS;
  const spans = hours
    .map((h: unknown) => {
      const o = typeof h === 'object' && h !== null ? (h as Record<string, unknown>) : {};
      return [minutesOf(o['start']), minutesOf(o['end'])] as const;
    })
    .filter((s): s is readonly [number, number] => s[0] !== undefined && s[1] !== undefined)
    .filter(([start, end]) => start < end)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function labelOf(value: unknown): LocalizedText | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const text: { 'zh-CN'?: string; en?: string } = {};
  if (typeof o['zh-CN'] === 'string') text['zh-CN'] = o['zh-CN'];
  if (typeof o['en'] === 'string') text.en = o['en'];
  return Object.keys(text).length > 0 ? (text as LocalizedText) : undefined;
}

/** Company days by `YYYY-MM-DD`, with their labels; invalid entries are skipped. */
function daysOf(days: unknown): ReadonlyMap<string, LocalizedText | undefined> {
  const map = new Map<string, LocalizedText | undefined>();
  if (!Array.isArray(days)) return map;
  for (const entry of days as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { date, label } = entry as { date?: unknown; label?: unknown };
    const day = parseDayKey(date);
    if (day !== undefined) map.set(dayKey(day), labelOf(label));
  }
  return map;
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Compiles an app's `calendar` for a zone. Missing parts take the schema defaults (region
 * `CN`, Monday–Friday, 09:00–12:00 and 13:30–18:00); malformed parts are ignored rather than
 * thrown on, since `compileApp` reports them against the schema. Throws a RangeError only for
 * a zone the platform does not know.
 *
 * Which days are worked, first rule that applies: the calendar's `extraWorkdays` (worked),
 * its `holidays` (off), for region `CN` the make-up workdays (worked) and the public holidays
 * (off), and otherwise the `workweek`.
 *
 * @example
 * const calendar = compileCalendar({ region: 'CN' }, { zone: 'Asia/Shanghai' });
 * calendar.describeDay('2026-02-14'); // { working: true, kind: 'make-up-workday', name: { 'zh-CN': '春节', en: 'Spring Festival' }, … }
 */
export function compileCalendar(
  calendar: BusinessCalendar | undefined,
  options: CalendarOptions = {},
): CompiledCalendar {
  const zone = typeof options?.zone === 'string' ? options.zone : 'Asia/Shanghai';
  if (!isValidZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  const given: Record<string, unknown> =
    typeof calendar === 'object' && calendar !== null ? (calendar as Record<string, unknown>) : {};
  const region: 'CN' | 'none' =
    given['region'] === undefined || given['region'] === 'CN' ? 'CN' : 'none';
  const workweek = Array.isArray(given['workweek'])
    ? [...new Set((given['workweek'] as unknown[]).filter(isIsoWeekday))].sort((a, b) => a - b)
    : [1, 2, 3, 4, 5];
  const weekSet = new Set(workweek);
  const spans = spansOf(given['workingHours']);
  const holidays = daysOf(given['holidays']);
  const extraWorkdays = daysOf(given['extraWorkdays']);
  const publicDays: PublicCalendarData | undefined =
    region === 'CN' ? chinaPublicCalendar() : undefined;

  const describe = (day: number): DayInfo => {
    const key = dayKey(day);
    const weekday = isoWeekday(day);
    const info = (working: boolean, kind: DayKind, name?: LocalizedText): DayInfo =>
      name === undefined
        ? { day: key, weekday, working, kind }
        : { day: key, weekday, working, kind, name };
    if (extraWorkdays.has(key)) return info(true, 'extra-workday', extraWorkdays.get(key));
    if (holidays.has(key)) return info(false, 'company-holiday', holidays.get(key));
    const makeUp = publicDays?.workdays.get(key);
    if (makeUp) return info(true, 'make-up-workday', { 'zh-CN': makeUp.zh, en: makeUp.en });
    const holiday = publicDays?.holidays.get(key);
    if (holiday) return info(false, 'public-holiday', { 'zh-CN': holiday.zh, en: holiday.en });
    return weekSet.has(weekday) ? info(true, 'workday') : info(false, 'weekend');
  };

  const isWorkingDate = (day: number): boolean => {
    const key = dayKey(day);
    if (extraWorkdays.has(key)) return true;
    if (holidays.has(key)) return false;
    if (publicDays) {
      if (publicDays.workdays.has(key)) return true;
      if (publicDays.holidays.has(key)) return false;
    }
    return weekSet.has(isoWeekday(day));
  };

  const inRange = (day: number): boolean => {
    const { year } = civilDate(day);
    return year >= MIN_YEAR && year <= MAX_YEAR;
  };

  const local = (instant: number): { day: number; wall: number } | undefined => {
    if (typeof instant !== 'number' || !Number.isFinite(instant)) return undefined;
    try {
      const f = zonedFields(instant, zone);
      if (f.year < MIN_YEAR || f.year > MAX_YEAR) return undefined;
      const millis = ((instant % 1000) + 1000) % 1000;
      const day = dayNumber(f.year, f.month, f.day);
      return { day, wall: ((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + millis };
    } catch {
      return undefined;
    }
  };

  const instantAt = (day: number, wall: number): number | undefined => {
    if (!Number.isFinite(day) || !Number.isFinite(wall) || wall < 0 || wall > DAY_MS)
      return undefined;
    const target = wall === DAY_MS ? day + 1 : day;
    if (!inRange(target)) return undefined;
    const { year, month, day: date } = civilDate(target);
    const w = wall === DAY_MS ? 0 : Math.floor(wall);
    try {
      return localToInstant(
        zone,
        year,
        month,
        date,
        Math.floor(w / 3_600_000),
        Math.floor(w / 60_000) % 60,
        Math.floor(w / 1000) % 60,
        w % 1000,
      );
    } catch {
      return undefined;
    }
  };

  // Working intervals per day, cached; `offsetHint` makes a day without a zone change cost
  // two offset look-ups instead of one conversion per bound.
  const cache = new Map<number, readonly WorkingInterval[]>();
  let offsetHint = 0;
  const computeIntervals = (day: number): readonly WorkingInterval[] => {
    if (spans.length === 0 || !inRange(day) || !isWorkingDate(day)) return EMPTY;
    const guess = day * DAY_MS - offsetHint;
    const startOffset = zoneOffset(guess, zone);
    const endOffset = zoneOffset(guess + DAY_MS, zone);
    if (startOffset === offsetHint && endOffset === offsetHint) {
      return Object.freeze(
        spans.map(([start, end]) =>
          Object.freeze({ start: guess + start * 60_000, end: guess + end * 60_000 }),
        ),
      );
    }
    offsetHint = endOffset;
    const intervals: { start: number; end: number }[] = [];
    for (const [startMinutes, endMinutes] of spans) {
      const start = instantAt(day, startMinutes * 60_000);
      const end = instantAt(day, endMinutes * 60_000);
      if (start !== undefined && end !== undefined && start < end) intervals.push({ start, end });
    }
    intervals.sort((x, y) => x.start - y.start);
    const merged: { start: number; end: number }[] = [];
    for (const interval of intervals) {
      const last = merged[merged.length - 1];
      if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
      else merged.push({ ...interval });
    }
    return Object.freeze(merged.map((interval) => Object.freeze(interval)));
  };
  const intervals = (day: number): readonly WorkingInterval[] => {
    const hit = cache.get(day);
    if (hit) return hit;
    let result: readonly WorkingInterval[];
    try {
      result = computeIntervals(day);
    } catch {
      result = EMPTY;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(day, result);
    return result;
  };

  const compiled: CompiledCalendar = Object.freeze({
    zone,
    region,
    workweek: Object.freeze(workweek),
    workingHours: Object.freeze(
      spans.map(([start, end]) => Object.freeze({ start: hhmm(start), end: hhmm(end) })),
    ),
    publicHolidayYears: Object.freeze([...(publicDays?.years ?? [])]),
    dayOf(instant: number): string | undefined {
      const at = local(instant);
      return at ? dayKey(at.day) : undefined;
    },
    isWorkingDay(instant: number): boolean {
      const at = local(instant);
      return at !== undefined && isWorkingDate(at.day);
    },
    isWorkingTime(instant: number): boolean {
      const at = local(instant);
      return (
        at !== undefined &&
        intervals(at.day).some((interval) => instant >= interval.start && instant < interval.end)
      );
    },
    workingIntervalsOn(day: string): readonly WorkingInterval[] {
      const number = parseDayKey(day);
      return number === undefined ? EMPTY : intervals(number);
    },
    describeDay(day: string): DayInfo | undefined {
      const number = parseDayKey(day);
      return number === undefined ? undefined : describe(number);
    },
  });
  cores.set(compiled, { zone, local, instantAt, isWorkingDate, intervals });
  return compiled;
}

function isIsoWeekday(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}
