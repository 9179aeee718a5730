/**
 * Computed fields that call the app's formulas and tables: the rebate estimate a store
 * associate sees while entering an order (S44, the per-order estimate of S36), kept on the
 * record by `handle` and shown by `validateForm` as the form is filled in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileApp } from './compileApp.js';

const root = join(import.meta.dirname, '../../../../examples/store-sales');

function storeSales(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.json'))
        files[path] = JSON.parse(readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** store-sales with the order's `rebateEstimate` computed by `computed`. */
function withEstimate(computed: unknown): Record<string, unknown> {
  const files = storeSales();
  const order = files['entities/order.json'] as { fields: { id: string }[] };
  const estimate = {
    id: 'rebateEstimate',
    label: { 'zh-CN': '预估返点', en: 'Estimated rebate' },
    type: 'money',
    computed,
  };
  files['entities/order.json'] = {
    ...order,
    fields: [...order.fields.filter((field) => field.id !== 'rebateEstimate'), estimate],
  };
  return files;
}

const call = {
  formula: ['order-rebate', 'amount', { var: 'amount' }, 'storeTier', { var: 'storeTier' }],
};
const NOW = '2026-03-02T10:00:00+08:00';

describe('computed fields that call formulas (S44 per-order rebate estimate)', () => {
  it('the record carries the estimate: 12,345.67 at a KA store → 987.65', () => {
    const result = compileApp({ files: withEstimate(call) });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!result.ok) return;
    const created = result.app.handle(
      result.app.emptyState(),
      {
        type: 'record.create',
        entity: 'order',
        recordId: 'O1',
        values: {
          orderNo: 'SO-1',
          store: 'S1',
          storeTier: 'ka',
          amount: 12345.67,
          orderedAt: NOW,
        },
      },
      { now: NOW },
    );
    expect(created.outcome.ok).toBe(true);
    expect(created.state.records['O1']?.values['rebateEstimate']).toBe(987.65);
  });

  it('the form shows the estimate while the associate types, and follows the tier', () => {
    const result = compileApp({ files: withEstimate(call) });
    if (!result.ok) throw new Error('does not compile');
    const form = result.app.validateForm(
      'order-create',
      { orderNo: 'SO-2', store: 'S2', storeTier: 'community', amount: 12345.7, orderedAt: NOW },
      { now: NOW },
    );
    expect(form.computed['rebateEstimate']).toBe(617.29);
  });

  it('a call to a formula the app does not have is a located compile error', () => {
    const result = compileApp({
      files: withEstimate({ formula: ['no-such-formula', 'amount', { var: 'amount' }] }),
    });
    expect(result.ok).toBe(false);
    const error = result.diagnostics.find((d) => d.file === 'entities/order.json');
    expect(error?.pointer).toMatch(/^\/fields\/\d+\/computed\/formula/);
  });
});
