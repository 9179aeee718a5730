import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@ruleloom/schemas';
import { compileEntity } from '../index.js';

describe('entity limits given by a JavaScript caller', () => {
  it('a min/max that is an object without a prototype is not a crash (fast-check seed 549641488)', () => {
    const definition = {
      $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
      id: 'order',
      fields: [{ id: 'amount', type: 'money', min: Object.create(null), max: Object.create(null) }],
    } as unknown as EntityDefinition;
    const reported: unknown[] = [];
    expect(() =>
      compileEntity(
        { file: 'entities/order.json', definition },
        { report: (d) => reported.push(d), zone: 'Asia/Shanghai' },
      ),
    ).not.toThrow();
  });
});
