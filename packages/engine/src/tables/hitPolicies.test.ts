import type { TableDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { fixture, mustCompile, tableOf } from './__tests__/helpers.js';

/** Rows over a score; the expression cells keep the compile-time overlap check out of the way. */
const scoreRows = [
  { id: 'low', when: { score: '< 60' }, then: { level: 'watch', points: 1 } },
  { id: 'mid', when: { score: '[50..80)' }, then: { level: 'normal', points: 2 } },
  { id: 'high', when: { score: '>= 70' }, then: { level: 'key', points: 4 } },
  {
    id: 'vip',
    when: { score: { expression: { '>=': [{ var: 'score' }, 90] } } },
    then: { level: 'key', points: 8 },
  },
];

const scoreTable = (parts: Partial<TableDefinition>) =>
  mustCompile(
    tableOf({
      inputs: [{ id: 'score', label: '评分', type: 'number' }],
      outputs: [
        { id: 'level', type: 'enum', values: ['key', 'normal', 'watch'] },
        { id: 'points', type: 'number' },
      ],
      rows: scoreRows as never,
      ...parts,
    }),
  );

const rows = (result: { matched: readonly { rowId: string }[] }) =>
  result.matched.map((m) => m.rowId);

describe('hit policy first', () => {
  const table = scoreTable({ hitPolicy: 'first' });

  it('takes the first matching row, top to bottom', () => {
    expect(table.evaluate({ score: 55 })).toMatchObject({ outputs: { level: 'watch', points: 1 } });
    expect(rows(table.evaluate({ score: 55 }))).toEqual(['low']);
    expect(rows(table.evaluate({ score: 95 }))).toEqual(['high']);
  });
});

describe('hit policy unique', () => {
  it('S44: exactly one row per store type', () => {
    const table = mustCompile(fixture<TableDefinition>('table', 'store-tier-rebate'));
    expect(rows(table.evaluate({ store: { type: 'ka' } }))).toEqual(['ka']);
  });

  it('two matching rows are an error value naming the rows, with both rows in matched', () => {
    const table = mustCompile(
      tableOf({
        id: 'store-tier-rebate',
        hitPolicy: 'unique',
        inputs: [{ id: 'storeType', type: 'enum' }],
        rows: [
          { id: 'ka', when: { storeType: 'ka' }, then: { rate: 0.08 } },
          {
            id: 'big-ka',
            when: { storeType: { expression: { in: [{ var: 'storeType' }, ['ka', 'big']] } } },
            then: { rate: 0.09 },
          },
        ],
      }),
    );
    const result = table.evaluate({ storeType: 'ka' });
    expect(result.ok).toBe(false);
    expect(result.outputs).toBeUndefined();
    expect(rows(result)).toEqual(['ka', 'big-ka']);
    expect(result.error).toMatchObject({ code: 'RL5420', file: 'tables/store-tier-rebate.json' });
    expect(result.error?.message).toEqual({
      'zh-CN': '决策表"store-tier-rebate"的命中策略是 unique，但有多条规则同时命中：ka, big-ka',
      en: 'the table "store-tier-rebate" has hit policy unique, but several rows match: ka, big-ka',
    });
    expect(table.evaluate({ storeType: 'big' }).outputs).toEqual({ rate: 0.09 });
  });
});

describe('hit policy priority', () => {
  const table = scoreTable({ hitPolicy: 'priority' });

  it('takes the row whose output comes first in values; ties go to the higher row', () => {
    expect(table.evaluate({ score: 55 }).outputs).toEqual({ level: 'normal', points: 2 });
    expect(rows(table.evaluate({ score: 55 }))).toEqual(['mid']);
    expect(rows(table.evaluate({ score: 95 }))).toEqual(['high']);
    expect(table.evaluate({ score: 10 }).outputs).toEqual({ level: 'watch', points: 1 });
  });
});

describe('hit policy any', () => {
  const table = mustCompile(
    tableOf({
      hitPolicy: 'any',
      inputs: [{ id: 'score', type: 'number' }],
      outputs: [{ id: 'level', type: 'enum' }],
      rows: [
        { id: 'a', when: { score: '>= 80' }, then: { level: 'key' } },
        { id: 'b', when: { score: '>= 90' }, then: { level: 'key' } },
        {
          id: 'c',
          when: { score: { expression: { '==': [{ var: 'score' }, 85] } } },
          then: { level: 'odd' },
        },
      ],
    }),
  );

  it('rows that agree give their common result, all of them in matched', () => {
    expect(table.evaluate({ score: 95 })).toMatchObject({ ok: true, outputs: { level: 'key' } });
    expect(rows(table.evaluate({ score: 95 }))).toEqual(['a', 'b']);
  });

  it('rows that disagree are an error value', () => {
    const result = table.evaluate({ score: 85 });
    expect(result.error?.code).toBe('RL5421');
    expect(result.error?.message.en).toContain('give different results: a, c');
  });
});

describe('hit policy collect', () => {
  it('S36 payment timeliness: sum of the bonus of every condition met (exact decimals)', () => {
    const table = mustCompile(fixture<TableDefinition>('table', 'payment-timeliness-bonus'));
    const all = table.evaluate({ avgDaysLate: 0, onTimeRate: 0.95, grade: 'S' });
    expect(all.outputs).toEqual({ bonusRate: 0.022 });
    expect(rows(all)).toEqual(['never-late', 'mostly-on-time', 'key-distributor', 'improving']);
    expect(table.evaluate({ avgDaysLate: 12, onTimeRate: 0.5, grade: 'C' })).toMatchObject({
      outputs: { bonusRate: 0 },
      matched: [],
    });
  });

  it('without an aggregator: the outputs of every matching row, in table order', () => {
    const table = scoreTable({ hitPolicy: 'collect' });
    expect(table.evaluate({ score: 75 }).outputs).toEqual([
      { level: 'normal', points: 2 },
      { level: 'key', points: 4 },
    ]);
  });

  it.each([
    ['sum', 75, 6],
    ['sum', 95, 12],
    ['min', 95, 4],
    ['max', 95, 8],
    ['count', 95, 2],
    ['count', 55, 2],
    ['count', -1, 1],
  ] as const)('aggregator %s, score %d: %d', (aggregator, score, points) => {
    const table = scoreTable({
      hitPolicy: 'collect',
      aggregator,
      outputs: [{ id: 'points', type: 'number' }],
      rows: scoreRows.map((r) => ({ ...r, then: { points: r.then.points } })) as never,
    });
    expect(table.evaluate({ score }).outputs).toEqual({ points });
  });

  it('count counts rows for every output column, whatever its type', () => {
    expect(
      scoreTable({ hitPolicy: 'collect', aggregator: 'count' }).evaluate({ score: 95 }).outputs,
    ).toEqual({
      level: 2,
      points: 2,
    });
  });

  it('without a match: the default, null without one, and 0 for count', () => {
    const sum = (definition: Partial<TableDefinition>) =>
      scoreTable({
        hitPolicy: 'collect',
        outputs: [{ id: 'points', type: 'number' }],
        rows: [{ id: 'r', when: { score: '> 100' }, then: { points: 1 } }],
        ...definition,
      }).evaluate({ score: 1 }).outputs;
    expect(sum({ aggregator: 'sum' })).toEqual({ points: null });
    expect(
      sum({ aggregator: 'sum', outputs: [{ id: 'points', type: 'number', default: 0 }] }),
    ).toEqual({ points: 0 });
    expect(sum({ aggregator: 'count' })).toEqual({ points: 0 });
    expect(sum({})).toEqual([]);
  });
});

describe('hit policy rule-order', () => {
  it('gives every matching row, in table order', () => {
    const table = scoreTable({ hitPolicy: 'rule-order' });
    const result = table.evaluate({ score: 95 });
    expect(table.shape).toBe('list');
    expect(result.outputs).toEqual([
      { level: 'key', points: 4 },
      { level: 'key', points: 8 },
    ]);
    expect(rows(result)).toEqual(['high', 'vip']);
  });
});

describe('decide: the fast path behind calls', () => {
  it('gives the same outputs as evaluate, or one column of them', () => {
    for (const hitPolicy of ['first', 'priority', 'rule-order'] as const) {
      const table = scoreTable({ hitPolicy });
      for (const score of [-5, 55, 75, 95]) {
        expect(table.decide({ score }, undefined)).toEqual(table.evaluate({ score }).outputs);
      }
    }
    expect(scoreTable({ hitPolicy: 'first' }).decide({ score: 95 }, undefined, 'points')).toBe(4);
    expect(
      scoreTable({ hitPolicy: 'rule-order' }).decide({ score: 95 }, undefined, 'points'),
    ).toEqual([4, 8]);
  });

  it('throws the error evaluate returns, as an EvaluationFailure', () => {
    const table = scoreTable({ hitPolicy: 'first' });
    expect(() => table.decide({ score: 'high' }, undefined)).toThrow(/RL3003/);
  });
});
