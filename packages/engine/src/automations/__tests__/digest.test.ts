/** Digests: compile checks, `schedule.due` ranking, ties, limits, groups, errors, refusals. */
import { describe, expect, it } from 'vitest';
import type { Effect, TraceEntry } from '../../app/types.js';
import { groupRecords } from '../digest/select.js';
import { rankText } from '../digest/render.js';
import {
  digestAction,
  digestApp,
  fire,
  opportunityRecord as opp,
  scheduled,
  stateOf,
} from './digestHarness.js';
import { automation, context, users } from './harness.js';

const notifies = (effects: readonly Effect[]) =>
  effects.filter(
    (effect): effect is Extract<Effect, { type: 'notify' }> => effect.type === 'notify',
  );
const scheduleEntry = (trace: readonly TraceEntry[]) =>
  trace.find(
    (entry): entry is Extract<TraceEntry, { kind: 'schedule' }> => entry.kind === 'schedule',
  );

function diagnose(definition: ReturnType<typeof scheduled>) {
  const built = digestApp(definition);
  return {
    compiled: built.automations[0],
    found: built.diagnostics.map((d) => ({ code: d.code, pointer: d.pointer })),
  };
}

describe('compiling a digest', () => {
  it('compiles a scheduled digest that can run', () => {
    const { compiled, found } = diagnose(
      scheduled([
        digestAction({
          filter: { '!': [{ in: [{ var: 'stage' }, ['paid', 'lost']] }] },
          limit: 3,
          recipients: [{ managerOf: 'owner' }, { role: 'sales-manager' }],
        }),
      ]),
    );
    expect(found).toEqual([]);
    expect(compiled?.runSchedule).toBeTypeOf('function');
    expect([...(compiled?.writes ?? [])]).toEqual([]);
  });

  it.each<[string, ReturnType<typeof scheduled>, string, string]>([
    [
      'a digest on a record event',
      scheduled([digestAction()], { trigger: { type: 'record.created' } }),
      'RL5320',
      '/actions/0/type',
    ],
    [
      'a record action on a schedule',
      scheduled([digestAction(), { type: 'addTag', tag: 'x' }]),
      'RL5321',
      '/actions/1/type',
    ],
    [
      'a digest without recipients',
      scheduled([digestAction({ groupBy: undefined })]),
      'RL5323',
      '/actions/0',
    ],
    [
      'a field in the message',
      scheduled([digestAction({ template: '{{title}}: {{items}}' })]),
      'RL5324',
      '/actions/0/template',
    ],
    [
      'a field in the title, per language',
      scheduled([digestAction({ title: { 'zh-CN': '{{count}}', en: '{{amount}}' } })]),
      'RL5324',
      '/actions/0/title/en',
    ],
    [
      'a recipient field that is not the group',
      scheduled([digestAction({ recipients: [{ field: 'owner' }], groupBy: undefined })]),
      'RL5325',
      '/actions/0/recipients/0/field',
    ],
    [
      'a group that is not a user field',
      scheduled([digestAction({ groupBy: 'title' })]),
      'RL5308',
      '/actions/0/groupBy',
    ],
    [
      'an unknown group field',
      scheduled([digestAction({ groupBy: 'ownr' })]),
      'RL5302',
      '/actions/0/groupBy',
    ],
    [
      'an unknown field in a line',
      scheduled([digestAction({ itemTemplate: '{{position}} {{titel}}' })]),
      'RL5310',
      '/actions/0/itemTemplate',
    ],
    [
      'an unknown field in the rank',
      scheduled([digestAction({ rank: { var: 'probabilty' } })]),
      'RL2007',
      '/actions/0/rank/var',
    ],
  ])('reports %s', (_name, definition, code, pointer) => {
    const { compiled, found } = diagnose(definition);
    expect(found).toContainEqual({ code, pointer });
    expect(compiled).toBeUndefined();
  });

  it('needs the entity whose records it lists', () => {
    const definition = scheduled([
      digestAction({ groupBy: undefined, recipients: [{ role: 'finance' }] }),
    ]);
    const { entity: _entity, ...withoutEntity } = definition;
    const { found } = diagnose(withoutEntity as typeof definition);
    expect(found).toEqual([{ code: 'RL5322', pointer: '' }]);
  });

  it('refuses a record action on a schedule without an entity, too', () => {
    const weekly = automation({
      id: 'weekly',
      trigger: { type: 'schedule', cron: '0 16 * * 5' },
      actions: [
        {
          type: 'notify',
          channel: 'in-app',
          recipients: [{ role: 'sales-rep' }],
          template: '本周简报',
        },
      ],
    });
    expect(diagnose(weekly).found).toEqual([{ code: 'RL5321', pointer: '/actions/0/type' }]);
  });
});

const deals = [
  opp('O1', { owner: 'u-li', probability: 0.5 }),
  opp('O2', { owner: 'u-li', probability: 0.9 }),
  opp('O3', { owner: 'u-li', probability: 0.3 }),
  opp('O4', { owner: 'u-li', probability: 0.7 }),
  opp('O5', { owner: 'u-zhang', probability: 0.4 }),
  opp('O6', { owner: 'u-li', probability: 1, stage: 'paid' }),
  opp('C1', { owner: 'u-li', probability: 1 }),
];
const openOnly = { '!': [{ in: [{ var: 'stage' }, ['paid', 'lost']] }] };

describe('schedule.due', () => {
  const { app } = digestApp(scheduled([digestAction({ filter: openOnly, limit: 3 })]));
  // C1 is a contract-like id on another entity: only opportunities are read.
  const state = stateOf(...deals.slice(0, 6), { ...deals[6]!, entity: 'contract' });

  it('lists the highest ranks per owner, at most `limit`, and changes nothing', () => {
    const result = fire(app, state);
    expect(result.outcome).toEqual({ ok: true });
    expect(result.state).toBe(state);
    expect(result.patches).toEqual([]);
    const [li, zhang] = notifies(result.effects);
    expect(result.effects).toHaveLength(2);
    expect(li).toMatchObject({
      recordId: 'O2',
      channel: 'wecom',
      recipients: ['u-li'],
      items: [
        { recordId: 'O2', rank: 0.9 },
        { recordId: 'O4', rank: 0.7 },
        { recordId: 'O1', rank: 0.5 },
      ],
      source: { automation: 'daily', action: 0 },
    });
    expect(li?.title).toEqual({ 'zh-CN': '今日TOP3', en: 'Top 3 today' });
    expect(li?.message).toEqual({
      'zh-CN': '李娜：3/4\n1. O2 (0.9)\n2. O4 (0.7)\n3. O1 (0.5)',
      en: 'Li Na: 3 of 4\n1. O2 (0.9)\n2. O4 (0.7)\n3. O1 (0.5)',
    });
    expect(zhang).toMatchObject({
      recipients: ['u-zhang'],
      items: [{ recordId: 'O5', rank: 0.4 }],
    });
    expect(scheduleEntry(result.trace)).toEqual({
      kind: 'schedule',
      automation: 'daily',
      entity: 'opportunity',
      outcome: 'fired',
      considered: 6,
      matched: 6,
      digests: [
        {
          action: 0,
          selected: 5,
          groups: [
            { user: 'u-li', selected: 4, listed: ['O2', 'O4', 'O1'], recipients: ['u-li'] },
            { user: 'u-zhang', selected: 1, listed: ['O5'], recipients: ['u-zhang'] },
          ],
        },
      ],
    });
  });

  it('breaks ties by record id, and lists by id without a rank', () => {
    const tied = stateOf(
      opp('B', { owner: 'u-li', probability: 0.5 }),
      opp('A', { owner: 'u-li', probability: 0.5 }),
      opp('C', { owner: 'u-li', probability: 0.6 }),
    );
    expect(notifies(fire(app, tied).effects)[0]?.items?.map((i) => i.recordId)).toEqual([
      'C',
      'A',
      'B',
    ]);
    const unranked = digestApp(scheduled([digestAction({ rank: undefined })])).app;
    const [message] = notifies(fire(unranked, tied).effects);
    expect(message?.items).toEqual([{ recordId: 'A' }, { recordId: 'B' }, { recordId: 'C' }]);
    expect(message?.message.en).toContain('1. A ()');
  });

  it('applies the condition before the filter, and sends nothing when nothing is selected', () => {
    const withCondition = digestApp(
      scheduled([digestAction()], { condition: { '>': [{ var: 'probability' }, 0.8] } }),
    ).app;
    const result = fire(withCondition, state);
    expect(notifies(result.effects).map((n) => n.items)).toEqual([
      [
        { recordId: 'O6', rank: 1 },
        { recordId: 'O2', rank: 0.9 },
      ],
    ]);
    expect(scheduleEntry(result.trace)).toMatchObject({ considered: 6, matched: 2 });
    const none = fire(app, stateOf(opp('O9', { owner: 'u-li', stage: 'lost', probability: 1 })));
    expect(none.effects).toEqual([]);
    expect(scheduleEntry(none.trace)?.digests).toEqual([{ action: 0, selected: 0, groups: [] }]);
  });

  it('sends records without an owner to `recipients` only, as the last group', () => {
    const withManager = digestApp(
      scheduled([
        digestAction({ recipients: [{ managerOf: 'owner' }, { role: 'sales-director' }] }),
      ]),
    ).app;
    const result = fire(
      withManager,
      stateOf(opp('O1', { owner: 'u-li', probability: 0.5 }), opp('O2', { probability: 0.9 })),
    );
    expect(notifies(result.effects).map((n) => [n.recipients, n.items])).toEqual([
      [['u-li', 'u-wang', 'u-director'], [{ recordId: 'O1', rank: 0.5 }]],
      [['u-director'], [{ recordId: 'O2', rank: 0.9 }]],
    ]);
    expect(notifies(result.effects)[1]?.message['zh-CN']).toMatch(/^未分配：1\/1/);
    // Without recipients the unassigned list still goes out, to nobody, as a notify does.
    const alone = fire(app, stateOf(opp('O2', { probability: 0.9 })));
    expect(notifies(alone.effects)[0]?.recipients).toEqual([]);
    expect(scheduleEntry(alone.trace)?.digests[0]?.groups[0]).toMatchObject({
      user: null,
      recipients: [],
    });
  });

  it('without groupBy sends one list to the recipients', () => {
    const summary = digestApp(
      scheduled([
        digestAction({ groupBy: undefined, recipients: [{ role: 'sales-director' }], limit: 2 }),
      ]),
    ).app;
    const result = fire(summary, state);
    expect(notifies(result.effects)).toHaveLength(1);
    expect(notifies(result.effects)[0]).toMatchObject({
      recipients: ['u-director'],
      items: [
        { recordId: 'O6', rank: 1 },
        { recordId: 'O2', rank: 0.9 },
      ],
      message: { 'zh-CN': '：2/6\n1. O6 (1)\n2. O2 (0.9)' },
    });
    expect(scheduleEntry(result.trace)?.digests[0]?.groups[0]).not.toHaveProperty('user');
  });

  it('leaves out a record whose rank fails or is not a number, and says why', () => {
    const byAmount = digestApp(
      scheduled([
        digestAction({ rank: { money_mul: [{ var: 'amount' }, { var: 'probability' }] } }),
      ]),
    ).app;
    const result = fire(
      byAmount,
      stateOf(
        opp('O1', { owner: 'u-li', amount: 100, probability: 0.5 }),
        opp('O2', { owner: 'u-li', amount: 'lots', probability: 0.5 }),
      ),
    );
    expect(notifies(result.effects)[0]?.items).toEqual([{ recordId: 'O1', rank: 50 }]);
    const errors = result.trace.filter((entry) => entry.kind === 'automation');
    expect(errors).toMatchObject([
      { automation: 'daily', recordId: 'O2', outcome: 'error', error: { code: 'RL3005' } },
    ]);
    const missing = fire(
      app,
      stateOf(opp('O1', { owner: 'u-li' }), opp('O2', { owner: 'u-li', probability: 0.2 })),
    );
    expect(missing.outcome).toEqual({ ok: true });
    expect(missing.trace.filter((entry) => entry.kind === 'automation')).toMatchObject([
      {
        recordId: 'O1',
        outcome: 'error',
        error: {
          code: 'RL5326',
          pointer: '/actions/0/rank',
          file: 'automations/daily.json',
          message: {
            en: 'the rank of the record "O1" is not a number (null), so the digest leaves it out',
          },
        },
      },
    ]);
  });

  it('reads computed fields as of now, not as they were stored', () => {
    const byWeight = digestApp(scheduled([digestAction({ rank: { var: 'weightedAmount' } })])).app;
    const stale = stateOf(
      opp('O1', { owner: 'u-li', amount: 1000, probability: 0.5, weightedAmount: 9999 }),
      opp('O2', { owner: 'u-li', amount: 1000, probability: 0.6, weightedAmount: 1 }),
    );
    expect(notifies(fire(byWeight, stale).effects)[0]?.items).toEqual([
      { recordId: 'O2', rank: 600 },
      { recordId: 'O1', rank: 500 },
    ]);
  });

  it('refuses an unknown automation and one that is not scheduled', () => {
    const both = digestApp(
      scheduled([digestAction()]),
      automation({
        id: 'on-create',
        entity: 'lead',
        trigger: { type: 'record.created' },
        actions: [{ type: 'addTag', tag: 'x' }],
      }),
    ).app;
    expect(fire(both, state, 'nightly').outcome).toEqual({
      ok: false,
      reason: 'not-found',
      message: { 'zh-CN': '应用中没有自动化 "nightly"', en: 'the app has no automation "nightly"' },
    });
    const refused = fire(both, state, 'on-create');
    expect(refused.outcome).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: {
        en: 'the automation "on-create" is triggered by record.created, not by a schedule, so it cannot run on a schedule',
      },
    });
    expect(refused.effects).toEqual([]);
    expect(refused.state).toBe(state);
    const odd = fire(both, state, { toString: () => 'x' } as unknown as string);
    expect(odd.outcome).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('does nothing for a switched-off automation, and says so', () => {
    const off = digestApp(scheduled([digestAction()], { enabled: false })).app;
    const result = fire(off, state);
    expect(result.outcome).toEqual({ ok: true });
    expect(result.effects).toEqual([]);
    expect(result.trace).toEqual([
      {
        kind: 'schedule',
        automation: 'daily',
        entity: 'opportunity',
        outcome: 'disabled',
        considered: 0,
        matched: 0,
        digests: [],
      },
    ]);
  });

  it('runs every digest of the automation, each its own message', () => {
    const two = digestApp(
      scheduled([
        digestAction({ limit: 1 }),
        digestAction({
          groupBy: undefined,
          recipients: [{ user: 'u-wang' }],
          rank: undefined,
          limit: 1,
        }),
      ]),
    ).app;
    const result = fire(two, state, 'daily', context({ users }));
    expect(notifies(result.effects).map((n) => [n.source.action, n.recipients, n.items])).toEqual([
      [0, ['u-li'], [{ recordId: 'O6', rank: 1 }]],
      [0, ['u-zhang'], [{ recordId: 'O5', rank: 0.4 }]],
      [1, ['u-wang'], [{ recordId: 'O1' }]],
    ]);
  });
});

describe('digest parts', () => {
  it('puts a record of a multi-user field in each user group, users in id order', () => {
    const ranked = [
      { record: opp('O1', { owner: ['u-zhang', 'u-li', 'u-li'] }), rank: 2 },
      { record: opp('O2', { owner: '' }), rank: 1 },
      { record: opp('O3', { owner: 'u-li' }), rank: 0 },
    ];
    expect(
      groupRecords(ranked, 'owner').map((group) => [
        group.user,
        group.records.map((r) => r.record.id),
      ]),
    ).toEqual([
      ['u-li', ['O1', 'O3']],
      ['u-zhang', ['O1']],
      [null, ['O2']],
    ]);
    expect(groupRecords([], 'owner')).toEqual([]);
    expect(groupRecords([], undefined)).toEqual([]);
  });

  it('shows ranks without float noise', () => {
    expect(rankText(0.1 + 0.2)).toBe('0.3');
    expect(rankText(2 / 3)).toBe('0.666666666667');
    expect(rankText(undefined)).toBe('');
  });

  it('shows an empty value in a line as a dash', () => {
    const { app } = digestApp(
      scheduled([digestAction({ itemTemplate: '{{title}} / {{expectedCloseDate}} / {{rank}}' })]),
    );
    const [message] = notifies(
      fire(
        app,
        stateOf(
          opp('O1', { owner: 'u-li', probability: 0.5, expectedCloseDate: '2024-06-10' }),
          opp('O2', { owner: 'u-li', probability: 0.4 }),
        ),
      ).effects,
    );
    expect(message?.message.en.split('\n').slice(1)).toEqual([
      'O1 / 2024-06-10 / 0.5',
      'O2 / — / 0.4',
    ]);
  });
});
