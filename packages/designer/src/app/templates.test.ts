import { compileApp } from '@ruleloom/engine';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { addFileRecipe, changedPaths, deleteFileRecipe, renameFileRecipe } from './fileOps.js';
import { KINDS, listedPaths } from './kinds.js';

const files = salesCrmFiles();

describe('new definition files', () => {
  it.each(KINDS.map((info) => [info.list, info] as const))(
    'given the sales CRM, when a new %s file is added, then it is listed and has no errors',
    (_, info) => {
      const next = produce(files, addFileRecipe(info, 'new-one'));
      const path = `${info.folder}/new-one.json`;
      expect(listedPaths(next, info.list)).toContain(path);
      const errors = compileApp({ files: next }).diagnostics.filter(
        (d) => d.severity === 'error' && d.file === path,
      );
      expect(errors.map((d) => `${d.code} ${d.pointer} ${d.message.en}`)).toEqual([]);
    },
  );

  it('given a file, when it is renamed and deleted, then app.json follows', () => {
    const renamed = produce(
      files,
      renameFileRecipe('forms/lead-create.json', 'forms/lead-new.json', 'forms'),
    );
    expect(listedPaths(renamed, 'forms')[0]).toBe('forms/lead-new.json');
    expect(renamed['forms/lead-create.json']).toBeUndefined();
    const deleted = produce(renamed, deleteFileRecipe('forms/lead-new.json', 'forms'));
    expect(listedPaths(deleted, 'forms')).not.toContain('forms/lead-new.json');
    expect(changedPaths(deleted, files).sort()).toEqual(['app.json', 'forms/lead-create.json']);
  });

  it('given a name, an entity and a purpose, when a form is added, then it is titled with the name on that entity', () => {
    const forms = KINDS.find((info) => info.list === 'forms')!;
    const next = produce(
      files,
      addFileRecipe(forms, 'opportunity-create', {
        name: '新建商机',
        entity: 'opportunity',
        mode: 'create',
      }),
    );
    const form = next['forms/opportunity-create.json'] as Record<string, unknown>;
    expect(form).toMatchObject({
      label: { 'zh-CN': '新建商机' },
      entity: 'opportunity',
      mode: 'create',
    });
    const opportunity = files['entities/opportunity.json'] as { fields: { id: string }[] };
    expect((form['fields'] as string[])[0]).toBe(opportunity.fields[0]!.id);
    expect(
      compileApp({ files: next }).diagnostics.filter(
        (d) => d.severity === 'error' && d.file === 'forms/opportunity-create.json',
      ),
    ).toEqual([]);
  });

  it('given the lead entity with required fields, when a create form is added, then they are on it and it has no problem', () => {
    const forms = KINDS.find((info) => info.list === 'forms')!;
    const next = produce(
      files,
      addFileRecipe(forms, 'lead-new', { entity: 'lead', mode: 'create' }),
    );
    const lead = files['entities/lead.json'] as {
      fields: { id: string; required?: boolean; default?: unknown; computed?: unknown }[];
    };
    const required = lead.fields
      .filter((f) => f.required === true && f.default === undefined && f.computed === undefined)
      .map((f) => f.id);
    expect(required.length).toBeGreaterThan(0);
    const form = next['forms/lead-new.json'] as { fields: string[] };
    expect(form.fields).toEqual(expect.arrayContaining(required));
    expect(
      compileApp({ files: next }).diagnostics.filter((d) => d.file === 'forms/lead-new.json'),
    ).toEqual([]);
  });

  it('given a chosen entity, when a timer or an automation is added, then it is on that entity', () => {
    for (const list of ['timers', 'automations', 'routing'] as const) {
      const info = KINDS.find((k) => k.list === list)!;
      const next = produce(files, addFileRecipe(info, 'on-contract', { entity: 'contract' }));
      expect(next[`${info.folder}/on-contract.json`]).toMatchObject({ entity: 'contract' });
    }
  });
});
