/**
 * A digest's message in both languages: one line per record from `itemTemplate` (an empty
 * value shows as —), then the whole message from `template` with the lines, the counts and
 * the group's user.
 */
import type { LocalizedText as DefinitionText } from '@ruleloom/schemas';
import type { Locale, LocalizedText } from '../../diagnostics/types.js';
import { displayValue, type DisplayEnv } from '../displayValue.js';
import { fillTemplateText, placeholderText } from '../templates.js';
import type { DigestGroup } from './select.js';
import type { DigestAction } from './types.js';

const UNASSIGNED: LocalizedText = { 'zh-CN': '未分配', en: 'Unassigned' };
const EMPTY = '—';

/**
 * A rank as a person reads it: float noise removed, the value otherwise as computed; the
 * effect's `items` keep the exact number.
 *
 * @example
 * rankText(0.1 + 0.2); // '0.3'
 */
export function rankText(rank: number | undefined): string {
  return rank === undefined ? '' : String(Number(rank.toPrecision(12)));
}

/** The name of the group's user as the directory gives it, in a language. */
function userText(
  group: DigestGroup,
  action: DigestAction,
  locale: Locale,
  env: DisplayEnv,
): string {
  if (group.user === undefined) return '';
  if (group.user === null) return UNASSIGNED[locale];
  const field = action.groupBy === undefined ? undefined : env.entity?.fields.get(action.groupBy);
  return (
    displayValue(group.user, field?.type === 'user' ? field : undefined, locale, env) || group.user
  );
}

/** What a message and its title say. */
export interface DigestMessage {
  readonly title?: LocalizedText;
  readonly message: LocalizedText;
}

/**
 * The title and message of one group's digest, listing `listed` (the group after `limit`)
 * out of the group's `total` records.
 *
 * @example
 * renderDigest(action, group, listed, env).message['zh-CN'];
 * // '张伟，今天优先跟进这 3 个商机：\n1. 华东精密二期（0.9）\n…'
 */
export function renderDigest(
  action: DigestAction,
  group: DigestGroup,
  listed: DigestGroup['records'],
  env: DisplayEnv,
): DigestMessage {
  const lines = listed.map((item, i) =>
    fillTemplateText(action.itemTemplate, (name, locale) => {
      if (name === 'position') return String(i + 1);
      if (name === 'rank') return rankText(item.rank);
      // A list reads like a table: an empty cell shows a dash rather than nothing.
      return placeholderText(name, item.record, locale, env) || EMPTY;
    }),
  );
  const fill = (text: DefinitionText): LocalizedText =>
    fillTemplateText(text, (name, locale) => {
      switch (name) {
        case 'items':
          return lines.map((line) => line[locale]).join('\n');
        case 'count':
          return String(listed.length);
        case 'total':
          return String(group.records.length);
        case 'user':
          return userText(group, action, locale, env);
        default:
          // The compiler allows no other placeholder; a file that skipped it shows nothing.
          return '';
      }
    });
  return {
    ...(action.title === undefined ? {} : { title: fill(action.title) }),
    message: fill(action.template),
  };
}
