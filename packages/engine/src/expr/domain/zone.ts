/**
 * Calendar fields of an instant in an IANA zone, through `Intl` (in every modern browser and
 * in Node), so that zone rules and DST come from the platform's tz database, not from us.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Local wall-clock fields of an instant in a zone. */
export interface ZonedFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

/** True when the platform knows the zone. */
export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `epochMs` in `zone`. Throws RangeError for an unknown zone. */
export function zonedFields(epochMs: number, zone: string): ZonedFields {
  const parts = formatterFor(zone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/** Offset of `zone` from UTC at `epochMs`, in milliseconds (Asia/Shanghai: +8 h). */
export function zoneOffset(epochMs: number, zone: string): number {
  const f = zonedFields(epochMs, zone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock of `zone` shows the given local time. For a time that
 * a DST change skips, the instant after the gap; for a repeated hour, the earlier one.
 */
export function localToInstant(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const first = wall - zoneOffset(wall, zone);
  const second2 = wall - zoneOffset(first, zone);
  if (first === second2) return first;
  // Between two offsets: take the one whose wall clock matches, else the later (DST gap).
  const earlier = Math.min(first, second2);
  return earlier + zoneOffset(earlier, zone) === wall ? earlier : Math.max(first, second2);
}
