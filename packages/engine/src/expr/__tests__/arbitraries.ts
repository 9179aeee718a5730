import fc from 'fast-check';

/** Field names used by generated data and rules (no inherited names such as `toString`). */
export const KEYS = ['a', 'b', 'c', 'x', 'y', '金额'] as const;

const scalar = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, 1, 0.1, 0.2, 0.85, 300000),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', '0', '1', '2.5', '-3', 'abc', 'A', 'B', '官网'),
  fc.boolean(),
  fc.constant(null),
);

/** Records with a few known keys, values of mixed JSON types (lists included). */
export const recordArb = fc.record(
  Object.fromEntries(
    KEYS.map((key) => [
      key,
      fc.oneof(
        { weight: 4, arbitrary: scalar },
        { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
        {
          weight: 1,
          arbitrary: fc.record({ a: scalar, b: scalar }, { requiredKeys: [] }),
        },
      ),
    ]),
  ),
  { requiredKeys: [] },
);

const varArb = fc.oneof(
  fc.constantFrom(...KEYS).map((key) => ({ var: key })),
  fc.tuple(fc.constantFrom(...KEYS), scalar).map(([key, fallback]) => ({ var: [key, fallback] })),
  fc.constantFrom('a.a', 'a.b', 'x.0', 'y.1', '').map((path) => ({ var: path })),
);

const binaryOps = [
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '-',
  '/',
  '%',
  'in',
  'substr',
] as const;
const variadicOps = ['and', 'or', 'if', '?:', '+', '*', 'min', 'max', 'cat', 'merge'] as const;
const unaryOps = ['!', '!!', '-', '+', 'missing'] as const;
const scopedOps = ['map', 'filter', 'all', 'some', 'none'] as const;

/** Random JsonLogic rules over the operators ruleloom shares with json-logic-js. */
export const ruleArb: fc.Arbitrary<unknown> = fc.letrec<{ rule: unknown }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: scalar },
    { weight: 3, arbitrary: varArb },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...binaryOps), tie('rule'), tie('rule'))
        .map(([op, a, b]) => ({ [op]: [a, b] })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('<', '<='), tie('rule'), tie('rule'), tie('rule'))
        .map(([op, a, b, c]) => ({ [op]: [a, b, c] })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...variadicOps),
          fc.array(tie('rule'), { minLength: 1, maxLength: 4 }),
        )
        .map(([op, args]) => ({ [op]: args })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...unaryOps), tie('rule'))
        .map(([op, a]) => ({ [op]: [a] })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...scopedOps), fc.constantFrom(...KEYS), tie('rule'))
        .map(([op, key, body]) => ({ [op]: [{ var: key }, body] })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...KEYS), tie('rule'), scalar)
        .map(([key, body, initial]) => ({
          reduce: [{ var: key }, { '+': [{ var: 'accumulator' }, body] }, initial],
        })),
    },
    {
      weight: 1,
      // A gate: `if` on a fixed `missing` (compiled to a test that builds no list).
      arbitrary: fc
        .tuple(fc.subarray([...KEYS, 'a.a', 'x.0']), tie('rule'), tie('rule'), fc.boolean())
        .map(([keys, then, otherwise, negate]) =>
          negate ? { '!': { missing: keys } } : { if: [{ missing: keys }, then, otherwise] },
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 3 }), fc.subarray([...KEYS], { minLength: 1 }))
        .map(([need, keys]) => ({ missing_some: [need, keys] })),
    },
  ),
})).rule;
