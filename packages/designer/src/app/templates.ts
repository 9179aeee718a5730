/**
 * The starting content of a new definition file of each kind: the smallest definition the
 * schema accepts, so a new file shows no schema errors and the admin fills it in visually.
 */
import { schemaIdOf, type DefinitionKind } from '@ruleloom/schemas';
import type { FormMode } from './newFile.js';

/** What a template may read about the app (the chosen or first entity, its first field). */
export interface TemplateContext {
  /** The display name the admin gave (default: the id in both languages). */
  readonly label?: unknown;
  /** What a new form is used for (default: the schema's default, `edit`). */
  readonly mode?: FormMode;
  readonly entity?: string;
  readonly field?: string;
  /** The entity's fields a record cannot be saved without (required, no default, not computed). */
  readonly requiredFields?: readonly string[];
  /** An entity with an enum stage field, and that field's option ids (for pipelines). */
  readonly stages?: { readonly entity: string; readonly field: string; readonly ids: string[] };
  /** The first form of the app (for tests). */
  readonly form?: string;
}

/**
 * A new definition of `kind` with the given id.
 *
 * @example
 * newDefinition('form', 'lead-create', { label: { 'zh-CN': '新建线索' }, mode: 'create', entity: 'lead', field: 'name' });
 * // { $schema: '…/form.schema.json', id: 'lead-create', label: { 'zh-CN': '新建线索' }, entity: 'lead', mode: 'create', fields: ['name'] }
 */
export function newDefinition(
  kind: DefinitionKind,
  id: string,
  context: TemplateContext = {},
): Record<string, unknown> {
  const entity = context.entity ?? 'lead';
  const field = context.field ?? 'name';
  const head = { $schema: schemaIdOf(kind), id, label: context.label ?? { 'zh-CN': id, en: id } };
  switch (kind) {
    case 'entity':
      return {
        ...head,
        fields: [{ id: 'name', label: { 'zh-CN': '名称', en: 'Name' }, type: 'text' }],
      };
    case 'form':
      // A create form starts with every field a record needs, so it can be saved (RL5135).
      return {
        ...head,
        entity,
        ...(context.mode ? { mode: context.mode } : {}),
        fields:
          context.mode === 'create'
            ? [field, ...(context.requiredFields ?? []).filter((id) => id !== field)]
            : [field],
      };
    case 'pipeline': {
      const stages = context.stages ?? { entity, field: 'stage', ids: ['new', 'done'] };
      return {
        ...head,
        entity: stages.entity,
        stageField: stages.field,
        initialStage: stages.ids[0],
        stages: stages.ids.map((stageId, index) => ({
          id: stageId,
          ...(index === stages.ids.length - 1 ? { final: true } : {}),
        })),
      };
    }
    case 'automation':
      return {
        ...head,
        entity,
        trigger: { type: 'record.created' },
        actions: [{ type: 'addTag', tag: id }],
      };
    case 'routing':
      return {
        ...head,
        entity,
        rules: [{ id: 'all', when: true, pool: { users: ['someone'] } }],
        fallback: { queue: 'unassigned' },
      };
    case 'table':
      return {
        ...head,
        hitPolicy: 'first',
        inputs: [{ id: 'amount', label: { 'zh-CN': '金额', en: 'Amount' }, type: 'number' }],
        outputs: [{ id: 'result', label: { 'zh-CN': '结果', en: 'Result' }, type: 'number' }],
        rows: [{ id: 'row-1', when: { amount: { '>=': 0 } }, then: { result: 1 } }],
      };
    case 'formula':
      return {
        ...head,
        inputs: [{ id: 'amount', label: { 'zh-CN': '金额', en: 'Amount' }, type: 'number' }],
        output: { type: 'number' },
        text: 'amount * 1',
      };
    case 'timer':
      return {
        ...head,
        kind: 'relative',
        entity,
        start: [{ type: 'record.created' }],
        after: '48h',
        actions: [{ type: 'mark', color: 'red' }],
      };
    case 'test':
      return {
        ...head,
        given: { now: '2026-03-02T09:00:00+08:00' },
        expect: [{ type: 'form', form: context.form ?? 'form', data: {}, valid: false }],
      };
    case 'app':
      return { ...head, version: '1.0.0', files: {} };
  }
}
