import { schemaIdOf } from '@ruleloom/schemas';
import { describe, expect, test } from 'vitest';
import type { FieldInfo } from '../expr/types.js';
import { callOperators } from '../formulas/index.js';
import { parseDefinitionText, validateDefinition } from './index.js';

const codes = (value: unknown, options?: Parameters<typeof validateDefinition>[1]): string[] =>
  validateDefinition(value, options).map((d) => `${d.code} ${d.pointer}`);

const entity = (fields: unknown[]): unknown => ({
  $schema: schemaIdOf('entity'),
  id: 'lead',
  fields,
});
const automation = (extra: object): unknown => ({
  $schema: schemaIdOf('automation'),
  id: 'tag-lead',
  entity: 'lead',
  trigger: { type: 'record.created' },
  actions: [{ type: 'addTag', tag: '高意向' }],
  ...extra,
});

describe('the kind', () => {
  const noSchema = { id: 'lead', fields: [{ id: 'name', type: 'text' }] };

  test('comes from the caller when $schema is missing (which is then reported)', () => {
    expect(codes(noSchema, { kind: 'entity' })).toEqual(['RL1006 ']);
    expect(validateDefinition(noSchema, { kind: 'entity' })[0]?.params).toEqual({
      property: '$schema',
    });
  });

  test('comes from the folder in the app', () => {
    expect(codes(noSchema, { path: 'examples/sales-crm/entities/lead.json' })).toEqual(['RL1006 ']);
  });

  test('cannot be told from nothing', () => {
    expect(codes(noSchema)).toEqual(['RL1003 ']);
    expect(codes(noSchema, { path: 'notes/lead.json' })).toEqual(['RL1003 ']);
  });

  test('$schema wins over the folder, with a warning', () => {
    const diagnostics = validateDefinition(entity([{ id: 'name', type: 'text' }]), {
      path: 'forms/lead.json',
    });
    expect(diagnostics.map((d) => [d.severity, d.code, d.pointer])).toEqual([
      ['warning', 'RL1005', '/$schema'],
    ]);
  });

  test('an unknown $schema is reported once and the fallback kind is still checked', () => {
    const doc = { $schema: 'https://example.com/lead.json', id: 'lead', fields: [] };
    expect(codes(doc, { kind: 'entity' })).toEqual(['RL1004 /$schema', 'RL1021 /fields']);
  });
});

describe('schema diagnostics', () => {
  test('one mistake, one diagnostic: a bad option id inside an enum field', () => {
    expect(
      codes(
        entity([
          { id: 'grade', type: 'enum', options: [{ id: '1st', label: 'A' }], display: 'chips' },
        ]),
      ),
    ).toEqual(['RL1014 /fields/0/options/0/id']);
  });

  test('a property of another field type says which type it belongs to', () => {
    const [d] = validateDefinition(entity([{ id: 'name', type: 'text', options: [] }]));
    expect(d?.code).toBe('RL1008');
    expect(d?.message.en).toBe('the property "options" does not apply when type is "text"');
    expect(d?.message['zh-CN']).toContain('"options"');
  });

  test('an unknown property suggests the closest allowed one', () => {
    const [d] = validateDefinition(entity([{ id: 'name', type: 'text', lable: '名称' }]));
    expect(d?.pointer).toBe('/fields/0/lable');
    expect(d?.message.en).toBe('unknown property "lable"; did you mean "label"?');
  });

  test('a wrong discriminator hides the properties that depend on it', () => {
    expect(
      codes(automation({ actions: [{ type: 'sendEmail', to: 'a@b.c', template: 'x' }] })),
    ).toEqual(['RL1011 /actions/0/type']);
  });

  test('a value of the wrong type for a text-or-object property names both types', () => {
    const [d] = validateDefinition(entity([{ id: 'name', type: 'text', label: 5 }]));
    expect([d?.code, d?.pointer, d?.message.en]).toEqual([
      'RL1010',
      '/fields/0/label',
      'this should be text or an object {…} but is a number',
    ]);
  });

  test('a bad property name is reported at the name', () => {
    const routing = {
      $schema: schemaIdOf('routing'),
      id: 'r',
      entity: 'lead',
      rules: [{ id: 'all', pool: { roles: ['sales-rep'] } }],
      strategy: { type: 'weighted', weights: { '1st': 2 } },
      fallback: { queue: 'pool' },
    };
    expect(codes(routing)).toEqual(['RL1014 /strategy/weights/1st']);
    const twoNames = {
      ...routing,
      rules: [{ id: '2nd', pool: { roles: ['sales-rep'] } }],
      strategy: { type: 'weighted', weights: { '1st': 2, ok: 1, '-x': 1 } },
    };
    expect(codes(twoNames)).toEqual([
      'RL1014 /rules/0/id',
      'RL1014 /strategy/weights/1st',
      'RL1014 /strategy/weights/-x',
    ]);
  });

  test('reserved names are refused', () => {
    expect(codes(entity([{ id: '__proto__', type: 'text' }]))).toEqual(['RL1016 /fields/0/id']);
  });

  test('the root must be an object', () => {
    expect(codes([], { kind: 'table' })).toEqual(['RL1010 ']);
    expect(codes(null, { kind: 'table' })).toEqual(['RL1010 ']);
  });

  test('every diagnostic has both languages and the file', () => {
    for (const d of validateDefinition(entity([{ id: 'x', type: 'txt' }, { type: 'enum' }]), {
      file: 'entities/lead.json',
    })) {
      expect(d.file).toBe('entities/lead.json');
      expect(d.message['zh-CN']).not.toMatch(/\{\w+\}/);
      expect(d.message.en).not.toMatch(/\{\w+\}/);
      expect(d.hint.en).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('expressions', () => {
  const lead: FieldInfo[] = [
    { id: 'source', type: 'enum' },
    { id: 'budget', type: 'money' },
  ];

  test('are compiled with the caller’s fields', () => {
    const doc = automation({ condition: { '>': [{ var: 'budgett' }, 200000] } });
    expect(codes(doc)).toEqual([]);
    expect(codes(doc, { fields: lead })).toEqual(['RL2007 /condition/>/0/var']);
  });

  test('in webhook bodies and setField values are checked', () => {
    const doc = automation({
      actions: [
        { type: 'setField', field: 'score', value: { frobnicate: [] } },
        {
          type: 'callWebhook',
          url: 'https://erp.example.com/orders',
          body: { amount: { var: 'prototype' } },
        },
      ],
    });
    expect(codes(doc)).toEqual([
      'RL2001 /actions/0/value/frobnicate',
      'RL2002 /actions/1/body/amount/var',
    ]);
  });

  test('of computed fields are type-checked against the entity’s own fields', () => {
    const doc = entity([
      { id: 'name', type: 'text' },
      { id: 'double', type: 'number', computed: { '*': [{ var: 'name' }, 2] } },
      { id: 'owner2', type: 'text', computed: { var: 'owner' } },
    ]);
    expect(codes(doc)).toEqual(['RL2008 /fields/1/computed/*/0', 'RL2007 /fields/2/computed/var']);
    // The caller's record fields (system fields such as owner) are known too.
    expect(codes(doc, { fields: [{ id: 'owner', type: 'user' }] })).toEqual([
      'RL2008 /fields/1/computed/*/0',
    ]);
  });

  test('of table rows read the table’s inputs', () => {
    const table = {
      $schema: schemaIdOf('table'),
      id: 't',
      hitPolicy: 'first',
      inputs: [{ id: 'rate', type: 'percent' }],
      outputs: [{ id: 'out', type: 'number' }],
      rows: [
        {
          id: 'r',
          when: { rate: { expression: { '>': [{ var: 'rate' }, { var: 'other' }] } } },
          then: { out: 1 },
        },
      ],
    };
    expect(codes(table)).toEqual(['RL2007 /rows/0/when/rate/expression/>/1/var']);
  });
});

describe('formula text', () => {
  const formula = (text: string): unknown => ({
    $schema: schemaIdOf('formula'),
    id: 'tier',
    inputs: [
      { id: 'paymentRate', label: { 'zh-CN': '回款率' }, type: 'percent' },
      { id: 'region', label: '区域', type: 'enum' },
    ],
    output: { type: 'number' },
    text,
  });

  test('names inputs by label', () => {
    expect(codes(formula('IF(回款率 >= 0.85, 1.2, 1)'))).toEqual([]);
  });

  test('errors point at the text and keep their column', () => {
    const [d] = validateDefinition(formula('IF(回款率 >= 0.85, 1.2, 1'));
    expect([d?.code, d?.pointer, d?.column]).toEqual(['RL4003', '/text', 23]);
  });

  test('unknown names are reported with the column', () => {
    const [d] = validateDefinition(formula('回款率 * 新品采购额'));
    expect([d?.code, d?.pointer, d?.column]).toEqual(['RL4007', '/text', 7]);
  });

  test('the logic it stands for is type-checked', () => {
    expect(codes(formula('区域 * 2'))).toEqual(['RL2008 /text']);
  });
});

describe('parseDefinitionText', () => {
  test('gives the value of JSON text, ignoring a byte-order mark', () => {
    expect(parseDefinitionText('\uFEFF{"id": "lead"}')).toEqual({
      value: { id: 'lead' },
      diagnostics: [],
    });
  });

  test('reports the line and column where the JSON breaks', () => {
    const [d] = parseDefinitionText('{\n  "id": "lead",\n}', {
      file: 'entities/lead.json',
    }).diagnostics;
    expect([d?.code, d?.pointer, d?.file, d?.params.line, d?.params.column]).toEqual([
      'RL1002',
      '',
      'entities/lead.json',
      3,
      1,
    ]);
  });

  test('reports empty text', () => {
    expect(parseDefinitionText('').diagnostics[0]?.code).toBe('RL1002');
  });
});

describe('operators besides the built-ins', () => {
  const formula = (calc: object): unknown => ({
    $schema: schemaIdOf('formula'),
    id: 'rebate',
    inputs: [{ id: 'amount', type: 'money' }],
    output: { type: 'money' },
    ...calc,
  });
  const callsTable = formula({
    expression: { '*': [{ var: 'amount' }, { table: ['rebate-tier', 'coefficient'] }] },
  });
  const textCallsFormula = formula({ text: 'amount * 2' });

  test('table and formula calls are unknown operators without the call operators', () => {
    expect(codes(callsTable)).toEqual(['RL2001 /expression/*/1/table']);
  });

  test('with callOperators() they pass, in expressions and in formula text', () => {
    const operators = callOperators();
    expect(codes(callsTable, { operators })).toEqual([]);
    expect(codes(textCallsFormula, { operators })).toEqual([]);
    expect(
      codes(formula({ expression: { frobnicate: [1] } }), { operators }).map((c) => c.slice(0, 6)),
    ).toEqual(['RL2001']);
  });
});
