import type { TableDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { cellText, moveRow, setHitPolicy, setWhen, textToCell } from './tableEdits.js';

const table: TableDefinition = {
  $schema: 'https://ruleloom.dev/schemas/v1/table.schema.json',
  id: 't',
  hitPolicy: 'collect',
  aggregator: 'sum',
  inputs: [{ id: 'a', type: 'number' }],
  outputs: [{ id: 'x', type: 'number' }],
  rows: [
    { id: 'r1', when: { a: 1 }, then: { x: 1 } },
    { id: 'r2', then: { x: 2 } },
  ],
};

describe('cell text', () => {
  it('keeps unary tests as text and types plain values', () => {
    expect(textToCell('[5万..20万)', 'money')).toBe('[5万..20万)');
    expect(textToCell('[1..5]', 'number')).toBe('[1..5]');
    expect(textToCell('300000', 'money')).toBe(300000);
    expect(textToCell('300000', 'text')).toBe('300000');
    expect(textToCell('true', 'boolean')).toBe(true);
    expect(textToCell('{">=": 0.85}', 'percent')).toEqual({ '>=': 0.85 });
    expect(textToCell('["A","B"]', 'enum')).toEqual(['A', 'B']);
    expect(textToCell('  ', 'text')).toBeUndefined();
  });

  it('shows cells as text that types back to the same cell', () => {
    for (const cell of ['>= 85%', 12, true, ['A', 'B'], { between: [1, 2] }]) {
      expect(textToCell(cellText(cell), typeof cell === 'number' ? 'number' : 'boolean')).toEqual(
        cell,
      );
    }
  });
});

describe('table edits', () => {
  it('clearing the last test of a row removes its when', () => {
    expect(setWhen(table, 0, 'a', undefined).rows[0]).toEqual({ id: 'r1', then: { x: 1 } });
  });

  it('moves rows', () => {
    expect(moveRow(table, 1, -1).rows.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(moveRow(table, 0, -1)).toBe(table);
  });

  it('drops the aggregator when the policy is no longer collect', () => {
    expect(setHitPolicy(table, 'first')).not.toHaveProperty('aggregator');
    expect(setHitPolicy(table, 'collect').aggregator).toBe('sum');
  });
});
