import { compileApp } from '@ruleloom/engine';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import {
  addNewFieldRecipe,
  fieldIdFromLabel,
  formGroups,
  idFollowsLabels,
  idFromLabels,
  moveFieldRecipe,
  newPaletteField,
  removeFieldRecipe,
  renameFieldRecipe,
  uniqueId,
  updateEntityFieldRecipe,
  updateFormFieldRecipe,
  type EntityDef,
  type FormDef,
} from './formModel.js';
import { paletteItem, paletteKeyOf, PALETTE } from './palette.js';

const FORM = 'forms/lead-create.json';
const ENTITY = 'entities/lead.json';
const files = salesCrmFiles();
const form = (f: Record<string, unknown>): FormDef => f[FORM] as FormDef;
const entity = (f: Record<string, unknown>): EntityDef => f[ENTITY] as EntityDef;

describe('ids from labels', () => {
  it('makes camelCase ids of latin labels and keeps Chinese letters', () => {
    expect(fieldIdFromLabel('Budget range')).toBe('budgetRange');
    expect(fieldIdFromLabel('Dropdown 2')).toBe('dropdown2');
    expect(fieldIdFromLabel('预算 范围')).toBe('预算范围');
    expect(fieldIdFromLabel('2024 target')).toBe('f2024Target');
    expect(fieldIdFromLabel('!!!')).toBe('field');
  });

  it('makes ids from the English label, else from the Chinese one', () => {
    expect(idFromLabels({ 'zh-CN': '来源渠道', en: 'Source' })).toBe('source');
    expect(idFromLabels({ 'zh-CN': '来源渠道', en: '' })).toBe('来源渠道');
  });

  it('lets an id follow its labels only while it is the one made from them', () => {
    expect(idFollowsLabels('dropdown2', { 'zh-CN': '下拉2', en: 'Dropdown 2' })).toBe(true);
    expect(idFollowsLabels('来源渠道', { 'zh-CN': '来源渠道', en: '' })).toBe(true);
    expect(idFollowsLabels('source', { 'zh-CN': '下拉', en: 'Dropdown' })).toBe(false);
  });

  it('numbers an id that is taken', () => {
    expect(uniqueId('choice', ['choice', 'choice2'])).toBe('choice3');
    expect(uniqueId('choice', [])).toBe('choice');
  });
});

describe('the form designer edits entity and form together', () => {
  it('given the lead form, when a dropdown is dropped into 线索分类, then the entity has the field and the form shows it there', () => {
    const field = newPaletteField(
      paletteItem('dropdown')!,
      { 'zh-CN': '下拉', en: 'Dropdown' },
      entity(files).fields.map((f) => f.id),
    );
    const next = produce(files, addNewFieldRecipe(FORM, field, { group: 1, index: 0 }));
    expect(field).toMatchObject({ id: 'dropdown', type: 'enum', display: 'dropdown' });
    expect(entity(next).fields.at(-1)).toEqual(field);
    expect(formGroups(form(next))[1]!.fields[0]).toBe('dropdown');
    const compiled = compileApp({ files: next });
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('given a field, when it is moved across groups, then it leaves one and joins the other', () => {
    const next = produce(
      files,
      moveFieldRecipe(FORM, { group: 0, index: 0 }, { group: 1, index: 1 }),
    );
    expect(formGroups(form(next)).map((g) => g.fields[0])).toEqual(['company', 'source']);
    expect(formGroups(form(next))[1]!.fields[1]).toBe('name');
  });

  it('given a field with form options, when it is removed, then the entity keeps it', () => {
    const next = produce(files, removeFieldRecipe(FORM, 'phone'));
    expect(formGroups(form(next))[0]!.fields).toEqual(['name', 'company']);
    expect(entity(next).fields.some((f) => f.id === 'phone')).toBe(true);
  });

  it('given a form field, when it gets and loses a condition, then it becomes an object and back an id', () => {
    const cond = { '==': [{ var: 'source' }, 'expo'] };
    const withCondition = produce(
      files,
      updateFormFieldRecipe(FORM, 'region', (entry) => void (entry['visibleWhen'] = cond)),
    );
    expect(form(withCondition).sections![1]!.fields).toContainEqual({
      field: 'region',
      visibleWhen: cond,
    });
    const without = produce(
      withCondition,
      updateFormFieldRecipe(FORM, 'region', (entry) => void (entry['visibleWhen'] = undefined)),
    );
    expect(form(without).sections![1]!.fields).toContain('region');
  });

  it('given a renamed field id, then the entity and every form of the entity follow', () => {
    const next = produce(files, renameFieldRecipe(ENTITY, 'company', 'companyName'));
    expect(entity(next).fields.some((f) => f.id === 'companyName')).toBe(true);
    expect(formGroups(form(next))[0]!.fields).toContain('companyName');
    expect(produce(files, renameFieldRecipe(ENTITY, 'company', 'name'))).toBe(files);
  });

  it('given an entity field, when it is made required, then the S1 test data without it fails', () => {
    const next = produce(
      files,
      updateEntityFieldRecipe(ENTITY, 'region', (f) => void (f['required'] = true)),
    );
    const compiled = compileApp({ files: next });
    expect(compiled.ok).toBe(true);
    const result = compiled.app!.validateForm(
      'lead-create',
      {
        name: '王建国',
        phone: '13905759876',
        source: 'douyin',
        firstTouch: 'wecom',
        intentGrade: 'B',
      },
      { now: '2026-03-02T09:00:00+08:00' },
    );
    expect(result.errors.map((e) => e.field)).toEqual(['region']);
  });
});

describe('the palette', () => {
  it('makes fields the schema accepts, for every entry', () => {
    const taken: string[] = entity(files).fields.map((f) => f.id);
    let next = files;
    for (const item of PALETTE) {
      const field = newPaletteField(item, { 'zh-CN': item.key, en: item.key }, taken);
      taken.push(field.id);
      next = produce(next, addNewFieldRecipe(FORM, field, { group: 0, index: 0 }));
      expect(paletteKeyOf(field)).toBe(item.key);
    }
    const errors = compileApp({ files: next }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.pointer} ${d.message.en}`)).toEqual([]);
  });
});
