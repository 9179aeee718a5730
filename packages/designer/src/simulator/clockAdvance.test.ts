import { compileApp, type CompiledApp } from '@ruleloom/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { advanceTarget, clockText, defaultStart, inputText } from './clockAdvance.js';

const MONDAY = Date.parse('2026-03-02T09:00:00+08:00');
const HOUR = 3_600_000;

let app: CompiledApp;

beforeAll(() => {
  const compiled = compileApp({ files: salesCrmFiles() });
  if (!compiled.ok) throw new Error('sales-crm does not compile');
  app = compiled.app;
});

describe('advanceTarget', () => {
  it.each([
    ['48h', 48 * HOUR],
    ['+48h', 48 * HOUR],
    ['1h', HOUR],
    ['3d', 72 * HOUR],
    ['47h59m', 48 * HOUR - 60_000],
    ['47h 59m', 48 * HOUR - 60_000],
    ['1w', 168 * HOUR],
    ['48小时', 48 * HOUR],
    ['3天', 72 * HOUR],
    ['2 days', 48 * HOUR],
  ])('given %s, then the clock moves on by that much', (input, ms) => {
    expect(advanceTarget(input, MONDAY, app)).toEqual({ ok: true, to: MONDAY + ms });
  });

  it('given working days, then they are counted on the app calendar (Friday + 1 workday = Monday)', () => {
    const friday = Date.parse('2026-03-06T10:00:00+08:00');
    expect(advanceTarget('1 workday', friday, app)).toEqual({
      ok: true,
      to: Date.parse('2026-03-09T10:00:00+08:00'),
    });
    expect(advanceTarget('1个工作日', friday, app)).toEqual(
      advanceTarget('1 workday', friday, app),
    );
  });

  it('given a local date and time, then it is read in the app zone', () => {
    expect(advanceTarget('2026-03-04 09:00', MONDAY, app)).toEqual({
      ok: true,
      to: MONDAY + 48 * HOUR,
    });
    expect(advanceTarget('2026-03-04T09:00', MONDAY, app)).toEqual({
      ok: true,
      to: MONDAY + 48 * HOUR,
    });
  });

  it('given a time not after the clock, then it says so', () => {
    expect(advanceTarget('2026-03-01 09:00', MONDAY, app)).toEqual({
      ok: false,
      reason: 'not-later',
    });
    expect(advanceTarget('0h', MONDAY, app)).toEqual({ ok: false, reason: 'not-later' });
  });

  it.each(['', 'soon', '48', 'h48', '3 months', '2026-13-01'])(
    'given %j, then it is not understood',
    (input) => {
      expect(advanceTarget(input, MONDAY, app)).toEqual({ ok: false, reason: 'invalid' });
    },
  );
});

describe('clock texts', () => {
  it('shows local time in the app zone with the weekday', () => {
    expect(clockText(MONDAY, 'Asia/Shanghai', 'zh-CN')).toBe('2026-03-02 周一 09:00');
    expect(clockText(MONDAY, 'Asia/Shanghai', 'en')).toBe('2026-03-02 Mon 09:00');
    expect(inputText(MONDAY, 'Asia/Shanghai')).toBe('2026-03-02 09:00');
  });

  it('starts a new run at 09:00 today in the app zone', () => {
    expect(defaultStart(Date.parse('2026-03-02T15:20:00+08:00'), 'Asia/Shanghai')).toBe(MONDAY);
    // 01:00 in Shanghai is still the previous day in UTC.
    expect(defaultStart(Date.parse('2026-03-02T01:00:00+08:00'), 'Asia/Shanghai')).toBe(MONDAY);
  });
});
