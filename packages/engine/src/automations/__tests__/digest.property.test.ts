/** Digest properties: deterministic whatever the record values and their order; never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../app/types.js';
import {
  digestAction,
  digestApp,
  fire,
  opportunityRecord,
  scheduled,
  stateOf,
} from './digestHarness.js';
import { deepFreeze } from './harness.js';

// The S35 rank: probability × urgency, with the day arithmetic that real data breaks.
const rank = {
  '/': [
    { var: 'probability' },
    {
      max: [
        1,
        {
          coalesce: [
            { date_diff: [{ day: [{ now: [] }] }, { var: 'expectedCloseDate' }, 'd'] },
            30,
          ],
        },
      ],
    },
  ],
};

const apps = [1, 2, 3, 5].map(
  (limit) =>
    [
      limit,
      digestApp(
        scheduled([
          digestAction({
            filter: { '!': [{ in: [{ var: 'stage' }, ['paid', 'lost']] }] },
            rank,
            limit,
            recipients: [{ managerOf: 'owner' }],
            itemTemplate: '{{position}}. {{title}} {{probability}} {{expectedCloseDate}} {{rank}}',
          }),
        ]),
      ).app,
    ] as const,
);

const value = fc.oneof(
  fc.constantFrom(null, '', 'u-li', 'u-zhang', 'u-wang', 'paid', 'lost', 'quote', '2024-06-05'),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 5 }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.jsonValue({ maxDepth: 2 }),
);
const values = fc.record(
  {
    owner: fc.oneof(value, fc.array(fc.constantFrom('u-li', 'u-zhang', ''), { maxLength: 3 })),
    probability: value,
    expectedCloseDate: value,
    stage: value,
    title: value,
    amount: value,
  },
  { requiredKeys: [] },
);
const records = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,6}$/), values), {
  selector: ([id]) => id,
  maxLength: 12,
});

const notifies = (effects: readonly Effect[]) =>
  effects.filter((e): e is Extract<Effect, { type: 'notify' }> => e.type === 'notify');

describe('digest properties', () => {
  it('gives the same result for the same records in any order, never throws, changes nothing', () => {
    fc.assert(
      fc.property(records, fc.nat({ max: apps.length - 1 }), (list, which) => {
        const [limit, app] = apps[which] ?? apps[0]!;
        const built = list.map(([id, v]) => opportunityRecord(id, v));
        const state = deepFreeze(stateOf(...built));
        const first = fire(app, state);
        expect(first.outcome).toEqual({ ok: true });
        expect(first.state).toBe(state);
        expect(first.patches).toEqual([]);
        expect(fire(app, deepFreeze(stateOf(...[...built].reverse())))).toEqual(first);
        for (const effect of notifies(first.effects)) {
          const items = effect.items ?? [];
          expect(items.length).toBeGreaterThan(0);
          expect(items.length).toBeLessThanOrEqual(limit);
          expect(effect.recordId).toBe(items[0]?.recordId);
          for (let i = 1; i < items.length; i++) {
            const [a, b] = [items[i - 1]!, items[i]!];
            // Highest rank first; equal ranks in record-id order.
            expect(a.rank! > b.rank! || (a.rank === b.rank && a.recordId < b.recordId)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
