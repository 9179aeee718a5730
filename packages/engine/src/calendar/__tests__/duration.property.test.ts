import { sharedSchemas } from '@ruleloom/schemas';
import type { BusinessCalendar } from '@ruleloom/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  compileCalendar,
  durationBetween,
  parseBusinessDuration,
  type DurationUnit,
} from '../../index.js';

const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'UTC'];
const pad = (n: number): string => String(n).padStart(2, '0');
const dayIn2026 = fc
  .integer({ min: 0, max: 364 })
  .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const hhmm = fc
  .integer({ min: 0, max: 96 })
  .map((q) => `${pad(Math.floor(q / 4))}:${pad((q % 4) * 15)}`);

/** Calendars with at least one working day a week and some working time a day. */
const workingCalendar: fc.Arbitrary<BusinessCalendar> = fc.record({
  region: fc.constantFrom('CN' as const, 'none' as const),
  workweek: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), {
    minLength: 1,
    maxLength: 7,
  }) as fc.Arbitrary<BusinessCalendar['workweek'] & number[]>,
  workingHours: fc
    .array(fc.tuple(hhmm, hhmm), { minLength: 1, maxLength: 3 })
    .map((pairs) =>
      pairs.map(([x, y]) => (x < y ? { start: x, end: y } : { start: '09:00', end: '18:00' })),
    )
    .map((hours) => hours as NonNullable<BusinessCalendar['workingHours']>),
  holidays: fc.array(
    dayIn2026.map((date) => ({ date })),
    { maxLength: 10 },
  ),
  extraWorkdays: fc.array(
    dayIn2026.map((date) => ({ date })),
    { maxLength: 5 },
  ),
});
// 2025-06 … 2027-06, to the millisecond: across both DST changes and the 2026 holidays.
const instant = fc.integer({ min: Date.UTC(2025, 5, 1), max: Date.UTC(2027, 5, 1) });

describe('addDuration and durationBetween round-trip', () => {
  it('durationBetween(a, addDuration(a, n workdays)) === n', () => {
    fc.assert(
      fc.property(
        workingCalendar,
        fc.constantFrom(...zones),
        instant,
        fc.integer({ min: -60, max: 60 }),
        (definition, zone, a, n) => {
          const calendar = compileCalendar(definition, { zone });
          const b = addDuration(a, { amount: n, unit: 'workdays' }, calendar);
          expect(b).toBeTypeOf('number');
          expect(durationBetween(a, b as number, calendar, 'workdays')).toBe(n);
          if (n !== 0)
            expect(
              calendar.isWorkingDay(b as number) || calendar.isWorkingDay((b as number) - 1),
            ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('durationBetween(a, addDuration(a, n business hours)) === n', () => {
    fc.assert(
      fc.property(
        workingCalendar,
        fc.constantFrom(...zones),
        instant,
        fc.integer({ min: -200, max: 200 }),
        (definition, zone, a, n) => {
          const calendar = compileCalendar(definition, { zone });
          const b = addDuration(a, { amount: n, unit: 'business hours' }, calendar);
          expect(b).toBeTypeOf('number');
          expect(durationBetween(a, b as number, calendar, 'business hours')).toBe(n);
          if (n > 0) expect(calendar.isWorkingTime((b as number) - 1)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same for clock units and calendar days, in every zone', () => {
    const units: DurationUnit[] = ['ms', 's', 'm', 'h', 'd', 'w'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        instant,
        fc.constantFrom(...units),
        fc.integer({ min: -400, max: 400 }),
        (zone, a, unit, n) => {
          const calendar = compileCalendar(undefined, { zone });
          const b = addDuration(a, { amount: n, unit }, calendar) as number;
          expect(durationBetween(a, b, calendar, unit)).toBe(n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('business time grows with the span and agrees with counting from either end', () => {
    fc.assert(
      fc.property(
        workingCalendar,
        fc.constantFrom(...zones),
        instant,
        instant,
        instant,
        (definition, zone, x, y, z) => {
          const calendar = compileCalendar(definition, { zone });
          const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
          const ab = durationBetween(a, b, calendar, 'business hours') as number;
          const bc = durationBetween(b, c, calendar, 'business hours') as number;
          const ac = durationBetween(a, c, calendar, 'business hours') as number;
          expect(Math.abs(ab + bc - ac)).toBeLessThan(1e-9);
          expect(durationBetween(c, a, calendar, 'business hours')).toBe(ac === 0 ? 0 : -ac);
          expect(durationBetween(a, c, calendar, 'workdays') as number).toBeGreaterThanOrEqual(
            durationBetween(a, b, calendar, 'workdays') as number,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('robustness', () => {
  const pattern = new RegExp(sharedSchemas.duration.pattern as string);

  it('parses exactly the texts duration.schema.json accepts', () => {
    const text = fc.oneof(
      fc.string(),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9_999_999 }),
          fc.constantFrom(
            'm',
            'h',
            'd',
            'w',
            's',
            ' workdays',
            ' workday',
            ' business hours',
            ' business hour',
            ' days',
            'workdays',
          ),
        )
        .map(([n, u]) => `${n}${u}`),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(parseBusinessDuration(value) !== undefined).toBe(pattern.test(value));
      }),
    );
  });

  it('never throws on random calendars, instants, durations and units', () => {
    const anyInstant = fc.oneof(
      fc.double(),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      instant,
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 8.64e15, -8.64e15, 0),
    );
    const anyDuration = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '999999 workdays',
        '999999 business hours',
        '999999w',
        '999999d',
        '1 workday',
      ),
      fc.record({
        amount: fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 })),
        unit: fc.string(),
      }),
      fc.record({
        amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        unit: fc.constantFrom<DurationUnit>(
          'ms',
          's',
          'm',
          'h',
          'd',
          'w',
          'workdays',
          'business hours',
        ),
      }),
    );
    const anyCalendar = fc.oneof(
      fc.anything(),
      workingCalendar,
      fc.constant({ workweek: [], region: 'none' }),
    );
    fc.assert(
      fc.property(
        anyCalendar,
        fc.constantFrom(...zones),
        anyInstant,
        anyInstant,
        anyDuration,
        fc.string(),
        (definition, zone, a, b, duration, unit) => {
          const calendar = compileCalendar(definition as BusinessCalendar, { zone });
          const result = addDuration(a, duration as string, calendar);
          expect(result === undefined || Number.isFinite(result)).toBe(true);
          for (const u of [unit, 'workdays', 'business hours', 'd']) {
            const between = durationBetween(a, b, calendar, u as DurationUnit);
            expect(between === undefined || Number.isFinite(between)).toBe(true);
          }
          calendar.isWorkingDay(a);
          calendar.isWorkingTime(a);
          calendar.workingIntervalsOn(unit);
          calendar.describeDay(unit);
        },
      ),
      { numRuns: 150 },
    );
  });
});
