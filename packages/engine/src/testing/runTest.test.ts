/** runTest, runTests, testsOf, scenarioOf: steps on a virtual clock, given records, results. */
import type { TestDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { smallAppFiles, smallTest } from '../app/__tests__/smallApp.js';
import { runTest, runTests, scenarioOf, testsOf } from './index.js';
import {
  START,
  app,
  failuresOf,
  givenProposal,
  run,
  smallApp,
  testDefinition,
  users,
} from './__tests__/helpers.js';

const at = (iso: string) => Date.parse(iso);

describe('steps', () => {
  it('create: the record is created as the acting user, defaults and automations applied', () => {
    const result = run({
      given: { now: START, users },
      steps: [
        {
          type: 'create',
          entity: 'opportunity',
          record: 'O1',
          values: { title: '大单', amount: 200000, owner: 'lina' },
          by: 'lina',
        },
      ],
      expect: [
        { type: 'stage', record: 'O1', stage: 'lead' },
        { type: 'field', record: 'O1', field: 'stage', value: 'lead' },
        { type: 'tags', record: 'O1', includes: ['大单'] },
        { type: 'effect', effect: 'notify', count: 1 },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('a refused create or update is a failure of that step, with its reason', () => {
    const result = run({
      given: givenProposal(),
      steps: [
        { type: 'create', entity: 'lead', record: 'L1', values: { name: '王先生' } },
        { type: 'update', record: 'O1', values: { amount: 'lots' }, by: 'lina' },
        { type: 'update', record: 'O9', values: { amount: 1 } },
        { type: 'update', record: 'O1', values: { amount: 30000 }, by: 'lina' },
      ],
      expect: [{ type: 'field', record: 'O1', field: 'amount', value: 30000 }],
    });
    expect(result.passed).toBe(false);
    expect(result.failures.map((f) => f.pointer)).toEqual(['/steps/0', '/steps/1', '/steps/2']);
    // The refused update says which field was wrong.
    expect(result.failures[1]?.message.en).toMatch(
      /^1 field value\(s\) are not valid \(amount: .+\)$/,
    );
    expect(result.failures[1]?.message['zh-CN']).toMatch(/（amount: .+）$/);
    for (const failure of result.failures) {
      expect(failure.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(failure.message.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff“”"'’…—-]+$/);
    }
  });

  it('update: values change, and the change is seen by later expectations', () => {
    const result = run({
      given: givenProposal(),
      steps: [{ type: 'update', record: 'O1', values: { budgetRange: 'under-50k' }, by: 'lina' }],
      expect: [
        { type: 'field', record: 'O1', field: 'budgetRange', value: 'under-50k' },
        { type: 'gate', record: 'O1', to: 'quote', passed: true },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('move: an allowed move changes the stage; a refused one is left to the expectations', () => {
    const allowed = run({
      given: givenProposal({ budgetRange: 'under-50k' }),
      steps: [{ type: 'move', record: 'O1', to: 'quote', by: 'lina' }],
      expect: [{ type: 'stage', record: 'O1', stage: 'quote' }],
    });
    expect(failuresOf(allowed)).toEqual([]);

    const refused = run({
      given: givenProposal(),
      steps: [{ type: 'move', record: 'O1', to: 'quote', by: 'lina' }],
      expect: [
        { type: 'stage', record: 'O1', stage: 'proposal' },
        { type: 'stage', record: 'O1', stage: 'quote' },
      ],
    });
    expect(failuresOf(refused)).toEqual([
      '/expect/1: O1 should be in stage quote but is in proposal',
    ]);
  });

  const bigQuote = givenProposal({ amount: 60000, budgetRange: 'over-50k' });

  it('decide: the director approves, the record moves on', () => {
    const result = run({
      given: bigQuote,
      steps: [
        { type: 'move', record: 'O1', to: 'quote', by: 'lina' },
        {
          type: 'decide',
          record: 'O1',
          approval: 'large-quote',
          decision: 'approve',
          by: 'wanglei',
        },
      ],
      expect: [
        { type: 'approval', record: 'O1', approval: 'large-quote', status: 'approved' },
        { type: 'stage', record: 'O1', stage: 'quote' },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('decide: the director rejects, the record stays', () => {
    const result = run({
      given: bigQuote,
      steps: [
        { type: 'move', record: 'O1', to: 'quote', by: 'lina' },
        {
          type: 'decide',
          record: 'O1',
          approval: 'large-quote',
          decision: 'reject',
          by: 'wanglei',
        },
      ],
      expect: [
        { type: 'approval', record: 'O1', approval: 'large-quote', status: 'rejected' },
        { type: 'stage', record: 'O1', stage: 'proposal' },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('decide: a refused decision fails its step unless the step says refused: true', () => {
    const steps = (refused?: boolean) => [
      { type: 'move', record: 'O1', to: 'quote', by: 'lina' },
      {
        type: 'decide',
        record: 'O1',
        approval: 'large-quote',
        decision: 'approve',
        // lina asked for the approval; she is not its approver.
        by: 'lina',
        ...(refused === undefined ? {} : { refused }),
      },
    ];
    const stays = [{ type: 'stage', record: 'O1', stage: 'proposal' }] as never;
    const silent = run({ given: bigQuote, steps: steps() as never, expect: stays });
    expect(failuresOf(silent)).toHaveLength(1);
    expect(failuresOf(silent)[0]).toMatch(/^\/steps\/1: /);
    const expected = run({ given: bigQuote, steps: steps(true) as never, expect: stays });
    expect(failuresOf(expected)).toEqual([]);
  });

  it('refused: true on a step that goes through fails it; on a blocked move it passes', () => {
    const through = run({
      given: givenProposal({ budgetRange: 'under-50k' }),
      steps: [{ type: 'move', record: 'O1', to: 'quote', by: 'lina', refused: true }],
      expect: [{ type: 'stage', record: 'O1', stage: 'quote' }],
    });
    expect(failuresOf(through)).toEqual([
      '/steps/0: this step was expected to be refused, but it went through',
    ]);
    const blocked = run({
      given: givenProposal(),
      steps: [{ type: 'move', record: 'O1', to: 'quote', by: 'lina', refused: true }],
      expect: [{ type: 'stage', record: 'O1', stage: 'proposal' }],
    });
    expect(failuresOf(blocked)).toEqual([]);
    const forbidden = run({
      given: givenProposal(),
      steps: [{ type: 'move', record: 'O1', to: 'quote', by: 'lina', refused: false }],
      expect: [{ type: 'stage', record: 'O1', stage: 'proposal' }],
    });
    expect(failuresOf(forbidden)).toHaveLength(1);
  });

  it('recall: the requester withdraws the pending approval', () => {
    const result = run({
      given: bigQuote,
      steps: [
        { type: 'move', record: 'O1', to: 'quote', by: 'lina' },
        { type: 'recall', record: 'O1', approval: 'large-quote', by: 'lina' },
      ],
      expect: [
        { type: 'approval', record: 'O1', approval: 'large-quote', status: 'recalled' },
        { type: 'stage', record: 'O1', stage: 'proposal' },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('schedule: the automation runs at the step time; a refused schedule fails the step', () => {
    const scheduledApp = smallApp((files) => {
      const manifest = files['app.json'] as { files: { automations: string[] } };
      manifest.files.automations.push('automations/morning.json');
      files['automations/morning.json'] = {
        $schema: 'https://ruleloom.dev/schemas/v1/automation.schema.json',
        id: 'morning',
        entity: 'opportunity',
        trigger: { type: 'schedule', cron: '0 9 * * *' },
        actions: [
          {
            type: 'digest',
            rank: { var: 'amount' },
            limit: 1,
            groupBy: 'owner',
            channel: 'in-app',
            template: '{{count}}/{{total}}：{{items}}',
            itemTemplate: '{{title}}',
          },
        ],
      };
    });
    const result = run(
      {
        given: {
          now: START,
          users,
          records: [
            {
              entity: 'opportunity',
              id: 'O1',
              values: { title: '一期', amount: 100, owner: 'lina' },
            },
            {
              entity: 'opportunity',
              id: 'O2',
              values: { title: '二期', amount: 900, owner: 'lina' },
            },
          ],
        },
        steps: [
          { type: 'schedule', automation: 'morning', at: '2026-03-03T09:00:00+08:00', by: 'lina' },
          { type: 'schedule', automation: 'big-deal' },
          { type: 'schedule', automation: 'evening' },
        ],
        expect: [
          {
            type: 'effect',
            effect: 'notify',
            match: {
              recipients: ['lina'],
              items: [{ recordId: 'O2', rank: 900 }],
              message: { 'zh-CN': '1/2：二期' },
            },
            count: 1,
          },
          { type: 'expression', expression: { now: [] }, value: at('2026-03-03T09:00:00+08:00') },
        ],
      },
      scheduledApp,
    );
    expect(result.failures.map((f) => [f.pointer, f.message.en])).toEqual([
      [
        '/steps/1',
        'the automation "big-deal" is triggered by record.created, not by a schedule, so it cannot run on a schedule',
      ],
      ['/steps/2', 'the app has no automation "evening"'],
    ]);
  });

  it('wait: fixed durations move the virtual clock; `at` sets it', () => {
    const result = run({
      given: { now: START },
      steps: [{ type: 'wait', for: '48h' }, { type: 'wait', for: '30m' }, { type: 'wait' }],
      expect: [
        { type: 'expression', expression: { now: [] }, value: at('2026-03-04T10:30:00+08:00') },
      ],
    });
    expect(failuresOf(result)).toEqual([]);

    const jumped = run({
      given: { now: START },
      steps: [
        { type: 'wait', for: '2w' },
        { type: 'wait', for: '1d', at: '2026-04-01T09:00:00+08:00' },
      ],
      expect: [
        { type: 'expression', expression: { now: [] }, value: at('2026-04-02T09:00:00+08:00') },
      ],
    });
    expect(failuresOf(jumped)).toEqual([]);
  });

  it('wait: business time counts on the app calendar (3 workdays over the Spring Festival)', () => {
    const result = run({
      given: { now: '2026-02-13T10:00:00+08:00' },
      steps: [{ type: 'wait', for: '3 workdays' }],
      expect: [
        { type: 'expression', expression: { now: [] }, value: at('2026-02-25T10:00:00+08:00') },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
    const hours = run({
      given: { now: '2026-03-06T17:00:00+08:00' },
      steps: [
        { type: 'wait', for: '2 business hours' },
        { type: 'wait', until: '2026-03-10T08:00:00+08:00' },
      ],
      expect: [
        { type: 'expression', expression: { now: [] }, value: at('2026-03-10T08:00:00+08:00') },
      ],
    });
    expect(failuresOf(hours)).toEqual([]);
  });

  it('without given.now the clock starts on a fixed Monday morning (deterministic)', () => {
    const result = run({
      expect: [
        { type: 'expression', expression: { now: [] }, value: at('2026-01-05T09:00:00+08:00') },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('the record created at a step’s time carries it', () => {
    const result = run({
      given: { now: START, users },
      steps: [
        { type: 'wait', for: '3d' },
        {
          type: 'create',
          entity: 'opportunity',
          record: 'O1',
          values: { title: 'x' },
          by: 'lina',
        },
        { type: 'wait', for: '1h' },
        { type: 'move', record: 'O1', to: 'proposal', by: 'lina' },
      ],
      expect: [{ type: 'stage', record: 'O1', stage: 'proposal' }],
    });
    expect(failuresOf(result)).toEqual([]);
  });
});

describe('given records', () => {
  it('enter their stage (the stage field, or the initial stage) with defaults and history', () => {
    const result = run({
      given: {
        now: START,
        records: [
          { entity: 'opportunity', id: 'O1', values: { title: 'a', stage: 'quote' } },
          { entity: 'opportunity', id: 'O2', values: { title: 'b' } },
        ],
      },
      expect: [
        { type: 'stage', record: 'O1', stage: 'quote' },
        { type: 'stage', record: 'O2', stage: 'lead' },
        { type: 'field', record: 'O2', field: 'stage', value: 'lead' },
        // In their stage, so the transitions from it apply: 报价 → 赢单 needs the scan.
        { type: 'gate', record: 'O1', to: 'won', passed: false, missing: ['contractScan'] },
        { type: 'gate', record: 'O2', to: 'proposal', passed: true },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('are there as given: no automation runs for them', () => {
    const result = run({
      given: {
        now: START,
        records: [{ entity: 'opportunity', id: 'O1', values: { title: 'a', amount: 500000 } }],
      },
      expect: [
        { type: 'effect', effect: 'notify', count: 0 },
        { type: 'tags', record: 'O1', excludes: ['大单'] },
        { type: 'mark', record: 'O1', color: null },
      ],
    });
    expect(failuresOf(result)).toEqual([]);
  });

  it('of an entity the app does not have: a failure at the record', () => {
    const result = run({
      given: { now: START, records: [{ entity: 'lead', id: 'L1', values: { name: '王' } }] },
      expect: [{ type: 'field', record: 'L1', field: 'name', value: '王' }],
    });
    expect(result.failures).toEqual([
      {
        pointer: '/given/records/0/entity',
        message: {
          'zh-CN': '应用中没有实体 lead（已有：opportunity）',
          en: 'the app has no entity lead (known: opportunity)',
        },
      },
    ]);
  });
});

describe('results', () => {
  it('carry the id, file, label in both languages and the scenario id', () => {
    const result = runTest(app, {
      file: 'tests/s38-quote-gate.json',
      definition: smallTest() as unknown as TestDefinition,
    });
    expect(result).toEqual({
      id: 's38-quote-gate',
      file: 'tests/s38-quote-gate.json',
      label: { 'zh-CN': '未填预算不能进入报价', en: 'No quote without the budget range' },
      scenario: 'S38',
      passed: true,
      failures: [],
    });
    const plain = run({ label: '报价门槛', expect: [{ type: 'stage', record: 'x', stage: 'y' }] });
    expect(plain.label).toEqual({ 'zh-CN': '报价门槛', en: '报价门槛' });
    expect(plain.scenario).toBeUndefined();
  });

  it.each([
    [{ description: 'S38: the quote gate' }, 'S38'],
    [{ description: 'S34b boundary: 50,000' }, 'S34b'],
    [{ description: '  S9c legal filing' }, 'S9c'],
    [{ description: 'S3' }, 'S3'],
    [{ label: { 'zh-CN': 'S16 重复拜访', en: 'Repeat visit' } }, 'S16'],
    [{ label: 'S2 白皮书', description: 'tags white-paper leads' }, 'S2'],
    [{ description: 'see S38' }, undefined],
    [{ description: 'S38xy: no' }, undefined],
    [{ description: 'SX: no' }, undefined],
    [{}, undefined],
  ])('scenarioOf(%j) is %s', (parts, scenario) => {
    const definition = testDefinition({
      ...parts,
      expect: [{ type: 'stage', record: 'O1', stage: 'lead' }],
    });
    expect(scenarioOf(definition)).toBe(scenario);
  });

  it('failures point into the test file and say what is wrong in zh-CN and en', () => {
    const result = run({
      given: givenProposal(),
      steps: [
        { type: 'update', record: 'O9', values: { amount: 1 } },
        { type: 'move', record: 'O1', to: 'quote', by: 'lina' },
      ],
      expect: [
        { type: 'stage', record: 'O1', stage: 'proposal' },
        { type: 'stage', record: 'O1', stage: 'quote' },
        { type: 'field', record: 'O1', field: 'amount', value: 1 },
      ],
    });
    expect(result.failures.map((f) => f.pointer)).toEqual(['/steps/0', '/expect/1', '/expect/2']);
    for (const { message } of result.failures) {
      expect(Object.keys(message).sort()).toEqual(['en', 'zh-CN']);
      expect(message['zh-CN']).not.toBe(message.en);
    }
  });

  it('are deterministic: the same test twice gives equal results', () => {
    const parts = {
      given: givenProposal({ amount: 60000, budgetRange: 'over-50k' }),
      steps: [
        {
          type: 'create' as const,
          entity: 'opportunity',
          record: 'O2',
          values: { title: '大单', amount: 300000, owner: 'lina' },
          by: 'lina',
        },
        { type: 'move' as const, record: 'O1', to: 'quote', by: 'lina' },
        { type: 'wait' as const, for: '1h' },
      ],
      expect: [
        { type: 'effect' as const, effect: 'notify' as const, count: 3 },
        {
          type: 'approval' as const,
          record: 'O1',
          approval: 'large-quote',
          status: 'pending' as const,
        },
      ],
    };
    const first = run(parts);
    const second = run(parts);
    expect(second).toEqual(first);
    expect(first.failures).toHaveLength(1);
    expect(first.failures[0]?.message.en).toMatch(/^expected 3 notify effect\(s\)/);
  });
});

describe('testsOf and runTests', () => {
  it('testsOf reads the listed tests, leaving out missing files and non-tests', () => {
    const files = smallAppFiles();
    files['tests/not-a-test.json'] = [1, 2];
    const found = testsOf({ files }, [
      'tests/s38-quote-gate.json',
      'tests/missing.json',
      'tests/not-a-test.json',
    ]);
    expect(found.map((t) => t.file)).toEqual(['tests/s38-quote-gate.json']);
    expect(found[0]?.definition).toBe(files['tests/s38-quote-gate.json']);
  });

  it('runTests runs each test on a fresh world, in order, and counts', () => {
    const pass = testDefinition({
      id: 'creates',
      steps: [{ type: 'create', entity: 'opportunity', record: 'O1', values: { title: 'x' } }],
      expect: [{ type: 'stage', record: 'O1', stage: 'lead' }],
    });
    // Would pass if the first test's record leaked into its world.
    const fresh = testDefinition({
      id: 'fresh',
      expect: [{ type: 'stage', record: 'O1', stage: 'lead' }],
    });
    const report = runTests(app, [
      { file: 'tests/creates.json', definition: pass },
      { file: 'tests/fresh.json', definition: fresh },
      { file: 'tests/creates-again.json', definition: pass },
    ]);
    expect(report.results.map((r) => [r.id, r.passed])).toEqual([
      ['creates', true],
      ['fresh', false],
      ['creates', true],
    ]);
    expect([report.passed, report.failed]).toEqual([2, 1]);
    expect(runTests(app, [])).toEqual({ results: [], passed: 0, failed: 0 });
  });

  it('the small app’s own test passes, run twice alike', () => {
    const files = smallAppFiles();
    const tests = testsOf({ files }, app.manifest.tests ?? []);
    const report = runTests(app, tests);
    expect([report.passed, report.failed]).toEqual([1, 0]);
    expect(runTests(app, tests)).toEqual(report);
  });
});
