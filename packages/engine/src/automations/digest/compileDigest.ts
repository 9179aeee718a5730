/**
 * Checking a `digest` action against the automation's entity: the filter and the rank
 * type-checked, the group a user field, recipients that can be resolved without a record,
 * and placeholders that mean something in a list.
 */
import { appendPointer } from '../../diagnostics/diagnostic.js';
import type { AutomationCompileEnv } from '../compileEnv.js';
import { checkParty } from '../parties.js';
import { checkTemplate, placeholdersOf, templateTexts } from '../templates.js';
import type { CompiledDigest, DigestAction } from './types.js';

/** Placeholders of a digest's message and title: the list as a whole. */
export const MESSAGE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'items',
  'count',
  'total',
  'user',
]);

/** Placeholders of a digest line besides the record's fields. */
export const ITEM_PLACEHOLDERS: ReadonlySet<string> = new Set(['rank', 'position']);

const KNOWN_MESSAGE = [...MESSAGE_PLACEHOLDERS].map((name) => `{{${name}}}`).join(', ');

/**
 * A message is about many records, so a field placeholder there has no value to show:
 * RL5324 names the placeholders it can use.
 */
function checkMessage(
  text: DigestAction['template'] | undefined,
  pointer: string,
  env: AutomationCompileEnv,
): void {
  for (const [at, value] of templateTexts(text, pointer)) {
    for (const name of placeholdersOf(value)) {
      if (!MESSAGE_PLACEHOLDERS.has(name)) {
        env.report('RL5324', at, { placeholder: name, known: KNOWN_MESSAGE });
      }
    }
  }
}

/**
 * Recipients are resolved once per message, not per record: a `field` or `managerOf` party
 * can only name the group's field, whose value is the group's user (RL5325).
 */
function checkRecipients(action: DigestAction, pointer: string, env: AutomationCompileEnv): void {
  (action.recipients ?? []).forEach((party, i) => {
    const at = appendPointer(appendPointer(pointer, 'recipients'), i);
    checkParty(party, at, env);
    for (const key of ['field', 'managerOf'] as const) {
      const reference = party[key];
      if (typeof reference === 'string' && reference !== action.groupBy) {
        env.report('RL5325', appendPointer(at, key), {
          field: reference,
          groupBy: action.groupBy ?? '-',
        });
      }
    }
  });
}

/**
 * Checks a digest of a scheduled automation and makes it runnable; undefined when it has
 * errors (reported through `env`).
 *
 * @example
 * compileDigest({ type: 'digest', groupBy: 'owner', rank: { var: 'probability' }, limit: 3,
 *   channel: 'wecom', template: '今日TOP{{count}}：\n{{items}}', itemTemplate: '{{position}}. {{title}}' },
 *   '/actions/0', 0, env);
 */
export function compileDigest(
  action: DigestAction,
  pointer: string,
  index: number,
  env: AutomationCompileEnv,
): CompiledDigest | undefined {
  if (action.groupBy === undefined && action.recipients === undefined) {
    env.report('RL5323', pointer);
  }
  if (action.groupBy !== undefined) {
    const at = appendPointer(pointer, 'groupBy');
    const field = env.field(action.groupBy, at);
    if (field && field.type !== 'user') {
      env.report('RL5308', at, { field: action.groupBy, type: field.type });
    }
  }
  checkRecipients(action, pointer, env);
  checkMessage(action.title, appendPointer(pointer, 'title'), env);
  checkMessage(action.template, appendPointer(pointer, 'template'), env);
  checkTemplate(
    action.itemTemplate,
    appendPointer(pointer, 'itemTemplate'),
    env,
    ITEM_PLACEHOLDERS,
  );
  const filter =
    action.filter === undefined
      ? undefined
      : env.expression(action.filter, appendPointer(pointer, 'filter'));
  const rank =
    action.rank === undefined
      ? undefined
      : env.expression(action.rank, appendPointer(pointer, 'rank'));
  // An expression with errors compiles to undefined, which must not read as "no filter":
  // with any error the automation does not compile at all.
  if (env.hasErrors()) return undefined;
  return { index, action, filter, rank };
}
