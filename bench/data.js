/**
 * Deterministic test data for the benchmark: realistic sales-management records, generated
 * from a fixed seed so every run (and every worker process) sees exactly the same records.
 *
 * Records go through `JSON.parse(JSON.stringify(...))` so they look like data that arrived
 * from an API: plain objects, absent keys where a value was `undefined`.
 */

/** How many records each case cycles through; enough that nothing can be constant-folded. */
export const RECORD_COUNT = 1000;

/**
 * A small, fast, seeded PRNG (mulberry32). Returns floats in [0, 1).
 *
 * @param {number} seed
 * @returns {() => number}
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} items
 * @returns {T}
 */
function pick(random, items) {
  return /** @type {T} */ (items[Math.floor(random() * items.length)]);
}

/**
 * @param {() => number} random
 * @param {number} min
 * @param {number} max
 * @returns {number} an integer in [min, max]
 */
function int(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * @template T
 * @param {T} value
 * @returns {T} a JSON round-trip copy, as data read from an API would be
 */
function asJson(value) {
  return JSON.parse(JSON.stringify(value));
}

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const CITIES = ['上海', '杭州', '广州', '深圳', '北京', '武汉', '成都', '西安', '沈阳', '南京'];
const SOURCES = ['官网', '展会', '转介绍', '电话营销', '渠道', '官网'];
const STATUSES = ['在岗', '在岗', '在岗', '出差', '休假'];
const STAGES = ['初步接洽', '需求确认', '方案报价', '商务谈判'];
const BUDGET_RANGES = ['10万以下', '10-50万', '50-100万', '100万以上'];
const ROLES = ['决策人', '影响者', '使用者', '采购'];

/**
 * Case 1 data: distributors at quarter end, with their collection rate (回款率) and
 * new-product purchases (新品采购额). Roughly a third fall in each rebate tier.
 *
 * @param {number} count
 * @returns {Record<string, unknown>[]}
 */
export function makeDistributors(count) {
  const random = createRandom(0xd15);
  const records = [];
  for (let i = 0; i < count; i++) {
    records.push({
      经销商编号: `JXS-${String(10000 + i)}`,
      经销商名称: `${pick(random, CITIES)}经销商${i}`,
      区域: pick(random, REGIONS),
      季度: `2026Q${int(random, 1, 4)}`,
      年度目标: int(random, 50, 500) * 10000,
      回款率: Math.round((0.5 + random() * 0.5) * 100) / 100,
      新品采购额: int(random, 0, 8000) * 100,
    });
  }
  return asJson(records);
}

/**
 * Case 2 data: incoming leads with budget, source, region and the status of the rep on duty.
 *
 * @param {number} count
 * @returns {Record<string, unknown>[]}
 */
export function makeLeads(count) {
  const random = createRandom(0x1ead);
  const records = [];
  for (let i = 0; i < count; i++) {
    records.push({
      id: `LD-${String(200000 + i)}`,
      company: `${pick(random, CITIES)}某某科技有限公司`,
      budget: int(random, 1, 60) * 10000,
      source: pick(random, SOURCES),
      region: pick(random, REGIONS),
      status: pick(random, STATUSES),
      createdAt: `2026-11-${String(int(random, 1, 22)).padStart(2, '0')}`,
    });
  }
  return asJson(records);
}

/**
 * One gate field: usually filled, otherwise absent (dropped by the JSON round trip).
 *
 * Missing values are only ever absent keys, never `null` or `""`: json-logic-js (and so
 * ruleloom) count all three as missing, json-logic-engine 5 counts only absent keys, and the
 * benchmark times the contestants on data where they all give the same answers.
 *
 * @param {() => number} random
 * @param {readonly string[]} values
 * @returns {string | undefined}
 */
function gateValue(random, values) {
  return random() < 0.8 ? pick(random, values) : undefined;
}

/**
 * Case 3 data: opportunities at a stage gate; about half have all three required fields.
 *
 * @param {number} count
 * @returns {Record<string, unknown>[]}
 */
export function makeOpportunities(count) {
  const random = createRandom(0x6a7e);
  const records = [];
  for (let i = 0; i < count; i++) {
    records.push({
      id: `OPP-${String(300000 + i)}`,
      stage: pick(random, STAGES),
      amount: int(random, 1, 200) * 1000,
      budgetRange: gateValue(random, BUDGET_RANGES),
      decisionRole: gateValue(random, ROLES),
      contactPhone: gateValue(random, [`138${String(int(random, 10000000, 99999999))}`]),
      owner: `U${int(random, 1, 40)}`,
    });
  }
  return asJson(records);
}

/**
 * Case 4 data: sales orders of 6 to 14 lines; about a third have a line over 100 units,
 * at a random position (so `some` stops early on some orders and scans all lines on others).
 *
 * @param {number} count
 * @returns {Record<string, unknown>[]}
 */
export function makeOrders(count) {
  const random = createRandom(0x0de5);
  const records = [];
  for (let i = 0; i < count; i++) {
    const lineCount = int(random, 6, 14);
    const orderLines = [];
    for (let j = 0; j < lineCount; j++) {
      const bulk = random() < 0.04;
      orderLines.push({
        sku: `SKU-${int(random, 1000, 9999)}`,
        qty: bulk ? int(random, 101, 500) : int(random, 1, 100),
        price: int(random, 5, 2000),
      });
    }
    records.push({
      orderNo: `SO-${String(400000 + i)}`,
      customer: `${pick(random, CITIES)}客户${int(random, 1, 300)}`,
      orderLines,
    });
  }
  return asJson(records);
}
