/**
 * The edits of the decision-table grid as pure functions of the definition, and how a cell's
 * JSON is shown and typed as text.
 */
import type { TableDefinition, TableInput, TableOutput, TableRow } from '@ruleloom/schemas';
import { freshId } from '../pipeline/pipelineEdits.js';

type Rows = TableDefinition['rows'];
type Inputs = TableDefinition['inputs'];
type Outputs = TableDefinition['outputs'];

const NUMERIC = new Set(['number', 'money', 'percent']);
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A cell as the grid shows it: text as is (`>= 85%`, `[5万..20万)`), numbers and booleans
 * written out, lists and comparison objects as compact JSON; blank for no cell.
 */
export function cellText(cell: unknown): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell);
}

/**
 * The cell JSON for typed text: undefined for blank (no test: matches anything), a number for
 * a plain number in a numeric column, a boolean for true/false in a boolean column, JSON
 * lists and objects as parsed, and any other text as the unary-test string the engine reads.
 *
 * @example
 * textToCell('[5万..20万)', 'money'); // '[5万..20万)'
 * textToCell('300000', 'money'); // 300000
 */
export function textToCell(text: string, type: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (NUMERIC.has(type) && PLAIN_NUMBER.test(trimmed)) return Number(trimmed);
  if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (trimmed.startsWith('{') || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'object' && parsed !== null) return parsed;
    } catch {
      // Not JSON: a unary test such as `[1..5]`, kept as text.
    }
  }
  return text;
}

/** A value of `type` for a new row's output. */
function blankOutput(type: string): unknown {
  if (NUMERIC.has(type)) return 0;
  if (type === 'boolean') return false;
  return '';
}

function withKey(
  record: Readonly<Record<string, unknown>> | undefined,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Sets (or clears, with undefined) the test of input `column` in row `index`. */
export function setWhen(
  table: TableDefinition,
  index: number,
  column: string,
  cell: unknown,
): TableDefinition {
  return updateRow(table, index, (row) => {
    const when = withKey(row.when, column, cell);
    const { when: _old, ...rest } = row;
    return Object.keys(when).length === 0 ? rest : { ...rest, when: when as TableRow['when'] };
  });
}

/** Sets (or clears) the value of output `column` in row `index`. */
export function setThen(
  table: TableDefinition,
  index: number,
  column: string,
  value: unknown,
): TableDefinition {
  return updateRow(table, index, (row) => ({ ...row, then: withKey(row.then, column, value) }));
}

/** Replaces row `index` by `update(row)`. */
export function updateRow(
  table: TableDefinition,
  index: number,
  update: (row: TableRow) => TableRow,
): TableDefinition {
  return { ...table, rows: table.rows.map((r, i) => (i === index ? update(r) : r)) as Rows };
}

/**
 * Adds a row at the end: it tests nothing yet and gives a blank value of the first output's
 * type.
 */
export function addRow(table: TableDefinition): TableDefinition {
  const first = table.outputs[0];
  const row: TableRow = {
    id: freshId(
      `row-${table.rows.length + 1}`,
      table.rows.map((r) => r.id),
    ),
    then: first ? { [first.id]: blankOutput(first.type) } : {},
  };
  return { ...table, rows: [...table.rows, row] as Rows };
}

/** Removes row `index` (the last row stays: a table has at least one). */
export function removeRow(table: TableDefinition, index: number): TableDefinition {
  if (table.rows.length <= 1) return table;
  return { ...table, rows: table.rows.filter((_, i) => i !== index) as Rows };
}

/** Moves row `index` one place up (`-1`) or down (`1`). */
export function moveRow(table: TableDefinition, index: number, by: -1 | 1): TableDefinition {
  const to = index + by;
  if (to < 0 || to >= table.rows.length) return table;
  const rows = [...table.rows];
  [rows[index], rows[to]] = [rows[to]!, rows[index]!];
  return { ...table, rows: rows as Rows };
}

/** Adds an input or output column with a fresh id. */
export function addColumn(
  table: TableDefinition,
  side: 'inputs' | 'outputs',
  label: string,
): TableDefinition {
  const taken = [...table.inputs, ...table.outputs].map((c) => c.id);
  const id = freshId(side === 'inputs' ? 'input' : 'output', taken);
  const column = { id, label, type: 'number' as const };
  return side === 'inputs'
    ? { ...table, inputs: [...table.inputs, column] as Inputs }
    : { ...table, outputs: [...table.outputs, column] as Outputs };
}

/** Removes a column and its cells in every row (the last column of a side stays). */
export function removeColumn(
  table: TableDefinition,
  side: 'inputs' | 'outputs',
  id: string,
): TableDefinition {
  if (table[side].length <= 1) return table;
  const key = side === 'inputs' ? 'when' : 'then';
  const rows = table.rows.map((row) => {
    if (!row[key] || !(id in row[key])) return row;
    const cells = withKey(row[key], id, undefined);
    if (key === 'when' && Object.keys(cells).length === 0) {
      const { when: _old, ...rest } = row;
      return rest;
    }
    return { ...row, [key]: cells };
  });
  return {
    ...table,
    [side]: table[side].filter((c) => c.id !== id),
    rows: rows as Rows,
  } as TableDefinition;
}

/** Replaces an input column; a new id is carried into every row's `when`. */
export function updateInput(
  table: TableDefinition,
  index: number,
  next: TableInput,
): TableDefinition {
  const old = table.inputs[index];
  if (!old) return table;
  const inputs = table.inputs.map((c, i) => (i === index ? next : c)) as Inputs;
  const rows = old.id === next.id ? table.rows : renameKey(table.rows, 'when', old.id, next.id);
  return { ...table, inputs, rows };
}

/** Replaces an output column; a new id is carried into every row's `then`. */
export function updateOutput(
  table: TableDefinition,
  index: number,
  next: TableOutput,
): TableDefinition {
  const old = table.outputs[index];
  if (!old) return table;
  const outputs = table.outputs.map((c, i) => (i === index ? next : c)) as Outputs;
  const rows = old.id === next.id ? table.rows : renameKey(table.rows, 'then', old.id, next.id);
  return { ...table, outputs, rows };
}

function renameKey(rows: Rows, key: 'when' | 'then', from: string, to: string): Rows {
  return rows.map((row) => {
    const cells = row[key];
    if (!cells || !(from in cells)) return row;
    const renamed = Object.fromEntries(
      Object.entries(cells).map(([k, v]) => [k === from ? to : k, v]),
    );
    return { ...row, [key]: renamed };
  }) as Rows;
}

/**
 * Sets the hit policy; the aggregator is kept only under `collect` (the schema allows it
 * nowhere else).
 */
export function setHitPolicy(
  table: TableDefinition,
  hitPolicy: TableDefinition['hitPolicy'],
): TableDefinition {
  const { aggregator, ...rest } = table;
  return hitPolicy === 'collect' && aggregator
    ? { ...rest, hitPolicy, aggregator }
    : { ...rest, hitPolicy };
}
