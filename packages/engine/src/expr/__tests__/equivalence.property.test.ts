import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import { RuleloomError } from '../../diagnostics/errors.js';
import { recordArb, ruleArb } from './arbitraries.js';

const runs = { numRuns: 10000 };

function reference(rule: unknown, data: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: jsonLogic.apply(rule as never, data) };
  } catch {
    return { ok: false };
  }
}

describe('compiled expressions against json-logic-js', () => {
  it('give the same result as json-logic-js for random rules over the shared operators', () => {
    fc.assert(
      fc.property(ruleArb, recordArb, (rule, data) => {
        const expected = reference(rule, data);
        const compiled = compileExpression(rule);
        expect(compiled.diagnostics).toEqual([]);
        const actual = compiled.safeEvaluate(data);
        if (expected.ok) {
          expect(actual).toStrictEqual({ ok: true, value: expected.value });
        } else if (!actual.ok) {
          expect(actual.error).toBeInstanceOf(RuleloomError);
        }
      }),
      runs,
    );
  });

  it('are deterministic: the same rule and data give the same result every time', () => {
    fc.assert(
      fc.property(ruleArb, recordArb, (rule, data) => {
        const compiled = compileExpression(rule);
        expect(compiled.safeEvaluate(data)).toStrictEqual(compiled.safeEvaluate(data));
        expect(compileExpression(rule).safeEvaluate(data)).toStrictEqual(
          compiled.safeEvaluate(data),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('never change the rule or the data they are given', () => {
    fc.assert(
      fc.property(ruleArb, recordArb, (rule, data) => {
        const ruleBefore = structuredClone(rule);
        const dataBefore = structuredClone(data);
        compileExpression(rule).safeEvaluate(data);
        expect(rule).toEqual(ruleBefore);
        expect(data).toEqual(dataBefore);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('literal values in a rule', () => {
  it('come back frozen, so a caller cannot change the rule through a result', () => {
    const compiled = compileExpression({ if: [true, { a: [1, 2], b: 3 }, null] });
    const value = compiled.evaluate({}) as { a: number[]; b: number };
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(compiled.evaluate({})).toStrictEqual({ a: [1, 2], b: 3 });
  });
});

describe('compileExpression on any input', () => {
  it('never throws for any JSON rule and gives a value or a RuleloomError for any JSON data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (rule, data) => {
        const compiled = compileExpression(rule);
        const result = compiled.safeEvaluate(data);
        if (!result.ok) expect(result.error).toBeInstanceOf(RuleloomError);
        try {
          compiled.evaluate(data);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleloomError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for arbitrary JavaScript values as rule, data, context or options', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        (rule, data, context, options) => {
          const compiled = compileExpression(rule, options as never);
          const result = compiled.safeEvaluate(data, context as never);
          if (!result.ok) expect(result.error).toBeInstanceOf(RuleloomError);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
