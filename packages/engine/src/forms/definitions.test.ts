import type { EntityDefinition, FormDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { lead } from '../entities/__tests__/salesEntities.js';
import { compileForm } from './index.js';
import { FORM_SCHEMA, leadCreate } from './__tests__/salesForms.js';
import { buildIndex } from './__tests__/testIndex.js';

// Bad form definitions give diagnostics with their file and JSON pointer, never exceptions.

function diagnose(definition: FormDefinition, entities: readonly EntityDefinition[] = [lead]) {
  const { index, diagnostics } = buildIndex(entities);
  const form = compileForm({ file: 'forms/bad.json', definition }, index);
  return {
    form,
    found: diagnostics.map(({ code, pointer, file, severity }) => ({
      code,
      pointer,
      file,
      severity,
    })),
    diagnostics,
  };
}

const base = { $schema: FORM_SCHEMA, id: 'bad', entity: 'lead', mode: 'edit' } as const;

describe('form definitions', () => {
  it('reports an unknown entity and gives no form', () => {
    const { form, found, diagnostics } = diagnose({ ...base, entity: 'leads', fields: ['name'] });
    expect(form).toBeUndefined();
    expect(found).toEqual([
      { code: 'RL5130', pointer: '/entity', file: 'forms/bad.json', severity: 'error' },
    ]);
    expect(diagnostics[0]?.hint.en).toBe(
      'known entities: lead. Check the spelling, or add the entity first',
    );
  });

  it('reports unknown and repeated fields where they stand', () => {
    const { found, diagnostics } = diagnose({
      ...base,
      sections: [
        { id: 'a', fields: ['name', 'budgetRange'] },
        { id: 'a', fields: [{ field: 'name' }, { field: '来源渠道' }] },
      ],
    });
    expect(found.map(({ code, pointer }) => [code, pointer])).toEqual([
      ['RL5136', '/sections/1/id'],
      ['RL5131', '/sections/0/fields/1'],
      ['RL5132', '/sections/1/fields/0/field'],
      ['RL5131', '/sections/1/fields/1/field'],
    ]);
    expect(diagnostics[1]?.message['zh-CN']).toBe('实体 "lead" 没有字段 "budgetRange"');
  });

  it('type-checks conditions and rules against the entity, located in the file', () => {
    const { found, diagnostics } = diagnose({
      ...base,
      fields: [
        'name',
        { field: 'budget', visibleWhen: { '==': [{ var: 'grade' }, 'A'] } },
        { field: 'source', requiredWhen: { '>': [{ var: 'name' }, { var: 'tags' }] } },
      ],
      validations: [
        {
          id: 'budget-limit',
          expression: { '<=': [{ var: 'budgt' }, 1000000] },
          message: '预算过高',
          fields: ['budgt'],
        },
        { id: 'budget-limit', expression: true, message: '重复' },
      ],
    });
    expect(found.map(({ code, pointer }) => [code, pointer])).toEqual([
      ['RL2007', '/fields/1/visibleWhen/==/0/var'],
      ['RL2008', '/fields/2/requiredWhen/>/1'],
      ['RL5134', '/validations/0/fields/0'],
      ['RL2007', '/validations/0/expression/<=/0/var'],
      ['RL5136', '/validations/1/id'],
    ]);
    expect(diagnostics.every((d) => d.file === 'forms/bad.json')).toBe(true);
  });

  it('warns of list limits on single values and rejects contradicting ones', () => {
    const { found } = diagnose({
      ...base,
      fields: [
        { field: 'source', minItems: 1 },
        { field: 'tags', minItems: 3, maxItems: 2 },
      ],
    });
    expect(found.map(({ code, pointer, severity }) => [code, pointer, severity])).toEqual([
      ['RL5133', '/fields/0/minItems', 'warning'],
      ['RL5123', '/fields/1/minItems', 'error'],
    ]);
  });

  it('warns when a create form leaves out a required field without default', () => {
    const { found } = diagnose({ ...base, mode: 'create', fields: ['name', 'source'] });
    expect(found.map(({ code, pointer, severity }) => [code, pointer, severity])).toEqual([
      ['RL5135', '/fields', 'warning'],
      ['RL5135', '/fields', 'warning'],
    ]);
  });

  it('compiles the fixture forms of @ruleloom/schemas against their entities', () => {
    const { found } = diagnose(leadCreate);
    expect(found).toEqual([]);
  });
});
