/**
 * Message templates with `{{fieldId}}` placeholders (S2: `{{name}}（{{company}}）下载了白皮书`):
 * checked against the entity when the automation compiles, filled from the record in both
 * languages when it fires.
 */
import type { LocalizedText as DefinitionText } from '@ruleloom/schemas';
import type { RecordState } from '../app/types.js';
import { appendPointer } from '../diagnostics/diagnostic.js';
import type { Locale, LocalizedText } from '../diagnostics/types.js';
import { FORBIDDEN_SEGMENTS, readProperty } from '../expr/values.js';
import type { AutomationCompileEnv } from './compileEnv.js';
import { displayValue, recordLabel, textIn, type DisplayEnv } from './displayValue.js';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Placeholders about the record rather than one of its fields. */
const RECORD_PLACEHOLDERS: ReadonlySet<string> = new Set(['record.label', 'record.id']);

/**
 * The placeholder names of a template text, in order (`{{ name }}` → `name`).
 *
 * @example
 * placeholdersOf('{{name}}（{{company}}）'); // ['name', 'company']
 */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * A definition's display text in both languages: a single string serves both, a missing
 * language borrows the other's text.
 *
 * @example
 * bothLanguages('新的白皮书线索'); // { 'zh-CN': '新的白皮书线索', en: '新的白皮书线索' }
 */
export function bothLanguages(text: DefinitionText | undefined): LocalizedText {
  return { 'zh-CN': textIn(text, 'zh-CN'), en: textIn(text, 'en') };
}

/**
 * The texts of a template with the pointer of each: one for a plain string, one per
 * language given.
 *
 * @example
 * templateTexts({ 'zh-CN': '你好', en: 'Hi' }, '/actions/0/template');
 * // [['/actions/0/template/zh-CN', '你好'], ['/actions/0/template/en', 'Hi']]
 */
export function templateTexts(
  text: DefinitionText | undefined,
  pointer: string,
): [pointer: string, text: string][] {
  if (text === undefined) return [];
  return typeof text === 'string'
    ? [[pointer, text]]
    : Object.entries(text)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .map(([locale, value]) => [appendPointer(pointer, locale), value]);
}

/**
 * Reports every placeholder of a template that names no field of the entity (RL5310).
 * `{{record.label}}` and `{{record.id}}` are always known, and so are the names in `extra`
 * (a digest line's `{{rank}}` and `{{position}}`).
 *
 * @example
 * checkTemplate('{{nmae}} 已进入报价', '/actions/2/template', env); // RL5310 for "nmae"
 */
export function checkTemplate(
  text: DefinitionText | undefined,
  pointer: string,
  env: AutomationCompileEnv,
  extra: ReadonlySet<string> = new Set(),
): void {
  for (const [at, value] of templateTexts(text, pointer)) {
    for (const name of placeholdersOf(value)) {
      if (RECORD_PLACEHOLDERS.has(name) || extra.has(name)) continue;
      const first = name.split('.')[0] ?? '';
      const known =
        env.entity !== undefined &&
        !name.split('.').some((segment) => FORBIDDEN_SEGMENTS.has(segment)) &&
        (env.entity.fields.has(name) || env.entity.fields.has(first));
      if (!known) {
        env.report('RL5310', at, { placeholder: name, entity: env.entityId || '-' });
      }
    }
  }
}

/**
 * The text of one placeholder of a record's template: a field's value as a person reads it,
 * the record's title or id; '' for an empty value.
 *
 * @example
 * placeholderText('stage', record, 'zh-CN', env); // '报价'
 */
export function placeholderText(
  name: string,
  record: RecordState,
  locale: Locale,
  env: DisplayEnv,
): string {
  if (name === 'record.label') return recordLabel(record, locale, env);
  if (name === 'record.id') return record.id;
  const whole = env.entity?.fields.get(name);
  if (whole || Object.hasOwn(record.values, name)) {
    return displayValue(record.values[name], whole, locale, env);
  }
  // A dotted path into nested data (`customer.name`): read own properties only.
  let value: unknown = record.values;
  for (const segment of name.split('.')) value = readProperty(value, segment);
  return displayValue(value, undefined, locale, env);
}

/**
 * Fills a template from the record, in both languages (each with its own option labels).
 *
 * @example
 * renderTemplate('{{name}} 下载了白皮书', record, env);
 * // { 'zh-CN': '王磊 下载了白皮书', en: '王磊 下载了白皮书' }
 */
export function renderTemplate(
  text: DefinitionText,
  record: RecordState,
  env: DisplayEnv,
): LocalizedText {
  return fillTemplateText(text, (name, locale) => placeholderText(name, record, locale, env));
}

/**
 * Fills a template in both languages with the text `fill` gives for each placeholder.
 *
 * @example
 * fillTemplateText('共 {{count}} 项', () => '3'); // { 'zh-CN': '共 3 项', en: '共 3 项' }
 */
export function fillTemplateText(
  text: DefinitionText,
  fill: (name: string, locale: Locale) => string,
): LocalizedText {
  const filled = (locale: Locale): string =>
    textIn(text, locale).replace(PLACEHOLDER, (_whole, name: string) => fill(name, locale));
  const [zh, en] = LOCALES.map(filled) as [string, string];
  return { 'zh-CN': zh, en };
}
