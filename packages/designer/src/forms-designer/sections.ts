/**
 * The groups (分组) of a form — the form schema's `sections` — and the edits the designer
 * makes to them as immer recipes: add, rename, reorder and delete. A form without sections
 * is one untitled group on the canvas; adding a group gives it sections.
 *
 * Deleting a group never deletes fields: they move to the group above (the first group's
 * fields move to the group below), and deleting the only group turns the form back into
 * a plain list of fields. The canvas says where the fields go before it deletes.
 */
import type { Draft } from 'immer';
import type { AppFiles } from '../app/fileOps.js';
import { uniqueId, type FormDef } from './formModel.js';

/** A text in both languages, as the designer writes labels. */
export interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A section (group) of a form, loosely typed for editing. */
export type SectionDef = NonNullable<FormDef['sections']>[number];

/**
 * The id the next group added to `form` gets: `group`, `group2`, … (a form without
 * sections first gets the group `main` for its fields).
 *
 * @example
 * nextSectionId({ id: 'a', entity: 'lead', fields: ['name'] }); // 'group'
 */
export function nextSectionId(form: FormDef): string {
  const taken = Array.isArray(form.sections) ? form.sections.map((s) => s.id) : ['main'];
  return uniqueId('group', taken);
}

/**
 * The recipe that adds an empty group at the end of the form. A form without sections
 * first gets its fields moved into a group labelled `firstLabel`. The new group's label
 * is `label`, numbered when the id `group` is taken (新分组, 新分组2, …).
 *
 * @example
 * store.edit(addSectionRecipe('forms/a.json', { 'zh-CN': '新分组', en: 'New group' }));
 */
export function addSectionRecipe(
  formPath: string,
  label: Bilingual,
  firstLabel: Bilingual = { 'zh-CN': '基本信息', en: 'Basic information' },
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    if (!form) return;
    const id = nextSectionId(form as FormDef);
    if (!Array.isArray(form.sections)) {
      form.sections = [{ id: 'main', label: { ...firstLabel }, fields: form.fields ?? [] }];
      delete form.fields;
    }
    const n = id.slice('group'.length);
    form.sections.push({
      id,
      label: { 'zh-CN': `${label['zh-CN']}${n}`, en: `${label.en}${n ? ` ${n}` : ''}` },
      fields: [],
    });
  };
}

/**
 * The recipe that changes one group (its label, description, columns…).
 *
 * @example
 * store.edit(updateSectionRecipe('forms/a.json', 1, (s) => void (s.label = '线索分类')));
 */
export function updateSectionRecipe(
  formPath: string,
  index: number,
  change: (section: Draft<SectionDef>) => void,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const section = (draft[formPath] as Draft<FormDef> | undefined)?.sections?.[index];
    if (section) change(section);
  };
}

/**
 * The recipe that moves a group to another place in the form (its fields go with it).
 *
 * @example
 * store.edit(moveSectionRecipe('forms/a.json', 1, 0)); // the second group first
 */
export function moveSectionRecipe(
  formPath: string,
  from: number,
  to: number,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const sections = (draft[formPath] as Draft<FormDef> | undefined)?.sections;
    if (!sections || from === to || from < 0 || to < 0) return;
    if (from >= sections.length || to >= sections.length) return;
    const [moved] = sections.splice(from, 1);
    if (moved) sections.splice(to, 0, moved);
  };
}

/**
 * Where the fields of a deleted group go: the index of the group above, of the group
 * below for the first group, or `undefined` when it is the only group (the form becomes
 * a plain list of fields).
 *
 * @example
 * heirOfSection(3, 0); // 1
 * heirOfSection(3, 2); // 1
 * heirOfSection(1, 0); // undefined
 */
export function heirOfSection(count: number, index: number): number | undefined {
  if (count <= 1) return undefined;
  return index === 0 ? 1 : index - 1;
}

/**
 * The recipe that deletes a group and keeps its fields on the form (see
 * {@link heirOfSection} for where they go). Undo brings the group back.
 *
 * @example
 * store.edit(deleteSectionRecipe('forms/a.json', 1)); // its fields join group 0 at the end
 */
export function deleteSectionRecipe(
  formPath: string,
  index: number,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    const sections = form?.sections;
    if (!form || !sections || index < 0 || index >= sections.length) return;
    const [removed] = sections.splice(index, 1);
    const fields = removed?.fields ?? [];
    const heir = heirOfSection(sections.length + 1, index);
    if (heir === undefined) {
      delete form.sections;
      form.fields = fields;
      return;
    }
    // The heir's index after the splice: the group above keeps its index, the one below
    // moved up into the deleted group's place.
    const target = sections[index === 0 ? 0 : heir];
    if (!target) return;
    if (index === 0) target.fields.unshift(...fields);
    else target.fields.push(...fields);
  };
}

/**
 * The recipe that changes the form's own settings (title, submit button text, mode…).
 *
 * @example
 * store.edit(updateFormRecipe('forms/a.json', (f) => void (f.label = { 'zh-CN': '新建线索', en: 'New lead' })));
 */
export function updateFormRecipe(
  formPath: string,
  change: (form: Draft<FormDef>) => void,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    if (form) change(form);
  };
}
