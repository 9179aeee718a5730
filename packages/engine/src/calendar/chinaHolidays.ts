/**
 * The official mainland-China public holidays and make-up workdays (调休), from the
 * `chinese-days` package (MIT, no dependencies, no network access: the schedule ships as JSON
 * inside the package and is updated there when the State Council publishes a new year).
 * Adding a year is `npm update -w @ruleloom/engine chinese-days`; see docs/guides/calendars.md.
 *
 * Only the JSON is read, never the package's functions: those parse dates with the host's
 * `Date` and local zone, while the engine looks days up by their `YYYY-MM-DD` text.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** A public holiday or make-up workday, with its name in both languages. */
export interface PublicDay {
  /** English name, e.g. `Spring Festival`. */
  readonly en: string;
  /** Chinese name, e.g. `春节`. */
  readonly zh: string;
}

/** Holidays and make-up workdays by `YYYY-MM-DD`. */
export interface PublicCalendarData {
  /** Days off by law (the weekend days inside a holiday block included). */
  readonly holidays: ReadonlyMap<string, PublicDay>;
  /** Make-up workdays (调休上班): usually a Saturday or Sunday worked for a holiday. */
  readonly workdays: ReadonlyMap<string, PublicDay>;
  /** The years the data has at least one holiday in, ascending. */
  readonly years: readonly number[];
}

// Entries read "Spring Festival,春节,4": English name, Chinese name, a holiday number.
function toMap(entries: unknown): ReadonlyMap<string, PublicDay> {
  const map = new Map<string, PublicDay>();
  if (typeof entries !== 'object' || entries === null) return map;
  for (const [day, text] of Object.entries(entries as Record<string, unknown>)) {
    if (typeof text !== 'string') continue;
    const [en = '', zh = ''] = text.split(',');
    map.set(day, { en, zh });
  }
  return map;
}

let cached: PublicCalendarData | undefined;

/** The Chinese public calendar (read once, then shared by every compiled calendar). */
export function chinaPublicCalendar(): PublicCalendarData {
  if (cached) return cached;
  const source = data as unknown as { holidays?: unknown; workdays?: unknown };
  const holidays = toMap(source.holidays);
  const workdays = toMap(source.workdays);
  const years = [...new Set([...holidays.keys()].map((day) => Number(day.slice(0, 4))))].sort(
    (a, b) => a - b,
  );
  cached = { holidays, workdays, years };
  return cached;
}
