/** compileAutomation: every reference checked, located diagnostics, nothing thrown. */
import type { Action, AutomationDefinition, Event } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { automation, buildApp, contract, lead, opportunity, opportunityStages } from './harness.js';

function diagnose(definition: AutomationDefinition) {
  const built = buildApp({
    entities: [lead, contract, opportunity],
    pipelines: [opportunityStages],
    automations: [definition],
  });
  return {
    compiled: built.automations[0],
    found: built.diagnostics.map((d) => ({ code: d.code, pointer: d.pointer, file: d.file })),
    diagnostics: built.diagnostics,
  };
}

function on(entity: string, trigger: Event, actions: Action[], condition?: unknown) {
  return automation({
    id: 'probe',
    entity,
    trigger,
    ...(condition === undefined ? {} : { condition }),
    actions: actions as AutomationDefinition['actions'],
  });
}

const created: Event = { type: 'record.created' };
const tag: Action = { type: 'addTag', tag: 'x' };
const file = 'automations/probe.json';

describe('compileAutomation', () => {
  it('compiles a valid automation and says which fields it writes, computed ones included', () => {
    const { compiled, found } = diagnose(
      on('contract', created, [
        { type: 'setField', field: 'amount', value: 1 },
        { type: 'addTag', tag: '重点' },
      ]),
    );
    expect(found).toEqual([]);
    expect(compiled?.entity).toBe('contract');
    expect([...(compiled?.writes ?? [])]).toEqual(['amount', 'tags', 'amountWithTax']);
  });

  it.each<[string, AutomationDefinition, string, string]>([
    ['an unknown entity', on('lesd', created, [tag]), 'RL5301', '/entity'],
    [
      'an unknown changed field',
      on('contract', { type: 'record.updated', changedFields: ['status', 'staus'] }, [tag]),
      'RL5302',
      '/trigger/changedFields/1',
    ],
    [
      'an unknown pipeline',
      on('opportunity', { type: 'stage.entered', pipeline: 'deals' }, [tag]),
      'RL5303',
      '/trigger/pipeline',
    ],
    [
      'an unknown stage',
      on('opportunity', { type: 'stage.entered', stages: ['quote', 'qoute'] }, [tag]),
      'RL5304',
      '/trigger/stages/1',
    ],
    [
      'an unknown approval',
      on('opportunity', { type: 'approval.decided', approval: 'big-quote' }, [tag]),
      'RL5305',
      '/trigger/approval',
    ],
    [
      'a stage trigger on an entity without a pipeline',
      on('contract', { type: 'stage.entered' }, [tag]),
      'RL5316',
      '/trigger',
    ],
    [
      'a condition with an unknown field',
      on('contract', created, [tag], { '==': [{ var: 'stauts' }, 'signed'] }),
      'RL2007',
      '/condition/==/0/var',
    ],
    [
      'setField on an unknown field',
      on('contract', created, [{ type: 'setField', field: 'finance', value: 1 }]),
      'RL5302',
      '/actions/0/field',
    ],
    [
      'setField on a computed field',
      on('contract', created, [{ type: 'setField', field: 'amountWithTax', value: 1 }]),
      'RL5306',
      '/actions/0/field',
    ],
    [
      'setField with a value of the wrong type',
      on('contract', created, [{ type: 'setField', field: 'amount', value: { cat: ['a', 'b'] } }]),
      'RL5307',
      '/actions/0/value',
    ],
    [
      'setField with an option the field lacks',
      on('contract', created, [{ type: 'setField', field: 'status', value: '已签约' }]),
      'RL5318',
      '/actions/0/value',
    ],
    [
      'setField with an expression over an unknown field',
      on('contract', created, [{ type: 'setField', field: 'amount', value: { var: 'amout' } }]),
      'RL2007',
      '/actions/0/value/var',
    ],
    [
      'a recipient field that holds no user',
      on('contract', created, [
        { type: 'notify', channel: 'wecom', recipients: [{ field: 'customer' }], template: 'x' },
      ]),
      'RL5308',
      '/actions/0/recipients/0/field',
    ],
    [
      'a recipient manager of an unknown field',
      on('contract', created, [
        { type: 'notify', channel: 'wecom', recipients: [{ managerOf: 'onwer' }], template: 'x' },
      ]),
      'RL5302',
      '/actions/0/recipients/0/managerOf',
    ],
    [
      'a recipient role the app does not declare',
      on('contract', created, [
        { type: 'notify', channel: 'wecom', recipients: [{ role: 'accounting' }], template: 'x' },
      ]),
      'RL5309',
      '/actions/0/recipients/0/role',
    ],
    [
      'a template placeholder that names no field',
      on('contract', created, [
        {
          type: 'notify',
          channel: 'wecom',
          recipients: [{ field: 'owner' }],
          template: { 'zh-CN': '{{title}} 已签约', en: '{{titel}} signed' },
        },
      ]),
      'RL5310',
      '/actions/0/template/en',
    ],
    [
      'a task assignee role the app does not declare',
      on('contract', created, [{ type: 'createTask', title: 't', assignee: { role: 'cfo' } }]),
      'RL5309',
      '/actions/0/assignee/role',
    ],
    [
      'a task title placeholder that names no field',
      on('contract', created, [
        { type: 'createTask', title: '{{contractNumber}}', assignee: { role: 'finance' } },
      ]),
      'RL5310',
      '/actions/0/title',
    ],
    [
      'a task attaching a field that holds no files',
      on('contract', created, [
        {
          type: 'createTask',
          title: 't',
          assignee: { role: 'finance' },
          attachFields: ['contractNo'],
        },
      ]),
      'RL5311',
      '/actions/0/attachFields/0',
    ],
    [
      'a task cc by an unknown field',
      on('contract', created, [
        { type: 'createTask', title: 't', assignee: { role: 'finance' }, cc: [{ field: 'boss' }] },
      ]),
      'RL5302',
      '/actions/0/cc/0/field',
    ],
    [
      'a tag on a field that is not a tags field',
      on('contract', created, [{ type: 'addTag', tag: 'x', field: 'title' }]),
      'RL5312',
      '/actions/0/field',
    ],
    [
      'a webhook body over an unknown field',
      on('contract', created, [
        {
          type: 'callWebhook',
          url: 'https://erp.example.com/x',
          body: { no: { var: 'contractNumber' } },
        },
      ]),
      'RL2007',
      '/actions/0/body/no/var',
    ],
    [
      'an assignment into a field that holds no user',
      on('contract', created, [{ type: 'assign', routing: 'lead-routing', field: 'title' }]),
      'RL5308',
      '/actions/0/field',
    ],
  ])('reports %s', (_what, definition, code, pointer) => {
    const { compiled, found } = diagnose(definition);
    expect(found).toContainEqual({ code, pointer, file });
    expect(compiled).toBeUndefined();
  });

  it('without an app calendar (a bare index), warns that a business-time due date cannot be counted and still compiles', () => {
    const { compiled, diagnostics } = diagnose(
      on('contract', created, [
        { type: 'createTask', title: 't', assignee: { role: 'finance' }, due: '3 workdays' },
      ]),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'RL5313', severity: 'warning', pointer: '/actions/0/due' }),
    ]);
    expect(compiled).toBeDefined();
  });

  it('gives messages in both languages with the hint', () => {
    const [diagnostic] = diagnose(
      on('contract', created, [{ type: 'setField', field: 'amountWithTax', value: 1 }]),
    ).diagnostics;
    expect(diagnostic?.message).toEqual({
      'zh-CN': '字段 "amountWithTax" 是计算字段，自动化不能给它赋值',
      en: 'the field "amountWithTax" is computed; an automation cannot set it',
    });
    expect(diagnostic?.hint['zh-CN']).toMatch(/计算字段/);
  });

  it('accepts {{record.label}} and dotted placeholders into a field', () => {
    expect(
      diagnose(
        on('contract', created, [
          {
            type: 'notify',
            channel: 'email',
            recipients: [{ user: 'u-li' }],
            template: '{{record.label}} {{note.name}}',
          },
        ]),
      ).found,
    ).toEqual([]);
    // A schedule takes digests only: digest.test.ts.
  });

  it('never throws on malformed definitions', () => {
    const malformed: unknown[] = [
      null,
      {},
      { id: 'x', trigger: null, actions: [] },
      { id: 'x', entity: 'lead', trigger: { type: 'record.created' }, actions: 'nope' },
      {
        id: 'x',
        entity: 'lead',
        trigger: { type: 'record.created' },
        actions: [null, 3, { type: 'explode' }],
      },
    ];
    for (const definition of malformed) {
      expect(() => diagnose(definition as AutomationDefinition)).not.toThrow();
      expect(diagnose(definition as AutomationDefinition).compiled).toBeUndefined();
    }
  });
});
