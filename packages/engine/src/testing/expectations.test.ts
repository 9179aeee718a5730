/** Every expectation type of a test definition: one that holds and one that does not. */
import type { TestExpectation } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import {
  START,
  failuresOf,
  givenProposal,
  run,
  smallApp,
  users,
  type TestParts,
} from './__tests__/helpers.js';

/**
 * The world the expectations look at: O1 in 方案 (20,000, no budget range) refused a move to
 * 报价; O2 created at 150,000 (the big-deal automation tags, marks and notifies); O3 in
 * 方案 at 60,000 asked to move to 报价, which waits for the director's approval.
 */
const world: Omit<TestParts, 'expect'> = {
  given: {
    now: START,
    users,
    records: [
      {
        entity: 'opportunity',
        id: 'O1',
        values: { title: '华东精密二期', stage: 'proposal', amount: 20000, owner: 'lina' },
      },
      {
        entity: 'opportunity',
        id: 'O3',
        values: {
          title: '宁波甬优',
          stage: 'proposal',
          amount: 60000,
          budgetRange: 'over-50k',
          owner: 'lina',
        },
      },
    ],
  },
  steps: [
    {
      type: 'create',
      entity: 'opportunity',
      record: 'O2',
      values: { title: '温州口腔大单', amount: 150000, owner: 'lina' },
      by: 'lina',
    },
    { type: 'move', record: 'O1', to: 'quote', by: 'lina' },
    { type: 'move', record: 'O3', to: 'quote', by: 'lina' },
  ],
};

const check = (expectation: TestExpectation) => run({ ...world, expect: [expectation] });

/** [name, an expectation that holds, one that does not, what the failure says (en)]. */
const cases: [string, TestExpectation, TestExpectation, RegExp][] = [
  [
    'gate: passed and what is missing',
    { type: 'gate', record: 'O1', to: 'quote', passed: false, missing: ['budgetRange'] },
    { type: 'gate', record: 'O1', to: 'quote', passed: true },
    /^the gate to quote should pass but fails: \["missingField"\]$/,
  ],
  [
    'gate: the list of what is missing',
    { type: 'gate', record: 'O3', to: 'quote', passed: true, missing: [] },
    { type: 'gate', record: 'O1', to: 'quote', passed: false, missing: ['amount-positive'] },
    /^the gate should list \["amount-positive"\] as missing but lists \["budgetRange"\]$/,
  ],
  [
    'field',
    { type: 'field', record: 'O2', field: 'amount', value: 150000 },
    { type: 'field', record: 'O2', field: 'amount', value: 15000 },
    /^field amount of O2 should be 15000 but is 150000$/,
  ],
  [
    'field: null stands for no value',
    { type: 'field', record: 'O2', field: 'budgetRange', value: null },
    { type: 'field', record: 'O2', field: 'budgetRange', value: 'over-50k' },
    /^field budgetRange of O2 should be "over-50k" but is undefined$/,
  ],
  [
    'stage',
    { type: 'stage', record: 'O1', stage: 'proposal' },
    { type: 'stage', record: 'O1', stage: 'quote' },
    /^O1 should be in stage quote but is in proposal$/,
  ],
  [
    'effect: match and count',
    {
      type: 'effect',
      effect: 'notify',
      match: {
        channel: 'wecom',
        recipients: ['lina'],
        message: { 'zh-CN': '新大单：温州口腔大单' },
        source: { automation: 'big-deal' },
      },
      count: 1,
    },
    { type: 'effect', effect: 'notify', match: { channel: 'sms' } },
    /^expected at least 1 notify effect\(s\) matching \{"channel":"sms"\}, found 0 \(of 2 effects\)$/,
  ],
  [
    'effect: an exact count (0: none of that kind)',
    { type: 'effect', effect: 'createTask', count: 0 },
    { type: 'effect', effect: 'notify', count: 1 },
    /^expected 1 notify effect\(s\) matching \{\}, found 2 \(of 2 effects\)$/,
  ],
  [
    'effect: the approval asks the director',
    { type: 'effect', effect: 'notify', match: { recipients: ['wanglei'] }, count: 1 },
    { type: 'effect', effect: 'notify', match: { recipients: ['lina', 'wanglei'] } },
    /^expected at least 1 notify effect\(s\) matching \{"recipients":\["lina","wanglei"\]\}, found 0/,
  ],
  [
    'expression',
    { type: 'expression', expression: { '+': [1, { var: 'a' }] }, data: { a: 2 }, value: 3 },
    { type: 'expression', expression: { '+': [1, { var: 'a' }] }, data: { a: 2 }, value: 4 },
    /^the expression should give 4 but gives 3$/,
  ],
  [
    'form',
    {
      type: 'form',
      form: 'opportunity-create',
      data: { title: '华东精密二期', amount: 1000 },
      valid: false,
      errors: ['budgetRange'],
      warnings: [],
      required: ['title', 'budgetRange'],
      visible: ['title', 'owner', 'amount', 'budgetRange'],
    },
    {
      type: 'form',
      form: 'opportunity-create',
      data: { title: '华东精密二期', amount: 1000 },
      valid: true,
      required: ['title'],
    },
    /^form opportunity-create validates differently: valid false, required \["title","budgetRange"\] \(budgetRange: .+\)$/,
  ],
  [
    'tags (kept in the entity’s tags field)',
    { type: 'tags', record: 'O2', includes: ['大单'], excludes: ['小单'] },
    { type: 'tags', record: 'O2', excludes: ['大单'] },
    /^O2 has tags \["大单"\]: missing \[\], unexpected \["大单"\]$/,
  ],
  [
    'mark',
    { type: 'mark', record: 'O2', color: 'orange' },
    { type: 'mark', record: 'O2', color: 'red' },
    /^O2 should be marked \{"color":"red"\} but is \{"color":"orange"\}$/,
  ],
  [
    'mark: null for no mark',
    { type: 'mark', record: 'O1', color: null },
    { type: 'mark', record: 'O1', color: 'orange' },
    /^O1 should be marked \{"color":"orange"\} but is null$/,
  ],
  [
    'approval',
    { type: 'approval', record: 'O3', approval: 'large-quote', status: 'pending' },
    { type: 'approval', record: 'O3', approval: 'large-quote', status: 'approved' },
    /^approval large-quote should be approved but is pending$/,
  ],
  [
    'approval: none when never started',
    { type: 'approval', record: 'O1', approval: 'large-quote', status: 'none' },
    { type: 'approval', record: 'O1', approval: 'large-quote', status: 'pending' },
    /^approval large-quote should be pending but is none$/,
  ],
];

describe('each expectation type holds, and fails when it should', () => {
  it.each(cases)('%s', (_name, holds, fails, message) => {
    expect(failuresOf(check(holds))).toEqual([]);
    expect(check(holds).passed).toBe(true);

    const failed = check(fails);
    expect(failed.passed).toBe(false);
    expect(failed.failures).toHaveLength(1);
    expect(failed.failures[0]?.pointer).toBe('/expect/0');
    expect(failed.failures[0]?.message.en).toMatch(message);
    // Said in Chinese too, not copied from the English.
    expect(failed.failures[0]?.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(failed.failures[0]?.message['zh-CN']).not.toBe(failed.failures[0]?.message.en);
  });
});

describe('gate details', () => {
  it('failed conditions are listed by their id, next to missing fields and attachments', () => {
    const result = run({
      given: givenProposal({ amount: 0 }),
      expect: [
        {
          type: 'gate',
          record: 'O1',
          to: 'quote',
          passed: false,
          missing: ['amount-positive', 'budgetRange'],
        },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('a required attachment is missing by its field id', () => {
    const result = run({
      given: givenProposal({ stage: 'quote', budgetRange: 'under-50k' }),
      expect: [
        { type: 'gate', record: 'O1', to: 'won', passed: false, missing: ['contractScan'] },
        { type: 'gate', record: 'O1', to: 'won', passed: false, missing: [] },
      ],
    });
    expect(failuresOf(result)).toEqual([
      '/expect/1: the gate should list [] as missing but lists ["contractScan"]',
    ]);
  });

  it('is checked as the user who last acted on the record', () => {
    const gated = smallApp((files) => {
      const pipeline = files['pipelines/opportunity.json'] as {
        transitions: { id: string; allowedRoles?: string[] }[];
      };
      const win = pipeline.transitions.find((t) => t.id === 'win');
      if (win) win.allowedRoles = ['sales-director'];
    });
    const given = givenProposal({ stage: 'quote', contractScan: [{ name: 'scan.pdf' }] });
    const byRep = run(
      {
        given,
        steps: [{ type: 'update', record: 'O1', values: { title: '改名' }, by: 'lina' }],
        expect: [{ type: 'gate', record: 'O1', to: 'won', passed: false, missing: [] }],
      },
      gated,
    );
    expect(failuresOf(byRep)).toEqual([]);
    const byDirector = run(
      {
        given,
        steps: [{ type: 'update', record: 'O1', values: { title: '改名' }, by: 'wanglei' }],
        expect: [{ type: 'gate', record: 'O1', to: 'won', passed: true }],
      },
      gated,
    );
    expect(failuresOf(byDirector)).toEqual([]);
  });
});

describe('tags and marks', () => {
  it('tags on the record itself count when the entity has no tags field', () => {
    const noTagsField = smallApp((files) => {
      const entity = files['entities/opportunity.json'] as { fields: { id: string }[] };
      entity.fields = entity.fields.filter((field) => field.id !== 'tags');
    });
    const result = run(
      {
        ...world,
        expect: [
          { type: 'tags', record: 'O2', includes: ['大单'] },
          { type: 'field', record: 'O2', field: 'tags', value: null },
          { type: 'tags', record: 'O1', includes: ['大单'] },
        ],
      },
      noTagsField,
    );
    expect(failuresOf(result)).toEqual([
      '/expect/2: O1 has tags []: missing ["大单"], unexpected []',
    ]);
  });

  it('a flag is compared too (automations only set colours today)', () => {
    const result = run({
      ...world,
      expect: [{ type: 'mark', record: 'O2', color: 'orange', flag: 'high-intent' }],
    });
    expect(result.failures[0]?.message.en).toMatch(
      /^O2 should be marked \{"color":"orange","flag":"high-intent"\}/,
    );
  });
});

describe('expectations about things that are not there', () => {
  it.each([
    [{ type: 'field', record: 'O9', field: 'amount', value: 1 }],
    [{ type: 'stage', record: 'O9', stage: 'lead' }],
    [{ type: 'tags', record: 'O9', includes: ['x'] }],
    [{ type: 'mark', record: 'O9', color: 'red' }],
    [{ type: 'approval', record: 'O9', approval: 'large-quote', status: 'none' }],
    [{ type: 'gate', record: 'O9', to: 'quote', passed: true }],
  ] as [TestExpectation][])('an unknown record: %j', (expectation) => {
    const result = check(expectation);
    expect(result.failures).toEqual([
      { pointer: '/expect/0', message: { 'zh-CN': '没有记录 O9', en: 'there is no record O9' } },
    ]);
  });

  it('an unknown form fails that expectation (RL5008), and the others are still checked', () => {
    const result = check({
      type: 'form',
      form: 'lead-create',
      data: {},
      valid: true,
    });
    expect(result.failures).toEqual([
      {
        pointer: '/expect/0',
        message: {
          'zh-CN': '无法检查：应用中没有 id 为 "lead-create" 的表单',
          en: 'cannot be checked: the app has no form with the id "lead-create"',
        },
      },
    ]);
    const more = run({
      ...world,
      expect: [
        { type: 'form', form: 'lead-create', data: {}, valid: true },
        { type: 'stage', record: 'O1', stage: 'quote' },
        { type: 'stage', record: 'O1', stage: 'proposal' },
      ],
    });
    expect(more.failures.map((f) => f.pointer)).toEqual(['/expect/0', '/expect/1']);
  });

  it('an expression that cannot be evaluated fails with its error, in both languages', () => {
    const result = check({
      type: 'expression',
      expression: { money_mul: [{ var: 'amount' }, 2] },
      data: { amount: '五万' },
      value: 100000,
    });
    expect(result.failures).toEqual([
      {
        pointer: '/expect/0',
        message: {
          'zh-CN': '表达式应得 100000，但求值出错："五万" 不是有效的金额',
          en: 'the expression should give 100000 but fails: "五万" is not a valid money amount',
        },
      },
    ]);
  });

  it('expressions see the virtual clock', () => {
    const result = run({
      given: { now: START },
      steps: [{ type: 'wait', for: '2h' }],
      expect: [
        {
          type: 'expression',
          expression: { now: [] },
          value: Date.parse('2026-03-02T12:00:00+08:00'),
        },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });
});

describe('timer expectations', () => {
  it('a timer the app does not have fails and says why', () => {
    const result = check({ type: 'timer', timer: 'b-lead-48h', record: 'O1', pending: false });
    expect(result.failures).toEqual([
      {
        pointer: '/expect/0',
        message: {
          'zh-CN': '应用中没有计时器或定时自动化 b-lead-48h',
          en: 'the app has no timer or scheduled automation b-lead-48h',
        },
      },
    ]);
  });
});
