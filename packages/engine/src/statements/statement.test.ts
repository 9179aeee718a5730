import Big from 'big.js';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileApp } from '../app/index.js';
import {
  buildStatement,
  statementToCsv,
  statementToJson,
  type StatementLineInput,
} from './index.js';

// The statement finance exports: every line traced to its table rows, totals to the cent,
// and nothing a line holds can make it throw.

const root = fileURLToPath(new URL('../../../../examples/sales-crm/', import.meta.url));

function readAppFolder(folder: string): { files: Record<string, unknown> } {
  const files: Record<string, unknown> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        files[relative(folder, path).split(sep).join('/')] = JSON.parse(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(folder);
  return { files };
}

const compiled = compileApp(readAppFolder(root));
if (!compiled.ok) throw new Error('the example app does not compile');
const app = compiled.app;

const order = (id: string, group: string, input: Record<string, unknown>): StatementLineInput => ({
  id,
  group,
  input: {
    orderAmount: 680000,
    orderNewProductAmount: 200000,
    paymentDays: 25,
    quarterPurchaseAmount: 1515600.5,
    paymentRate: 0.92,
    newProductAmount: 350000,
    ...input,
  },
});

describe('buildStatement', () => {
  it('lists every component with the table row behind it', () => {
    const statement = buildStatement(app, {
      formula: 'quarterly-rebate',
      lines: [order('SO-1', '绍兴康达', {})],
    });
    const [line] = statement.lines;
    expect(line?.value).toBe(43440);
    expect(line?.components.map((c) => [c.name, c.value, c.source])).toEqual([
      ['tiered-rebate', 32640, { formula: 'tiered-rebate' }],
      [
        'rebate-band.rate',
        0.04,
        {
          table: 'rebate-band',
          row: 'band-3',
          rowDescription: {
            'zh-CN': '季度采购额100万–200万：4%（示例值）',
            en: '1,000,000–2,000,000: 4% (example value)',
          },
        },
      ],
      [
        'tier-coefficient',
        1.2,
        {
          formula: 'tier-coefficient',
          table: 'rebate-tier',
          row: 'tier-a',
          rowDescription: {
            'zh-CN': '回款率≥85%且新品采购额≥30万',
            en: '回款率≥85%且新品采购额≥30万',
          },
        },
      ],
      ['new-product-bonus', 4000, { formula: 'new-product-bonus' }],
      ['payment-timeliness-bonus', 6800, { formula: 'payment-timeliness-bonus' }],
      ['payment-timeliness.rate', 0.01, expect.objectContaining({ row: 'within-30' })],
    ]);
    expect(statement.groups).toEqual([{ group: '绍兴康达', total: 43440, count: 1, failed: 0 }]);
    expect(statement.output.type).toBe('money');
  });

  it('reports a failing line, leaves it out of the totals and counts it', () => {
    const statement = buildStatement(app, {
      formula: 'quarterly-rebate',
      lines: [
        order('SO-1', 'A', {}),
        order('SO-2', 'A', { paymentDays: undefined }),
        order('SO-3', 'B', { orderAmount: 'lots' }),
      ],
    });
    expect(statement.lines[1]?.error?.code).toBe('RL5450');
    expect(statement.lines[1]?.value).toBeUndefined();
    expect(statement.lines[2]?.error?.code).toBe('RL5422');
    expect(statement.groups).toEqual([
      { group: 'A', total: 43440, count: 1, failed: 1 },
      { group: 'B', total: 0, count: 0, failed: 1 },
    ]);
    expect([statement.total, statement.count, statement.failed]).toEqual([43440, 1, 2]);
    const csv = statementToCsv(statement, { locale: 'en' });
    expect(csv).toContain('Subtotal (1 line; 1 failed, not counted)');
    expect(csv.split('\r\n')[0]?.endsWith(',Rebate,Error')).toBe(true);
  });

  it('never throws: unknown formula, junk lines', () => {
    const unknown = buildStatement(app, { formula: 'nope', lines: [order('1', 'A', {})] });
    expect(unknown.lines[0]?.error?.code).toBe('RL5008');
    expect(unknown.failed).toBe(1);
    const junk = [null, 1, { id: 3 }, { input: 'x' }] as unknown as StatementLineInput[];
    for (const components of ['calls', 'none'] as const) {
      const statement = buildStatement(app, {
        formula: 'quarterly-rebate',
        lines: junk,
        components,
      });
      expect(statement.failed).toBe(4);
      expect(statement.total).toBe(0);
      expect(() => statementToCsv(statement)).not.toThrow();
    }
  });

  it("components: 'none' gives the same values without components", () => {
    const lines = [
      order('1', 'A', {}),
      order('2', 'B', { paymentRate: 0.5 }),
      order('3', 'A', { paymentDays: 'x' }),
    ];
    const traced = buildStatement(app, { formula: 'quarterly-rebate', lines });
    const fast = buildStatement(app, { formula: 'quarterly-rebate', lines, components: 'none' });
    expect(fast.lines.map((l) => [l.value, l.error?.code])).toEqual(
      traced.lines.map((l) => [l.value, l.error?.code]),
    );
    expect(fast.lines.every((l) => l.components.length === 0)).toBe(true);
    expect(fast.groups).toEqual(traced.groups);
  });

  it('adds values that are not whole cents, and very large amounts, exactly', () => {
    const efficacy = buildStatement(app, {
      formula: 'new-customer-efficacy',
      lines: [1, 2, 3, 7].map((n) => ({
        id: `R${n}`,
        group: 'team',
        input: { newSignedCustomers: 1, touches: n },
      })),
    });
    // 1 + 0.5 + 0.3333 + 0.1429
    expect(efficacy.total).toBe(1.9762);
    const huge = buildStatement(app, {
      formula: 'quarterly-rebate',
      lines: [1, 2, 3].map((n) =>
        order(`H${n}`, 'A', {
          orderAmount: 400_000_000_000_000 + n, // ≈ 2.8e13 a line: past the integer-cents path
          quarterPurchaseAmount: 1e14,
        }),
      ),
    });
    const expected = huge.lines.reduce((sum, l) => sum.plus(l.value as number), new Big(0));
    expect(huge.lines.every((l) => l.value !== undefined)).toBe(true);
    expect(new Big(huge.total).eq(expected)).toBe(true);
  });

  it('totals reconcile to the cent: total = sum of group totals = sum of line values', () => {
    const cents = fc.integer({ min: 0, max: 500_000_000 }).map((n) => n / 100);
    const line = fc.record({
      group: fc.constantFrom('绍兴康达', '宁波恒远', '杭州瑞康', 'a,"b"'),
      orderAmount: cents,
      orderNewProductAmount: cents,
      paymentDays: fc.integer({ min: 0, max: 120 }),
      quarterPurchaseAmount: cents,
      paymentRate: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
      newProductAmount: cents,
      broken: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (records) => {
        const lines = records.map(({ group, broken, ...input }, i) => ({
          id: `L${i}`,
          group,
          input: broken && i % 3 === 0 ? { ...input, paymentDays: null } : input,
        }));
        for (const components of ['calls', 'none'] as const) {
          const statement = buildStatement(app, { formula: 'quarterly-rebate', lines, components });
          const ok = statement.lines.filter((l) => l.value !== undefined);
          const byLines = ok.reduce((sum, l) => sum.plus(l.value as number), new Big(0));
          const byGroups = statement.groups.reduce((sum, g) => sum.plus(g.total), new Big(0));
          expect(new Big(statement.total).eq(byLines)).toBe(true);
          expect(new Big(statement.total).eq(byGroups)).toBe(true);
          expect(statement.count + statement.failed).toBe(lines.length);
          expect(statement.count).toBe(ok.length);
          // Every value and total is whole cents.
          for (const v of [statement.total, ...ok.map((l) => l.value as number)]) {
            expect(new Big(v).times(100).mod(1).eq(0)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('statementToCsv / statementToJson', () => {
  const statement = buildStatement(app, {
    formula: 'quarterly-rebate',
    lines: [order('SO-1', '华东,"一部"\n二组', {}), order('SO-2', 'B', { paymentRate: 0.6 })],
  });

  it('writes RFC 4180 with a BOM, a header in the locale, subtotals and the total', () => {
    const csv = statementToCsv(statement);
    expect(csv.startsWith('\uFEFF分组,行,订单金额,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('\r\n"华东,""一部""\n二组",SO-1,680000.00,');
    expect(csv).toContain('rebate-band / band-3：季度采购额100万–200万：4%（示例值）');
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows.at(-1)).toBe(`合计,共（2 行）${','.repeat(16)}${statement.total.toFixed(2)}`);
    expect(
      statementToCsv(statement, { locale: 'en', bom: false }).startsWith(
        'Group,Line,Order amount,',
      ),
    ).toBe(true);
  });

  it('writes JSON that reads back as the statement', () => {
    expect(JSON.parse(statementToJson(statement))).toEqual(statement);
  });
});
