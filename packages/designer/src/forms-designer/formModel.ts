/**
 * The form designer's model: reading a form as groups of field ids, and the edits the
 * designer makes to its fields (add one from the palette, move, remove, change, rename) as
 * immer recipes on the app's files (the groups themselves: ./sections). Each recipe changes the entity and the form
 * together, so one drag is one undo step.
 */
import type { Draft } from 'immer';
import type { AppFiles } from '../app/fileOps.js';
import { listedPaths } from '../app/kinds.js';
import type { PaletteItem } from './palette.js';

/** An entity field as the designer edits it (any type). */
export type FieldDef = { id: string; type: string; [property: string]: unknown };

/** A field on a form: its id, or an object with `field` and form-only properties. */
export type FormFieldRef = string | { field: string; [property: string]: unknown };

/** A form definition, loosely typed for editing. */
export interface FormDef {
  id: string;
  entity: string;
  fields?: FormFieldRef[];
  sections?: { id: string; label?: unknown; fields: FormFieldRef[]; [p: string]: unknown }[];
  [property: string]: unknown;
}

/** An entity definition, loosely typed for editing. */
export interface EntityDef {
  id: string;
  fields: FieldDef[];
  [property: string]: unknown;
}

/** One group of the canvas: a section, or the whole form when it has no sections. */
export interface FormGroup {
  /** Section id; `undefined` for a form without sections. */
  readonly sectionId: string | undefined;
  readonly label: unknown;
  readonly fields: readonly string[];
}

/** Where on the form: group index and position in the group. */
export interface FormSlot {
  readonly group: number;
  readonly index: number;
}

/**
 * The field id of a form field entry.
 *
 * @example
 * fieldIdOf({ field: 'phone', required: true }); // 'phone'
 */
export function fieldIdOf(ref: FormFieldRef | unknown): string {
  if (typeof ref === 'string') return ref;
  if (
    typeof ref === 'object' &&
    ref !== null &&
    typeof (ref as { field?: unknown }).field === 'string'
  )
    return (ref as { field: string }).field;
  return '';
}

/**
 * The groups of a form, in order.
 *
 * @example
 * formGroups(leadCreate).map((g) => g.sectionId); // ['contact', 'classification']
 */
export function formGroups(form: FormDef): FormGroup[] {
  if (Array.isArray(form.sections)) {
    return form.sections.map((section) => ({
      sectionId: section.id,
      label: section.label,
      fields: (Array.isArray(section.fields) ? section.fields : []).map(fieldIdOf),
    }));
  }
  return [{ sectionId: undefined, label: undefined, fields: (form.fields ?? []).map(fieldIdOf) }];
}

/**
 * The path of the entity file whose definition has `entityId`.
 *
 * @example
 * entityPathOf(files, 'lead'); // 'entities/lead.json'
 */
export function entityPathOf(files: Readonly<AppFiles>, entityId: string): string | undefined {
  return listedPaths(files, 'entities').find(
    (path) => (files[path] as { id?: unknown } | undefined)?.id === entityId,
  );
}

/**
 * A field id made from a label: camelCase of latin words, other letters (汉字) kept;
 * always a valid id (starts with a letter or `_`).
 *
 * @example
 * fieldIdFromLabel('Budget range'); // 'budgetRange'
 * fieldIdFromLabel('预算 范围'); // '预算范围'
 */
export function fieldIdFromLabel(label: string): string {
  const words = label.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const id = words
    .map((word, i) =>
      /^[a-z0-9]+$/i.test(word)
        ? i === 0
          ? word.toLowerCase()
          : word[0]!.toUpperCase() + word.slice(1).toLowerCase()
        : word,
    )
    .join('');
  if (id === '') return 'field';
  return /^[\p{L}_]/u.test(id) ? id.slice(0, 64) : `f${id}`.slice(0, 64);
}

/**
 * The id a new field or option gets from its labels: from the English label, or from the
 * Chinese one while there is no English label (ids may hold 汉字).
 *
 * @example
 * idFromLabels({ 'zh-CN': '来源渠道', en: '' }); // '来源渠道'
 * idFromLabels({ 'zh-CN': '来源渠道', en: 'Source' }); // 'source'
 */
export function idFromLabels(labels: { readonly 'zh-CN': string; readonly en: string }): string {
  return fieldIdFromLabel(labels.en.trim() !== '' ? labels.en : labels['zh-CN']);
}

/**
 * True while `id` is still the one made from `labels` (possibly numbered to be unique):
 * the admin has not set it by hand, so it may follow the labels.
 *
 * @example
 * idFollowsLabels('dropdown2', { 'zh-CN': '下拉', en: 'Dropdown' }); // true
 * idFollowsLabels('source', { 'zh-CN': '下拉', en: 'Dropdown' }); // false
 */
export function idFollowsLabels(
  id: string,
  labels: { readonly 'zh-CN': string; readonly en: string },
): boolean {
  const base = idFromLabels(labels);
  return id === base || (id.startsWith(base) && /^\d+$/.test(id.slice(base.length)));
}

/**
 * `base`, or `base2`, `base3`… — the first not in `taken`.
 *
 * @example
 * uniqueId('choice', ['choice']); // 'choice2'
 */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

function groupList(form: Draft<FormDef>, group: number): Draft<FormFieldRef>[] | undefined {
  if (Array.isArray(form.sections)) return form.sections[group]?.fields;
  if (group !== 0) return undefined;
  form.fields ??= [];
  return form.fields;
}

function entityOf(draft: Draft<AppFiles>, form: Draft<FormDef>): Draft<EntityDef> | undefined {
  const path = entityPathOf(draft as AppFiles, form.entity);
  return path ? (draft[path] as Draft<EntityDef>) : undefined;
}

/**
 * The new entity field a palette entry makes: labels from the palette's name (numbered
 * when the name is taken), the id made from the English label, unique in the entity.
 *
 * @example
 * newPaletteField(paletteItem('dropdown')!, { 'zh-CN': '下拉', en: 'Dropdown' }, ['dropdown']);
 * // { id: 'dropdown2', label: { 'zh-CN': '下拉2', en: 'Dropdown 2' }, type: 'enum', … }
 */
export function newPaletteField(
  item: PaletteItem,
  label: { 'zh-CN': string; en: string },
  takenIds: readonly string[],
): FieldDef {
  const base = fieldIdFromLabel(label.en);
  const id = uniqueId(base, takenIds);
  const n = id.slice(base.length);
  return {
    id,
    label: { 'zh-CN': `${label['zh-CN']}${n}`, en: `${label.en}${n ? ` ${n}` : ''}` },
    ...structuredClone(item.field),
    type: String(item.field['type']),
  };
}

/**
 * The recipe that adds a new entity field (see {@link newPaletteField}) and places it on
 * the form at `slot`: one edit, one undo step.
 *
 * @example
 * store.edit(addNewFieldRecipe('forms/lead-create.json', field, { group: 1, index: 0 }));
 */
export function addNewFieldRecipe(
  formPath: string,
  field: FieldDef,
  slot: FormSlot,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    if (!form) return;
    const entity = entityOf(draft, form);
    if (!entity || !Array.isArray(entity.fields)) return;
    if (entity.fields.some((f) => f.id === field.id)) return;
    entity.fields.push(structuredClone(field));
    const list = groupList(form, slot.group);
    if (!list) return;
    list.splice(Math.max(0, Math.min(slot.index, list.length)), 0, field.id);
  };
}

/**
 * The recipe that moves a field on the form (within or across groups).
 *
 * @example
 * store.edit(moveFieldRecipe('forms/a.json', { group: 0, index: 2 }, { group: 1, index: 0 }));
 */
export function moveFieldRecipe(
  formPath: string,
  from: FormSlot,
  to: FormSlot,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    if (!form) return;
    const source = groupList(form, from.group);
    const target = groupList(form, to.group);
    if (!source || !target || from.index >= source.length) return;
    const [entry] = source.splice(from.index, 1);
    if (entry === undefined) return;
    target.splice(Math.max(0, Math.min(to.index, target.length)), 0, entry);
  };
}

/**
 * The recipe that places an existing entity field on the form.
 *
 * @example
 * store.edit(placeFieldRecipe('forms/a.json', 'budget', { group: 0, index: 3 }));
 */
export function placeFieldRecipe(
  formPath: string,
  fieldId: string,
  slot: FormSlot,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    if (!form || formGroups(form as FormDef).some((g) => g.fields.includes(fieldId))) return;
    const list = groupList(form, slot.group);
    list?.splice(Math.max(0, Math.min(slot.index, list.length)), 0, fieldId);
  };
}

/**
 * The recipe that takes a field off the form (the entity keeps it).
 *
 * @example
 * store.edit(removeFieldRecipe('forms/a.json', 'budget'));
 */
export function removeFieldRecipe(
  formPath: string,
  fieldId: string,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    if (!form) return;
    const lists = Array.isArray(form.sections)
      ? form.sections.map((s) => s.fields)
      : [form.fields ?? []];
    for (const list of lists) {
      const index = list.findIndex((ref) => fieldIdOf(ref) === fieldId);
      if (index >= 0) list.splice(index, 1);
    }
  };
}

/**
 * The recipe that changes an entity field (the entity of the form), e.g. its label.
 *
 * @example
 * store.edit(updateEntityFieldRecipe('entities/lead.json', 'source', (f) => { f.required = true; }));
 */
export function updateEntityFieldRecipe(
  entityPath: string,
  fieldId: string,
  change: (field: Draft<FieldDef>) => void,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const entity = draft[entityPath] as Draft<EntityDef> | undefined;
    const field = entity?.fields?.find((f) => f.id === fieldId);
    if (field) change(field);
  };
}

/**
 * The recipe that changes the form's own entry for a field (required on this form, show
 * when, …): a plain id becomes an object when it gets a property, and back when it has none.
 *
 * @example
 * store.edit(updateFormFieldRecipe('forms/a.json', 'region', (entry) => { entry.visibleWhen = cond; }));
 */
export function updateFormFieldRecipe(
  formPath: string,
  fieldId: string,
  change: (entry: Draft<{ field: string; [p: string]: unknown }>) => void,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const form = draft[formPath] as Draft<FormDef> | undefined;
    if (!form) return;
    const lists = Array.isArray(form.sections)
      ? form.sections.map((s) => s.fields)
      : [form.fields ?? []];
    for (const list of lists) {
      const index = list.findIndex((ref) => fieldIdOf(ref) === fieldId);
      if (index < 0) continue;
      const current = list[index];
      const entry: { field: string; [p: string]: unknown } =
        typeof current === 'string' ? { field: current } : (current as { field: string });
      change(entry);
      for (const [key, value] of Object.entries(entry)) {
        if (value === undefined) delete entry[key];
      }
      list[index] = Object.keys(entry).length === 1 ? entry.field : entry;
    }
  };
}

/**
 * The recipe that renames a field id in the entity and in every form of that entity.
 * Refuses (does nothing) when the new id is taken or empty.
 *
 * @example
 * store.edit(renameFieldRecipe('entities/lead.json', 'choice', 'budgetRange'));
 */
export function renameFieldRecipe(
  entityPath: string,
  from: string,
  to: string,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const entity = draft[entityPath] as Draft<EntityDef> | undefined;
    if (!entity || to === '' || from === to) return;
    if (entity.fields.some((f) => f.id === to)) return;
    const field = entity.fields.find((f) => f.id === from);
    if (!field) return;
    field.id = to;
    if (entity.titleField === from) entity.titleField = to;
    for (const path of listedPaths(draft as AppFiles, 'forms')) {
      const form = draft[path] as Draft<FormDef> | undefined;
      if (!form || form.entity !== entity.id) continue;
      const lists = Array.isArray(form.sections)
        ? form.sections.map((s) => s.fields)
        : [form.fields ?? []];
      for (const list of lists) {
        list.forEach((ref, index) => {
          if (ref === from) list[index] = to;
          else if (typeof ref === 'object' && ref.field === from) ref.field = to;
        });
      }
    }
  };
}
