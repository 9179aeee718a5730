import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';

// Counterexamples fast-check found against json-logic-js, kept so they stay fixed.
const cases: [rule: unknown, data: unknown][] = [
  [{ missing: [{ map: [{ var: 'a' }, { missing: [null] }] }] }, { a: [null] }],
  [{ missing: [[['a', 1]]] }, {}],
  [{ missing: [[['b']]] }, { b: '' }],
  [{ '==': [{ missing_some: [0, ['x']] }, { missing_some: [0, ['x']] }] }, {}],
  [{ in: ['', ''] }, {}],
];

describe('missing and in agree with json-logic-js on odd keys', () => {
  it.each(cases.map((c) => [JSON.stringify(c[0]), c] as const))('%s', (_text, [rule, data]) => {
    expect(compileExpression(rule).evaluate(data)).toStrictEqual(
      jsonLogic.apply(rule as never, data),
    );
  });
});
