import { compileApp } from '@ruleloom/engine';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { formGroups, type FormDef } from './formModel.js';
import {
  addSectionRecipe,
  deleteSectionRecipe,
  heirOfSection,
  moveSectionRecipe,
  nextSectionId,
  updateFormRecipe,
  updateSectionRecipe,
} from './sections.js';

const FORM = 'forms/lead-create.json';
const files = salesCrmFiles();
const form = (f: Record<string, unknown>): FormDef => f[FORM] as FormDef;
const NEW = { 'zh-CN': '新分组', en: 'New group' };
const plain = produce(files, (draft) => {
  const lead = draft[FORM] as FormDef;
  delete lead.sections;
  lead.fields = ['name', 'source'];
});
const groupsOf = (f: Record<string, unknown>): [string | undefined, unknown, readonly string[]][] =>
  formGroups(form(f)).map((g) => [g.sectionId, g.label, g.fields]);

describe('adding a group', () => {
  it('given a form without groups, when a group is added, then its fields are in a first group 基本信息 and a new empty group follows', () => {
    expect(nextSectionId(form(plain))).toBe('group');
    const next = produce(plain, addSectionRecipe(FORM, NEW));
    expect(groupsOf(next)).toEqual([
      ['main', { 'zh-CN': '基本信息', en: 'Basic information' }, ['name', 'source']],
      ['group', NEW, []],
    ]);
    expect(form(next).fields).toBeUndefined();
  });

  it('given a group 新分组, when another is added, then it is numbered in id and title', () => {
    const once = produce(plain, addSectionRecipe(FORM, NEW));
    expect(nextSectionId(form(once))).toBe('group2');
    const twice = produce(once, addSectionRecipe(FORM, NEW));
    expect(groupsOf(twice)[2]).toEqual(['group2', { 'zh-CN': '新分组2', en: 'New group 2' }, []]);
  });
});

describe('renaming and reordering groups', () => {
  it('given 线索分类, when it is renamed, then only its label changes', () => {
    const next = produce(
      files,
      updateSectionRecipe(FORM, 1, (s) => void (s.label = { 'zh-CN': '分类', en: 'Class' })),
    );
    expect(groupsOf(next)[1]).toEqual([
      'classification',
      { 'zh-CN': '分类', en: 'Class' },
      formGroups(form(files))[1]!.fields,
    ]);
  });

  it('given two groups, when the second is moved up, then it comes first with its fields', () => {
    const next = produce(files, moveSectionRecipe(FORM, 1, 0));
    expect(formGroups(form(next)).map((g) => g.sectionId)).toEqual(['classification', 'contact']);
    expect(formGroups(form(next))[0]!.fields[0]).toBe('source');
    expect(produce(files, moveSectionRecipe(FORM, 1, 5))).toBe(files);
  });
});

describe('deleting a group keeps its fields', () => {
  it('says where the fields go: the group above, the group below for the first, none for the only group', () => {
    expect(heirOfSection(3, 2)).toBe(1);
    expect(heirOfSection(3, 0)).toBe(1);
    expect(heirOfSection(1, 0)).toBeUndefined();
  });

  it('given 线索分类, when it is deleted, then its fields join 联系人信息 at the end and the app still compiles', () => {
    const next = produce(files, deleteSectionRecipe(FORM, 1));
    const groups = formGroups(form(next));
    expect(groups.map((g) => g.sectionId)).toEqual(['contact']);
    expect(groups[0]!.fields).toEqual([
      'name',
      'company',
      'phone',
      'source',
      'websiteForm',
      'firstTouch',
      'intentGrade',
      'region',
      'owner',
    ]);
    // Form-only settings (the condition of websiteForm) move with the field.
    expect(form(next).sections![0]!.fields).toContainEqual(
      expect.objectContaining({ field: 'websiteForm', visibleWhen: expect.anything() }),
    );
    expect(compileApp({ files: next }).diagnostics.filter((d) => d.severity === 'error')).toEqual(
      [],
    );
  });

  it('given the first group, when it is deleted, then its fields go to the top of the next group', () => {
    const next = produce(files, deleteSectionRecipe(FORM, 0));
    expect(formGroups(form(next))[0]!.fields.slice(0, 4)).toEqual([
      'name',
      'company',
      'phone',
      'source',
    ]);
  });

  it('given the only group, when it is deleted, then the form is a plain list of its fields', () => {
    const one = produce(plain, addSectionRecipe(FORM, NEW));
    const withoutNew = produce(one, deleteSectionRecipe(FORM, 1));
    const none = produce(withoutNew, deleteSectionRecipe(FORM, 0));
    expect(form(none).sections).toBeUndefined();
    expect(form(none).fields).toEqual(['name', 'source']);
  });
});

describe('form settings', () => {
  it('given a new form, when its title is set, then the form has the label', () => {
    const next = produce(
      plain,
      updateFormRecipe(FORM, (f) => void (f.label = { 'zh-CN': '新建线索', en: 'New lead' })),
    );
    expect(form(next).label).toEqual({ 'zh-CN': '新建线索', en: 'New lead' });
  });
});
