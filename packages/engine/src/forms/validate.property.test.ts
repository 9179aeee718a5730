import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { customer, lead, opportunity, visit } from '../entities/__tests__/salesEntities.js';
import { customerMaster, leadCreate, quickCustomer, visitCheckin } from './__tests__/salesForms.js';
import { ctx, formOf } from './__tests__/testIndex.js';

// validate never throws on arbitrary data and never changes it: reps' apps, imports and
// HTTP callers hand it whatever they have.

const entities = [lead, visit, customer, opportunity];
const forms = [leadCreate, visitCheckin, quickCustomer, customerMaster].map(
  (definition) => formOf(definition, entities).form,
);
const fieldIds = [...new Set(entities.flatMap((entity) => entity.fields.map((field) => field.id)))];

/** Values near what fields hold, so that the checks past the type check run too. */
const plausible = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    'douyin',
    'A',
    'website',
    '',
    '  ',
    '2026-02-30',
    '2026-03-02T09:50:00+08:00',
    'NaN',
  ),
  fc.double(),
  fc.array(fc.constantFrom('price', 'quote-sent', 'x', 'price')),
  fc.record(
    {
      url: fc.string(),
      takenAt: fc.anything(),
      geo: fc.anything(),
      name: fc.string(),
      type: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.record({ lat: fc.double(), lng: fc.double() }),
  fc.record({ amount: fc.anything(), currency: fc.string() }, { requiredKeys: [] }),
);
const record = fc.dictionary(
  fc.oneof(fc.constantFrom(...fieldIds, '__proto__', 'toString'), fc.string()),
  plausible,
  {
    maxKeys: 12,
  },
);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

describe('validate on arbitrary data', () => {
  test.each(forms.map((form) => [form.id, form] as const))(
    '%s never throws and never changes the data',
    (_id, form) => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), record), (data) => {
          const frozen = deepFreeze(data);
          const result = form.validate(frozen as Record<string, unknown>, ctx);
          expect(typeof result.valid).toBe('boolean');
          expect(result.valid).toBe(!result.errors.some((e) => e.severity === 'error'));
          for (const error of result.errors) {
            expect(error.message['zh-CN'].length).toBeGreaterThan(0);
            expect(error.message.en.length).toBeGreaterThan(0);
          }
          // Hidden fields are never required.
          for (const id of result.required) expect(result.visible).toContain(id);
        }),
        { numRuns: 400 },
      );
    },
  );
});
