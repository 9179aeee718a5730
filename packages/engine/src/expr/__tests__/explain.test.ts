import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';

describe('explain: every answer can be traced to the operations behind it', () => {
  const gate = compileExpression(
    {
      if: [
        { missing: ['budgetRange', 'decisionRole'] },
        false,
        { '>=': [{ var: 'amount' }, 50000] },
      ],
    },
    { pointer: '/transitions/0/gate' },
  );

  it('S38: shows which required fields are missing and that the else branch was not evaluated', () => {
    const explanation = gate.explain({ budgetRange: '20-50万', amount: 80000 });
    expect(explanation).toMatchObject({ ok: true, value: false, truncated: false });
    const [root] = explanation.trace;
    expect(root).toMatchObject({ operator: 'if', pointer: '/transitions/0/gate/if', value: false });
    expect(root?.children.map((c) => [c.operator, c.value])).toEqual([
      ['missing', ['decisionRole']],
    ]);
  });

  it('records the values each comparison saw when the gate passes', () => {
    const explanation = gate.explain({
      budgetRange: '20-50万',
      decisionRole: '决策人',
      amount: 80000,
    });
    expect(explanation).toMatchObject({ ok: true, value: true });
    const comparison = explanation.trace[0]?.children[1];
    expect(comparison).toMatchObject({
      operator: '>=',
      pointer: '/transitions/0/gate/if/2/>=',
      value: true,
      children: [{ operator: 'var', pointer: '/transitions/0/gate/if/2/>=/0/var', value: 80000 }],
    });
  });

  it('gives the same value as evaluate', () => {
    for (const data of [{}, { budgetRange: 'x', decisionRole: 'y', amount: 10 }]) {
      expect(gate.explain(data)).toMatchObject({ ok: true, value: gate.evaluate(data) });
    }
  });

  it('cuts the trace of long loops at 10,000 operations and says so', () => {
    const loop = compileExpression({ map: [{ var: 'xs' }, { '+': [{ var: '' }, 1] }] });
    const explanation = loop.explain({ xs: Array.from({ length: 20_000 }, (_, i) => i) });
    expect(explanation.truncated).toBe(true);
    expect(explanation.ok && (explanation.value as number[])[19_999]).toBe(20_000);
  });

  it('reports errors as values, with the trace so far', () => {
    const failing = compileExpression({ money_add: [{ var: 'a' }, 1] });
    expect(failing.explain({ a: 'abc' })).toMatchObject({ ok: false, error: { code: 'RL3005' } });
    expect(compileExpression({ nope: [] }).explain({})).toMatchObject({
      ok: false,
      error: { code: 'RL3002' },
      trace: [],
    });
  });
});
