import type { TableDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { codes, compile, fixture, mustCompile, tableOf } from './__tests__/helpers.js';

describe('S36: quarterly rebate tier (回款率 ≥ 85% 且新品采购额 ≥ 300,000 → 系数 1.2)', () => {
  const table = mustCompile(fixture<TableDefinition>('table', 'rebate-tier'));

  it.each([
    [0.9, 350000, 1.2, 'tier-a'],
    [0.85, 300000, 1.2, 'tier-a'],
    [0.85, 299999.99, 1.1, 'tier-b'],
    [0.9, 0, 1.1, 'tier-b'],
    [0.8499, 1000000, 1, 'base'],
    [0.2, 0, 1, 'base'],
  ])(
    '回款率 %d, 新品采购额 %d → 系数 %d (row %s)',
    (paymentRate, newProductAmount, coefficient, row) => {
      const result = table.evaluate({ paymentRate, newProductAmount });
      expect(result.ok).toBe(true);
      expect(result.outputs).toEqual({ coefficient });
      expect(result.matched.map((m) => m.rowId)).toEqual([row]);
    },
  );

  it('gives the inputs as tested and the row with its description, for statements', () => {
    expect(table.evaluate({ paymentRate: '90%', newProductAmount: '35万' })).toEqual({
      ok: true,
      table: 'rebate-tier',
      inputs: { paymentRate: 0.9, newProductAmount: 350000 },
      outputs: { coefficient: 1.2 },
      matched: [
        {
          rowId: 'tier-a',
          index: 0,
          outputs: { coefficient: 1.2 },
          description: {
            'zh-CN': '季度回款率≥85%且新品采购额≥30万',
            en: '季度回款率≥85%且新品采购额≥30万',
          },
        },
      ],
    });
  });

  it('the same table written with unary-test text, lower tiers included, compiles without warnings', () => {
    const { table: text, diagnostics } = compile(
      tableOf({
        id: 'rebate-tier-text',
        inputs: [
          { id: 'paymentRate', label: '回款率', type: 'percent' },
          { id: 'newProductAmount', label: '新品采购额', type: 'money' },
        ],
        outputs: [{ id: 'coefficient', type: 'number' }],
        rows: [
          {
            id: 'tier-a',
            when: { paymentRate: '>= 85%', newProductAmount: '>= 30万' },
            then: { coefficient: 1.2 },
          },
          { id: 'tier-b', when: { paymentRate: '>= 85%' }, then: { coefficient: 1.1 } },
          { id: 'tier-c', when: { paymentRate: '[70%..85%)' }, then: { coefficient: 1 } },
          { id: 'tier-d', when: { paymentRate: '< 70%' }, then: { coefficient: 0.8 } },
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
    const coefficient = (paymentRate: number, newProductAmount: number) =>
      text?.evaluate({ paymentRate, newProductAmount }).outputs;
    expect(coefficient(0.9, 300000)).toEqual({ coefficient: 1.2 });
    expect(coefficient(0.9, 100000)).toEqual({ coefficient: 1.1 });
    expect(coefficient(0.7, 300000)).toEqual({ coefficient: 1 });
    expect(coefficient(0.6999, 300000)).toEqual({ coefficient: 0.8 });
  });
});

describe('S44: store-tier rebate (KA 8%, 社区店 5%)', () => {
  const table = mustCompile(fixture<TableDefinition>('table', 'store-tier-rebate'));

  it('reads the store type through the column expression', () => {
    expect(table.reads).toEqual(['store']);
    expect(table.evaluate({ store: { type: 'ka' } }).outputs).toEqual({ rebateRate: 0.08 });
    expect(table.evaluate({ store: { type: 'community' } }).outputs).toEqual({ rebateRate: 0.05 });
  });

  it('gives null for a store type no row names (no default)', () => {
    expect(table.evaluate({ store: { type: 'online' } })).toMatchObject({
      ok: true,
      outputs: { rebateRate: null },
      matched: [],
    });
  });
});

describe('output columns', () => {
  it('takes literals with units, computed outputs and defaults', () => {
    const table = mustCompile(
      tableOf({
        inputs: [
          { id: 'storeType', type: 'enum' },
          { id: 'amount', type: 'money' },
        ],
        outputs: [
          { id: 'rate', type: 'percent' },
          { id: 'rebate', type: 'money', default: 0 },
          { id: 'note', type: 'text', default: '' },
        ],
        rows: [
          {
            id: 'ka',
            when: { storeType: 'ka' },
            then: {
              rate: '8%',
              rebate: { expression: { money_mul: [{ var: 'amount' }, 0.08] } },
              note: 'KA',
            },
          },
          { id: 'community', when: { storeType: 'community' }, then: { rate: 0.05 } },
        ],
      }),
    );
    expect(table.evaluate({ storeType: 'ka', amount: 12345.67 }).outputs).toEqual({
      rate: 0.08,
      rebate: 987.6536,
      note: 'KA',
    });
    expect(table.evaluate({ storeType: 'community', amount: 1 }).outputs).toEqual({
      rate: 0.05,
      rebate: 0,
      note: '',
    });
  });

  it('reports unknown output columns, values that do not fit and missing values without default', () => {
    const { table, diagnostics } = compile(
      tableOf({
        outputs: [
          { id: 'rate', type: 'percent' },
          { id: 'tier', type: 'text' },
          { id: 'flag', type: 'boolean', default: 'no' },
        ],
        rows: [
          { id: 'a', when: { amount: '< 0' }, then: { rate: 'high', tier: 'A', flag: true } },
          { id: 'b', when: { amount: '>= 0' }, then: { rate: 0.1, tierr: 'B', flag: false } },
        ],
      }),
    );
    expect(table).toBeUndefined();
    expect(codes(diagnostics)).toEqual([
      'RL5402 /outputs/2/default',
      'RL5402 /rows/0/then/rate',
      'RL5404 /rows/1/then/tierr',
      'RL5413 /rows/1/then',
    ]);
    expect(diagnostics[2]?.message.en).toBe(
      'row "b" sets "tierr", which is not an output column of the table',
    );
  });

  it('fails an evaluation whose computed output does not fit, naming the column', () => {
    const table = mustCompile(
      tableOf({
        rows: [{ id: 'r', then: { rate: { expression: { cat: ['x', { var: 'amount' }] } } } }],
      }),
    );
    const result = table.evaluate({ amount: 1 });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('RL5423');
    expect(result.error?.message.en).toBe(
      'the result "rate" of the table "test-table" must be a percentage; it is "x1"',
    );
  });
});

describe('structure', () => {
  it('reports a condition on a column the table does not have', () => {
    const { diagnostics } = compile(
      tableOf({ rows: [{ id: 'r', when: { budget: '> 5' }, then: { rate: 0.1 } }] }),
    );
    expect(codes(diagnostics)).toEqual(['RL5403 /rows/0/when/budget']);
    expect(diagnostics[0]?.hint.en).toContain('(amount)');
  });

  it('reports duplicate row and column ids', () => {
    const { table, diagnostics } = compile(
      tableOf({
        inputs: [
          { id: 'amount', type: 'money' },
          { id: 'amount', type: 'number' },
        ],
        rows: [
          { id: 'r', when: { amount: '< 0' }, then: { rate: 0.1 } },
          { id: 'r', when: { amount: '>= 0' }, then: { rate: 0.2 } },
        ],
      }),
    );
    expect(table).toBeUndefined();
    expect(codes(diagnostics)).toEqual(['RL5405 /inputs/1/id', 'RL5405 /rows/1/id']);
  });

  it('reports expressions in cells with the pointer into them (same as the schema check)', () => {
    const { diagnostics } = compile(
      tableOf({
        rows: [
          {
            id: 'r',
            when: { amount: { expression: { '>=': [{ var: 'newProductAmount' }, 1] } } },
            then: { rate: 1 },
          },
        ],
      }),
    );
    expect(codes(diagnostics)).toEqual(['RL2007 /rows/0/when/amount/expression/>=/0/var']);
  });

  it('refuses sum over an output that is not a number', () => {
    const { diagnostics } = compile(
      tableOf({
        hitPolicy: 'collect',
        aggregator: 'sum',
        outputs: [{ id: 'tier', type: 'text' }],
        rows: [{ id: 'r', then: { tier: 'A' } }],
      }),
    );
    expect(codes(diagnostics)).toEqual(['RL5411 /aggregator']);
  });

  it('refuses a priority output value that is not in the priority list', () => {
    const { diagnostics } = compile(
      tableOf({
        hitPolicy: 'priority',
        outputs: [{ id: 'level', type: 'enum', values: ['high', 'low'] }],
        rows: [{ id: 'r', then: { level: 'medium' } }],
      }),
    );
    expect(codes(diagnostics)).toEqual(['RL5412 /rows/0/then/level']);
  });

  it('never throws on definitions that are not tables, whatever they hold', () => {
    for (const definition of [
      null,
      5,
      {},
      { id: 'x', rows: 'no' },
      { id: 'x', inputs: [null], outputs: [7], rows: [null, { when: 3 }] },
    ]) {
      expect(() => compile(definition as unknown as TableDefinition)).not.toThrow();
      expect(compile(definition as unknown as TableDefinition).table).toBeUndefined();
    }
  });

  it('reads date columns in the zone it is given', () => {
    const definition = tableOf({
      inputs: [{ id: 'signedOn', type: 'date' }],
      rows: [{ id: 'q1', when: { signedOn: '[2026-01-01..2026-03-31]' }, then: { rate: 1 } }],
    });
    const at = '2026-03-31T20:00:00Z';
    expect(mustCompile(definition).evaluate({ signedOn: at }).matched).toEqual([]);
    expect(
      mustCompile(definition, { zone: 'America/New_York' }).evaluate({ signedOn: at }).matched,
    ).toHaveLength(1);
  });
});

describe('evaluation errors are values', () => {
  const table = mustCompile(
    tableOf({ rows: [{ id: 'r', when: { amount: '>= 0' }, then: { rate: 0.1 } }] }),
  );

  it('an input of the wrong type names the column and the value', () => {
    const result = table.evaluate({ amount: 'lots' });
    expect(result).toMatchObject({ ok: false, table: 'test-table', matched: [] });
    expect(result.error?.code).toBe('RL5422');
    expect(result.error?.message['zh-CN']).toBe(
      '决策表"test-table"的输入"金额"应为金额，收到的是 "lots"',
    );
  });

  it('data that is not an object reads as blank', () => {
    for (const input of [null, undefined, 5, 'x', [1]]) {
      expect(table.evaluate(input)).toMatchObject({
        ok: true,
        outputs: { rate: null },
        matched: [],
      });
    }
  });
});
