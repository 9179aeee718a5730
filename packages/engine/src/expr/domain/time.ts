import { RuleloomError } from '../../diagnostics/errors.js';
import { localToInstant } from './zone.js';

/** Milliseconds of each fixed duration unit an expression may use. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/;
// "2026-03-01", "2026-03-01T09:30", "2026-03-01 09:30:15.250", with an optional Z or ±hh:mm.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses `48h`, `30m`, `3d`, `2w`, `1.5h` to milliseconds; `undefined` when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (DURATION_UNITS[match[2] as string] as number);
}

/**
 * Turns a date value into UTC epoch milliseconds: a number is taken as epoch ms; an ISO
 * string with `Z` or an offset is exact; a date or local time without one is read in `zone`.
 * Returns `undefined` for anything else.
 */
export function toInstant(value: unknown, zone: string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return undefined;
  }
  const millis = Number(ms.padEnd(3, '0'));
  if (offset === undefined) {
    return localToInstant(zone, year, month, day, Number(h), Number(mi), Number(s), millis);
  }
  const wall = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), millis);
  if (offset.toUpperCase() === 'Z') return wall;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return wall - sign * minutes * 60_000;
}

/** The current instant from the evaluation context; RL3006 when the caller gave none. */
export function nowFrom(
  context: { readonly now?: unknown; readonly zone?: unknown },
  operator: string,
  pointer: string,
): number {
  const instant = toInstant(context.now, zoneFrom(context));
  if (instant === undefined) throw new RuleloomError('RL3006', { operator }, pointer);
  return instant;
}

/** The zone from the evaluation context, default Asia/Shanghai. */
export function zoneFrom(context: { readonly zone?: unknown }): string {
  return typeof context.zone === 'string' && context.zone !== '' ? context.zone : 'Asia/Shanghai';
}
