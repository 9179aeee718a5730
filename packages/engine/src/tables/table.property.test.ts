import type { TableDefinition } from '@ruleloom/schemas';
import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, fixture, mustCompile, tableOf } from './__tests__/helpers.js';

// Tables are evaluated on whatever reps' apps, imports and HTTP callers hand them: evaluate
// never throws, and the results agree with an independent reading of the rows.

/** A random band of amounts: ends in 万 or plain numbers, each end open or closed. */
const band = fc
  .record({
    lo: fc.integer({ min: -20, max: 60 }),
    width: fc.integer({ min: 0, max: 40 }),
    loClosed: fc.boolean(),
    hiClosed: fc.boolean(),
    wan: fc.boolean(),
  })
  .filter((b) => b.width > 0 || (b.loClosed && b.hiClosed));

type Band = { lo: number; width: number; loClosed: boolean; hiClosed: boolean; wan: boolean };

const bandText = (b: Band): string => {
  const f = (n: number) => (b.wan ? `${n}万` : String(n * 10000));
  return `${b.loClosed ? '[' : '('}${f(b.lo)}..${f(b.lo + b.width)}${b.hiClosed ? ']' : ')'}`;
};

const inBand = (b: Band, amount: number): boolean => {
  const lo = b.lo * 10000;
  const hi = (b.lo + b.width) * 10000;
  return (b.loClosed ? amount >= lo : amount > lo) && (b.hiClosed ? amount <= hi : amount < hi);
};

/** Outputs with up to 3 decimals, as rebate rates and points are written. */
const output = fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000);

const collectTable = (
  rows: readonly { band: Band; points: number }[],
  aggregator?: 'sum' | 'min' | 'max' | 'count',
) =>
  mustCompile(
    tableOf({
      hitPolicy: 'collect',
      ...(aggregator ? { aggregator } : {}),
      inputs: [{ id: 'amount', type: 'money' }],
      outputs: [{ id: 'points', type: 'number' }],
      rows: rows.map((row, i) => ({
        id: `r${i}`,
        when: { amount: bandText(row.band) },
        then: { points: row.points },
      })) as never,
    }),
  );

const amount = fc.oneof(
  fc.integer({ min: -30, max: 110 }).map((n) => n * 10000),
  fc.integer({ min: -300000, max: 1100000 }),
);

describe('collect', () => {
  it('sum equals the sum of the matched rows’ outputs (exact decimals), and the matched rows are the rows whose band holds the amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ band, points: output }), { minLength: 1, maxLength: 12 }),
        amount,
        (rows, x) => {
          const table = collectTable(rows, 'sum');
          const result = table.evaluate({ amount: x });
          expect(result.ok).toBe(true);
          const expected = rows.flatMap((row, i) => (inBand(row.band, x) ? [i] : []));
          expect(result.matched.map((m) => m.index)).toEqual(expected);
          const sum = result.matched.reduce(
            (s, m) => s.plus(m.outputs['points'] as number),
            new Big(0),
          );
          expect(result.outputs).toEqual({ points: expected.length === 0 ? null : sum.toNumber() });
        },
      ),
    );
  });

  it('min, max and count agree with the matched rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ band, points: output }), { minLength: 1, maxLength: 8 }),
        amount,
        (rows, x) => {
          const points = rows.filter((row) => inBand(row.band, x)).map((row) => row.points);
          expect(collectTable(rows, 'count').evaluate({ amount: x }).outputs).toEqual({
            points: points.length,
          });
          const none = points.length === 0;
          expect(collectTable(rows, 'min').evaluate({ amount: x }).outputs).toEqual({
            points: none ? null : Math.min(...points),
          });
          expect(collectTable(rows, 'max').evaluate({ amount: x }).outputs).toEqual({
            points: none ? null : Math.max(...points),
          });
        },
      ),
    );
  });
});

describe('first and decide', () => {
  it('first takes the first row whose band holds the amount; decide gives the same outputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ band, points: output }), { minLength: 1, maxLength: 12 }),
        amount,
        (rows, x) => {
          const table = mustCompile(
            tableOf({
              inputs: [{ id: 'amount', type: 'money' }],
              outputs: [{ id: 'points', type: 'number', default: 0 }],
              rows: rows.map((row, i) => ({
                id: `r${i}`,
                when: { amount: bandText(row.band) },
                then: { points: row.points },
              })) as never,
            }),
          );
          const first = rows.findIndex((row) => inBand(row.band, x));
          const result = table.evaluate({ amount: x });
          expect(result.outputs).toEqual({ points: first === -1 ? 0 : rows[first]?.points });
          expect(result.matched.map((m) => m.index)).toEqual(first === -1 ? [] : [first]);
          expect(table.decide({ amount: x }, undefined)).toEqual(result.outputs);
        },
      ),
    );
  });
});

describe('evaluate never throws', () => {
  const tables = [
    ...['rebate-tier', 'store-tier-rebate', 'payment-timeliness-bonus'].map((name) =>
      mustCompile(fixture<TableDefinition>('table', name)),
    ),
    mustCompile(
      tableOf({
        hitPolicy: 'unique',
        inputs: [
          { id: 'signedOn', type: 'date' },
          { id: 'tags', type: 'tags' },
          { id: 'vip', type: 'boolean' },
          { id: 'amount', type: 'money' },
        ],
        outputs: [{ id: 'rate', type: 'percent', default: 0 }],
        rows: [
          {
            id: 'q1',
            when: { signedOn: '[2026-01-01..2026-03-31]', tags: 'vip', vip: true },
            then: { rate: 0.1 },
          },
          {
            id: 'q2',
            when: {
              signedOn: '>= 2026-04-01',
              amount: { expression: { '>': [{ var: 'amount' }, { var: 'tags.length' }] } },
            },
            then: { rate: { expression: { '/': [{ var: 'amount' }, 1000000] } } },
          },
        ],
      }),
    ),
  ];
  const value = fc.oneof(
    fc.anything(),
    fc.constantFrom('ka', 'A', '85%', '30万', '2026-03-31', 'NaN', '', '  '),
    fc.double(),
    fc.array(fc.string()),
  );
  const input = fc.oneof(
    fc.anything(),
    fc.record(
      {
        paymentRate: value,
        newProductAmount: value,
        store: fc.oneof(value, fc.record({ type: value })),
        avgDaysLate: value,
        onTimeRate: value,
        grade: value,
        signedOn: value,
        tags: value,
        vip: value,
        amount: value,
      },
      { requiredKeys: [] },
    ),
  );

  it('gives a value or an error value on arbitrary data', () => {
    fc.assert(
      fc.property(input, (data) => {
        for (const table of tables) {
          const result = table.evaluate(data);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error.code).toMatch(/^RL\d{4}$/);
        }
      }),
    );
  });

  it('compiling arbitrary cells reports diagnostics and never throws', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom('money', 'percent', 'enum', 'date', 'boolean', 'tags', 'geo'),
        (cell, type) => {
          expect(() =>
            compile(
              tableOf({
                inputs: [{ id: 'x', type: type as never }],
                rows: [{ id: 'r', when: { x: cell as never }, then: { rate: cell as never } }],
              }),
            ),
          ).not.toThrow();
        },
      ),
    );
  });
});
