import { describe, expect, it } from 'vitest';
import { compileApp } from './compileApp.js';

const manifest = {
  $schema: 'https://ruleloom.dev/schemas/v1/app.schema.json',
  id: 'orders',
  name: '订单',
  version: '1.0.0',
  files: { entities: ['entities/order.json'] },
};

function order(fields: unknown[]) {
  return {
    $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
    id: 'order',
    label: '订单',
    fields,
  };
}

const app = (fields: unknown[]) => ({
  files: { 'app.json': manifest, 'entities/order.json': order(fields) },
});

describe('S7b: renaming a field id is a migration compileApp reports', () => {
  it('amount → order_value with the same label and type is reported as a likely rename', () => {
    const previous = app([{ id: 'amount', label: '订单金额', type: 'money' }]);
    const next = app([{ id: 'order_value', label: '订单金额', type: 'money' }]);
    const result = compileApp(next, { previous });
    const migration = result.diagnostics.find((d) => d.code === 'RL5127');
    expect(migration).toMatchObject({ file: 'entities/order.json', severity: 'warning' });
    expect(migration?.message.en).toContain('amount');
    expect(migration?.message.en).toContain('order_value');
    // A warning: the app still compiles, and the admin is told before data is stranded.
    expect(result.ok).toBe(true);
  });

  it('relabeling a field changes no id and reports nothing', () => {
    const previous = app([{ id: 'amount', label: '订单金额', type: 'money' }]);
    const next = app([{ id: 'amount', label: '订单总额', type: 'money' }]);
    expect(compileApp(next, { previous }).diagnostics).toEqual([]);
  });

  it('without a previous version nothing is compared', () => {
    expect(
      compileApp(app([{ id: 'order_value', label: '订单金额', type: 'money' }])).diagnostics,
    ).toEqual([]);
  });
});
