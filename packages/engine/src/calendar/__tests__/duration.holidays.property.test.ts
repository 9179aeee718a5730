/**
 * `addDuration` then `durationBetween` round-trips where working calendars are hardest: the
 * weeks around the Spring Festival and National Day of 2025, 2026 and 2027 (with their
 * make-up workdays; 2027 has no published schedule yet, so only the working week applies),
 * and New York's DST changes — instants often on a quarter hour, so they land exactly on the
 * edges of working hours, with the company's own holidays and extra workdays drawn from the
 * same weeks. duration.property.test.ts covers uniform instants over 2025-06 … 2027-06.
 */
import type { BusinessCalendar } from '@ruleloom/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, compileCalendar, durationBetween } from '../../index.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const zones = ['Asia/Shanghai', 'Asia/Tokyo', 'America/New_York'] as const;

/** Hard weeks: holidays (local midnight, Shanghai) and DST changes (UTC). */
const centres = [
  '2025-01-28T00:00:00+08:00', // Spring Festival 2025 (make-up Sun 26 Jan, Sat 8 Feb)
  '2026-02-15T00:00:00+08:00', // Spring Festival 2026 (make-up Sat 14 Feb, Sat 28 Feb)
  '2027-02-06T00:00:00+08:00', // Spring Festival 2027 (no public data yet)
  '2025-10-01T00:00:00+08:00', // National Day 2025 (make-up Sun 28 Sep, Sat 11 Oct)
  '2026-10-01T00:00:00+08:00',
  '2027-10-01T00:00:00+08:00',
  '2025-03-09T07:00:00Z', // New York DST starts / ends
  '2025-11-02T06:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2027-03-14T07:00:00Z',
  '2027-11-07T06:00:00Z',
].map((iso) => Date.parse(iso));

/** An instant within ten days of a hard week: on a quarter hour, or anywhere to the ms. */
const instant = fc
  .tuple(
    fc.constantFrom(...centres),
    fc.integer({ min: -10 * 96, max: 10 * 96 }),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 * MINUTE - 1 })),
  )
  .map(([centre, quarters, ms]) => centre + quarters * 15 * MINUTE + ms);

const pad = (n: number): string => String(n).padStart(2, '0');
const dayNear = fc
  .tuple(fc.constantFrom(...centres), fc.integer({ min: -12, max: 12 }))
  .map(([centre, n]) => new Date(centre + 8 * 3_600_000 + n * DAY).toISOString().slice(0, 10));
const hhmm = fc
  .integer({ min: 0, max: 96 })
  .map((q) => `${pad(Math.floor(q / 4))}:${pad((q % 4) * 15)}`);

/** Working calendars: some working day a week, some working hours, days from the hard weeks. */
const calendar: fc.Arbitrary<BusinessCalendar> = fc.record({
  region: fc.constantFrom('CN' as const, 'CN' as const, 'none' as const),
  workweek: fc.oneof(
    fc.constant([1, 2, 3, 4, 5]),
    fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  ) as fc.Arbitrary<BusinessCalendar['workweek'] & number[]>,
  workingHours: fc.oneof(
    fc.constant([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]),
    // Hours across New York's missing / repeated 01:00–03:00 too.
    fc.constant([{ start: '00:30', end: '03:30' }]),
    fc
      .array(fc.tuple(hhmm, hhmm), { minLength: 1, maxLength: 3 })
      .map((pairs) =>
        pairs.map(([x, y]) => (x < y ? { start: x, end: y } : { start: '09:00', end: '18:00' })),
      ),
  ) as fc.Arbitrary<NonNullable<BusinessCalendar['workingHours']>>,
  holidays: fc.array(
    dayNear.map((date) => ({ date })),
    { maxLength: 8 },
  ),
  extraWorkdays: fc.array(
    dayNear.map((date) => ({ date })),
    { maxLength: 4 },
  ),
});

describe('round-trips around holidays and DST changes, 2025–2027', () => {
  it('durationBetween(a, addDuration(a, n workdays)) === n', () => {
    fc.assert(
      fc.property(
        calendar,
        fc.constantFrom(...zones),
        instant,
        fc.integer({ min: -25, max: 25 }),
        (definition, zone, a, n) => {
          const compiled = compileCalendar(definition, { zone });
          const b = addDuration(a, { amount: n, unit: 'workdays' }, compiled);
          expect(b).toBeTypeOf('number');
          expect(durationBetween(a, b!, compiled, 'workdays')).toBe(n);
          // Forward lands on a working day, at the start's wall time (or past a DST gap);
          // backward from a day off counts from 24:00, i.e. lands at a working day's end.
          if (n > 0) expect(compiled.isWorkingDay(b!)).toBe(true);
          if (n < 0) expect(compiled.isWorkingDay(b!) || compiled.isWorkingDay(b! - 1)).toBe(true);
          if (n !== 0) expect(Math.sign(b! - a)).toBe(Math.sign(n));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('durationBetween(a, addDuration(a, n business hours)) === n', () => {
    fc.assert(
      fc.property(
        calendar,
        fc.constantFrom(...zones),
        instant,
        fc.oneof(fc.integer({ min: -80, max: 80 }), fc.constantFrom(0.5, -0.25, 1.75)),
        (definition, zone, a, n) => {
          const compiled = compileCalendar(definition, { zone });
          const b = addDuration(a, { amount: n, unit: 'business hours' }, compiled);
          expect(b).toBeTypeOf('number');
          expect(durationBetween(a, b!, compiled, 'business hours')).toBeCloseTo(n, 9);
          // The earliest such instant: the last millisecond counted was working time.
          if (n > 0) expect(compiled.isWorkingTime(b! - 1)).toBe(true);
          if (n < 0) expect(compiled.isWorkingTime(b!)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the default CN calendar counts 3 workdays over the 2025/2026 holidays as the data says', () => {
    const cn = compileCalendar({ region: 'CN' }, { zone: 'Asia/Shanghai' });
    // 3 workdays over the holiday: make-up days count, holiday days do not.
    const cases: [string, string][] = [
      ['2025-01-24T10:00:00+08:00', '2025-02-05T10:00:00+08:00'], // Sun 26 Jan, Mon 27, (28 Jan–4 Feb off) Wed 5 Feb
      ['2026-02-13T10:00:00+08:00', '2026-02-25T10:00:00+08:00'], // Sat 14 Feb, (15–23 Feb off) Tue 24, Wed 25
      ['2025-09-30T10:00:00+08:00', '2025-10-11T10:00:00+08:00'], // (1–8 Oct off) Thu 9, Fri 10, Sat 11 Oct
    ];
    for (const [from, to] of cases) {
      expect(addDuration(Date.parse(from), '3 workdays', cn)).toBe(Date.parse(to));
      expect(durationBetween(Date.parse(from), Date.parse(to), cn, 'workdays')).toBe(3);
    }
  });
});
