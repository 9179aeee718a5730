import type { Action } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import type { AutomationCompileEnv } from '../compileEnv.js';
import type { CompiledAction } from './types.js';

type TagAction = Extract<Action, { type: 'addTag' | 'removeTag' }>;

const DEFAULT_TAGS_FIELD = 'tags';

function tagList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

/**
 * `addTag` / `removeTag`. Where the tags live: in the named field, which must be a tags
 * field; without a name, in the entity's `tags` field when it declares one (so conditions
 * and `changedFields` can see them), else in the record's own tags. Adding a tag that is
 * there, or removing one that is not, changes nothing (so a cascade settles).
 *
 * @example
 * compileTag({ type: 'addTag', tag: '官网-白皮书下载' }, '/actions/0', env);
 */
export function compileTag(
  action: TagAction,
  pointer: string,
  env: AutomationCompileEnv,
): CompiledAction | undefined {
  const named = typeof action.field === 'string';
  const fieldId = named ? (action.field as string) : DEFAULT_TAGS_FIELD;
  const field = env.entity?.fields.get(fieldId);
  const fieldPointer = appendPointer(pointer, 'field');
  if (named && !field) {
    if (env.entity) env.report('RL5302', fieldPointer, { field: fieldId, entity: env.entityId });
    return undefined;
  }
  if (field && field.type !== 'tags') {
    env.report('RL5312', named ? fieldPointer : pointer, { field: fieldId, type: field.type });
    return undefined;
  }
  const { tag } = action;
  const adding = action.type === 'addTag';
  const change = (tags: readonly string[]): string[] | undefined => {
    if (adding) return tags.includes(tag) ? undefined : [...tags, tag];
    return tags.includes(tag) ? tags.filter((existing) => existing !== tag) : undefined;
  };
  if (!field) {
    return {
      writes: [],
      run(draft) {
        const next = change(draft.tags);
        if (next) draft.tags = next;
      },
    };
  }
  return {
    writes: [fieldId],
    run(draft, run) {
      const next = change(tagList(run.snapshot().values[fieldId]));
      if (next) draft.values[fieldId] = next;
    },
  };
}
