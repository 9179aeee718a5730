/** The `table`, `formula` and `routing` expectations: one that holds and one that does not. */
import type { TestExpectation } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { compileApp } from '../app/compileApp.js';
import { decisionFiles } from '../app/__tests__/decisionApp.js';
import { START, failuresOf, run, type TestParts } from './__tests__/helpers.js';

const compiled = compileApp({ files: decisionFiles() });
if (!compiled.ok) throw new Error('the decision app does not compile');
const app = compiled.app;

const reps = [
  { id: 'lina', label: '李娜', roles: ['sales-rep'] },
  { id: 'zhangwei', label: '张伟', roles: ['sales-rep'] },
];

/** O1: a big opportunity (routing rule `big`); O2: a small one (fallback queue). */
const world: Omit<TestParts, 'expect'> = {
  given: {
    now: START,
    users: reps,
    records: [
      { entity: 'opportunity', id: 'O1', values: { title: '大单', amount: 500000 } },
      { entity: 'opportunity', id: 'O2', values: { title: '小单', amount: 1000 } },
    ],
  },
};

const check = (expectation: TestExpectation, parts: Omit<TestParts, 'expect'> = world) =>
  run({ ...parts, expect: [expectation] }, app);

/** [name, an expectation that holds, one that does not, what the failure says (en)]. */
const cases: [string, TestExpectation, TestExpectation, RegExp][] = [
  [
    'table: rows and output at the S36 boundary',
    {
      type: 'table',
      table: 'rebate-tier',
      input: { paymentRate: 0.85, newProductAmount: 300000 },
      rows: ['tier-a'],
      output: { coefficient: 1.2 },
    },
    {
      type: 'table',
      table: 'rebate-tier',
      input: { paymentRate: 0.849, newProductAmount: 300000 },
      rows: ['tier-a'],
      output: { coefficient: 1.2 },
    },
    /^table rebate-tier should give \{"rows":\["tier-a"\],"output":\{"coefficient":1\.2\}\} but gives rows \["tier-c"\], output \{"coefficient":1\}$/,
  ],
  [
    'table: the output alone',
    {
      type: 'table',
      table: 'rebate-tier',
      input: { paymentRate: 0.85, newProductAmount: 299999 },
      output: { coefficient: 1.1 },
    },
    {
      type: 'table',
      table: 'rebate-tier',
      input: { paymentRate: 0.85, newProductAmount: 299999 },
      output: { coefficient: 1.2 },
    },
    /but gives output \{"coefficient":1\.1\}$/,
  ],
  [
    'table: an evaluation error',
    { type: 'table', table: 'rebate-tier', input: { paymentRate: 0.5 }, rows: ['tier-d'] },
    { type: 'table', table: 'rebate-tier', input: { paymentRate: '很多' }, rows: ['tier-d'] },
    /^table rebate-tier fails: /,
  ],
  [
    'formula: the value (calling a table and a formula)',
    {
      type: 'formula',
      formula: 'quarterly-rebate',
      input: { purchaseAmount: 1000000, paymentRate: 0.9, newProductAmount: 300000 },
      value: 42000,
    },
    {
      type: 'formula',
      formula: 'quarterly-rebate',
      input: { purchaseAmount: 1000000, paymentRate: 0.9, newProductAmount: 299999 },
      value: 42000,
    },
    /^formula quarterly-rebate should give 42000 but gives 33000$/,
  ],
  [
    'formula: an evaluation error',
    { type: 'formula', formula: 'new-product-bonus', input: { newProductAmount: 0 }, value: 0 },
    { type: 'formula', formula: 'new-product-bonus', input: { newProductAmount: 'x' }, value: 0 },
    /^formula new-product-bonus should give 0 but fails: /,
  ],
  [
    'routing: assignee and rule',
    {
      type: 'routing',
      routing: 'opportunity-routing',
      record: 'O1',
      assignee: 'lina',
      rule: 'big',
    },
    { type: 'routing', routing: 'opportunity-routing', record: 'O1', assignee: 'zhangwei' },
    /^routing opportunity-routing should give O1 \{"assignee":"zhangwei"\} but gives \{"assignee":"lina","rule":"big"\} \(/,
  ],
  [
    'routing: the fallback queue',
    { type: 'routing', routing: 'opportunity-routing', record: 'O2', queue: 'opportunity-pool' },
    { type: 'routing', routing: 'opportunity-routing', record: 'O1', queue: 'opportunity-pool' },
    /^routing opportunity-routing should give O1 \{"queue":"opportunity-pool"\} but gives \{"assignee":"lina","rule":"big"\}/,
  ],
];

describe.each(cases)('%s', (_name, holds, fails, message) => {
  it('passes when it holds', () => {
    expect(failuresOf(check(holds))).toEqual([]);
  });
  it('fails with what it found', () => {
    const result = check(fails);
    expect(result.passed).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.pointer).toBe('/expect/0');
    expect(result.failures[0]?.message.en).toMatch(message);
    expect(result.failures[0]?.message['zh-CN']).not.toBe('');
  });
});

describe('routing expectations read given.routing and given.users', () => {
  const big = {
    type: 'routing',
    routing: 'opportunity-routing',
    record: 'O1',
  } as const;

  it('the snapshot of the routing is used: the round-robin turn moves on', () => {
    const parts = {
      given: { ...world.given, routing: { 'opportunity-routing': { cursors: { big: 'lina' } } } },
    };
    expect(failuresOf(check({ ...big, assignee: 'zhangwei' }, parts))).toEqual([]);
  });

  it('a status in the snapshot or the directory skips the rep', () => {
    const inSnapshot = {
      given: {
        ...world.given,
        routing: { 'opportunity-routing': { reps: { lina: { status: '休假' } } } },
      },
    };
    expect(failuresOf(check({ ...big, assignee: 'zhangwei' }, inSnapshot))).toEqual([]);
    const inDirectory = {
      given: {
        ...world.given,
        users: reps.map((u) => (u.id === 'lina' ? { ...u, status: '休假' } : u)),
      },
    };
    expect(failuresOf(check({ ...big, assignee: 'zhangwei' }, inDirectory))).toEqual([]);
  });

  it('an unknown routing, table or formula, or record, fails on its own', () => {
    expect(
      failuresOf(check({ type: 'routing', routing: 'nope', record: 'O1', assignee: 'lina' })),
    ).toEqual(['/expect/0: cannot be checked: the app has no routing with the id "nope"']);
    expect(
      failuresOf(check({ type: 'routing', routing: 'opportunity-routing', record: 'O9' })),
    ).toEqual(['/expect/0: there is no record O9']);
    expect(failuresOf(check({ type: 'table', table: 'nope', input: {} }))).toEqual([
      '/expect/0: cannot be checked: the app has no table with the id "nope"',
    ]);
    expect(failuresOf(check({ type: 'formula', formula: 'nope', input: {}, value: 1 }))).toEqual([
      '/expect/0: cannot be checked: the app has no formula with the id "nope"',
    ]);
  });
});
