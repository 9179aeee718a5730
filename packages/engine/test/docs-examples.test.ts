import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinOperatorNames, compileExpression } from '../src/index.js';

const doc = readFileSync(
  new URL('../../../docs/reference/expressions.md', import.meta.url),
  'utf8',
);
const context = { now: '2026-03-02T10:00:00+08:00', zone: 'Asia/Shanghai' };

interface Row {
  operator: string;
  rule: string;
  data: string;
  result: string;
}

// Table rows of the form | `op` | text | `rule` | `data` | `result` |
const rows: Row[] = doc
  .split('\n')
  .filter((line) => /^\| `[^`]+` \|/.test(line))
  .map((line) => line.split(' | ').map((cell) => cell.replace(/^\|? ?`?|`? ?\|?$/g, '')))
  .filter((cells) => cells.length === 5)
  .map(([operator = '', , rule = '', data = '', result = '']) => ({
    operator,
    rule,
    data,
    result,
  }));

describe('docs/reference/expressions.md', () => {
  it('documents every built-in operator with at least one example', () => {
    const documented = new Set(rows.map((row) => row.operator));
    expect(builtinOperatorNames.filter((name) => !documented.has(name))).toEqual([]);
  });

  it.each(rows.map((row) => [row.operator, row.rule, row] as const))(
    '%s example %s gives the result the doc shows',
    (_op, _rule, row) => {
      const compiled = compileExpression(JSON.parse(row.rule));
      expect(compiled.diagnostics).toEqual([]);
      expect(compiled.evaluate(JSON.parse(row.data), context)).toEqual(JSON.parse(row.result));
    },
  );
});
