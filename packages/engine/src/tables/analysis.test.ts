import type { TableDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { codes, compile, fixture, tableOf } from './__tests__/helpers.js';

const twoColumns = {
  inputs: [
    { id: 'paymentRate', label: { 'zh-CN': '回款率', en: 'Payment rate' }, type: 'percent' },
    {
      id: 'newProductAmount',
      label: { 'zh-CN': '新品采购额', en: 'New-product purchases' },
      type: 'money',
    },
  ],
  outputs: [{ id: 'coefficient', type: 'number', default: 1 }],
} as Partial<TableDefinition>;

describe('overlapping rows under unique', () => {
  it('is an error at the later row, with an input both rows match', () => {
    const { table, diagnostics } = compile(
      tableOf({
        ...twoColumns,
        hitPolicy: 'unique',
        rows: [
          {
            id: 'tier-a',
            when: { paymentRate: '>= 85%', newProductAmount: '>= 30万' },
            then: { coefficient: 1.2 },
          },
          { id: 'tier-b', when: { paymentRate: '[80%..90%]' }, then: { coefficient: 1.1 } },
        ],
      }),
    );
    expect(table).toBeUndefined();
    expect(codes(diagnostics)).toEqual(['RL5406 /rows/1']);
    expect(diagnostics[0]?.message).toEqual({
      'zh-CN':
        '规则"tier-a"和"tier-b"会同时命中（例如 回款率 = 85%，新品采购额 = 300000），但命中策略是 unique',
      en: 'rows "tier-a" and "tier-b" both match (e.g. Payment rate = 85%, New-product purchases = 300000), but the hit policy is unique',
    });
  });

  it('rows that touch without overlapping are fine: [a..b) then [b..c)', () => {
    const { diagnostics } = compile(
      tableOf({
        hitPolicy: 'unique',
        outputs: [{ id: 'rate', type: 'percent', default: 0 }],
        rows: [
          { id: 'small', when: { amount: '[0..5万)' }, then: { rate: 0.01 } },
          { id: 'medium', when: { amount: '[5万..20万)' }, then: { rate: 0.02 } },
          { id: 'large', when: { amount: '>= 20万' }, then: { rate: 0.03 } },
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
  });

  it('options: the same option in two rows overlaps; "other than" too', () => {
    const store = (rows: TableDefinition['rows']) =>
      codes(
        compile(
          tableOf({
            hitPolicy: 'unique',
            inputs: [{ id: 'storeType', type: 'enum' }],
            outputs: [{ id: 'rate', type: 'percent', default: 0 }],
            rows,
          }),
        ).diagnostics,
      );
    expect(
      store([
        { id: 'a', when: { storeType: 'ka' }, then: { rate: 1 } },
        { id: 'b', when: { storeType: ['community', 'ka'] }, then: { rate: 2 } },
      ]),
    ).toEqual(['RL5406 /rows/1']);
    expect(
      store([
        { id: 'a', when: { storeType: 'ka' }, then: { rate: 1 } },
        { id: 'b', when: { storeType: { '!=': 'ka' } }, then: { rate: 2 } },
      ]),
    ).toEqual([]);
    expect(
      store([
        { id: 'a', when: { storeType: { notIn: ['ka'] } }, then: { rate: 1 } },
        { id: 'b', when: { storeType: { '!=': 'community' } }, then: { rate: 2 } },
      ]),
    ).toEqual(['RL5406 /rows/1']);
  });

  it('rows with expressions are not compared (the check never guesses)', () => {
    const { diagnostics } = compile(
      tableOf({
        hitPolicy: 'unique',
        outputs: [{ id: 'rate', type: 'percent', default: 0 }],
        rows: [
          {
            id: 'a',
            when: { amount: { expression: { '>': [{ var: 'amount' }, 1] } } },
            then: { rate: 1 },
          },
          { id: 'b', when: { amount: '>= 0' }, then: { rate: 2 } },
        ],
      }),
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('overlapping rows under any', () => {
  const any = (rate: number) =>
    compile(
      tableOf({
        hitPolicy: 'any',
        outputs: [{ id: 'rate', type: 'percent', default: 0 }],
        rows: [
          { id: 'a', when: { amount: '>= 10' }, then: { rate: 0.1 } },
          { id: 'b', when: { amount: '>= 20' }, then: { rate } },
        ],
      }),
    ).diagnostics;

  it('is fine when the rows agree and an error when they do not', () => {
    expect(any(0.1)).toEqual([]);
    expect(codes(any(0.2))).toEqual(['RL5407 /rows/1']);
    expect(any(0.2)[0]?.message.en).toContain('(e.g. Amount = 20)');
  });
});

describe('values no row matches (gaps)', () => {
  it('warns with the uncovered values written as cells: a single-column table', () => {
    const { table, diagnostics } = compile(
      tableOf({
        hitPolicy: 'unique',
        rows: [
          { id: 'small', when: { amount: '[0..5万)' }, then: { rate: 0.01 } },
          { id: 'large', when: { amount: '(10万..50万]' }, then: { rate: 0.03 } },
        ],
      }),
    );
    expect(table).toBeDefined();
    expect(codes(diagnostics)).toEqual(['RL5408 /inputs/0']);
    expect(diagnostics[0]?.severity).toBe('warning');
    expect(diagnostics[0]?.message.en).toBe(
      'no row matches these values of "Amount": [50000..100000], > 500000',
    );
  });

  it('counts negative amounts and rates out, other numbers in', () => {
    const gaps = (type: string) =>
      compile(
        tableOf({
          inputs: [{ id: 'x', type: type as never }],
          rows: [{ id: 'r', when: { x: '>= 0' }, then: { rate: 1 } }],
        }),
      ).diagnostics.map((d) => d.params['gaps']);
    expect(gaps('money')).toEqual([]);
    expect(gaps('percent')).toEqual([]);
    expect(gaps('number')).toEqual(['< 0']);
  });

  it('per column of a larger table: only values no row of any kind accepts', () => {
    const { diagnostics } = compile(
      tableOf({
        inputs: [
          { id: 'paymentRate', label: '回款率', type: 'percent' },
          { id: 'grade', type: 'enum' },
        ],
        rows: [
          { id: 'a', when: { paymentRate: '>= 85%', grade: 'A' }, then: { rate: 0.02 } },
          { id: 'b', when: { paymentRate: '[60%..85%)' }, then: { rate: 0.01 } },
        ],
      }),
    );
    expect(diagnostics.map((d) => d.message['zh-CN'])).toEqual([
      '"回款率"取这些值时没有规则命中：[0%..60%)',
    ]);
  });

  it('is not reported when every output has a default, nor for collect', () => {
    const gapless = (parts: Partial<TableDefinition>) =>
      compile(
        tableOf({ rows: [{ id: 'r', when: { amount: '>= 100' }, then: { rate: 0.1 } }], ...parts }),
      ).diagnostics;
    expect(gapless({ outputs: [{ id: 'rate', type: 'percent', default: 0 }] })).toEqual([]);
    expect(gapless({ hitPolicy: 'collect' })).toEqual([]);
    expect(codes(gapless({}))).toEqual(['RL5408 /inputs/0']);
  });

  it('S36 fixture tables have no findings', () => {
    for (const name of ['rebate-tier', 'store-tier-rebate', 'payment-timeliness-bonus']) {
      expect(compile(fixture<TableDefinition>('table', name)).diagnostics).toEqual([]);
    }
  });
});

describe('rows that can never match or are never used', () => {
  it('a contradictory test is a warning at the cell', () => {
    const { table, diagnostics } = compile(
      tableOf({
        outputs: [{ id: 'rate', type: 'percent', default: 0 }],
        rows: [{ id: 'odd', when: { amount: { '>': 20, '<': 10 } }, then: { rate: 0.1 } }],
      }),
    );
    expect(table).toBeDefined();
    expect(codes(diagnostics)).toEqual(['RL5409 /rows/0/when/amount']);
  });

  it('under first, a row an earlier row always catches is a warning', () => {
    const { diagnostics } = compile(
      tableOf({
        ...twoColumns,
        rows: [
          { id: 'tier-b', when: { paymentRate: '>= 85%' }, then: { coefficient: 1.1 } },
          {
            id: 'tier-a',
            when: { paymentRate: '>= 90%', newProductAmount: '>= 30万' },
            then: { coefficient: 1.2 },
          },
          { id: 'base', then: { coefficient: 1 } },
        ],
      }),
    );
    expect(codes(diagnostics)).toEqual(['RL5410 /rows/1']);
    expect(diagnostics[0]?.message.en).toBe(
      'row "tier-a" is never used: row "tier-b" above it matches every input it matches',
    );
  });

  it('stops comparing rows pairwise in very large tables (compile stays fast)', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: `r${i}`,
      when: { amount: `[${i}..${i + 1})` },
      then: { rate: 0.01 },
    }));
    const started = performance.now();
    const { table } = compile(
      tableOf({
        hitPolicy: 'unique',
        outputs: [{ id: 'rate', type: 'percent', default: 0 }],
        rows: rows as never,
      }),
    );
    expect(table).toBeDefined();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
