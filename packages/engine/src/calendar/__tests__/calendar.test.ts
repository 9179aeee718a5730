import { readFileSync } from 'node:fs';
import type { BusinessCalendar } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  compileCalendar,
  durationBetween,
  parseBusinessDuration,
} from '../../index.js';

const at = (text: string): number => Date.parse(text);
const iso = (instant: number | undefined, offset = '+08:00'): string | undefined => {
  if (instant === undefined) return undefined;
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(instant + minutes * 60_000).toISOString().slice(0, 16) + offset;
};

const salesCrm = JSON.parse(
  readFileSync(new URL('../../../../../examples/sales-crm/app.json', import.meta.url), 'utf8'),
) as { zone: string; calendar: BusinessCalendar };
const cn = compileCalendar(salesCrm.calendar, { zone: salesCrm.zone });

describe('the 2026 Chinese public calendar (from chinese-days)', () => {
  it('knows the Spring Festival holiday 2026-02-15 … 02-23 and its make-up Saturdays', () => {
    expect(cn.publicHolidayYears).toContain(2026);
    for (const day of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) {
      expect(cn.describeDay(day)).toMatchObject({ working: false, kind: 'public-holiday' });
    }
    expect(cn.describeDay('2026-02-14')).toEqual({
      day: '2026-02-14',
      weekday: 6,
      working: true,
      kind: 'make-up-workday',
      name: { 'zh-CN': '春节', en: 'Spring Festival' },
    });
    expect(cn.describeDay('2026-02-28')).toMatchObject({ weekday: 6, kind: 'make-up-workday' });
    expect(cn.describeDay('2026-02-24')).toMatchObject({ working: true, kind: 'workday' });
    expect(cn.describeDay('2026-02-21')?.working).toBe(false);
    expect(cn.describeDay('2026-03-07')).toMatchObject({ working: false, kind: 'weekend' });
  });
});

describe('S22: 3 working days without an update, across the 2026 Spring Festival', () => {
  const lastUpdate = at('2026-02-13T10:00+08:00'); // Friday before the holiday

  it('counts the make-up Saturday 02-14, skips the holiday and lands on Wednesday 02-25', () => {
    const due = addDuration(lastUpdate, '3 workdays', cn);
    expect(iso(due)).toBe('2026-02-25T10:00+08:00');
    expect(durationBetween(lastUpdate, at('2026-02-25T09:59+08:00'), cn, 'workdays')).toBe(2);
    expect(durationBetween(lastUpdate, at('2026-02-25T10:00+08:00'), cn, 'workdays')).toBe(3);
    // Step by step: 02-14 (make-up Saturday) is day 1, 02-24 day 2, 02-25 day 3.
    expect(iso(addDuration(lastUpdate, '1 workday', cn))).toBe('2026-02-14T10:00+08:00');
    expect(iso(addDuration(lastUpdate, '2 workdays', cn))).toBe('2026-02-24T10:00+08:00');
  });

  it('differs from a calendar without public holidays, and from one without make-up days', () => {
    const plain = compileCalendar(
      { ...salesCrm.calendar, region: 'none' },
      { zone: 'Asia/Shanghai' },
    );
    expect(iso(addDuration(lastUpdate, '3 workdays', plain))).toBe('2026-02-18T10:00+08:00');
    const noMakeUp = compileCalendar(
      { ...salesCrm.calendar, holidays: [{ date: '2026-02-14' }] },
      { zone: 'Asia/Shanghai' },
    );
    expect(iso(addDuration(lastUpdate, '3 workdays', noMakeUp))).toBe('2026-02-26T10:00+08:00');
  });

  it('an update during the holiday counts from the first working day after it', () => {
    const due = addDuration(at('2026-02-18T11:00+08:00'), '3 workdays', cn);
    // 02-24, 02-25, 02-26 are the three working days: due at the end of 02-26.
    expect(iso(due)).toBe('2026-02-27T00:00+08:00');
    expect(iso(addDuration(at('2026-02-27T16:00+08:00'), '1 workday', cn))).toBe(
      '2026-02-28T16:00+08:00',
    );
  });

  it('goes back in time the same way', () => {
    expect(
      iso(addDuration(at('2026-02-25T10:00+08:00'), { amount: -3, unit: 'workdays' }, cn)),
    ).toBe('2026-02-13T10:00+08:00');
    expect(durationBetween(at('2026-02-25T10:00+08:00'), lastUpdate, cn, 'workdays')).toBe(-3);
  });
});

describe('business hours', () => {
  it('48 business hours skip the weekend and the lunch breaks (7.5 h a day)', () => {
    const start = at('2026-03-05T10:00+08:00'); // Thursday
    // Thu 6.5 h, Fri 7.5, Mon–Thu 4 × 7.5 = 30 → 44 h; Fri 09:00–12:00 and 13:30–14:30.
    const due = addDuration(start, '48 business hours', cn);
    expect(iso(due)).toBe('2026-03-13T14:30+08:00');
    expect(durationBetween(start, due as number, cn, 'business hours')).toBe(48);
    expect(durationBetween(start, at('2026-03-05T12:45+08:00'), cn, 'business hours')).toBe(2);
    expect(iso(addDuration(start, '2 business hours', cn))).toBe('2026-03-05T12:00+08:00');
    expect(iso(addDuration(start, '3 business hours', cn))).toBe('2026-03-05T14:30+08:00');
  });

  it('working intervals and working time follow the calendar', () => {
    expect(cn.workingIntervalsOn('2026-03-05').map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-05T09:00+08:00', '2026-03-05T12:00+08:00'],
      ['2026-03-05T13:30+08:00', '2026-03-05T18:00+08:00'],
    ]);
    expect(cn.workingIntervalsOn('2026-02-16')).toEqual([]);
    expect(cn.workingIntervalsOn('2026-02-14')).toHaveLength(2);
    expect(cn.isWorkingTime(at('2026-03-05T12:30+08:00'))).toBe(false);
    expect(cn.isWorkingTime(at('2026-03-05T13:30+08:00'))).toBe(true);
    expect(cn.isWorkingDay(at('2026-02-14T23:59+08:00'))).toBe(true);
    // 2026-02-14 00:30 in Shanghai is still the 13th in UTC; the zone decides the day.
    expect(cn.dayOf(at('2026-02-13T16:30Z'))).toBe('2026-02-14');
  });
});

describe('the company calendar from the manifest', () => {
  const company = compileCalendar(
    {
      region: 'CN',
      workweek: [1, 2, 3, 4, 5, 6],
      workingHours: [{ start: '10:00', end: '22:00' }],
      holidays: [{ date: '2026-03-10', label: { 'zh-CN': '公司年会', en: 'Company day' } }],
      extraWorkdays: [{ date: '2026-10-03', label: '国庆值班' }],
    },
    { zone: 'Asia/Shanghai' },
  );

  it('closes on its own holidays and works its extra days, over the public calendar', () => {
    expect(company.describeDay('2026-03-10')).toMatchObject({
      working: false,
      kind: 'company-holiday',
      name: { 'zh-CN': '公司年会', en: 'Company day' },
    });
    expect(company.describeDay('2026-10-03')).toMatchObject({
      working: true,
      kind: 'extra-workday',
    });
    expect(company.describeDay('2026-10-02')).toMatchObject({
      working: false,
      kind: 'public-holiday',
    });
    expect(company.describeDay('2026-03-07')).toMatchObject({ working: true, kind: 'workday' });
    // Mon 03-09 10:00 + 2 workdays: Tue 03-10 is the company day off → Wed 03-11, Thu 03-12.
    expect(iso(addDuration(at('2026-03-09T10:00+08:00'), '2 workdays', company))).toBe(
      '2026-03-12T10:00+08:00',
    );
    // 12 working hours a day, so 24 business hours from Monday 22:00 end Thursday 22:00.
    expect(iso(addDuration(at('2026-03-09T22:00+08:00'), '24 business hours', company))).toBe(
      '2026-03-12T22:00+08:00',
    );
  });
});

describe('zones with daylight saving time (America/New_York, DST from 2026-03-08)', () => {
  const ny = compileCalendar({ region: 'none' }, { zone: 'America/New_York' });
  const allDay = compileCalendar(
    {
      region: 'none',
      workweek: [1, 2, 3, 4, 5, 6, 7],
      workingHours: [{ start: '00:00', end: '24:00' }],
    },
    { zone: 'America/New_York' },
  );
  const saturdayNoon = at('2026-03-07T12:00-05:00');

  it('a day is a calendar day (23 h here), an hour is an hour', () => {
    expect(iso(addDuration(saturdayNoon, '1d', ny), '-04:00')).toBe('2026-03-08T12:00-04:00');
    expect(addDuration(saturdayNoon, '24h', ny)).toBe(saturdayNoon + 24 * 3_600_000);
    expect(iso(addDuration(saturdayNoon, '24h', ny), '-04:00')).toBe('2026-03-08T13:00-04:00');
    expect(durationBetween(saturdayNoon, at('2026-03-08T12:00-04:00'), ny, 'd')).toBe(1);
    expect(durationBetween(saturdayNoon, at('2026-03-08T12:00-04:00'), ny, 'h')).toBe(23);
    expect(iso(addDuration(saturdayNoon, '1w', ny), '-04:00')).toBe('2026-03-14T12:00-04:00');
  });

  it('working hours stay on the wall clock across the change', () => {
    expect(iso(addDuration(at('2026-03-06T09:30-05:00'), '1 workday', ny), '-04:00')).toBe(
      '2026-03-09T09:30-04:00',
    );
    const friday = at('2026-03-06T17:00-05:00');
    // Fri 17:00–18:00 is 1 h; Mon 09:00–12:00 EDT gives the other 3.
    expect(iso(addDuration(friday, '4 business hours', ny), '-04:00')).toBe(
      '2026-03-09T12:00-04:00',
    );
    expect(ny.workingIntervalsOn('2026-03-09')[0]?.start).toBe(at('2026-03-09T09:00-04:00'));
    // On a 00:00–24:00 calendar business hours are elapsed hours: the day of the change has 23.
    expect(
      durationBetween(
        at('2026-03-08T00:00-05:00'),
        at('2026-03-09T00:00-04:00'),
        allDay,
        'business hours',
      ),
    ).toBe(23);
    expect(addDuration(saturdayNoon, '24 business hours', allDay)).toBe(
      saturdayNoon + 24 * 3_600_000,
    );
    // The autumn change (2026-11-01) makes a 25-hour day.
    expect(
      durationBetween(
        at('2026-11-01T00:00-04:00'),
        at('2026-11-02T00:00-05:00'),
        allDay,
        'business hours',
      ),
    ).toBe(25);
  });
});

describe('parseBusinessDuration follows duration.schema.json', () => {
  it('reads every unit of the grammar', () => {
    expect(parseBusinessDuration('48h')).toEqual({ amount: 48, unit: 'h' });
    expect(parseBusinessDuration('30m')).toEqual({ amount: 30, unit: 'm' });
    expect(parseBusinessDuration('3d')).toEqual({ amount: 3, unit: 'd' });
    expect(parseBusinessDuration('2w')).toEqual({ amount: 2, unit: 'w' });
    expect(parseBusinessDuration('3 workdays')).toEqual({ amount: 3, unit: 'workdays' });
    expect(parseBusinessDuration('1 workday')).toEqual({ amount: 1, unit: 'workdays' });
    expect(parseBusinessDuration('2 business hours')).toEqual({
      amount: 2,
      unit: 'business hours',
    });
    expect(parseBusinessDuration('1 business hour')).toEqual({ amount: 1, unit: 'business hours' });
    for (const bad of ['3 days', '1.5h', '-3d', '48 h', '3  workdays', '', '1234567h', 'h']) {
      expect(parseBusinessDuration(bad)).toBeUndefined();
    }
  });

  it('is undefined, not an exception, for what it cannot compute', () => {
    expect(addDuration(Number.NaN, '3d', cn)).toBeUndefined();
    expect(addDuration(0, '3 days', cn)).toBeUndefined();
    expect(addDuration(0, { amount: 1.5, unit: 'workdays' }, cn)).toBeUndefined();
    expect(addDuration(0, '3d', {} as never)).toBeUndefined();
    expect(durationBetween(0, 1, cn, 'years' as never)).toBeUndefined();
    const never = compileCalendar(
      {
        region: 'none',
        workweek: [1],
        holidays: [],
        workingHours: [{ start: '12:00', end: '09:00' }] as never,
      },
      { zone: 'UTC' },
    );
    expect(addDuration(0, '1 business hour', never)).toBeUndefined();
    expect(() => compileCalendar(undefined, { zone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
