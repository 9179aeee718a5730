import { schemaIdOf, type FieldType as SchemaFieldType } from '@ruleloom/schemas';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { FieldType } from '../expr/types.js';
import { fieldsForSlot } from './declaredFields.js';

describe('fieldsForSlot', () => {
  test('the expression checker knows exactly the field types of the schema', () => {
    expectTypeOf<FieldType>().toEqualTypeOf<SchemaFieldType>();
  });

  test('a formula’s expression reads its typed inputs, labels included', () => {
    const formula = {
      $schema: schemaIdOf('formula'),
      inputs: [
        { id: 'paymentRate', label: { 'zh-CN': '回款率' }, type: 'percent' },
        { id: 'broken', type: 'no-such-type' },
      ],
    };
    expect(
      fieldsForSlot('formula', { pattern: '/text', syntax: 'formula-text' }, formula, []),
    ).toEqual([{ id: 'paymentRate', type: 'percent', label: { 'zh-CN': '回款率' } }]);
  });

  test('an entity’s computed fields read its fields, then the caller’s', () => {
    const entity = {
      fields: [
        { id: 'owner', type: 'text' },
        { id: 'amount', type: 'money' },
      ],
    };
    const given = [
      { id: 'owner', type: 'user' as const },
      { id: 'stage', type: 'text' as const },
    ];
    expect(
      fieldsForSlot(
        'entity',
        { pattern: '/fields/*/computed', syntax: 'expression' },
        entity,
        given,
      ),
    ).toEqual([
      { id: 'owner', type: 'text' },
      { id: 'amount', type: 'money' },
      { id: 'stage', type: 'text' },
    ]);
  });

  test('other slots read the caller’s fields', () => {
    const given = [{ id: 'budget', type: 'money' as const }];
    expect(
      fieldsForSlot('routing', { pattern: '/rules/*/when', syntax: 'expression' }, {}, given),
    ).toBe(given);
    expect(
      fieldsForSlot('routing', { pattern: '/rules/*/when', syntax: 'expression' }, {}, undefined),
    ).toBeUndefined();
  });
});
