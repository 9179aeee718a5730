/**
 * Adding, renaming and deleting definition files: each changes the file and the list of
 * app.json that names it, as one recipe on the app's files (so it is one undoable edit).
 */
import type { Draft } from 'immer';
import { manifestOf, type AppList, type KindInfo } from './kinds.js';
import type { NewFileChoice } from './newFile.js';
import { newDefinition, type TemplateContext } from './templates.js';

/** The app's files by path, as the store holds them. */
export type AppFiles = Record<string, unknown>;

function listOf(draft: Draft<AppFiles>, list: AppList): string[] {
  const manifest = draft['app.json'] as {
    files?: Record<string, string[]>;
    tests?: string[];
  };
  if (list === 'tests') return (manifest.tests ??= []);
  manifest.files ??= {};
  return (manifest.files[list] ??= []);
}

interface EntityLike {
  id?: string;
  fields?: {
    id?: string;
    type?: string;
    required?: unknown;
    default?: unknown;
    computed?: unknown;
    options?: { id?: string }[];
  }[];
}

/** The entities app.json lists, by path, the chosen one (else the first) first. */
function entitiesOf(files: AppFiles, chosen: string | undefined): [string, EntityLike][] {
  const entities = (manifestOf(files)?.files?.entities ?? []).map((path): [string, EntityLike] => [
    path,
    files[path] as EntityLike,
  ]);
  const index = entities.findIndex(([, entity]) => entity?.id === chosen);
  return index > 0 ? [entities[index]!, ...entities.filter((_, i) => i !== index)] : entities;
}

function templateContext(files: AppFiles, chosen: string | undefined): TemplateContext {
  const entities = entitiesOf(files, chosen).map(([, entity]) => entity);
  const first = entities[0];
  const form = manifestOf(files)?.files?.forms?.[0];
  let stages: TemplateContext['stages'];
  // A pipeline follows the stage field of the chosen entity, else of the first that has one.
  for (const entity of chosen ? entities.slice(0, 1) : entities) {
    const field = entity?.fields?.find((f) => f.type === 'enum' && /stage/i.test(f.id ?? ''));
    const ids = (field?.options ?? []).flatMap((o) => (o.id ? [o.id] : []));
    if (entity?.id && field?.id && ids.length > 0) {
      stages = { entity: entity.id, field: field.id, ids };
      break;
    }
  }
  return {
    entity: first?.id,
    field: first?.fields?.[0]?.id,
    requiredFields: (first?.fields ?? []).flatMap((f) =>
      f.id && f.required === true && f.default === undefined && f.computed === undefined
        ? [f.id]
        : [],
    ),
    stages,
    form: form ? (files[form] as { id?: string } | undefined)?.id : undefined,
  };
}

/** The stage field a new pipeline needs, added to its entity when the entity has none. */
function ensureStageField(draft: Draft<AppFiles>, context: TemplateContext): TemplateContext {
  if (context.stages || !context.entity) return context;
  const path = entitiesOf(draft as AppFiles, context.entity)[0]?.[0];
  const entity = path ? (draft[path] as Draft<EntityLike>) : undefined;
  if (!entity?.fields) return context;
  entity.fields.push({
    id: 'stage',
    label: { 'zh-CN': '阶段', en: 'Stage' },
    type: 'enum',
    options: [
      { id: 'new', label: { 'zh-CN': '新建', en: 'New' } },
      { id: 'done', label: { 'zh-CN': '完成', en: 'Done' } },
    ],
  } as never);
  return { ...context, stages: { entity: context.entity, field: 'stage', ids: ['new', 'done'] } };
}

/**
 * The recipe that adds a new definition file `<folder>/<id>.json` of a kind and lists it
 * in app.json: titled with the admin's name, on the chosen entity (default: the first).
 *
 * @example
 * store.edit(addFileRecipe(KINDS[1], 'lead-create', { name: '新建线索', entity: 'lead', mode: 'create' }));
 */
export function addFileRecipe(
  info: KindInfo,
  id: string,
  choice: NewFileChoice = {},
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    const path = `${info.folder}/${id}.json`;
    const name = choice.name?.trim();
    let context: TemplateContext = {
      ...templateContext(draft as AppFiles, choice.entity),
      ...(name ? { label: { [choice.nameLocale ?? 'zh-CN']: name } } : {}),
      ...(info.kind === 'form' && choice.mode ? { mode: choice.mode } : {}),
    };
    if (info.kind === 'pipeline') context = ensureStageField(draft, context);
    draft[path] = newDefinition(info.kind, id, context);
    const list = listOf(draft, info.list);
    if (!list.includes(path)) list.push(path);
  };
}

/**
 * The recipe that renames a file (its path) and its entry in app.json, keeping its place.
 *
 * @example
 * store.edit(renameFileRecipe('forms/a.json', 'forms/b.json', 'forms'));
 */
export function renameFileRecipe(
  from: string,
  to: string,
  list: AppList,
): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    if (from === to || draft[to] !== undefined) return;
    draft[to] = draft[from];
    delete draft[from];
    const entries = listOf(draft, list);
    const index = entries.indexOf(from);
    if (index >= 0) entries[index] = to;
  };
}

/**
 * The recipe that deletes a file and removes it from app.json.
 *
 * @example
 * store.edit(deleteFileRecipe('forms/a.json', 'forms'));
 */
export function deleteFileRecipe(path: string, list: AppList): (draft: Draft<AppFiles>) => void {
  return (draft) => {
    delete draft[path];
    const entries = listOf(draft, list);
    const index = entries.indexOf(path);
    if (index >= 0) entries.splice(index, 1);
  };
}

/**
 * The paths whose content differs between two versions of the app (added, changed or
 * deleted), cheaply: files immer did not touch keep their identity.
 *
 * @example
 * changedPaths(store.files, store.savedFiles); // ['forms/lead-create.json']
 */
export function changedPaths(files: AppFiles, saved: AppFiles): string[] {
  const paths = new Set([...Object.keys(files), ...Object.keys(saved)]);
  return [...paths].filter((path) => {
    const a = files[path];
    const b = saved[path];
    return a !== b && JSON.stringify(a) !== JSON.stringify(b);
  });
}
