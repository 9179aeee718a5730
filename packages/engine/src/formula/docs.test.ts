import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../expr/types.js';
import { describeArity, formulaFunctions, infixOperators } from './functionTable.js';
import { parseFormula, printFormula } from './index.js';

// The reference page is data for this test: its tables are the cases, so it cannot drift.
const page = readFileSync(
  new URL('../../../../docs/reference/formula-text.md', import.meta.url),
  'utf8',
);
const lines = page.split('\n');

/** The rows of the table after `<!-- marker -->`, as cells with code backticks removed. */
function table(marker: string): string[][] {
  const start = lines.indexOf(`<!-- ${marker} -->`);
  expect(start, marker).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' && rows.length === 0) continue;
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2);
}

const code = (cell: string | undefined): string => (cell ?? '').replace(/^`(.*)`$/, '$1');

const fieldsStart = lines.indexOf('<!-- sample-fields -->');
const fieldsJson = page.slice(page.indexOf('```json', page.indexOf('<!-- sample-fields -->')) + 7);
const fields = JSON.parse(fieldsJson.slice(0, fieldsJson.indexOf('```'))) as FieldInfo[];

describe('docs/reference/formula-text.md', () => {
  it('defines the sample fields', () => {
    expect(fieldsStart).toBeGreaterThan(-1);
    expect(fields.length).toBeGreaterThan(5);
  });

  const examples = table('formula-examples');
  it('has examples', () => expect(examples.length).toBeGreaterThan(40));
  it.each(examples)('%s', (text, json, printed) => {
    const parsed = parseFormula(code(text), { fields });
    expect(parsed.diagnostics).toEqual([]);
    const logic: unknown = JSON.parse(code(json));
    expect(parsed.logic).toStrictEqual(logic);
    const result = printFormula(logic, { fields, useLabels: 'zh-CN' });
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(code(printed));
    expect(parseFormula(result.text ?? '', { fields }).logic).toStrictEqual(logic);
  });

  it.each(table('formula-errors'))(
    '%s reports its code at its column',
    (text, expected, column) => {
      const [first] = parseFormula(code(text), { fields }).diagnostics;
      expect([first?.code, first?.column]).toEqual([expected, Number(column)]);
    },
  );

  it.each(table('print-errors'))('%s cannot be printed', (json, expected, pointer) => {
    const result = printFormula(JSON.parse(code(json)), { fields });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([[expected, code(pointer)]]);
  });

  it('lists every function of the table, as the table has it', () => {
    const rows = formulaFunctions.map((f) => [
      `\`${f.name}\``,
      f.aliases.length > 0 ? f.aliases.join(', ') : '—',
      `\`${f.op}\``,
      describeArity(f.arity[0], f.arity[1]),
      `${f.printed ? '' : '(read only) '}${f.summary.en}`,
    ]);
    expect(table('formula-functions')).toEqual(rows);
  });

  it('lists every infix operator, as the table has it', () => {
    const rows = infixOperators.map((o) => [
      `\`${o.symbol}\``,
      o.alternates.map((a) => `\`${a}\``).join(', ') || '—',
      `\`${o.op}\``,
      String(o.precedence),
    ]);
    expect(table('formula-operators')).toEqual(rows);
  });
});
