/**
 * Properties of handleEvent over random event sequences on an app with every scenario
 * automation: deterministic, never changes its inputs, never throws, patches that replay.
 */
import fc from 'fast-check';
import { applyPatches, enablePatches } from 'immer';
import { describe, expect, it } from 'vitest';
import whitepaperLead from '@ruleloom/schemas/fixtures/valid/automation/whitepaper-lead.json' with { type: 'json' };
import contractSignedFinance from '@ruleloom/schemas/fixtures/valid/automation/contract-signed-finance.json' with { type: 'json' };
import stageQuoteIntent from '@ruleloom/schemas/fixtures/valid/automation/stage-quote-intent.json' with { type: 'json' };
import type { AutomationDefinition } from '@ruleloom/schemas';
import {
  account,
  automation,
  buildApp,
  contract,
  deepFreeze,
  lead,
  opportunity,
  opportunityStages,
  users,
} from '../../../automations/__tests__/harness.js';
import { handleEvent } from '../../handle.js';
import type { AppEvent, AppState, HandleContext, HandleResult } from '../../types.js';

enablePatches();

const { app } = buildApp({
  entities: [lead, contract, opportunity, account],
  pipelines: [opportunityStages],
  automations: [
    whitepaperLead as unknown as AutomationDefinition,
    contractSignedFinance as unknown as AutomationDefinition,
    stageQuoteIntent as unknown as AutomationDefinition,
    automation({
      id: 'bump',
      entity: 'contract',
      trigger: { type: 'record.updated', changedFields: ['counter'] },
      condition: { '<': [{ var: 'counter' }, 1000] },
      actions: [{ type: 'setField', field: 'counter', value: { '+': [{ var: 'counter' }, 1] } }],
    }),
    automation({
      id: 'approved',
      entity: 'opportunity',
      trigger: { type: 'approval.decided' },
      actions: [
        { type: 'mark', color: 'green' },
        { type: 'addTag', tag: '已审批' },
      ],
    }),
    automation({
      id: 'daily',
      entity: 'opportunity',
      trigger: { type: 'schedule', cron: '0 9 * * *' },
      actions: [
        {
          type: 'digest',
          rank: { '*': [{ var: 'amount' }, { var: 'probability' }] },
          limit: 2,
          groupBy: 'owner',
          recipients: [{ managerOf: 'owner' }],
          channel: 'wecom',
          template: '{{user}} {{count}}/{{total}}\n{{items}}',
          itemTemplate: '{{position}}. {{title}} {{amount}} {{rank}}',
        },
      ],
    }),
  ],
});

const recordIds = fc.constantFrom(
  'L1',
  'C1',
  'O1',
  'A1',
  '',
  'constructor',
  '__proto__',
  'toString',
);
const entities = fc.constantFrom('lead', 'contract', 'opportunity', 'account', 'nope', '__proto__');
const fieldIds = fc.constantFrom(
  'name',
  'company',
  'source',
  'websiteForm',
  'firstTouch',
  'intentGrade',
  'owner',
  'tags',
  'title',
  'contractNo',
  'customer',
  'amount',
  'status',
  'contractScan',
  'counter',
  'note',
  'stage',
  'budgetRange',
  'decisionRole',
  'probability',
  'revenue',
  'contactRank',
  'lastMessage',
  'nope',
  '__proto__',
  'constructor',
);
const fieldValues = fc.oneof(
  fc.constantFrom(
    'website',
    'whitepaper',
    'phone',
    'B',
    'u-li',
    'u-director',
    'signed',
    'draft',
    'quote',
    'under-50k',
    'from-50k-to-200k',
    'decision-maker',
    'manager',
    '资金紧张',
    20000,
    60000,
    0,
    999,
    ['制造业'],
    [{ name: 'scan.pdf' }],
    null,
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
// Built with fromEntries, so that "__proto__" is an own key as JSON.parse would make it.
const values = fc
  .array(fc.tuple(fieldIds, fieldValues), { maxLength: 6 })
  .map((entries) => Object.fromEntries(entries));

const events: fc.Arbitrary<AppEvent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('record.create' as const),
      entity: entities,
      recordId: recordIds,
      values,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('record.update' as const),
      recordId: recordIds,
      values,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        type: fc.constant('stage.move' as const),
        recordId: recordIds,
        to: fc.constantFrom(
          'lead',
          'proposal',
          'quote',
          'contract',
          'payment',
          'paid',
          'lost',
          'nope',
        ),
        pipeline: fc.constantFrom('opportunity', 'nope'),
      },
      { requiredKeys: ['type', 'recordId', 'to'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('approval.decide' as const),
      recordId: recordIds,
      approval: fc.constantFrom('large-quote', 'legal', 'nope'),
      decision: fc.constantFrom('approve', 'reject', 'maybe') as fc.Arbitrary<'approve'>,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('approval.recall' as const),
      recordId: recordIds,
      approval: fc.constantFrom('large-quote', 'nope'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('schedule.due' as const),
      automation: fc.constantFrom('daily', 'approved', 'nope'),
    }),
  },
  { weight: 1, arbitrary: fc.anything() as fc.Arbitrary<unknown> as fc.Arbitrary<AppEvent> },
);

const contexts: fc.Arbitrary<HandleContext> = fc.record(
  {
    now: fc.oneof(
      fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
      fc.constantFrom('2024-06-03T09:00:00+08:00', '2024-06-03 09:00', 'not a time'),
    ),
    actor: fc.constantFrom(...users).map((user) => ({ id: user.id, roles: user.roles ?? [] })),
    users: fc.constant(users),
  },
  { requiredKeys: ['now', 'users'] },
);

const ENGINE_FAILURE = 'the engine failed';

function step(state: AppState, event: AppEvent, ctx: HandleContext): HandleResult {
  deepFreeze(state);
  deepFreeze(event);
  deepFreeze(ctx);
  const before = structuredClone({ state, event, ctx });
  const first = handleEvent(app, state, event, ctx);
  const second = handleEvent(app, state, event, ctx);
  // Deterministic, and the inputs are as they were (frozen: a write would have thrown).
  expect(second).toEqual(first);
  expect({ state, event, ctx }).toEqual(before);
  expect(first.outcome.ok || !first.outcome.message.en.startsWith(ENGINE_FAILURE)).toBe(true);
  // The patches replay the change, and the inverse patches undo it.
  expect(applyPatches(state, first.patches)).toEqual(first.state);
  expect(applyPatches(first.state, first.inversePatches)).toEqual(state);
  if (first.patches.length === 0) expect(first.state).toBe(state);
  // A result is data: it survives JSON.
  expect(JSON.parse(JSON.stringify(first.effects))).toEqual(first.effects);
  return first;
}

describe('handleEvent properties', () => {
  it('is deterministic, never changes its inputs and replays through its patches', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(events, contexts), { maxLength: 12 }), (sequence) => {
        let state: AppState = { records: {} };
        for (const [event, ctx] of sequence) state = step(state, event, ctx).state;
      }),
      { numRuns: 150 },
    );
  });

  it('reaches deep states on a plausible path and keeps the properties there', () => {
    const plausible = fc.array(
      fc.constantFrom<[AppEvent, HandleContext]>(
        [
          {
            type: 'record.create',
            entity: 'opportunity',
            recordId: 'O1',
            values: {
              title: 'T',
              customer: 'A',
              amount: 60000,
              budgetRange: 'under-50k',
              decisionRole: 'user',
              owner: 'u-li',
            },
          },
          { now: 1_717_376_400_000, users, actor: { id: 'u-li', roles: ['sales-rep'] } },
        ],
        [
          { type: 'stage.move', recordId: 'O1', to: 'proposal' },
          { now: 1_717_376_500_000, users, actor: { id: 'u-li', roles: ['sales-rep'] } },
        ],
        [
          { type: 'stage.move', recordId: 'O1', to: 'quote' },
          { now: 1_717_376_600_000, users, actor: { id: 'u-li', roles: ['sales-rep'] } },
        ],
        [
          { type: 'approval.decide', recordId: 'O1', approval: 'large-quote', decision: 'approve' },
          { now: 1_717_376_700_000, users, actor: { id: 'u-director', roles: ['sales-director'] } },
        ],
        [
          { type: 'approval.decide', recordId: 'O1', approval: 'large-quote', decision: 'reject' },
          { now: 1_717_376_700_000, users, actor: { id: 'u-director', roles: ['sales-director'] } },
        ],
        [
          { type: 'approval.recall', recordId: 'O1', approval: 'large-quote' },
          { now: 1_717_376_800_000, users, actor: { id: 'u-li', roles: ['sales-rep'] } },
        ],
        [
          { type: 'record.update', recordId: 'O1', values: { amount: 20000 } },
          { now: 1_717_376_900_000, users },
        ],
        [
          {
            type: 'record.create',
            entity: 'contract',
            recordId: 'C1',
            values: { title: 'HT', status: 'draft', counter: 0 },
          },
          { now: 1_717_376_400_000, users },
        ],
        [
          { type: 'record.update', recordId: 'C1', values: { status: 'signed', counter: 990 } },
          { now: 1_717_376_400_000, users },
        ],
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(plausible, (sequence) => {
        let state: AppState = { records: {} };
        for (const [event, ctx] of sequence)
          state = step(state, structuredClone(event), structuredClone(ctx)).state;
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, whatever the event, the context or the state', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (event, ctx, state) => {
        for (const [s, c] of [
          [state, ctx],
          [{ records: {} }, ctx],
          [{ records: {} }, { now: 0 }],
          [{ records: { O1: state } }, { now: 0, users: ctx }],
        ]) {
          const result = handleEvent(app, s as AppState, event as AppEvent, c as HandleContext);
          expect(result.outcome.ok || !result.outcome.message.en.startsWith(ENGINE_FAILURE)).toBe(
            true,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
