import type { BusinessCalendar, RoutingDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { RoutingSnapshot } from '../types.js';
import { bigWebsiteLead, compile, MONDAY_10, s42, s42Definition, team, teamWith } from './world.js';

const routing = s42();
const heldBy = (...reps: string[]): RoutingSnapshot => ({
  customers: { customer: { 'C-1001': reps } },
});

describe('dedupe by customer (S42: one customer never lands with several reps)', () => {
  it('gives a held customer’s lead to its holder, even over the preference', () => {
    const result = routing.route(bigWebsiteLead, heldBy('wangfang'), {
      now: MONDAY_10,
      users: team,
    });
    expect(result.assignee).toBe('wangfang');
    expect(result.explanation.customer).toEqual({
      field: 'customer',
      key: 'C-1001',
      holders: ['wangfang'],
      limit: 1,
      full: true,
    });
    expect(
      result.explanation.preferences[0]?.tried.map((t) => [t.user, t.skipped[0]?.type]),
    ).toEqual([
      ['zhangwei', 'customer-held'],
      ['lina', 'customer-held'],
    ]);
    expect(result.explanation.decision).toEqual({
      by: 'sticky',
      field: 'customer',
      customer: 'C-1001',
    });
    // The holder is not added twice.
    expect(result.snapshot.customers).toEqual({ customer: { 'C-1001': ['wangfang'] } });
  });

  it('gives it to the holder even when the holder is outside the rule’s pool', () => {
    const result = routing.route(bigWebsiteLead, heldBy('chenjing'), {
      now: MONDAY_10,
      users: team,
    });
    expect(result.assignee).toBe('chenjing');
    expect(result.explanation.candidates.at(-1)).toEqual({
      user: 'chenjing',
      via: 'customer',
      skipped: [],
    });
  });

  it('reports the lead as a duplicate (queue + notice) when the holder cannot take it', () => {
    const users = teamWith({ wangfang: { status: '出差' } });
    const result = routing.route(bigWebsiteLead, heldBy('wangfang'), { now: MONDAY_10, users });
    expect(result.assignee).toBeUndefined();
    expect(result.queue).toBe('lead-pool');
    expect(result.explanation.decision).toEqual({ by: 'fallback', reason: 'customer-held' });
    expect(result.effects[0]).toMatchObject({
      type: 'notify',
      recipients: ['manager-wang'],
      message: {
        'zh-CN':
          '「线索分配规则」未能分配 L-1：客户 C-1001 已由 王芳 负责，他们当前都不能接收。已放入公海「lead-pool」。',
      },
    });
    expect(routing.describe(result, users).map((l) => l['zh-CN'])).toContain(
      '张伟：跳过（客户已由 王芳 负责（每个客户最多 1 人））',
    );
  });

  it('lets a customer have up to maxOwnersPerCustomer reps (S42 literally: never three)', () => {
    const definition: RoutingDefinition = {
      ...s42Definition,
      constraints: { ...s42Definition.constraints, maxOwnersPerCustomer: 2 },
    };
    const two = compile(definition).routing!;
    const route = (snapshot: RoutingSnapshot, away: string[]) =>
      two.route(bigWebsiteLead, snapshot, {
        now: MONDAY_10,
        users: teamWith(Object.fromEntries(away.map((id) => [id, { status: '出差' }]))),
      });
    const first = route({}, []);
    expect(first.assignee).toBe('zhangwei');
    const second = route(first.snapshot, ['zhangwei']);
    expect(second.assignee).toBe('lina');
    expect(second.snapshot.customers).toEqual({ customer: { 'C-1001': ['zhangwei', 'lina'] } });
    const third = route(second.snapshot, ['zhangwei', 'lina']);
    expect(third.explanation.decision).toEqual({ by: 'fallback', reason: 'customer-held' });
  });

  it('does not dedupe a lead without a customer', () => {
    const result = routing.route(
      { id: 'L-2', values: { ...bigWebsiteLead.values, customer: null } },
      heldBy('wangfang'),
      { now: MONDAY_10, users: team },
    );
    expect(result.assignee).toBe('zhangwei');
    expect(result.explanation.customer).toBeUndefined();
  });

  it('reads customers called __proto__ as plain keys', () => {
    const lead = { id: 'L-3', values: { ...bigWebsiteLead.values, customer: '__proto__' } };
    const first = routing.route(lead, {}, { now: MONDAY_10, users: team });
    expect(Object.getPrototypeOf(first.snapshot.customers?.['customer'])).toBe(Object.prototype);
    expect(Object.keys(first.snapshot.customers?.['customer'] ?? {})).toEqual(['__proto__']);
    const users = teamWith({ zhangwei: { status: '出差' } });
    const second = routing.route(lead, first.snapshot, { now: MONDAY_10, users });
    expect(second.explanation.decision).toEqual({ by: 'fallback', reason: 'customer-held' });
  });
});

describe('working hours (workingHoursOnly)', () => {
  const calendar: BusinessCalendar = {
    workingHours: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ],
    holidays: [{ date: '2026-03-03' }],
    extraWorkdays: [{ date: '2026-03-07' }],
  };
  const definition: RoutingDefinition = {
    ...s42Definition,
    constraints: { ...s42Definition.constraints, workingHoursOnly: true },
  };
  const hours = compile(definition, { calendar }).routing!;
  const at = (now: string) => hours.route(bigWebsiteLead, {}, { now, users: team });

  it.each([
    ['Monday 10:00', '2026-03-02T10:00:00+08:00', 'zhangwei'],
    ['Monday 12:30, lunch', '2026-03-02T12:30:00+08:00', undefined],
    ['Monday 18:00, closed', '2026-03-02T18:00:00+08:00', undefined],
    ['Tuesday 10:00, a company holiday', '2026-03-03T10:00:00+08:00', undefined],
    ['Saturday 10:00, weekend', '2026-03-14T10:00:00+08:00', undefined],
    ['Saturday 10:00, a make-up workday', '2026-03-07T10:00:00+08:00', 'zhangwei'],
    ['01:00 UTC is 09:00 in Shanghai', '2026-03-02T01:00:00Z', 'zhangwei'],
  ])('%s', (_name, now, assignee) => {
    expect(at(now).assignee).toBe(assignee);
  });

  it('says each rep was outside working hours, at which local time', () => {
    const result = at('2026-03-02T12:30:00+08:00');
    expect(result.explanation.decision).toEqual({ by: 'fallback', reason: 'no-eligible' });
    expect(result.explanation.candidates[0]?.skipped).toEqual([
      { type: 'outside-hours', localTime: '2026-03-02 12:30' },
    ]);
  });

  it('reads the hours in the app zone (S7a)', () => {
    const late = compile(definition, {
      calendar: { workingHours: [{ start: '10:00', end: '22:00' }] },
      zone: 'Asia/Tokyo',
    }).routing!;
    // 22:30 in Tokyo (closed) is 21:30 in Shanghai (open).
    const now = '2026-03-02T22:30:00+09:00';
    expect(late.route(bigWebsiteLead, {}, { now, users: team }).assignee).toBeUndefined();
    const shanghai = compile(definition, {
      calendar: { workingHours: [{ start: '10:00', end: '22:00' }] },
    }).routing!;
    expect(shanghai.route(bigWebsiteLead, {}, { now, users: team }).assignee).toBe('zhangwei');
  });

  it.each([
    [
      'Tuesday 17 Feb 2026 10:00, Spring Festival (public holiday)',
      '2026-02-17T10:00:00+08:00',
      undefined,
    ],
    [
      'Saturday 14 Feb 2026 10:00, the Spring Festival make-up workday',
      '2026-02-14T10:00:00+08:00',
      'zhangwei',
    ],
    ['Thursday 1 Oct 2026 10:00, National Day', '2026-10-01T10:00:00+08:00', undefined],
  ])(
    'follows the Chinese public holidays and 调休 of the app calendar: %s',
    (_name, now, assignee) => {
      expect(at(now).assignee).toBe(assignee);
    },
  );

  it('a calendar with region none keeps only the company days', () => {
    const plain = compile(definition, { calendar: { ...calendar, region: 'none' } }).routing!;
    const now = '2026-02-17T10:00:00+08:00';
    expect(plain.route(bigWebsiteLead, {}, { now, users: team }).assignee).toBe('zhangwei');
  });

  it('ignores the hours when workingHoursOnly is off', () => {
    expect(
      routing.route(bigWebsiteLead, {}, { now: '2026-03-14T23:00:00+08:00', users: team }).assignee,
    ).toBe('zhangwei');
  });
});

describe('time', () => {
  it('sends the lead to the queue with RL5540 when now is not an instant', () => {
    const result = routing.route(bigWebsiteLead, {}, { now: 'next Tuesday', users: team });
    expect(result.queue).toBe('lead-pool');
    expect(result.error).toMatchObject({ code: 'RL5540', file: 'routing/lead-routing.json' });
    expect(result.explanation.decision).toEqual({ by: 'fallback', reason: 'error' });
  });

  it('accepts epoch milliseconds', () => {
    const now = Date.parse(MONDAY_10);
    expect(routing.route(bigWebsiteLead, {}, { now, users: team }).assignee).toBe('zhangwei');
  });
});
