/** Cascades: automations reacting to each other's changes, to a fixed point or the bound. */
import type { Action, AutomationDefinition, Event } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { handleEvent } from '../../app/handle.js';
import type { AppState, TraceEntry } from '../../app/types.js';
import { automation, buildApp, context, contract } from './harness.js';

function rule(
  id: string,
  trigger: Event,
  actions: Action[],
  condition?: unknown,
  extra: Partial<AutomationDefinition> = {},
): AutomationDefinition {
  return automation({
    id,
    entity: 'contract',
    trigger,
    ...(condition === undefined ? {} : { condition }),
    actions: actions as AutomationDefinition['actions'],
    ...extra,
  });
}

const updated = (...changedFields: string[]): Event =>
  changedFields.length === 0
    ? { type: 'record.updated' }
    : { type: 'record.updated', changedFields: changedFields as [string, ...string[]] };

function start(automations: AutomationDefinition[], maxCascadeRounds?: number) {
  const built = buildApp({
    entities: [contract],
    automations,
    ...(maxCascadeRounds === undefined ? {} : { maxCascadeRounds }),
  });
  const created = handleEvent(
    built.app,
    { records: {} },
    {
      type: 'record.create',
      entity: 'contract',
      recordId: 'C1',
      values: {
        title: '框架合同',
        status: 'draft',
        amount: 100,
        counter: 0,
        note: 'abc',
        owner: 'u-li',
      },
    },
    context(),
  );
  return { ...built, state: created.state, created };
}

const summary = (trace: readonly TraceEntry[]) =>
  trace.map((entry) =>
    entry.kind === 'automation'
      ? `${entry.round}:${entry.automation}:${entry.outcome}`
      : entry.kind,
  );

describe('a cascade', () => {
  const chain = [
    rule(
      'sign-to-finance',
      updated('status'),
      [{ type: 'setField', field: 'financeStatus', value: 'pending' }],
      {
        '==': [{ var: 'status' }, 'signed'],
      },
    ),
    rule('finance-priority', updated('financeStatus'), [
      { type: 'setField', field: 'priority', value: 'high' },
    ]),
    rule('priority-tag', updated('priority'), [{ type: 'addTag', tag: '加急' }], {
      '==': [{ var: 'priority' }, 'high'],
    }),
  ];

  it('runs each automation in the round after the change it watches, to a fixed point', () => {
    const { app, state } = start(chain);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context(),
    );
    expect(result.state.records.C1?.values).toMatchObject({
      financeStatus: 'pending',
      priority: 'high',
      tags: ['加急'],
    });
    expect(summary(result.trace)).toEqual([
      '0:sign-to-finance:fired',
      '0:finance-priority:trigger',
      '0:priority-tag:trigger',
      '1:sign-to-finance:trigger',
      '1:finance-priority:fired',
      '1:priority-tag:trigger',
      '2:sign-to-finance:trigger',
      '2:finance-priority:trigger',
      '2:priority-tag:fired',
      // The tag changed the tags field, which nobody watches: the fixed point.
      '3:sign-to-finance:trigger',
      '3:finance-priority:trigger',
      '3:priority-tag:trigger',
    ]);
    // One event, one version, however many rounds.
    expect(result.state.records.C1?.version).toBe(2);
  });

  it('settles when an automation sets a value that is already there', () => {
    const { app, state } = start([
      rule('stamp', updated(), [{ type: 'setField', field: 'counter', value: 7 }]),
    ]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { title: '新标题' } },
      context(),
    );
    expect(summary(result.trace)).toEqual(['0:stamp:fired', '1:stamp:fired']);
    expect(result.state.records.C1?.values.counter).toBe(7);
  });

  it('stops at the round limit with a cascade-limit entry and keeps what the rounds did', () => {
    const bump = rule('bump', updated('counter'), [
      { type: 'setField', field: 'counter', value: { '+': [{ var: 'counter' }, 1] } },
    ]);
    const { app, state, diagnostics } = start([bump]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'RL5314',
        params: expect.objectContaining({ cycle: 'bump → bump' }),
      }),
    );
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { counter: 100 } },
      context(),
    );
    expect(result.outcome).toEqual({ ok: true });
    expect(result.state.records.C1?.values.counter).toBe(116);
    const last = result.trace.at(-1);
    expect(last).toMatchObject({ kind: 'cascade-limit', recordId: 'C1', rounds: 16 });
    expect(last?.kind === 'cascade-limit' && last.diagnostic).toMatchObject({
      code: 'RL5315',
      severity: 'error',
      params: { rounds: 16, fields: 'counter', automations: 'bump' },
    });
    expect(result.trace.filter((entry) => entry.kind === 'automation')).toHaveLength(16);
  });

  it('takes the app round limit', () => {
    const bump = rule('bump', updated('counter'), [
      { type: 'setField', field: 'counter', value: { '+': [{ var: 'counter' }, 1] } },
    ]);
    const { app, state } = start([bump], 4);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { counter: 0 } },
      context(),
    );
    // counter 0 is no change (created with 0): nothing fires.
    expect(result.state).toBe(state);
    const moved = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { counter: 1 } },
      context(),
    );
    expect(moved.state.records.C1?.values.counter).toBe(5);
    expect(moved.trace.at(-1)).toMatchObject({ kind: 'cascade-limit', rounds: 4 });
  });
});

describe('the trace', () => {
  it('records an automation whose action fails, drops all its actions, and runs the others', () => {
    const { app, state, diagnostics } = start([
      rule('broken', updated('status'), [
        { type: 'addTag', tag: '不应出现' },
        {
          type: 'notify',
          channel: 'in-app',
          recipients: [{ field: 'owner' }],
          template: '不应发送',
        },
        // note is a ref field (any value) holding text: money arithmetic on it fails.
        { type: 'setField', field: 'amount', value: { money_add: [{ var: 'note' }, 1] } },
      ]),
      rule('fine', updated('status'), [{ type: 'addTag', tag: '已处理' }]),
    ]);
    expect(diagnostics).toEqual([]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context(),
    );
    const [broken, fine] = result.trace;
    expect(broken).toMatchObject({ automation: 'broken', outcome: 'error', round: 0 });
    expect(broken?.kind === 'automation' && broken.error).toMatchObject({
      severity: 'error',
      file: 'automations/broken.json',
      pointer: expect.stringMatching(/^\/actions\/2\/value/),
    });
    expect(fine).toMatchObject({ automation: 'fine', outcome: 'fired' });
    expect(result.state.records.C1?.values.tags).toEqual(['已处理']);
    expect(result.effects).toEqual([]);
  });

  it('records a condition that cannot be evaluated as an error with what it saw', () => {
    const { app, state } = start([
      rule('odd', updated('status'), [{ type: 'addTag', tag: 'x' }], {
        '>': [{ money_add: [{ var: 'note' }, 1] }, 0],
      }),
    ]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context(),
    );
    expect(result.trace[0]).toMatchObject({
      automation: 'odd',
      outcome: 'error',
      error: { file: 'automations/odd.json', pointer: expect.stringMatching(/^\/condition/) },
    });
    expect(result.state.records.C1?.values.tags).toBeUndefined();
  });

  it('records a false condition with the evaluated operations', () => {
    const { app, state } = start([
      rule('big-deals', updated('status'), [{ type: 'addTag', tag: '大单' }], {
        '>=': [{ var: 'amount' }, 500000],
      }),
    ]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context(),
    );
    expect(result.trace).toEqual([
      {
        kind: 'automation',
        automation: 'big-deals',
        recordId: 'C1',
        outcome: 'condition',
        round: 0,
        condition: [
          {
            operator: '>=',
            pointer: '/condition/>=',
            value: false,
            children: [
              { operator: 'var', pointer: '/condition/>=/0/var', value: 100, children: [] },
            ],
          },
        ],
      },
    ]);
  });

  it('skips switched-off automations and those of other entities', () => {
    const { app, state } = start([
      rule('off', updated('status'), [{ type: 'addTag', tag: 'x' }], undefined, { enabled: false }),
    ]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context(),
    );
    expect(result.trace).toEqual([]);
  });

  it('fires automations in definition order, so the later one has the last word', () => {
    const { app, state } = start([
      rule('first', updated('status'), [{ type: 'setField', field: 'priority', value: 'high' }]),
      rule('second', updated('status'), [{ type: 'setField', field: 'priority', value: 'normal' }]),
    ]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context(),
    );
    expect(result.state.records.C1?.values.priority).toBe('normal');
  });

  it('recomputes computed fields after an action sets what they read', () => {
    const { app, state } = start([
      rule('double', updated('status'), [
        { type: 'setField', field: 'amount', value: { '*': [{ var: 'amount' }, 2] } },
        { type: 'setField', field: 'counter', value: { var: 'amountWithTax' } },
      ]),
    ]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context(),
    );
    expect(result.state.records.C1?.values).toMatchObject({
      amount: 200,
      counter: 226,
      amountWithTax: 226,
    });
  });
});

describe('the state a cascade leaves', () => {
  it('is the input state when nothing changed', () => {
    const { app, state } = start([]);
    const result = handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'C1', values: { status: 'draft' } },
      context(),
    );
    expect(result.state).toBe(state as AppState);
    expect(result.patches).toEqual([]);
  });
});
