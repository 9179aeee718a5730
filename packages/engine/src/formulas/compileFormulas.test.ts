import type { FormulaDefinition, TableDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/types.js';
import { codes, fixture } from '../tables/__tests__/helpers.js';
import {
  compileAll,
  newProductBonus,
  quarterlyRebate,
  rebateTier,
  s36App,
  storeTier,
} from './__tests__/s36.js';
import { createCallContext } from './calls.js';
import type { FormulaTrace, TableCallTrace, TraceStep } from './types.js';

const formula = (
  definition: Partial<FormulaDefinition> & Pick<FormulaDefinition, 'id'>,
): FormulaDefinition =>
  ({
    $schema: 'https://ruleloom.dev/schemas/v1/formula.schema.json',
    inputs: [{ id: 'amount', label: '金额', type: 'money' }],
    output: { type: 'number' },
    expression: { var: 'amount' },
    ...definition,
  }) as FormulaDefinition;

const errors = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error');

/** Every step of a trace, depth first. */
function allSteps(steps: readonly TraceStep[]): TraceStep[] {
  return steps.flatMap((step) => [step, ...allSteps(step.children)]);
}

describe('formula text calls tables and formulas with TABLE() and FORMULA()', () => {
  const { expression: _expression, ...rest } = quarterlyRebate;
  const asText = {
    ...rest,
    text: 'MONEY_ADD(MONEY_MUL(MONEY_MUL(采购额, 0.03), TABLE("rebate-tier", "coefficient")), FORMULA("new-product-bonus"))',
  } as FormulaDefinition;
  const { formulas, diagnostics } = compileAll(
    [rebateTier, storeTier],
    [newProductBonus, quarterlyRebate, { ...asText, id: 'quarterly-rebate-text' }],
  );

  it('given the S36 rebate written as formula text, then it compiles to the same calls', () => {
    expect(errors(diagnostics)).toEqual([]);
    expect(formulas.get('quarterly-rebate-text')?.calls).toEqual({
      tables: ['rebate-tier'],
      formulas: ['new-product-bonus'],
    });
  });

  it.each([
    [1000000, 0.9, 350000],
    [1000000, 0.75, 350000],
    [333333.33, 0.85, 300000],
  ])(
    'given 采购额 %d, 回款率 %d, 新品 %d, then text and JsonLogic agree to the cent',
    (a, r, n) => {
      const input = { purchaseAmount: a, paymentRate: r, newProductAmount: n };
      const text = formulas.get('quarterly-rebate-text')?.evaluate(input);
      const logic = formulas.get('quarterly-rebate')?.evaluate(input);
      expect(text?.ok).toBe(true);
      expect(text && 'value' in text ? text.value : undefined).toEqual(
        logic && 'value' in logic ? logic.value : 'no value',
      );
    },
  );

  it('given a table id that does not exist in formula text, then the call is reported', () => {
    const { diagnostics: found } = compileAll(
      [rebateTier],
      [
        {
          ...asText,
          id: 'typo',
          text: 'TABLE("rebate-tierx", "coefficient")',
        } as FormulaDefinition,
      ],
    );
    expect(errors(found).length).toBeGreaterThan(0);
  });
});

describe('S36: the quarterly rebate calls the tier table and the new-product bonus formula', () => {
  const { formulas, diagnostics } = s36App();
  const rebate = formulas.get('quarterly-rebate');

  it('compiles without findings', () => {
    expect(diagnostics).toEqual([]);
    expect(rebate?.calls).toEqual({ tables: ['rebate-tier'], formulas: ['new-product-bonus'] });
  });

  it.each([
    [1000000, 0.9, 350000, 43000], // tier-a: 30000 × 1.2 + 7000
    [1000000, 0.9, 200000, 33000], // tier-b: 30000 × 1.1, no bonus below 30万
    [1000000, 0.75, 350000, 37000], // tier-c: 30000 × 1.0 + 7000
    [1000000, 0.6, 0, 24000], // tier-d: 30000 × 0.8
    [333333.33, 0.85, 300000, 18000], // 9999.9999 × 1.2 = 11999.99988 + 6000 → 17999.99988 → 18000.00
  ])(
    '采购额 %d, 回款率 %d, 新品 %d → %d',
    (purchaseAmount, paymentRate, newProductAmount, value) => {
      const result = rebate?.evaluate({ purchaseAmount, paymentRate, newProductAmount });
      expect(result).toMatchObject({ ok: true, value });
    },
  );

  it('the trace names the formula, its inputs, every step, the table row and the nested formula', () => {
    const { trace } =
      rebate?.evaluate({ purchaseAmount: 1000000, paymentRate: 0.9, newProductAmount: '35万' }) ??
      {};
    expect(trace).toMatchObject({
      kind: 'formula',
      formula: 'quarterly-rebate',
      label: { 'zh-CN': '季度返利', en: 'Quarterly rebate' },
      inputs: { purchaseAmount: 1000000, paymentRate: 0.9, newProductAmount: 350000 },
      value: 43000,
    });
    const [root] = trace?.steps ?? [];
    expect(root).toMatchObject({
      operator: 'money_add',
      pointer: '/expression/money_add',
      value: 43000,
    });
    const steps = allSteps(trace?.steps ?? []);
    expect(
      steps.find((s) => s.pointer === '/expression/money_add/0/money_mul/0/money_mul'),
    ).toMatchObject({
      operator: 'money_mul',
      value: 30000,
      text: 'MONEY_MUL(采购额, 0.03)',
    });

    const table = steps.find((s) => s.operator === 'table');
    expect(table).toMatchObject({
      pointer: '/expression/money_add/0/money_mul/1/table',
      value: 1.2,
    });
    expect(table?.call).toEqual({
      kind: 'table',
      table: 'rebate-tier',
      label: { 'zh-CN': '季度返利档位', en: 'Quarterly rebate tier' },
      hitPolicy: 'first',
      column: 'coefficient',
      inputs: { paymentRate: 0.9, newProductAmount: 350000 },
      matched: [
        {
          rowId: 'tier-a',
          index: 0,
          outputs: { coefficient: 1.2 },
          description: {
            'zh-CN': '回款率≥85%且新品采购额≥30万',
            en: '回款率≥85%且新品采购额≥30万',
          },
        },
      ],
      outputs: { coefficient: 1.2 },
      value: 1.2,
      calls: [],
    } satisfies TableCallTrace);

    const nested = steps.find((s) => s.operator === 'formula')?.call as FormulaTrace;
    expect(nested).toMatchObject({
      kind: 'formula',
      formula: 'new-product-bonus',
      inputs: { newProductAmount: 350000 },
      value: 7000,
    });
    expect(nested.steps[0]).toMatchObject({
      operator: 'if',
      pointer: '/if',
      text: 'IF(新品采购额 >= 300000, MONEY_MUL(新品采购额, 0.02), 0)',
    });
    expect(allSteps(nested.steps).find((s) => s.operator === '>=')).toMatchObject({
      text: '新品采购额 >= 300000',
      value: true,
    });
  });

  it('money is rounded to 2 decimals half-up on the decimal digits; the trace keeps the unrounded value', () => {
    const result = rebate?.evaluate({
      purchaseAmount: 333333.33,
      paymentRate: 0.85,
      newProductAmount: 300000,
    });
    expect(result?.value).toBe(18000);
    expect(result?.trace.unrounded).toBe(17999.99988);
  });
});

describe('S44: the order estimate passes the store type to the store-tier table by name', () => {
  const rebate = s36App().formulas.get('order-rebate');

  it.each([
    ['ka', 12345.67, 987.65], // 987.6536
    ['community', 12345.67, 617.28], // 617.2835
    ['online', 12345.67, 0], // the table's default
  ])('%s, %d → %d', (store, orderAmount, value) => {
    expect(rebate?.evaluate({ orderAmount, store })).toMatchObject({ ok: true, value });
  });

  it('the table call shows the input as the table tested it', () => {
    const table = allSteps(
      rebate?.evaluate({ orderAmount: 100, store: 'ka' }).trace.steps ?? [],
    ).find((s) => s.call);
    expect(table?.call).toMatchObject({
      table: 'store-tier',
      inputs: { storeType: 'ka' },
      matched: [{ rowId: 'ka' }],
      value: 0.08,
    });
  });
});

describe('formula text', () => {
  it('names inputs by their Chinese labels (S36 fixture)', () => {
    const { formulas, diagnostics } = compileAll(
      [],
      [fixture<FormulaDefinition>('formula', 'tier-coefficient')],
    );
    expect(diagnostics).toEqual([]);
    const tier = formulas.get('tier-coefficient');
    expect(tier?.logic).toEqual({
      if: [
        {
          and: [
            { '>=': [{ var: 'paymentRate' }, 0.85] },
            { '>=': [{ var: 'newProductAmount' }, 300000] },
          ],
        },
        1.2,
        1,
      ],
    });
    expect(tier?.evaluate({ paymentRate: 0.9, newProductAmount: 300000 }).value).toBe(1.2);
    expect(tier?.evaluate({ paymentRate: 0.9, newProductAmount: 299999 }).value).toBe(1);
  });

  it('reports text that cannot be read at /text, with the column in the text', () => {
    const { formulas, diagnostics } = compileAll(
      [],
      [formula({ id: 'broken', expression: undefined, text: 'IF(金额 > 1, 2' })],
    );
    expect(formulas.size).toBe(0);
    expect(diagnostics).toMatchObject([
      { code: 'RL4003', pointer: '/text', column: 13, file: 'formulas/broken.json' },
    ]);
  });
});

describe('calls that cannot work are located diagnostics', () => {
  const check = (expression: unknown, more: Partial<FormulaDefinition> = {}) =>
    compileAll(
      [rebateTier, storeTier],
      [formula({ id: 'caller', expression, ...more }), quarterlyRebate, newProductBonus],
    );

  it.each<[string, unknown, string[]]>([
    [
      'an unknown table',
      { table: ['rebate-tiers', 'coefficient'] },
      ['RL5008 /expression/table/0'],
    ],
    ['an unknown formula', { formula: ['quarterly-rebates'] }, ['RL5008 /expression/formula/0']],
    [
      'an unknown output column',
      { table: ['store-tier', 'rate', 'storeType', 'ka'] },
      ['RL5430 /expression/table/1'],
    ],
    [
      'an output column that is not text',
      { table: ['store-tier', 5, 'storeType', 'ka'] },
      ['RL5433 /expression/table/1'],
    ],
    [
      'an id that is computed',
      { table: [{ var: 'amount' }, 'coefficient'] },
      ['RL5432 /expression/table/0'],
    ],
    [
      'an input the table does not read',
      { table: ['store-tier', 'rebateRate', 'storeType', 'ka', 'region', 'south'] },
      ['RL5431 /expression/table/4'],
    ],
    [
      'a name without a value',
      { table: ['store-tier', 'rebateRate', 'storeType'] },
      ['RL5433 /expression/table'],
    ],
    [
      'an input name that is not text',
      { formula: ['quarterly-rebate', 1, 2] },
      ['RL5433 /expression/formula/1', 'RL5435 /expression/formula', 'RL5435 /expression/formula'],
    ],
    [
      'a required input not passed',
      { formula: ['quarterly-rebate', 'purchaseAmount', 1] },
      ['RL5435 /expression/formula'],
    ],
  ])('%s', (_what, expression, expected) => {
    const { formulas, diagnostics } = check(expression);
    expect(codes(diagnostics)).toEqual(expected);
    if (errors(diagnostics).length > 0) expect(formulas.has('caller')).toBe(false);
  });

  it('a table input neither passed nor among the formula’s inputs is a warning (it matches only "-")', () => {
    const { formulas, diagnostics } = check({ table: ['rebate-tier', 'coefficient'] });
    expect(codes(diagnostics)).toEqual(['RL5436 /expression/table', 'RL5436 /expression/table']);
    expect(diagnostics[0]?.severity).toBe('warning');
    expect(formulas.has('caller')).toBe(true);
  });

  it('uses: unknown ids are errors, calls not listed are warnings', () => {
    const { diagnostics } = check(
      { formula: ['quarterly-rebate', 'purchaseAmount', 1, 'paymentRate', 0.9] },
      { uses: { tables: ['no-such-table'] } },
    );
    expect(codes(diagnostics)).toEqual(['RL5008 /uses/tables/0', 'RL5437 /expression/formula']);
  });

  it('a formula calling one that has errors is left out too, said at the call', () => {
    const { formulas, diagnostics } = compileAll(
      [],
      [
        formula({ id: 'a', expression: { formula: ['b', 'amount', 1] } }),
        formula({ id: 'b', expression: { frobnicate: [1] } }),
      ],
    );
    expect(formulas.size).toBe(0);
    expect(codes(diagnostics)).toEqual([
      'RL2001 /expression/frobnicate',
      'RL5439 /expression/formula',
    ]);
  });

  it('a result whose type is known and differs from the output type is an error', () => {
    const { diagnostics } = compileAll(
      [],
      [formula({ id: 'label', expression: { cat: ['A', 'B'] } })],
    );
    expect(codes(diagnostics)).toEqual(['RL5438 /expression']);
    expect(diagnostics[0]?.message.en).toBe(
      'the calculation gives text, but the output type is a number',
    );
  });
});

describe('cycles are compile errors naming the cycle', () => {
  it('between formulas', () => {
    const { formulas, diagnostics } = compileAll(
      [],
      [
        formula({ id: 'a', expression: { '+': [1, { formula: ['b'] }] } }),
        formula({ id: 'b', expression: { formula: ['c'] } }),
        formula({ id: 'c', expression: { formula: ['a'] } }),
        formula({ id: 'd', expression: { formula: ['a'] } }),
      ],
    );
    expect(formulas.size).toBe(0);
    expect(codes(diagnostics)).toEqual([
      'RL5434 /expression/+/1/formula',
      'RL5439 /expression/formula',
    ]);
    expect(diagnostics[0]).toMatchObject({ file: 'formulas/a.json' });
    expect(diagnostics[0]?.message).toEqual({
      'zh-CN': '公式和决策表相互调用形成了循环：公式 a → 公式 b → 公式 c → 公式 a',
      en: 'formulas and tables call each other in a cycle: formula a → formula b → formula c → formula a',
    });
  });

  it('a formula calling itself', () => {
    const { diagnostics } = compileAll(
      [],
      [formula({ id: 'self', expression: { formula: ['self'] } })],
    );
    expect(diagnostics.map((d) => d.message.en)).toEqual([
      'formulas and tables call each other in a cycle: formula self → formula self',
    ]);
  });

  it('through a table whose cell calls the formula', () => {
    const table: TableDefinition = {
      ...storeTier,
      id: 'loop-table',
      rows: [
        {
          id: 'r',
          when: { storeType: { expression: { '>': [{ formula: ['loop', 'amount', 1] }, 0] } } },
          then: { rebateRate: 0.1 },
        },
      ],
    };
    const { diagnostics } = compileAll(
      [table],
      [
        formula({
          id: 'loop',
          expression: { table: ['loop-table', 'rebateRate', 'storeType', 'ka'] },
        }),
      ],
    );
    expect(diagnostics.map((d) => `${d.code} ${d.file} ${d.pointer}`)).toEqual([
      'RL5434 formulas/loop.json /expression/table',
    ]);
    expect(diagnostics[0]?.message.en).toContain('formula loop → table loop-table → formula loop');
  });
});

describe('tables whose cells call formulas', () => {
  const gated: TableDefinition = {
    ...storeTier,
    id: 'gated',
    inputs: [...storeTier.inputs, { id: 'amount', type: 'money' }],
    rows: [
      {
        id: 'big-ka',
        when: {
          storeType: 'ka',
          amount: {
            expression: { '>=': [{ formula: ['double', 'amount', { var: 'amount' }] }, 100] },
          },
        },
        then: { rebateRate: 0.1 },
      },
    ],
  };
  const double = formula({ id: 'double', expression: { '*': [{ var: 'amount' }, 2] } });

  it('record those calls under the table call in the trace', () => {
    const { formulas, diagnostics } = compileAll(
      [gated],
      [
        double,
        formula({
          id: 'rate',
          inputs: [
            { id: 'amount', type: 'money' },
            { id: 'storeType', type: 'enum' },
          ],
          expression: { table: ['gated', 'rebateRate'] },
        }),
      ],
    );
    expect(diagnostics).toEqual([]);
    const result = formulas.get('rate')?.evaluate({ amount: 60, storeType: 'ka' });
    expect(result?.value).toBe(0.1);
    const call = result?.trace.steps[0]?.call as TableCallTrace;
    expect(call.calls).toMatchObject([
      { kind: 'formula', formula: 'double', inputs: { amount: 60 }, value: 120 },
    ]);
  });

  it('calling one with errors leaves out the formulas that call the table, said at each call', () => {
    const broken = formula({ id: 'double', expression: { frobnicate: [1] } });
    const { formulas, diagnostics } = compileAll(
      [gated],
      [
        broken,
        formula({
          id: 'rate',
          expression: { table: ['gated', 'rebateRate', 'storeType', 'ka', 'amount', 1] },
        }),
      ],
    );
    expect(formulas.size).toBe(0);
    expect(diagnostics.map((d) => `${d.code} ${d.file} ${d.pointer}`)).toEqual([
      'RL2001 formulas/double.json /expression/frobnicate',
      'RL5439 tables/gated.json /rows/0/when/amount/expression/>=/0/formula',
      'RL5439 formulas/rate.json /expression/table',
    ]);
    expect(diagnostics[2]?.message.en).toBe(
      'the table "gated" it calls cannot be used: it, or something it calls, has errors',
    );
  });

  it('must name what they pass (no formula inputs to pass implicitly)', () => {
    const implicit: TableDefinition = {
      ...gated,
      rows: [
        {
          id: 'r',
          when: { amount: { expression: { formula: ['double'] } } },
          then: { rebateRate: 0.1 },
        },
      ],
    };
    expect(codes(compileAll([implicit], [double]).diagnostics)).toEqual([
      'RL5440 /rows/0/when/amount/expression/formula',
    ]);
  });

  it('evaluated alone, need a call context', () => {
    const { tables, formulas } = compileAll([gated], [double]);
    const table = tables.get('gated');
    expect(table?.evaluate({ storeType: 'ka', amount: 60 }).error?.code).toBe('RL5452');
    expect(
      table?.evaluate({ storeType: 'ka', amount: 60 }, createCallContext({ tables, formulas }))
        .outputs,
    ).toEqual({ rebateRate: 0.1 });
  });
});

describe('inputs and outputs', () => {
  const compileOne = (definition: FormulaDefinition) => {
    const { formulas, diagnostics } = compileAll([], [definition]);
    const compiled = formulas.get(definition.id);
    if (!compiled) throw new Error(JSON.stringify(diagnostics));
    return compiled;
  };

  it('required inputs, defaults, optional inputs and types', () => {
    const f = compileOne(
      formula({
        id: 'bonus',
        inputs: [
          { id: 'base', label: '奖金基数', type: 'money' },
          { id: 'quality', type: 'number', required: false, default: 1 },
          { id: 'note', type: 'text', required: false },
        ],
        output: { type: 'money' },
        expression: { '*': [{ var: 'base' }, { var: 'quality' }] },
      }),
    );
    expect(f.evaluate({ base: '1万' })).toMatchObject({
      ok: true,
      value: 10000,
      trace: { inputs: { base: 10000, quality: 1, note: null } },
    });
    const missing = f.evaluate({});
    expect(missing.error).toMatchObject({ code: 'RL5450', file: 'formulas/bonus.json' });
    expect(missing.error?.message['zh-CN']).toBe('公式"bonus"缺少必填输入 "奖金基数"');
    expect(f.evaluate({ base: 'much' }).error?.code).toBe('RL5422');
  });

  it.each([
    [{ type: 'money' }, 1.005, 1.01],
    [{ type: 'money' }, -1.005, -1.01],
    [{ type: 'money', precision: 0 }, 2.5, 3],
    [{ type: 'number', precision: 2, rounding: 'half-even' }, 0.125, 0.12],
    [{ type: 'number', precision: 2, rounding: 'down' }, 1.239, 1.23],
    [{ type: 'number', precision: 2, rounding: 'up' }, 1.231, 1.24],
    [{ type: 'percent' }, 0.08333333, 0.08333333],
    [{ type: 'number' }, 0.1 + 0.2, 0.30000000000000004],
  ])('output %j rounds %d to %d', (output, raw, value) => {
    const f = compileOne(
      formula({ id: 'r', output: output as FormulaDefinition['output'], expression: raw }),
    );
    expect(f.evaluate({ amount: 0 }).value).toBe(value);
  });

  it('a result that does not fit the output is an error value; blank is null', () => {
    const f = compileOne(formula({ id: 'ratio', expression: { '/': [1, { var: 'amount' }] } }));
    expect(f.evaluate({ amount: 0 }).error?.code).toBe('RL5423');
    const blank = compileOne(
      formula({
        id: 'quotient',
        output: { type: 'money' },
        expression: { money_div: [1, { var: 'amount' }] },
      }),
    );
    expect(blank.evaluate({ amount: 0 })).toMatchObject({ ok: true, value: null });
  });

  it('errors from inside a call keep the file and pointer where they happened', () => {
    const { formulas } = compileAll(
      [],
      [
        formula({ id: 'outer', expression: { formula: ['inner', 'amount', 'x'] } }),
        formula({
          id: 'inner',
          inputs: [{ id: 'amount', type: 'ref' }],
          expression: { money_add: [{ var: 'amount' }] },
        }),
      ],
    );
    const result = formulas.get('outer')?.evaluate({ amount: 1 });
    expect(result?.error).toMatchObject({
      code: 'RL3005',
      file: 'formulas/inner.json',
      pointer: '/expression/money_add',
    });
    const nested = result?.trace.steps[0]?.call as FormulaTrace;
    expect(nested.error?.code).toBe('RL3005');
  });
});

describe('evaluateBatch', () => {
  it('gives the value of each record and lists the ones that failed', () => {
    const rebate = s36App().formulas.get('quarterly-rebate');
    const records = [
      { purchaseAmount: 1000000, paymentRate: 0.9, newProductAmount: 350000 },
      { paymentRate: 0.9 },
      { purchaseAmount: 1000000, paymentRate: 0.6 },
    ];
    const batch = rebate?.evaluateBatch(records);
    expect(batch?.values).toEqual([43000, undefined, 24000]);
    expect(batch?.failures).toMatchObject([{ index: 1, error: { code: 'RL5450' } }]);
    records.forEach((record, i) => expect(batch?.values[i]).toBe(rebate?.evaluate(record).value));
  });
});
