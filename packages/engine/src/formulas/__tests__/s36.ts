import type { FormulaDefinition, TableDefinition } from '@ruleloom/schemas';
import type { Diagnostic } from '../../diagnostics/types.js';
import { compileTable } from '../../tables/compileTable.js';
import type { CompileTableOptions, CompiledTable } from '../../tables/types.js';
import { callOperators } from '../calls.js';
import { compileFormulas } from '../compileFormulas.js';
import type { CompiledFormula } from '../types.js';

/** S36: the tier table, with its lower tiers, written as unary tests. */
export const rebateTier: TableDefinition = {
  $schema: 'https://ruleloom.dev/schemas/v1/table.schema.json',
  id: 'rebate-tier',
  label: { 'zh-CN': '季度返利档位', en: 'Quarterly rebate tier' },
  hitPolicy: 'first',
  inputs: [
    { id: 'paymentRate', label: { 'zh-CN': '回款率', en: 'Payment rate' }, type: 'percent' },
    {
      id: 'newProductAmount',
      label: { 'zh-CN': '新品采购额', en: 'New-product purchases' },
      type: 'money',
    },
  ],
  outputs: [
    { id: 'coefficient', label: { 'zh-CN': '档位系数', en: 'Tier coefficient' }, type: 'number' },
  ],
  rows: [
    {
      id: 'tier-a',
      description: '回款率≥85%且新品采购额≥30万',
      when: { paymentRate: '>= 85%', newProductAmount: '>= 30万' },
      then: { coefficient: 1.2 },
    },
    {
      id: 'tier-b',
      description: '回款率≥85%',
      when: { paymentRate: '>= 85%' },
      then: { coefficient: 1.1 },
    },
    {
      id: 'tier-c',
      description: '回款率70%–85%',
      when: { paymentRate: '[70%..85%)' },
      then: { coefficient: 1 },
    },
    {
      id: 'tier-d',
      description: '回款率低于70%',
      when: { paymentRate: '< 70%' },
      then: { coefficient: 0.8 },
    },
  ],
};

/** S44: store-tier rebate rates. */
export const storeTier: TableDefinition = {
  $schema: 'https://ruleloom.dev/schemas/v1/table.schema.json',
  id: 'store-tier',
  label: { 'zh-CN': '门店等级返利', en: 'Store-tier rebate' },
  hitPolicy: 'unique',
  inputs: [{ id: 'storeType', label: { 'zh-CN': '门店类型', en: 'Store type' }, type: 'enum' }],
  outputs: [
    {
      id: 'rebateRate',
      label: { 'zh-CN': '返利比例', en: 'Rebate rate' },
      type: 'percent',
      default: 0,
    },
  ],
  rows: [
    { id: 'ka', description: 'KA门店', when: { storeType: 'ka' }, then: { rebateRate: '8%' } },
    {
      id: 'community',
      description: '社区店',
      when: { storeType: 'community' },
      then: { rebateRate: '5%' },
    },
  ],
};

const formula = (definition: Omit<FormulaDefinition, '$schema'>): FormulaDefinition => ({
  $schema: 'https://ruleloom.dev/schemas/v1/formula.schema.json',
  ...definition,
});

/** The new-product bonus, written as formula text by an admin. */
export const newProductBonus = formula({
  id: 'new-product-bonus',
  label: { 'zh-CN': '新品奖励', en: 'New-product bonus' },
  inputs: [
    {
      id: 'newProductAmount',
      label: { 'zh-CN': '新品采购额', en: 'New-product purchases' },
      type: 'money',
    },
  ],
  output: { type: 'money' },
  text: 'IF(新品采购额 >= 300000, MONEY_MUL(新品采购额, 0.02), 0)',
});

/** S36: 3% of purchases times the tier coefficient, plus the new-product bonus. */
export const quarterlyRebate = formula({
  id: 'quarterly-rebate',
  label: { 'zh-CN': '季度返利', en: 'Quarterly rebate' },
  inputs: [
    { id: 'purchaseAmount', label: { 'zh-CN': '采购额', en: 'Purchases' }, type: 'money' },
    { id: 'paymentRate', label: { 'zh-CN': '回款率', en: 'Payment rate' }, type: 'percent' },
    {
      id: 'newProductAmount',
      label: { 'zh-CN': '新品采购额', en: 'New-product purchases' },
      type: 'money',
      required: false,
      default: 0,
    },
  ],
  output: { type: 'money', label: { 'zh-CN': '返利金额', en: 'Rebate' } },
  expression: {
    money_add: [
      {
        money_mul: [
          { money_mul: [{ var: 'purchaseAmount' }, 0.03] },
          { table: ['rebate-tier', 'coefficient'] },
        ],
      },
      { formula: ['new-product-bonus'] },
    ],
  },
  uses: { tables: ['rebate-tier'], formulas: ['new-product-bonus'] },
});

/** S44: the per-order estimate a rep sees while entering an order. */
export const orderRebate = formula({
  id: 'order-rebate',
  label: { 'zh-CN': '订单返利预估', en: 'Order rebate estimate' },
  inputs: [
    { id: 'orderAmount', label: { 'zh-CN': '订单金额', en: 'Order amount' }, type: 'money' },
    { id: 'store', label: { 'zh-CN': '门店类型', en: 'Store type' }, type: 'enum' },
  ],
  output: { type: 'money' },
  expression: {
    money_mul: [
      { var: 'orderAmount' },
      { table: ['store-tier', 'rebateRate', 'storeType', { var: 'store' }] },
    ],
  },
});

/** Compiled tables and formulas, with every diagnostic. */
export function compileAll(
  tables: readonly TableDefinition[],
  formulas: readonly FormulaDefinition[],
  tableOptions: Partial<CompileTableOptions> = {},
): {
  tables: Map<string, CompiledTable>;
  formulas: Map<string, CompiledFormula>;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  const compiledTables = new Map<string, CompiledTable>();
  for (const definition of tables) {
    const table = compileTable(
      { file: `tables/${definition.id}.json`, definition },
      { operators: callOperators(), ...tableOptions, report },
    );
    if (table) compiledTables.set(table.id, table);
  }
  const compiled = compileFormulas(
    formulas.map((definition) => ({ file: `formulas/${definition.id}.json`, definition })),
    compiledTables,
    { report },
  );
  return { tables: compiledTables, formulas: compiled, diagnostics };
}

/** The S36 / S44 app: both tables and the three formulas. */
export function s36App() {
  return compileAll([rebateTier, storeTier], [newProductBonus, quarterlyRebate, orderRebate]);
}
