/**
 * compileApp with decision tables, formulas and routings: the per-file check lets tables and
 * formulas call each other, the app compiles them, and `evaluateTable`, `evaluateFormula`,
 * `evaluateFormulaBatch` and `route` run them (RL5008 for an unknown id).
 */
import { describe, expect, it } from 'vitest';
import { RuleloomError } from '../diagnostics/errors.js';
import { newProductBonus, quarterlyRebate } from '../formulas/__tests__/s36.js';
import { compileApp } from './compileApp.js';
import type { CompiledApp } from './compiledApp.js';
import type { DirectoryUser } from './types.js';
import { decisionFiles, opportunityRouting } from './__tests__/decisionApp.js';

type Json = Record<string, unknown>;

const NOW = '2026-03-02T10:00:00+08:00';

function compiled(files: Json = decisionFiles()): CompiledApp {
  const result = compileApp({ files });
  expect(result.diagnostics).toEqual([]);
  if (!result.ok) throw new Error('the app does not compile');
  return result.app;
}

function thrown(run: () => unknown): RuleloomError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleloomError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

const users: DirectoryUser[] = [
  { id: 'lina', roles: ['sales-rep'] },
  { id: 'zhangwei', roles: ['sales-rep'] },
];

describe('tables and formulas that call each other pass the per-file check', () => {
  it('a formula calling a table and a formula, and a table calling a formula: no RL2001', () => {
    const app = compiled();
    expect([...app.tables.keys()]).toEqual(['rebate-tier', 'store-tier', 'bonus-by-amount']);
    expect([...app.formulas.keys()].sort()).toEqual(['new-product-bonus', 'quarterly-rebate']);
    expect([...app.routings.keys()]).toEqual(['opportunity-routing']);
  });

  it('an unknown operator is still reported in a formula', () => {
    const files = decisionFiles();
    files['formulas/new-product-bonus.json'] = {
      ...newProductBonus,
      text: undefined,
      expression: { frobnicate: [1] },
    };
    const result = compileApp({ files });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.file} ${d.pointer} ${d.code}`)).toContain(
      'formulas/new-product-bonus.json /expression/frobnicate RL2001',
    );
  });

  it('an unlisted formula is checked on its own with the call operators (warning RL5003 only)', () => {
    const files = decisionFiles();
    files['formulas/extra.json'] = { ...quarterlyRebate, id: 'extra' };
    const result = compileApp({ files });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      'formulas/extra.json RL5003',
    ]);
  });

  it('a formula calling an unknown table is an app error', () => {
    const files = decisionFiles();
    files['formulas/quarterly-rebate.json'] = {
      ...quarterlyRebate,
      expression: { table: ['no-such-table', 'coefficient'] },
      uses: undefined,
    };
    const result = compileApp({ files });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.file === 'formulas/quarterly-rebate.json')).toBe(true);
  });
});

describe('evaluateTable', () => {
  it('returns the outputs and the matched rows (boundaries of S36)', () => {
    const app = compiled();
    const a = app.evaluateTable('rebate-tier', { paymentRate: 0.85, newProductAmount: 300000 });
    expect(a.ok && a.outputs).toEqual({ coefficient: 1.2 });
    expect(a.matched.map((m) => m.rowId)).toEqual(['tier-a']);
    const b = app.evaluateTable('rebate-tier', { paymentRate: 0.85, newProductAmount: 299999 });
    expect(b.ok && b.outputs).toEqual({ coefficient: 1.1 });
    expect(b.matched.map((m) => m.rowId)).toEqual(['tier-b']);
  });

  it('a table whose output calls a formula finds it in the app', () => {
    const app = compiled();
    const result = app.evaluateTable('bonus-by-amount', { newProductAmount: 400000 });
    expect(result.ok).toBe(true);
    expect(result.ok && result.outputs).toEqual({ bonus: 8000 });
  });

  it('RL5008 for an unknown table', () => {
    const error = thrown(() => compiled().evaluateTable('nope', {}));
    expect(error.code).toBe('RL5008');
    expect(error.messages.en).toBe('the app has no table with the id "nope"');
    expect(error.messages['zh-CN']).toBe('应用中没有 id 为 "nope" 的决策表');
    expect(error.hint.en).toBe('known ids: rebate-tier, store-tier, bonus-by-amount');
  });
});

describe('evaluateFormula and evaluateFormulaBatch', () => {
  it('gives the value and a trace with the table row behind it', () => {
    const app = compiled();
    const result = app.evaluateFormula('quarterly-rebate', {
      purchaseAmount: 1000000,
      paymentRate: 0.9,
      newProductAmount: 300000,
    });
    // 1,000,000 × 3% × 1.2 + 300,000 × 2%
    expect(result.value).toBe(42000);
    expect(JSON.stringify(result.trace)).toContain('"rowId":"tier-a"');
  });

  it('evaluates many records, equal to one by one', () => {
    const app = compiled();
    const inputs = [
      { purchaseAmount: 1000000, paymentRate: 0.9, newProductAmount: 300000 },
      { purchaseAmount: 1000000, paymentRate: 0.5 },
      { purchaseAmount: 'x', paymentRate: 0.5 },
    ];
    const batch = app.evaluateFormulaBatch('quarterly-rebate', inputs);
    expect(batch.values.slice(0, 2)).toEqual(
      inputs.slice(0, 2).map((input) => app.evaluateFormula('quarterly-rebate', input).value),
    );
    expect(batch.failures.map((f) => f.index)).toEqual([2]);
  });

  it('RL5008 for an unknown formula', () => {
    const app = compiled();
    expect(thrown(() => app.evaluateFormula('nope', {})).messages.en).toBe(
      'the app has no formula with the id "nope"',
    );
    expect(thrown(() => app.evaluateFormulaBatch('nope', [])).code).toBe('RL5008');
  });
});

describe('route', () => {
  it('assigns by the rule, skips reps on leave, and falls back to the queue', () => {
    const app = compiled();
    const lead = { id: 'O1', values: { title: '大单', amount: 500000 } };
    const first = app.route('opportunity-routing', lead, {}, { now: NOW, users });
    expect(first.assignee).toBe('lina');
    expect(first.rule).toBe('big');
    const second = app.route('opportunity-routing', lead, first.snapshot, { now: NOW, users });
    expect(second.assignee).toBe('zhangwei');

    const onLeave = users.map((u) => (u.id === 'lina' ? { ...u, status: '休假' } : u));
    expect(app.route('opportunity-routing', lead, {}, { now: NOW, users: onLeave }).assignee).toBe(
      'zhangwei',
    );

    const small = app.route(
      'opportunity-routing',
      { id: 'O2', values: { amount: 1000 } },
      {},
      { now: NOW, users },
    );
    expect(small.assignee).toBeUndefined();
    expect(small.queue).toBe('opportunity-pool');
  });

  it('RL5008 for an unknown routing', () => {
    const error = thrown(() =>
      compiled().route('nope', { id: 'O1', values: {} }, {}, { now: NOW, users }),
    );
    expect(error.code).toBe('RL5008');
    expect(error.messages['zh-CN']).toBe('应用中没有 id 为 "nope" 的分配规则');
  });

  it('a routing with an unknown role is an app error', () => {
    const files = decisionFiles();
    files['routing/opportunity-routing.json'] = {
      ...opportunityRouting(),
      rules: [{ id: 'all', pool: { roles: ['no-such-role'] } }],
    };
    const result = compileApp({ files });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.file === 'routing/opportunity-routing.json')).toBe(
      true,
    );
  });
});
