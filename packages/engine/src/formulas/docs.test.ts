import { readFileSync } from 'node:fs';
import type { FormulaDefinition, TableDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { tablesCatalogue } from '../diagnostics/catalogue/tables.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { codes } from '../tables/__tests__/helpers.js';
import { compileTable } from '../tables/compileTable.js';
import { parseNumberText } from '../tables/numbers.js';
import type { CompiledTable } from '../tables/types.js';
import { callOperators } from './calls.js';
import { compileFormulas } from './compileFormulas.js';

// docs/reference/tables-and-formulas.md is data for this test: its definitions are compiled,
// and every result it shows is checked, so the page cannot drift from the engine.

const page = readFileSync(
  new URL('../../../../docs/reference/tables-and-formulas.md', import.meta.url),
  'utf8',
);
const lines = page.split('\n');

/** The JSON block after each `<!-- marker: name -->`, by name (in page order). */
function blocks(marker: string): { name: string; json: unknown }[] {
  const found: { name: string; json: unknown }[] = [];
  lines.forEach((line, i) => {
    const match = new RegExp(`^<!-- ${marker}: (\\S+) -->$`).exec(line);
    if (!match) return;
    expect(lines[i + 1], `${line} is followed by a json block`).toBe('```json');
    const end = lines.indexOf('```', i + 2);
    found.push({ name: match[1] as string, json: JSON.parse(lines.slice(i + 2, end).join('\n')) });
  });
  return found;
}

/** The rows of the markdown table after `<!-- marker: name -->`, header first. */
function tables(marker: string): { name: string; rows: string[][] }[] {
  const found: { name: string; rows: string[][] }[] = [];
  lines.forEach((line, i) => {
    const match = new RegExp(`^<!-- ${marker}: (\\S+) -->$`).exec(line);
    if (!match) return;
    const rows: string[][] = [];
    for (const row of lines.slice(i + 1)) {
      if (!row.startsWith('|')) break;
      rows.push(
        row
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    }
    found.push({ name: match[1] as string, rows: rows.filter((_, r) => r !== 1) });
  });
  return found;
}

/**
 * Fails unless `actual` holds everything `expected` shows: objects by the keys shown, lists
 * as the items shown in the same order (the page may leave items out).
 */
function expectShown(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is a list`).toBe(true);
    let from = 0;
    expected.forEach((item, i) => {
      const list = actual as unknown[];
      const at = list.findIndex((candidate, k) => k >= from && shown(candidate, item));
      if (at === -1) expectShown(list[from], item, `${path}[${i}]`); // fails with the closest item
      from = at + 1;
    });
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual === 'object' && actual !== null, `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(expected)) {
      expectShown((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

function shown(actual: unknown, expected: unknown): boolean {
  try {
    expectShown(actual, expected);
    return true;
  } catch {
    return false;
  }
}

const files = blocks('file');
const diagnostics: Diagnostic[] = [];
const report = (d: Diagnostic) => diagnostics.push(d);
const compiledTables = new Map<string, CompiledTable>();
for (const { name, json } of files.filter((f) => f.name.startsWith('tables/'))) {
  const table = compileTable(
    { file: name, definition: json as TableDefinition },
    { report, operators: callOperators() },
  );
  if (table) compiledTables.set(table.id, table);
}
const formulas = compileFormulas(
  files
    .filter((f) => f.name.startsWith('formulas/'))
    .map(({ name, json }) => ({ file: name, definition: json as FormulaDefinition })),
  compiledTables,
  { report },
);

describe('docs/reference/tables-and-formulas.md', () => {
  it('defines the S36 and S44 tables and formulas, which compile without findings', () => {
    expect(files.map((f) => f.name)).toEqual([
      'tables/rebate-tier.json',
      'tables/store-tier.json',
      'formulas/new-product-bonus.json',
      'formulas/quarterly-rebate.json',
      'formulas/order-rebate.json',
    ]);
    expect(codes(diagnostics)).toEqual([]);
    expect([...formulas.keys()]).toEqual(['new-product-bonus', 'quarterly-rebate', 'order-rebate']);
  });

  it.each(blocks('returns').map(({ name, json }) => [name, json] as const))(
    'table %s returns what the page shows for %j',
    (name, example) => {
      const { input, returns } = example as { input: unknown; returns: unknown };
      expectShown(compiledTables.get(name)?.evaluate(input), returns);
    },
  );

  for (const { name, rows } of tables('formula-examples')) {
    const [header = [], ...examples] = rows;
    const ids = header.slice(0, -2).map((cell) => /`([^`]+)`/.exec(cell)?.[1] ?? cell);
    it.each(examples)(`formula ${name}: %s, %s, …`, (...cells) => {
      const input = Object.fromEntries(ids.map((id, i) => [id, cells[i]]));
      const result = formulas.get(name)?.evaluate(input);
      expect(result?.ok).toBe(true);
      expect(result?.value).toBe(parseNumberText(cells[ids.length] as string));
      const row = /^(\S+?):/.exec(cells[ids.length + 1] as string)?.[1];
      const calls = JSON.stringify(result?.trace);
      if (row && row !== 'no') expect(calls).toContain(`"rowId":"${row}"`);
    });
  }

  it.each(blocks('trace').map(({ name, json }) => [name, json] as const))(
    'formula %s explains itself as the page shows',
    (name, example) => {
      const { input, trace } = example as { input: unknown; trace: unknown };
      expectShown(formulas.get(name)?.evaluate(input).trace, trace);
    },
  );

  it('every cell of "Writing a cell" compiles', () => {
    const start = lines.indexOf('| cell | matches |');
    const cells = lines
      .slice(start + 2)
      .filter((_, i, rest) => rest.slice(0, i + 1).every((l) => l.startsWith('|')))
      .flatMap((line) =>
        [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
      );
    expect(cells.length).toBeGreaterThan(15);
    for (const cell of cells) {
      const type = /\d{4}-\d{2}-\d{2}/.test(cell) ? 'date' : 'money';
      const found: Diagnostic[] = [];
      const table = compileTable(
        {
          file: 'cell.json',
          definition: {
            $schema: 'https://ruleloom.dev/schemas/v1/table.schema.json',
            id: 'cell',
            hitPolicy: 'collect',
            inputs: [{ id: 'x', type }],
            outputs: [{ id: 'y', type: 'number' }],
            rows: [{ id: 'r', when: { x: cell }, then: { y: 1 } }],
          },
        },
        { report: (d) => found.push(d) },
      );
      expect(codes(found), cell).toEqual([]);
      expect(table, cell).toBeDefined();
    }
  });

  it('names only codes of the catalogue', () => {
    const named = [...page.matchAll(/RL54\d\d/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(10);
    for (const code of named) expect(Object.hasOwn(tablesCatalogue, code), code).toBe(true);
  });
});
