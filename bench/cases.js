/**
 * The benchmark cases: each is one sales-management rule, written once as JsonLogic (for
 * ruleloom, json-logic-js and json-logic-engine), once as json-rules-engine rules and once
 * as hand-written JavaScript (the floor), plus the records it runs on.
 */
import { makeDistributors, makeLeads, makeOpportunities, makeOrders } from './data.js';

/**
 * @typedef {Record<string, any>} BenchRecord
 *
 * @typedef {object} RulesEngineOperator
 * @property {string} name
 * @property {(factValue: unknown, jsonValue: unknown) => boolean} fn
 *
 * @typedef {object} RulesEngineForm
 * @property {object[]} rules The rules, in json-rules-engine's format.
 * @property {RulesEngineOperator[]} [operators] Custom operators the rules need.
 * @property {(runResult: { events: { params?: Record<string, unknown> }[] }) => unknown} result
 *   Reads the rule's answer from `engine.run`'s result.
 *
 * @typedef {object} BenchCase
 * @property {string} id Short id, used on the command line (`--case rebate`).
 * @property {string} title
 * @property {string} formula The rule as a person would write it.
 * @property {unknown} logic The rule as JsonLogic.
 * @property {(count: number) => BenchRecord[]} makeRecords
 * @property {(record: BenchRecord) => unknown} hand The rule hand-written in JavaScript.
 * @property {RulesEngineForm} rulesEngine
 * @property {(value: unknown) => number} score Maps a result to a number for the checksum.
 */

/**
 * Checksum of a boolean result. Anything but a boolean scores NaN, which no checksum equals.
 *
 * @param {unknown} value
 * @returns {number}
 */
const booleanScore = (value) => (value === true ? 1 : value === false ? 0 : NaN);

/**
 * Checksum of a numeric result.
 *
 * @param {unknown} value
 * @returns {number}
 */
const numberScore = (value) => (typeof value === 'number' ? value : NaN);

/**
 * json-rules-engine answers with events: the rule holds when its event fired.
 *
 * @param {{ events: unknown[] }} runResult
 * @returns {boolean}
 */
const fired = (runResult) => runResult.events.length > 0;

/** @type {RulesEngineOperator} */
const present = {
  // JsonLogic's `missing` treats null, "" and absent as missing.
  name: 'present',
  fn: (factValue) => factValue !== null && factValue !== undefined && factValue !== '',
};

/** @type {BenchCase[]} */
export const cases = [
  {
    id: 'rebate',
    title: '1. rebate tier (返利系数)',
    formula: 'IF(AND(回款率 >= 0.85, 新品采购额 >= 300000), 1.2, IF(回款率 >= 0.7, 1.0, 0.8))',
    logic: {
      if: [
        {
          and: [{ '>=': [{ var: '回款率' }, 0.85] }, { '>=': [{ var: '新品采购额' }, 300000] }],
        },
        1.2,
        { if: [{ '>=': [{ var: '回款率' }, 0.7] }, 1.0, 0.8] },
      ],
    },
    makeRecords: makeDistributors,
    hand: (r) => (r.回款率 >= 0.85 && r.新品采购额 >= 300000 ? 1.2 : r.回款率 >= 0.7 ? 1.0 : 0.8),
    rulesEngine: {
      // A decision table: one rule per tier, highest priority first; the answer is the
      // factor of the first event that fired (events come out in priority order).
      rules: [
        {
          name: 'tier-1.2',
          priority: 3,
          conditions: {
            all: [
              { fact: '回款率', operator: 'greaterThanInclusive', value: 0.85 },
              { fact: '新品采购额', operator: 'greaterThanInclusive', value: 300000 },
            ],
          },
          event: { type: 'rebate', params: { factor: 1.2 } },
        },
        {
          name: 'tier-1.0',
          priority: 2,
          conditions: { all: [{ fact: '回款率', operator: 'greaterThanInclusive', value: 0.7 }] },
          event: { type: 'rebate', params: { factor: 1.0 } },
        },
        {
          name: 'tier-0.8',
          priority: 1,
          conditions: { all: [] },
          event: { type: 'rebate', params: { factor: 0.8 } },
        },
      ],
      result: (runResult) => runResult.events[0]?.params?.factor,
    },
    score: numberScore,
  },
  {
    id: 'routing',
    title: '2. lead routing condition (线索分配)',
    formula:
      'budget > 200000 and source == "官网" and region in ["华东","华南"] and status != "出差"',
    logic: {
      and: [
        { '>': [{ var: 'budget' }, 200000] },
        { '==': [{ var: 'source' }, '官网'] },
        { in: [{ var: 'region' }, ['华东', '华南']] },
        { '!=': [{ var: 'status' }, '出差'] },
      ],
    },
    makeRecords: makeLeads,
    hand: (r) =>
      r.budget > 200000 &&
      r.source === '官网' &&
      (r.region === '华东' || r.region === '华南') &&
      r.status !== '出差',
    rulesEngine: {
      rules: [
        {
          conditions: {
            all: [
              { fact: 'budget', operator: 'greaterThan', value: 200000 },
              { fact: 'source', operator: 'equal', value: '官网' },
              { fact: 'region', operator: 'in', value: ['华东', '华南'] },
              { fact: 'status', operator: 'notEqual', value: '出差' },
            ],
          },
          event: { type: 'route' },
        },
      ],
      result: fired,
    },
    score: booleanScore,
  },
  {
    id: 'gate',
    title: '3. stage gate check (阶段门禁)',
    formula: 'IF(MISSING(budgetRange, decisionRole, contactPhone), false, amount >= 50000)',
    logic: {
      if: [
        { missing: ['budgetRange', 'decisionRole', 'contactPhone'] },
        false,
        { '>=': [{ var: 'amount' }, 50000] },
      ],
    },
    makeRecords: makeOpportunities,
    hand: (r) =>
      r.budgetRange !== undefined &&
      r.budgetRange !== null &&
      r.budgetRange !== '' &&
      r.decisionRole !== undefined &&
      r.decisionRole !== null &&
      r.decisionRole !== '' &&
      r.contactPhone !== undefined &&
      r.contactPhone !== null &&
      r.contactPhone !== '' &&
      r.amount >= 50000,
    rulesEngine: {
      // json-rules-engine has no `missing`: a custom operator is the idiomatic way.
      operators: [present],
      rules: [
        {
          conditions: {
            all: [
              { fact: 'budgetRange', operator: 'present', value: true },
              { fact: 'decisionRole', operator: 'present', value: true },
              { fact: 'contactPhone', operator: 'present', value: true },
              { fact: 'amount', operator: 'greaterThanInclusive', value: 50000 },
            ],
          },
          event: { type: 'gate-passed' },
        },
      ],
      result: fired,
    },
    score: booleanScore,
  },
  {
    id: 'some',
    title: '4. array some (大单行)',
    formula: 'SOME(orderLines, qty > 100)',
    logic: { some: [{ var: 'orderLines' }, { '>': [{ var: 'qty' }, 100] }] },
    makeRecords: makeOrders,
    hand: (r) => r.orderLines.some((/** @type {BenchRecord} */ line) => line.qty > 100),
    rulesEngine: {
      // The `someFact` operator decorator (json-rules-engine ≥ 7) over a JSONPath to the qtys.
      rules: [
        {
          conditions: {
            all: [
              {
                fact: 'orderLines',
                path: '$[*].qty',
                operator: 'someFact:greaterThan',
                value: 100,
              },
            ],
          },
          event: { type: 'bulk-order' },
        },
      ],
      result: fired,
    },
    score: booleanScore,
  },
];

/**
 * @param {string} id
 * @returns {BenchCase}
 */
export function findCase(id) {
  const found = cases.find((c) => c.id === id);
  if (!found) {
    throw new Error(`unknown case "${id}" (known: ${cases.map((c) => c.id).join(', ')})`);
  }
  return found;
}
