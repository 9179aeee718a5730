import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../src/index.js';

// The S36 statement checked in under examples/sales-crm/statements is what the generator
// makes from the tables today (so the two cannot drift), and a reader can re-derive its lines
// from the table rows with plain arithmetic.

const folder = new URL('../../../examples/sales-crm/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, folder), 'utf8');
const generator = (await import(new URL('statements/generate.mjs', folder).href)) as {
  generate(): { statement: Statement; csv: string; json: string };
};

const { statement, csv, json } = generator.generate();
const rows = csv
  .replace(/^\uFEFF/, '')
  .trimEnd()
  .split('\r\n')
  .map((row) => row.split(','));
const header = rows[0] ?? [];
const rowOf = (order: string) => {
  const row = rows.find((r) => r[1] === order);
  if (!row) throw new Error(`no row for ${order}`);
  return (heading: string) => row[header.indexOf(heading)];
};

interface Row {
  id: string;
  when: Record<string, string>;
  then: Record<string, string | number>;
}
const table = (id: string) => JSON.parse(read(`tables/${id}.json`)) as { rows: Row[] };
const row = (tableId: string, rowId: string) => {
  const found = table(tableId).rows.find((r) => r.id === rowId);
  if (!found) throw new Error(`no row ${rowId}`);
  return found.then;
};
/** "4%" → 4 (percent points), 1.2 → 1.2. */
const percentPoints = (cell: string | number | undefined) => Number(String(cell).replace('%', ''));
/** Half-up to the cent, on amounts in cents (positive). */
const toCents = (cents: number) => Math.round(cents);
const yuan = (cents: number) => (cents / 100).toFixed(2);

describe('examples/sales-crm/statements/2026-Q1-rebates (S36)', () => {
  it('is what generate.mjs makes today', () => {
    expect(read('statements/2026-Q1-rebates.csv')).toBe(csv);
    expect(read('statements/2026-Q1-rebates.json')).toBe(json);
    expect(statement.failed).toBe(0);
    expect(statement.groups).toHaveLength(6);
  });

  it('re-derives SO-2026-0322 (绍兴康达, tier A, band 3, paid late) from the table rows', () => {
    const line = rowOf('SO-2026-0322');
    const amountCents = 31560050; // 订单金额 315,600.50
    // Quarter: 680,000 + 520,000 + 315,600.50 = 1,515,600.50 → rebate-band row band-3;
    // 回款率 92%, new products 200,000 + 150,000 = 350,000 → rebate-tier row tier-a.
    expect(line('季度采购额')).toBe('1515600.50');
    const rate = percentPoints(row('rebate-band', 'band-3')['rate']); // 4
    const coefficient = Number(row('rebate-tier', 'tier-a')['coefficient']); // 1.2
    const tiered = toCents((amountCents * rate * coefficient) / 100); // 15148.824 → 15148.82
    const newProduct = 0; // no new products in this order
    const timeliness = toCents(
      (amountCents * percentPoints(row('payment-timeliness', 'late')['rate'])) / 100,
    );
    expect(line('阶梯返点')).toBe(yuan(tiered));
    expect(line('阶梯返点')).toBe('15148.82');
    expect(line('返利档位系数 来源')).toContain('rebate-tier / tier-a');
    expect(line('返利金额')).toBe(yuan(tiered + newProduct + timeliness));
  });

  it('re-derives SO-2026-0224 (湖州康泰, tier D, band 2, 40 days) from the table rows', () => {
    const line = rowOf('SO-2026-0224');
    const amountCents = 28888888; // 288,888.88
    const newProductCents = 5000000; // 50,000.00
    // Quarter: 333,333.33 + 288,888.88 = 622,222.21 → band-2; 回款率 65% → tier-d.
    const rate = percentPoints(row('rebate-band', 'band-2')['rate']); // 3
    const coefficient = Number(row('rebate-tier', 'tier-d')['coefficient']); // 0.8
    const tiered = toCents((amountCents * rate * coefficient) / 100); // 6933.33312 → 6933.33
    const newProduct = toCents((newProductCents * 2) / 100); // 新品达成奖 2% → 1000.00
    const timelinessRate = percentPoints(row('payment-timeliness', 'within-60')['rate']); // 0.5
    const timeliness = toCents((amountCents * timelinessRate) / 100); // 1444.4444 → 1444.44
    expect([line('阶梯返点'), line('新品达成奖'), line('回款时效奖')]).toEqual([
      yuan(tiered),
      yuan(newProduct),
      yuan(timeliness),
    ]);
    expect(line('返利金额')).toBe(yuan(tiered + newProduct + timeliness));
    expect(line('返利金额')).toBe('9377.77');
  });

  it('subtotals and the total add up from the CSV lines, to the cent', () => {
    const cents = (text: string | undefined) => Math.round(Number(text) * 100);
    const last = header.length - 1;
    const lines = rows.slice(1).filter((r) => r[1]?.startsWith('SO-'));
    for (const group of statement.groups) {
      const sum = lines.filter((r) => r[0] === group.group).reduce((s, r) => s + cents(r[last]), 0);
      const subtotal = rows.find((r) => r[0] === group.group && r[1]?.startsWith('小计'));
      expect(cents(subtotal?.[last])).toBe(sum);
    }
    const total = rows.at(-1);
    expect(total?.[0]).toBe('合计');
    expect(cents(total?.[last])).toBe(lines.reduce((s, r) => s + cents(r[last]), 0));
  });
});
