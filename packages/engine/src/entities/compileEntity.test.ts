import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EntityDefinition, EntityField } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/types.js';
import { parseFormula } from '../formula/index.js';
import { compileEntity } from './index.js';
import { ENTITY_SCHEMA, lead, opportunity } from './__tests__/salesEntities.js';

function compile(definition: EntityDefinition) {
  const diagnostics: Diagnostic[] = [];
  const entity = compileEntity(
    { file: `entities/${definition.id}.json`, definition },
    { zone: 'Asia/Shanghai', report: (d) => diagnostics.push(d) },
  );
  return { entity, diagnostics, found: diagnostics.map((d) => [d.code, d.pointer, d.severity]) };
}

const entityWith = (...fields: EntityField[]): EntityDefinition => ({
  $schema: ENTITY_SCHEMA,
  id: 'order',
  label: '订单',
  fields: fields as [EntityField, ...EntityField[]],
});

describe('compileEntity', () => {
  it('gives the expression type checker field ids, types and labels', () => {
    const { entity, diagnostics } = compile(lead);
    expect(diagnostics).toEqual([]);
    expect(entity.id).toBe('lead');
    expect(entity.label).toEqual({ 'zh-CN': '线索', en: 'Lead' });
    expect(entity.fieldInfos).toContainEqual({
      id: 'source',
      type: 'enum',
      label: { 'zh-CN': '来源渠道', en: 'Source channel' },
    });
    expect(entity.fieldLabel('intentGrade')).toEqual({ 'zh-CN': '意向等级', en: 'Intent grade' });
    expect(entity.fieldLabel('nope')).toEqual({ 'zh-CN': 'nope', en: 'nope' });
    expect(entity.fields.get('budget')?.type).toBe('money');
  });

  it('lets formula text name fields by their Chinese labels', () => {
    const parsed = parseFormula('IF(AND(意向等级 = "A", 预算金额 >= 200000), "重点", "普通")', {
      fields: compile(lead).entity.fieldInfos,
    });
    expect(parsed.logic).toEqual({
      if: [
        {
          and: [{ '==': [{ var: 'intentGrade' }, 'A'] }, { '>=': [{ var: 'budget' }, 200000] }],
        },
        '重点',
        '普通',
      ],
    });
  });

  it('fills defaults under the given values, with copies', () => {
    const { entity } = compile(opportunity);
    const values = entity.withDefaults({ title: '二期', probability: 0.4 });
    expect(values).toEqual({ title: '二期', probability: 0.4, amount: 0, signed: false });
    const withList = compile(entityWith({ id: 'tags', type: 'tags', default: ['新客户'] })).entity;
    const first = withList.withDefaults({});
    (first['tags'] as string[]).push('changed');
    expect(withList.withDefaults({})).toEqual({ tags: ['新客户'] });
  });

  it('computes fields in dependency order, whatever their order in the file', () => {
    const { entity, diagnostics } = compile(
      entityWith(
        { id: 'total', type: 'money', computed: { money_add: [{ var: 'net' }, { var: 'tax' }] } },
        { id: 'tax', type: 'money', computed: { money_mul: [{ var: 'net' }, 0.13, 2] } },
        { id: 'net', type: 'money' },
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(entity.withComputed({ net: 10000 }, 0)).toEqual({ net: 10000, tax: 1300, total: 11300 });
  });

  it('leaves a computed field null when it fails, and never throws', () => {
    const { entity } = compile(
      entityWith(
        { id: 'due', type: 'date', computed: { date_add: [{ var: 'signedAt' }, '30d'] } },
        { id: 'age', type: 'number', computed: { since: [{ var: 'signedAt' }, 'd'] } },
        { id: 'signedAt', type: 'datetime' },
      ),
    );
    const now = Date.UTC(2026, 2, 2, 2);
    expect(entity.withComputed({ signedAt: 'soon' }, now)).toMatchObject({ due: null, age: null });
    expect(entity.withComputed({ signedAt: '2026-02-28T10:00:00+08:00' }, now)).toMatchObject({
      age: 2,
    });
    // Time comes from the caller: without it the field stays empty.
    expect(
      entity.withComputed({ signedAt: '2026-02-28T10:00:00+08:00' }, Number.NaN),
    ).toMatchObject({
      age: null,
    });
  });

  it('reports a cycle between computed fields; its fields stay null', () => {
    const { entity, diagnostics, found } = compile(
      entityWith(
        { id: 'a', type: 'number', computed: { '+': [{ var: 'b' }, 1] } },
        { id: 'b', type: 'number', computed: { '+': [{ var: 'a' }, 1] } },
        { id: 'c', type: 'number', computed: { '+': [{ var: 'c' }, 1] } },
        { id: 'd', type: 'number', computed: { '+': [{ var: 'x' }, 1] } },
        { id: 'x', type: 'number' },
      ),
    );
    expect(found).toEqual([
      ['RL5125', '/fields/0/computed', 'error'],
      ['RL5125', '/fields/2/computed', 'error'],
    ]);
    expect(diagnostics[0]?.message['zh-CN']).toBe('计算字段互相依赖，形成循环：a → b → a');
    expect(diagnostics[1]?.file).toBe('entities/order.json');
    expect(entity.withComputed({ x: 1 }, 0)).toEqual({ x: 1, a: null, b: null, c: null, d: 2 });
  });

  it('reports expressions of computed fields with unknown fields, located', () => {
    const { found } = compile(
      entityWith({
        id: 'band',
        type: 'text',
        computed: { if: [{ var: 'budgetRange' }, 'x', 'y'] },
      }),
    );
    expect(found).toEqual([['RL2007', '/fields/0/computed/if/0/var', 'error']]);
  });

  it('reports duplicate ids, an unknown title field, contradicting limits and bad defaults', () => {
    const { found, diagnostics } = compile({
      ...entityWith(
        {
          id: 'grade',
          type: 'enum',
          options: [
            { id: 'A', label: 'A' },
            { id: 'A', label: 'A+' },
          ],
          default: 'D',
        },
        { id: 'grade', type: 'text' },
        { id: 'rate', type: 'percent', min: 1, max: 0.5 },
        {
          id: 'picks',
          type: 'multi-enum',
          options: [{ id: 'x', label: 'x' }],
          minSelected: 2,
          maxSelected: 1,
        },
        { id: 'phone', type: 'text', format: 'phone', default: 'unknown' },
      ),
      titleField: 'name',
    });
    expect(found).toEqual([
      ['RL5121', '/fields/0/options/1/id', 'error'],
      ['RL5120', '/fields/1/id', 'error'],
      ['RL5123', '/fields/2/min', 'error'],
      ['RL5123', '/fields/3/minSelected', 'error'],
      ['RL5122', '/titleField', 'error'],
      ['RL5124', '/fields/0/default', 'error'],
      ['RL5124', '/fields/4/default', 'error'],
    ]);
    expect(diagnostics[5]?.message.en).toBe(
      'the default of the field "grade" is invalid: "D" is not an option of grade (options: A, A+)',
    );
  });

  it('compiles the fixture entities of @ruleloom/schemas without diagnostics', () => {
    const folder = join(
      dirname(createRequire(import.meta.url).resolve('@ruleloom/schemas/package.json')),
      'fixtures/valid/entity',
    );
    for (const name of readdirSync(folder)) {
      const definition = JSON.parse(readFileSync(join(folder, name), 'utf8')) as EntityDefinition;
      expect(compile(definition).diagnostics).toEqual([]);
    }
  });
});
