// Generates the S36 rebate statement of the example distributors:
//   statements/2026-Q1-rebates.csv  (UTF-8 with BOM, for Excel)
//   statements/2026-Q1-rebates.json
// from sample-data/distributor-quarter.json and the app's formula quarterly-rebate.
// Run from the repository root after `npm run build`:
//   node examples/sales-crm/statements/generate.mjs
// packages/engine/test/statement-example.test.ts regenerates both in memory and compares them
// with the checked-in files, so they cannot drift from the tables.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildStatement, compileApp, statementToCsv, statementToJson } from '@ruleloom/engine';

const appFolder = fileURLToPath(new URL('..', import.meta.url));
const statementsFolder = fileURLToPath(new URL('.', import.meta.url));

/** Every JSON file of the app folder, in the `{ files }` shape compileApp takes. */
function readAppFolder(root) {
  const files = {};
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
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

/** Sum of amounts, in whole cents, so 315600.5 + … adds up exactly. */
function sumAmounts(amounts) {
  return amounts.reduce((cents, amount) => cents + Math.round(amount * 100), 0) / 100;
}

/**
 * One statement line per order: the order's own figures plus its distributor's quarter
 * (purchases and new-product purchases summed over the quarter's orders, payment rate).
 */
export function statementLines(distributors) {
  return distributors.flatMap((distributor) => {
    const quarterPurchaseAmount = sumAmounts(distributor.orders.map((o) => o.amount));
    const newProductAmount = sumAmounts(distributor.orders.map((o) => o.newProductAmount));
    return distributor.orders.map((order) => ({
      id: order.id,
      group: distributor.name,
      input: {
        orderAmount: order.amount,
        orderNewProductAmount: order.newProductAmount,
        paymentDays: order.paymentDays,
        quarterPurchaseAmount,
        paymentRate: distributor.paymentRate,
        newProductAmount,
      },
    }));
  });
}

/** Compiles the app, builds the statement, and returns it with its CSV and JSON text. */
export function generate() {
  const compiled = compileApp(readAppFolder(appFolder));
  if (!compiled.ok) {
    const problems = compiled.diagnostics.map((d) => `${d.file} ${d.pointer}: ${d.message.en}`);
    throw new Error(`the example app does not compile:\n${problems.join('\n')}`);
  }
  const distributors = JSON.parse(
    readFileSync(join(appFolder, 'sample-data/distributor-quarter.json'), 'utf8'),
  );
  const statement = buildStatement(compiled.app, {
    formula: 'quarterly-rebate',
    lines: statementLines(distributors),
  });
  const csv = statementToCsv(statement, {
    locale: 'zh-CN',
    groupLabel: { 'zh-CN': '经销商', en: 'Distributor' },
    lineLabel: { 'zh-CN': '订单号', en: 'Order' },
  });
  return { statement, csv, json: statementToJson(statement) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { statement, csv, json } = generate();
  writeFileSync(join(statementsFolder, '2026-Q1-rebates.csv'), csv);
  writeFileSync(join(statementsFolder, '2026-Q1-rebates.json'), json);
  console.log(
    `${statement.count} lines, ${statement.groups.length} distributors, total ${statement.total}` +
      (statement.failed > 0 ? `, ${statement.failed} failed` : ''),
  );
}
