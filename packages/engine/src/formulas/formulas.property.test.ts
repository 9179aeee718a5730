import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../tables/__tests__/helpers.js';
import type { FormulaDefinition } from '@ruleloom/schemas';
import { compileAll, s36App } from './__tests__/s36.js';
import { evaluateFormulaBatch } from './index.js';
import { roundDecimal, type RoundingMode } from './rounding.js';

// Finance runs the batch for the statement and a rep sees the single evaluation: they must
// agree on every record, and neither may throw whatever the records hold.

const { formulas } = s36App();
const fixtures = compileAll(
  [],
  ['customer-health', 'incentive-bonus', 'tier-coefficient'].map((name) =>
    fixture<FormulaDefinition>('formula', name),
  ),
).formulas;
const all = [...formulas.values(), ...fixtures.values()];

const value = fc.oneof(
  fc.integer({ min: -1000000, max: 5000000 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: 0, max: 10000 }).map((n) => n / 10000),
  fc.constantFrom('30万', '85%', 'ka', 'community', '', 'x', null, true),
  fc.anything(),
);
const record = fc.oneof(
  fc.record(
    {
      purchaseAmount: value,
      paymentRate: value,
      newProductAmount: value,
      orderAmount: value,
      store: value,
      nps: value,
      active30d: value,
      renewalScore: value,
      baseBonus: value,
      firstPaymentRate: value,
      activity30d: value,
      signedAmount: value,
      qualityCoefficient: value,
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

describe('evaluateFormulaBatch', () => {
  it('equals evaluate on every record (values and failures)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        for (const formula of all) {
          const batch = evaluateFormulaBatch(formula, records);
          expect(batch.values).toHaveLength(records.length);
          const failed = new Map(batch.failures.map((f) => [f.index, f.error.code]));
          records.forEach((input, i) => {
            const single = formula.evaluate(input);
            expect(batch.values[i]).toEqual(single.value);
            expect(failed.get(i)).toBe(single.error?.code);
          });
        }
      }),
    );
  });
});

describe('evaluate', () => {
  it('never throws: a value or an error value, with a trace', () => {
    fc.assert(
      fc.property(record, fc.anything(), (input, context) => {
        for (const formula of all) {
          const result = formula.evaluate(input, context as never);
          expect(typeof result.ok).toBe('boolean');
          expect(result.trace.formula).toBe(formula.id);
          if (!result.ok) expect(result.error.code).toMatch(/^RL\d{4}$/);
        }
      }),
    );
  });
});

describe('roundDecimal', () => {
  const modes: Readonly<Record<RoundingMode, 0 | 1 | 2 | 3>> = {
    down: 0,
    'half-up': 1,
    'half-even': 2,
    up: 3,
  };

  it('equals exact decimal rounding of the value as printed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
          fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 200),
        ),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down', 'up'),
        (n, digits, mode) => {
          expect(roundDecimal(n, digits, mode)).toBe(
            new Big(n).round(digits, modes[mode]).toNumber(),
          );
        },
      ),
    );
  });
});

describe('roundDecimal regressions (counterexamples found by the property above)', () => {
  it.each([[9802.905, 8, 'up', 9802.905]] as const)(
    '%d to %d digits %s is %d',
    (n, digits, mode, expected) => {
      expect(roundDecimal(n, digits, mode)).toBe(expected);
    },
  );
});
