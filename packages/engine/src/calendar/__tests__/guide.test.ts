import { readFileSync } from 'node:fs';
import type { BusinessCalendar } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { addDuration, compileCalendar } from '../../index.js';

const guide = readFileSync(
  new URL('../../../../../docs/guides/calendars.md', import.meta.url),
  'utf8',
);
const marker = guide.indexOf('<!-- calendar-example');
const block = /```json\n([\s\S]*?)\n```/.exec(guide.slice(marker))?.[1] ?? '';
const example = JSON.parse(block) as { zone: string; calendar: BusinessCalendar };
const calendar = compileCalendar(example.calendar, { zone: example.zone });
const shanghai = (instant: number | undefined): string =>
  new Date((instant ?? Number.NaN) + 8 * 3_600_000).toISOString().slice(0, 16);

describe('docs/guides/calendars.md', () => {
  it('the example calendar gives the dates the guide shows', () => {
    expect(marker).toBeGreaterThan(0);
    const update = Date.parse('2026-02-13T10:00+08:00');
    expect(shanghai(addDuration(update, '3 workdays', calendar))).toBe('2026-02-25T10:00');
    const thursday = Date.parse('2026-03-05T10:00+08:00');
    expect(shanghai(addDuration(thursday, '48 business hours', calendar))).toBe('2026-03-16T14:30');
    const { holidays: _companyDays, ...withoutCompanyDays } = example.calendar;
    const plain = compileCalendar(withoutCompanyDays, { zone: example.zone });
    expect(shanghai(addDuration(thursday, '48 business hours', plain))).toBe('2026-03-13T14:30');
    expect(calendar.describeDay('2026-03-10')?.kind).toBe('company-holiday');
    expect(calendar.describeDay('2026-10-03')?.kind).toBe('extra-workday');
    expect(calendar.describeDay('2026-02-28')?.kind).toBe('make-up-workday');
  });
});
