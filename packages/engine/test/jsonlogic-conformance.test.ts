import { readFileSync } from 'node:fs';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../src/index.js';

type Case = [rule: unknown, data: unknown, expected: unknown];

const suite = JSON.parse(
  readFileSync(new URL('./fixtures/jsonlogic/tests.json', import.meta.url), 'utf8'),
) as (string | Case)[];
const cases = suite.filter((entry): entry is Case => Array.isArray(entry));

describe('official JsonLogic test suite (fixtures/jsonlogic/tests.json)', () => {
  it('has all 277 cases', () => {
    expect(cases).toHaveLength(277);
  });

  it.each(cases.map((c, i) => [i, JSON.stringify(c[0]), c] as const))(
    'case %i: %s gives the expected result',
    (_i, _text, [rule, data, expected]) => {
      const compiled = compileExpression(rule);
      expect(compiled.diagnostics).toEqual([]);
      expect(compiled.evaluate(data)).toStrictEqual(expected);
    },
  );

  it('json-logic-js itself agrees with the suite (the reference is the one we think it is)', () => {
    for (const [rule, data, expected] of cases) {
      expect(jsonLogic.apply(rule as never, data)).toEqual(expected);
    }
  });
});
