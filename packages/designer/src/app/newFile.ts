/**
 * What the new-file dialog asks for and suggests: the display name comes first, the id is
 * derived from it (editable), and the kinds built on an entity name one of the app's
 * entities.
 */
import { manifestOf, type KindInfo } from './kinds.js';

/** What a form is used for (form.schema.json `mode`). */
export type FormMode = 'create' | 'edit' | 'view';

/** The admin's answers in the new-file dialog. */
export interface NewFileChoice {
  /** The display name (title of a form, name of an entity, …), as typed. */
  readonly name?: string;
  /** The language the name is in (the UI language; default zh-CN). */
  readonly nameLocale?: 'zh-CN' | 'en';
  /** The entity the new definition is built on (forms, pipelines, automations, …). */
  readonly entity?: string;
  /** What a new form is used for. */
  readonly mode?: FormMode;
}

/** An entity of the app, as the dialog offers it. */
export interface EntityChoice {
  readonly id: string;
  /** The entity's label (localized text), shown instead of its id. */
  readonly label: unknown;
}

const NEEDS_ENTITY = new Set(['form', 'pipeline', 'automation', 'routing', 'timer']);

/**
 * True when a new definition of this kind is built on an entity.
 *
 * @example
 * needsEntity(KINDS[1]); // true (forms)
 */
export function needsEntity(info: KindInfo): boolean {
  return NEEDS_ENTITY.has(info.kind);
}

/**
 * The entities app.json lists, with their labels, in order.
 *
 * @example
 * entityChoices(files); // [{ id: 'lead', label: { 'zh-CN': '线索', en: 'Lead' } }, …]
 */
export function entityChoices(files: Readonly<Record<string, unknown>>): EntityChoice[] {
  return (manifestOf(files)?.files?.entities ?? []).flatMap((path) => {
    const entity = files[path] as { id?: unknown; label?: unknown } | undefined;
    return typeof entity?.id === 'string' ? [{ id: entity.id, label: entity.label }] : [];
  });
}

/**
 * What a form named `name` is most likely for: 新建… makes records, 编辑/修改… changes
 * them, 查看/详情… only shows them; anything else makes records (a new app's first form).
 *
 * @example
 * modeFromName('新建线索'); // 'create'
 * modeFromName('编辑商机'); // 'edit'
 */
export function modeFromName(name: string): FormMode {
  if (/编辑|修改|更新|\bedit\b|\bupdate\b/i.test(name)) return 'edit';
  if (/查看|详情|只读|\bview\b|\bdetails?\b/i.test(name)) return 'view';
  return 'create';
}

/** The words of the ASCII letters and digits in a name, lower-cased, joined by `-`. */
function slugOf(name: string): string {
  return (name.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-').replace(/^[0-9-]+/, '');
}

/**
 * The id suggested for a new file: from the English words of its name (`New lead` →
 * `new-lead`); else from its entity and purpose (`lead-create`, `lead-pipeline`); else
 * the kind and a number (`table-1`). Never one already used in `taken`.
 *
 * @example
 * suggestId(KINDS[1], { name: '新建线索', entity: 'lead', mode: 'create' }, new Set()); // 'lead-create'
 * suggestId(KINDS[5], { name: '折扣' }, new Set(['table-1'])); // 'table-2'
 */
export function suggestId(
  info: KindInfo,
  choice: NewFileChoice,
  taken: ReadonlySet<string>,
): string {
  const fromName = slugOf(choice.name ?? '');
  const fromEntity =
    needsEntity(info) && choice.entity
      ? `${choice.entity}-${info.kind === 'form' ? (choice.mode ?? 'create') : info.kind}`
      : '';
  const base = fromName || fromEntity;
  if (base && !taken.has(base)) return base;
  const stem = base || info.kind;
  for (let n = base ? 2 : 1; ; n++) {
    if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
  }
}
