import { positionalArgs, type LiteralProblem, type OperatorTable } from '../operators/spec.js';
import { eager } from './eager.js';
import { DURATION_UNITS, nowFrom, parseDuration, toInstant, zoneFrom } from './time.js';
import { zonedFields } from './zone.js';

/**
 * Date and duration operators. Instants are UTC epoch milliseconds; the current time comes
 * from `context.now` and the zone for calendar days from `context.zone` (default
 * Asia/Shanghai) — never from the system clock. Working-day durations belong to calendars
 * (timers), not to these operators.
 */

function durationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseDuration(value);
  return undefined;
}

function unitMs(unit: unknown): number | undefined {
  return typeof unit === 'string'
    ? DURATION_UNITS[unit]
    : unit === undefined
      ? DURATION_UNITS['ms']
      : undefined;
}

function checkDurationAt(position: number) {
  return (literals: readonly ({ readonly value: unknown } | undefined)[]): LiteralProblem[] => {
    const literal = literals[position];
    if (!literal || typeof literal.value !== 'string') return [];
    return parseDuration(literal.value) === undefined
      ? [{ position, code: 'RL2012', params: { value: literal.value } }]
      : [];
  };
}

function checkUnitAt(position: number) {
  return (literals: readonly ({ readonly value: unknown } | undefined)[]): LiteralProblem[] => {
    const literal = literals[position];
    if (!literal || (typeof literal.value === 'string' && literal.value in DURATION_UNITS))
      return [];
    return [
      {
        position,
        code: 'RL2009',
        params: { detail: `unit must be one of ${Object.keys(DURATION_UNITS).join(', ')}` },
      },
    ];
  };
}

const dateArg = ['date', 'string', 'number'] as const;

function calendarField(pick: (f: ReturnType<typeof zonedFields>) => unknown) {
  return eager(([value], e) => {
    const instant = toInstant(value, zoneFrom(e.context));
    return instant === undefined ? null : pick(zonedFields(instant, zoneFrom(e.context)));
  });
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Date operators. */
export const dateOperators: OperatorTable = {
  now: {
    arity: [0, 0],
    build: eager((_args, e, site) => nowFrom(e.context, 'now', site.pointer)),
    result: 'date',
  },
  date: {
    arity: [1, 1],
    build: eager(([value], e) => toInstant(value, zoneFrom(e.context)) ?? null),
    result: 'date',
  },
  duration: {
    arity: [1, 1],
    build: eager(([value]) => durationMs(value) ?? null),
    checkLiterals: checkDurationAt(0),
    result: 'number',
  },
  date_add: {
    arity: [2, 2],
    build: eager(([value, amount], e) => {
      const instant = toInstant(value, zoneFrom(e.context));
      const ms = durationMs(amount);
      return instant === undefined || ms === undefined ? null : instant + ms;
    }),
    checkLiterals: checkDurationAt(1),
    check: positionalArgs([dateArg, ['string', 'number']], 'date'),
  },
  date_diff: {
    arity: [2, 3],
    build: eager(([from, to, unit], e) => {
      const zone = zoneFrom(e.context);
      const a = toInstant(from, zone);
      const b = toInstant(to, zone);
      const ms = unitMs(unit);
      return a === undefined || b === undefined || ms === undefined ? null : (b - a) / ms;
    }),
    checkLiterals: checkUnitAt(2),
    check: positionalArgs([dateArg, dateArg, ['string']], 'number'),
  },
  since: {
    arity: [1, 2],
    build: eager(([from, unit], e, site) => {
      const now = nowFrom(e.context, 'since', site.pointer);
      const a = toInstant(from, zoneFrom(e.context));
      const ms = unitMs(unit);
      return a === undefined || ms === undefined ? null : (now - a) / ms;
    }),
    checkLiterals: checkUnitAt(1),
    check: positionalArgs([dateArg, ['string']], 'number'),
  },
  day: {
    arity: [1, 1],
    build: calendarField((f) => `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`),
    check: positionalArgs([dateArg], 'string'),
  },
  weekday: {
    arity: [1, 1],
    build: calendarField((f) => f.weekday),
    check: positionalArgs([dateArg], 'number'),
  },
  hour: {
    arity: [1, 1],
    build: calendarField((f) => f.hour),
    check: positionalArgs([dateArg], 'number'),
  },
};
