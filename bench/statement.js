/**
 * The S36 rebate statement at scale: 1,000,000 orders of 2,000 distributors, ruleloom
 * against a straightforward baseline, in one run on one machine.
 *
 *   node bench/statement.js [--orders 1000000] [--distributors 2000] [--rounds 2] [--traced 20000]
 *
 * (build first: `npm run build`). Not part of `bench/run.js`.
 *
 * Contestants, on the same seeded orders:
 * - **ruleloom**: the example app's formula `quarterly-rebate` (three nested formulas, the
 *   tables `rebate-band`, `rebate-tier`, `payment-timeliness`, exact money arithmetic) through
 *   `buildStatement(app, { components: 'none' })` — `evaluateFormulaBatch` for the values, then
 *   the subtotals per distributor and the total summed exactly with big.js.
 * - **ruleloom, traced**: `buildStatement` with every component and table row read from each
 *   line's trace (what the checked-in CSV holds), on the first `--traced` orders.
 * - **baseline**: json-logic-js applies the same formula written as plain JsonLogic, with the
 *   three tables hand-coded as custom operations (if / else chains) and float arithmetic
 *   rounded to the cent with `Math.round(x * 100) / 100`; subtotals summed with big.js too.
 *   Lines where its float rounding gives a different cent are counted.
 */
import { buildStatement, compileApp } from '@ruleloom/engine';
import Big from 'big.js';
import jsonLogic from 'json-logic-js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom } from './data.js';

const APP = fileURLToPath(new URL('../examples/sales-crm/', import.meta.url));

/** @param {string} root */
function readAppFolder(root) {
  /** @type {Record<string, unknown>} */
  const files = {};
  /** @param {string} folder */
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        files[relative(root, path).split(sep).join('/')] = JSON.parse(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(root);
  return { files };
}

/**
 * Seeded orders: each distributor has a quarter (purchases, payment rate, new products) that
 * its orders share; amounts in whole cents.
 *
 * @param {number} orders
 * @param {number} distributors
 */
function makeLines(orders, distributors) {
  const random = createRandom(36);
  const quarters = Array.from({ length: distributors }, (_, i) => ({
    name: `经销商${String(i + 1).padStart(4, '0')}`,
    quarterPurchaseAmount: Math.round(random() * 300_000_000) / 100,
    paymentRate: Math.round(random() * 1000) / 1000,
    newProductAmount: Math.round(random() * 60_000_000) / 100,
  }));
  return Array.from({ length: orders }, (_, i) => {
    const quarter = /** @type {(typeof quarters)[number]} */ (quarters[i % distributors]);
    const orderAmount = Math.round(random() * 50_000_000) / 100;
    return {
      id: `SO-${i + 1}`,
      group: quarter.name,
      input: {
        orderAmount,
        orderNewProductAmount: random() < 0.3 ? Math.round(orderAmount * random() * 100) / 100 : 0,
        paymentDays: Math.floor(random() * 120),
        quarterPurchaseAmount: quarter.quarterPurchaseAmount,
        paymentRate: quarter.paymentRate,
        newProductAmount: quarter.newProductAmount,
      },
    };
  });
}

/** The formula as plain JsonLogic; the tables are the custom operations below. */
const BASELINE_RULE = {
  round2: {
    '+': [
      {
        round2: {
          '*': [
            { var: 'orderAmount' },
            { band_rate: { var: 'quarterPurchaseAmount' } },
            { tier_coefficient: [{ var: 'paymentRate' }, { var: 'newProductAmount' }] },
          ],
        },
      },
      { round2: { '*': [{ var: 'orderNewProductAmount' }, 0.02] } },
      { round2: { '*': [{ var: 'orderAmount' }, { timeliness_rate: { var: 'paymentDays' } }] } },
    ],
  },
};
jsonLogic.add_operation('round2', (/** @type {number} */ x) => Math.round(x * 100) / 100);
jsonLogic.add_operation('band_rate', (/** @type {number} */ q) =>
  q < 500000 ? 0.02 : q < 1000000 ? 0.03 : q < 2000000 ? 0.04 : 0.05,
);
jsonLogic.add_operation(
  'tier_coefficient',
  (/** @type {number} */ rate, /** @type {number} */ n) =>
    rate >= 0.85 && n >= 300000 ? 1.2 : rate >= 0.85 ? 1.1 : rate >= 0.7 ? 1 : 0.8,
);
jsonLogic.add_operation('timeliness_rate', (/** @type {number} */ days) =>
  days <= 30 ? 0.01 : days <= 60 ? 0.005 : 0,
);

/** @param {ReturnType<typeof makeLines>} lines */
function baselineStatement(lines) {
  /** @type {Map<string, Big>} */
  const groups = new Map();
  const values = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = /** @type {(typeof lines)[number]} */ (lines[i]);
    const value = /** @type {number} */ (jsonLogic.apply(BASELINE_RULE, line.input));
    values[i] = value;
    groups.set(line.group, (groups.get(line.group) ?? new Big(0)).plus(value));
  }
  let total = new Big(0);
  for (const sum of groups.values()) total = total.plus(sum);
  return { values, total: total.toNumber() };
}

/**
 * @param {() => unknown} run
 * @param {number} rounds
 */
function best(run, rounds) {
  let fastest = Infinity;
  /** @type {any} */
  let result;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    result = run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start));
  }
  return { ns: fastest, result };
}

/** @param {number} n */
const grouped = (n) => Math.round(n).toLocaleString('en-US');

function main() {
  const { values: args } = parseArgs({
    options: {
      orders: { type: 'string', default: '1000000' },
      distributors: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '2' },
      traced: { type: 'string', default: '20000' },
    },
  });
  const orders = Number(args.orders);
  const rounds = Number(args.rounds);
  const compiled = compileApp(readAppFolder(APP));
  if (!compiled.ok) throw new Error('examples/sales-crm does not compile');
  const app = compiled.app;
  const lines = makeLines(orders, Number(args.distributors));
  const traced = lines.slice(0, Number(args.traced));

  const fast = best(
    () => buildStatement(app, { formula: 'quarterly-rebate', lines, components: 'none' }),
    rounds,
  );
  const withTrace = best(
    () => buildStatement(app, { formula: 'quarterly-rebate', lines: traced }),
    rounds,
  );
  const baseline = best(() => baselineStatement(lines), rounds);

  /** @type {import('@ruleloom/engine').Statement} */
  const statement = fast.result;
  let differ = 0;
  for (let i = 0; i < lines.length; i++) {
    if (statement.lines[i]?.value !== baseline.result.values[i]) differ++;
  }
  const perLine = (/** @type {{ ns: number }} */ run, /** @type {number} */ n) => run.ns / n;
  const baseNs = perLine(baseline, orders);
  const rows = [
    ['baseline: json-logic-js, hand-coded tables, float cents', baseNs],
    ["ruleloom: buildStatement, components: 'none'", perLine(fast, orders)],
    [
      `ruleloom: buildStatement with traces and table rows (${grouped(traced.length)} orders)`,
      perLine(withTrace, traced.length),
    ],
  ];
  console.log(
    `\nRebate statement (S36): ${grouped(orders)} orders of ${grouped(Number(args.distributors))} distributors, ` +
      `best of ${rounds} round(s), Node ${process.version}\n`,
  );
  console.log(
    `${'contestant'.padEnd(78)} ${'ns/line'.padStart(8)} ${'lines/s'.padStart(11)} ${'× baseline'.padStart(10)}`,
  );
  for (const [label, ns] of rows) {
    console.log(
      `${String(label).padEnd(78)} ${grouped(Number(ns)).padStart(8)} ${grouped(1e9 / Number(ns)).padStart(11)} ` +
        `${`${(Number(ns) / baseNs).toFixed(2)}×`.padStart(10)}`,
    );
  }
  console.log(
    `\nruleloom total ${new Big(statement.total).toFixed(2)} (${statement.count} lines, ${statement.failed} failed); ` +
      `baseline total ${new Big(baseline.result.total).toFixed(2)}; ` +
      `lines where the float baseline rounds to a different cent: ${grouped(differ)}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
