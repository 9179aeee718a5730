import { validateDefinitionSchema } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { RoutingSnapshot } from '../types.js';
import { bigWebsiteLead, MONDAY_10, s42, s42Definition, team, teamWith } from './world.js';

const routing = s42();
const route = (
  values: Record<string, unknown>,
  snapshot: RoutingSnapshot = {},
  users = team,
  id = 'L-1',
) => routing.route({ id, values }, snapshot, { now: MONDAY_10, users });

describe('S42 lead routing (source → budget band → region)', () => {
  it('is a valid routing definition and compiles against the example app without a diagnostic', () => {
    expect(validateDefinitionSchema('routing', s42Definition).errors).toEqual([]);
    expect(routing.id).toBe('lead-routing');
    expect(routing.assignField).toBe('owner');
  });

  it('sends a website lead over 200k in East China to 张伟 first (preference)', () => {
    const result = route(bigWebsiteLead.values);
    expect(result).toMatchObject({ assignee: 'zhangwei', rule: 'website-large-east', effects: [] });
    expect(result.explanation.decision).toEqual({
      by: 'preference',
      preference: 'big-website-leads',
    });
  });

  it('skips 张伟 on a business trip (出差) and gives the lead to 李娜, and says why', () => {
    const users = teamWith({ zhangwei: { status: '出差' } });
    const result = route(bigWebsiteLead.values, {}, users);
    expect(result.assignee).toBe('lina');
    expect(result.explanation.preferences).toEqual([
      expect.objectContaining({
        preference: 'big-website-leads',
        applies: true,
        tried: [
          { user: 'zhangwei', picked: false, skipped: [{ type: 'status', status: '出差' }] },
          { user: 'lina', picked: true, skipped: [] },
        ],
      }),
    ]);
    expect(routing.describe(result, users).map((line) => line['zh-CN'])).toEqual([
      '规则「官网·20万以上·华东」：符合',
      '张伟：跳过（状态为「出差」）',
      '候选人 3 位，查看了 2 位',
      '优先规则「官网大单优先张伟、李娜」适用：张伟 不可分配（状态为「出差」），选中 李娜',
      '结果：分配给 李娜（优先规则「官网大单优先张伟、李娜」）',
    ]);
  });

  it('skips a rep on leave (休假) given by the snapshot rather than the directory', () => {
    const snapshot: RoutingSnapshot = { reps: { zhangwei: { status: '休假' } } };
    const result = route(bigWebsiteLead.values, snapshot);
    expect(result.assignee).toBe('lina');
    expect(result.explanation.candidates).toContainEqual({
      user: 'zhangwei',
      via: 'pool',
      skipped: [{ type: 'status', status: '休假' }],
    });
  });

  it('skips a rep with more than 8 open leads, but not one with exactly 8', () => {
    const at8 = route(bigWebsiteLead.values, { reps: { zhangwei: { open: 8 } } });
    expect(at8.assignee).toBe('zhangwei');
    const at9 = route(bigWebsiteLead.values, { reps: { zhangwei: { open: 9 } } });
    expect(at9.assignee).toBe('lina');
    expect(at9.explanation.candidates).toContainEqual({
      user: 'zhangwei',
      via: 'pool',
      skipped: [{ type: 'over-capacity', open: 9, max: 8 }],
    });
  });

  it('falls back to the rest of the pool when both preferred reps are skipped', () => {
    const users = teamWith({ zhangwei: { status: '出差' } });
    const result = route(bigWebsiteLead.values, { reps: { lina: { open: 12 } } }, users);
    expect(result.assignee).toBe('wangfang');
    // Sticky has no holder for C-1001, so least-loaded picks among the eligible.
    expect(result.explanation.decision).toEqual({
      by: 'least-loaded',
      measure: 'open-items',
      load: 0,
    });
  });

  it('puts the lead in the queue and notifies the sales manager when nobody can take it (S42b)', () => {
    const users = teamWith({ zhangwei: { status: '出差' }, lina: { status: '休假' } });
    const result = route(bigWebsiteLead.values, { reps: { wangfang: { open: 9 } } }, users);
    expect(result.assignee).toBeUndefined();
    expect(result).toMatchObject({ queue: 'lead-pool', rule: 'website-large-east' });
    expect(result.explanation.decision).toEqual({ by: 'fallback', reason: 'no-eligible' });
    expect(result.effects).toEqual([
      {
        type: 'notify',
        recordId: 'L-1',
        channel: 'in-app',
        recipients: ['manager-wang'],
        title: { 'zh-CN': '线索待分配', en: 'Record waiting for an owner' },
        message: {
          'zh-CN':
            '「线索分配规则」未能分配 L-1：规则「官网·20万以上·华东」的候选人都被跳过。已放入公海「lead-pool」。',
          en: '"Lead routing" could not assign L-1: every candidate of the rule "Website · over 200k · East" was skipped. It is in the queue "lead-pool".',
        },
        source: {},
      },
    ]);
    // Nothing was assigned: the snapshot is the one given.
    expect(result.snapshot).toEqual({ reps: { wangfang: { open: 9 } } });
  });

  it('passes the caller’s effect source on (an automation’s assign action)', () => {
    const result = routing.route(
      { id: 'L-9', values: { source: 'douyin', budget: 100000 } },
      {},
      { now: MONDAY_10, users: team, source: { automation: 'new-lead', action: 0 } },
    );
    expect(result.effects[0]).toMatchObject({ source: { automation: 'new-lead', action: 0 } });
  });

  it('goes to the queue when no rule matches, listing every rule tried', () => {
    const result = route({ source: 'douyin', budget: 100000 });
    expect(result.queue).toBe('lead-pool');
    expect(result.rule).toBeUndefined();
    expect(result.explanation.decision).toEqual({ by: 'fallback', reason: 'no-rule' });
    expect(result.explanation.rules.map((r) => [r.rule, r.matched])).toEqual([
      ['website-large-east', false],
      ['expo-east', false],
      ['inbound-south', false],
      ['small-budget', false],
      ['by-region', false],
    ]);
    expect(routing.describe(result, team).slice(-2)).toEqual([
      {
        'zh-CN': '结果：无人可分配（没有匹配的分配规则），进入公海「lead-pool」',
        en: 'result: nobody can take it (no rule matched it); it goes to the queue "lead-pool"',
      },
      { 'zh-CN': '已通知：王经理', en: 'notified: Manager Wang' },
    ]);
  });

  it('stops at the first rule that matches and shows its condition trace', () => {
    const result = route({ source: 'expo', region: 'east', budget: 30000 });
    // small-budget would match too, but expo-east comes first.
    expect(result.rule).toBe('expo-east');
    expect(result.explanation.rules).toHaveLength(2);
    const [first] = result.explanation.rules;
    expect(first).toMatchObject({ rule: 'website-large-east', matched: false });
    expect(first?.trace[0]).toMatchObject({ operator: 'and', value: false });
  });

  it('applies the preference in other rules too: a big website lead from the north', () => {
    const result = route({ source: 'website', budget: 250000, region: 'north' });
    expect(result).toMatchObject({ rule: 'by-region', assignee: 'zhangwei' });
  });

  it('keeps the next snapshot: load + 1, today’s count, the customer’s holder', () => {
    const result = route(bigWebsiteLead.values, { reps: { zhangwei: { open: 3, signed7d: 2 } } });
    expect(result.snapshot).toEqual({
      reps: { zhangwei: { open: 4, signed7d: 2, assignedToday: 1 } },
      day: '2026-03-02',
      customers: { customer: { 'C-1001': ['zhangwei'] } },
    });
  });
});
