import type { EntityDefinition } from '@ruleloom/schemas';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileEntity } from './index.js';
import { ENTITY_SCHEMA, lead, opportunity, visit } from './__tests__/salesEntities.js';

// Compiling never throws, even on definitions that failed their schema check (the designer
// compiles while the admin types), and the compiled entity never throws on data.

const fieldTypes = fc.constantFrom(
  'text',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'enum',
  'multi-enum',
  'boolean',
  'user',
  'ref',
  'attachment',
  'photo',
  'geo',
  'tags',
  'formula',
);
const field = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'toString', '__proto__'), fc.anything()),
    type: fieldTypes,
    label: fc.anything(),
    required: fc.anything(),
    readOnly: fc.anything(),
    default: fc.anything(),
    computed: fc.oneof(fc.constant({ '+': [{ var: 'a' }, 1] }), fc.anything()),
    options: fc.oneof(
      fc.array(fc.record({ id: fc.string(), label: fc.anything() })),
      fc.anything(),
    ),
    min: fc.anything(),
    max: fc.anything(),
    precision: fc.anything(),
    maxLength: fc.anything(),
    multiple: fc.anything(),
    maxFiles: fc.anything(),
    accept: fc.anything(),
    minSelected: fc.anything(),
  },
  { requiredKeys: ['id', 'type'] },
);
const definition = fc.oneof(
  fc.anything(),
  fc.record({ $schema: fc.constant(ENTITY_SCHEMA), id: fc.string(), fields: fc.array(field) }),
);

describe('compileEntity on arbitrary definitions', () => {
  test('never throws, and its entity never throws on arbitrary values', () => {
    fc.assert(
      fc.property(definition, fc.anything(), (candidate, values) => {
        const entity = compileEntity(
          { file: 'entities/x.json', definition: candidate as EntityDefinition },
          { zone: 'Asia/Shanghai', report: () => {} },
        );
        const record = (typeof values === 'object' && values !== null ? values : {}) as Record<
          string,
          unknown
        >;
        entity.checkValues(record, { enforceReadOnly: true, previous: record });
        entity.withComputed(entity.withDefaults(record), 0);
      }),
      { numRuns: 500 },
    );
  });

  test.each([lead, visit, opportunity].map((d) => [d.id, d] as const))(
    '%s: checkValues and withComputed never throw on arbitrary values, nor change them',
    (_id, definition) => {
      const entity = compileEntity(
        { file: 'entities/x.json', definition },
        { zone: 'Asia/Shanghai', report: () => {} },
      );
      const ids = definition.fields.map((f) => f.id);
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...ids), fc.anything()), (values) => {
          const before = JSON.stringify(values);
          const errors = entity.checkValues(values);
          expect(new Set(errors.map((e) => e.field)).size).toBe(errors.length);
          entity.withComputed(values, 0);
          expect(JSON.stringify(values)).toBe(before);
        }),
        { numRuns: 300 },
      );
    },
  );
});
