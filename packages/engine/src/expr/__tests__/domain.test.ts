import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';

const run = (
  logic: unknown,
  data: unknown = {},
  context: Record<string, unknown> = {},
): unknown => {
  const compiled = compileExpression(logic);
  expect(compiled.diagnostics).toEqual([]);
  return compiled.evaluate(data, context);
};

describe('money operators compute amounts exactly', () => {
  it('money_add(0.1, 0.2) is 0.3, where + gives 0.30000000000000004', () => {
    expect(run({ money_add: [0.1, 0.2] })).toBe(0.3);
    expect(run({ '+': [0.1, 0.2] })).toBe(0.30000000000000004);
  });

  it('sums a list of order amounts to the cent (S36 statement lines)', () => {
    const lines = Array.from({ length: 1000 }, () => 19.99);
    expect(run({ money_sum: [{ var: 'lines' }] }, { lines })).toBe(19990);
  });

  it('multiplies amount × rate and rounds half-up to cents when a scale is given', () => {
    expect(run({ money_mul: [123456.78, 0.08] })).toBe(9876.5424);
    expect(run({ money_mul: [123456.78, 0.08, 2] })).toBe(9876.54);
    expect(run({ money_mul: [0.125, 1, 2] })).toBe(0.13);
  });

  it('subtracts and divides exactly; division by zero gives null', () => {
    expect(run({ money_sub: [1.1, 0.3] })).toBe(0.8);
    expect(run({ money_div: [100, 3] })).toBe(33.33);
    expect(run({ money_div: [100, 3, 4] })).toBe(33.3333);
    expect(run({ money_div: [100, 0] })).toBeNull();
  });

  it('rounds half-up on decimal digits: round(1.005, 2) is 1.01 and round(2.5) is 3', () => {
    expect(run({ round: [1.005, 2] })).toBe(1.01);
    expect(run({ round: [2.5] })).toBe(3);
    expect(run({ round: [-2.5] })).toBe(-3);
    expect(run({ floor: [-1.25, 1] })).toBe(-1.3);
    expect(run({ ceil: [1.21, 1] })).toBe(1.3);
    expect(run({ abs: [-3.5] })).toBe(3.5);
  });

  it('blank amounts count as 0, text that is not a number is a typed error (RL3005)', () => {
    expect(run({ money_add: [{ var: 'missing' }, 5] })).toBe(5);
    expect(compileExpression({ money_add: ['abc', 1] }).safeEvaluate({})).toMatchObject({
      ok: false,
      error: { code: 'RL3005' },
    });
  });
});

describe('date operators take time from the context, never from the clock', () => {
  const now = '2026-03-02T10:00:00+08:00';

  it('now and since read context.now; without it they fail with RL3006', () => {
    expect(run({ now: [] }, {}, { now })).toBe(Date.parse(now));
    expect(
      run(
        { since: [{ var: 'createdAt' }, 'h'] },
        { createdAt: '2026-02-28T10:00:00+08:00' },
        { now },
      ),
    ).toBe(48);
    expect(compileExpression({ now: [] }).safeEvaluate({})).toMatchObject({
      ok: false,
      error: { code: 'RL3006' },
    });
  });

  it('S3: a lead created more than 48 h ago is overdue', () => {
    const overdue = { '>': [{ since: [{ var: 'createdAt' }, 'h'] }, 48] };
    expect(run(overdue, { createdAt: '2026-02-28T09:59:00+08:00' }, { now })).toBe(true);
    expect(run(overdue, { createdAt: '2026-02-28T10:01:00+08:00' }, { now })).toBe(false);
  });

  it('dates without an offset are read in the context zone (default Asia/Shanghai)', () => {
    expect(run({ date: ['2026-03-01'] })).toBe(Date.parse('2026-03-01T00:00:00+08:00'));
    expect(run({ date: ['2026-03-01T09:30'] }, {}, { zone: 'Asia/Tokyo' })).toBe(
      Date.parse('2026-03-01T09:30:00+09:00'),
    );
  });

  it('day, weekday and hour are calendar fields in the zone (S7a: 23:30 in Tokyo is 22:30 in Shanghai)', () => {
    const order = { at: '2026-03-06T23:30:00+09:00' };
    expect(run({ day: [{ var: 'at' }] }, order, { zone: 'Asia/Tokyo' })).toBe('2026-03-06');
    expect(run({ hour: [{ var: 'at' }] }, order)).toBe(22);
    expect(run({ weekday: [{ var: 'at' }] }, order)).toBe(5);
    expect(run({ day: ['2026-03-06T16:30:00Z'] })).toBe('2026-03-07');
  });

  it('durations and date arithmetic', () => {
    expect(run({ duration: ['48h'] })).toBe(48 * 3_600_000);
    expect(run({ date_add: ['2026-03-01T00:00:00Z', '3d'] })).toBe(
      Date.parse('2026-03-04T00:00:00Z'),
    );
    expect(run({ date_diff: ['2026-03-01', '2026-03-08', 'w'] })).toBe(1);
  });

  it('an invalid literal duration or unit is a compile error', () => {
    expect(compileExpression({ duration: ['48 hours'] }).diagnostics[0]).toMatchObject({
      code: 'RL2012',
      pointer: '/duration/0',
    });
    expect(
      compileExpression({ date_diff: ['2026-01-01', '2026-01-02', 'days'] }).diagnostics[0]?.code,
    ).toBe('RL2009');
  });

  it('respects DST in zones that have it (America/New_York, 2026-03-08)', () => {
    expect(run({ date: ['2026-03-08T12:00'] }, {}, { zone: 'America/New_York' })).toBe(
      Date.parse('2026-03-08T12:00:00-04:00'),
    );
    expect(run({ date: ['2026-03-07T12:00'] }, {}, { zone: 'America/New_York' })).toBe(
      Date.parse('2026-03-07T12:00:00-05:00'),
    );
  });
});

describe('text, collection and geo operators', () => {
  it('string helpers', () => {
    expect(run({ lower: ['ABC'] })).toBe('abc');
    expect(run({ trim: ['  客户 '] })).toBe('客户');
    expect(run({ contains: ['官网-白皮书下载', '白皮书'] })).toBe(true);
    expect(run({ starts_with: [{ var: 'phone' }, '138'] }, { phone: '13812345678' })).toBe(true);
    expect(run({ replace: ['a-b-c', '-', '/'] })).toBe('a/b/c');
    expect(run({ split: ['A,B', ','] })).toEqual(['A', 'B']);
    expect(run({ join: [['A', 'B'], '、'] })).toBe('A、B');
    expect(run({ length: [['a', 'b']] })).toBe(2);
  });

  it('coalesce returns the first value that is not blank and evaluates lazily', () => {
    expect(run({ coalesce: [{ var: 'a' }, '', { var: 'b' }, 'x'] }, { b: 0 })).toBe(0);
    expect(run({ coalesce: [{ var: 'a' }] })).toBeNull();
  });

  it('sum and avg skip blanks; has_any/has_all test tags (S6 制造业)', () => {
    expect(run({ sum: [[1, 2, null, '3']] })).toBe(6);
    expect(run({ avg: [[2, 4, null]] })).toBe(3);
    expect(run({ avg: [[]] })).toBeNull();
    expect(
      run({ has_any: [{ var: 'tags' }, ['制造业', '医疗']] }, { tags: ['制造业', 'KA'] }),
    ).toBe(true);
    expect(
      run({ has_all: [{ var: 'tags' }, ['制造业', '医疗']] }, { tags: ['制造业', 'KA'] }),
    ).toBe(false);
  });

  it('S16: distance_km flags a visit photo more than 5 km from the customer', () => {
    const data = {
      photo: { lat: 31.2304, lng: 121.4737 },
      customer: { lat: 31.2989, lng: 121.5015 },
    };
    const km = run({ distance_km: [{ var: 'photo' }, { var: 'customer' }] }, data) as number;
    expect(km).toBeGreaterThan(7.5);
    expect(km).toBeLessThan(8.2);
    expect(run({ '>': [{ distance_km: [{ var: 'photo' }, { var: 'customer' }] }, 5] }, data)).toBe(
      true,
    );
  });
});
