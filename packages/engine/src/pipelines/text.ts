/** Display text as definitions give it, turned into the two-language text messages carry. */
import type { LocalizedText as DefinitionText } from '@ruleloom/schemas';
import type { LocalizedText } from '../diagnostics/types.js';
import type { FieldType } from '../expr/types.js';

/**
 * Both languages of a definition's display text: one string serves both; a missing
 * language falls back to the other, then to `fallback` (usually the id).
 *
 * @example
 * toLocalized('报价', 'quote'); // { 'zh-CN': '报价', en: '报价' }
 * toLocalized({ en: 'Quote' }, 'quote'); // { 'zh-CN': 'Quote', en: 'Quote' }
 */
export function toLocalized(text: DefinitionText | undefined, fallback: string): LocalizedText {
  if (typeof text === 'string') return { 'zh-CN': text, en: text };
  const zh = text?.['zh-CN'];
  const en = text?.en;
  return { 'zh-CN': zh ?? en ?? fallback, en: en ?? zh ?? fallback };
}

/**
 * Joins texts for a message: 、 between Chinese items, a comma between English ones.
 *
 * @example
 * joinLocalized([{ 'zh-CN': '财务', en: 'Finance' }, { 'zh-CN': '法务', en: 'Legal' }]);
 * // { 'zh-CN': '财务、法务', en: 'Finance, Legal' }
 */
export function joinLocalized(items: readonly LocalizedText[]): LocalizedText {
  return {
    'zh-CN': items.map((item) => item['zh-CN']).join('、'),
    en: items.map((item) => item.en).join(', '),
  };
}

const fieldTypeNames: Readonly<Record<FieldType, LocalizedText>> = {
  text: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'number' },
  money: { 'zh-CN': '金额', en: 'money' },
  percent: { 'zh-CN': '百分比', en: 'percent' },
  date: { 'zh-CN': '日期', en: 'date' },
  datetime: { 'zh-CN': '日期时间', en: 'date-time' },
  enum: { 'zh-CN': '单选', en: 'single-choice' },
  'multi-enum': { 'zh-CN': '多选', en: 'multiple-choice' },
  boolean: { 'zh-CN': '是/否', en: 'yes/no' },
  user: { 'zh-CN': '人员', en: 'user' },
  ref: { 'zh-CN': '关联', en: 'reference' },
  attachment: { 'zh-CN': '附件', en: 'attachment' },
  photo: { 'zh-CN': '照片', en: 'photo' },
  geo: { 'zh-CN': '位置', en: 'location' },
  tags: { 'zh-CN': '标签', en: 'tags' },
};

/**
 * A field type's name for a message (`是金额字段` / `is a money field`).
 *
 * @example
 * fieldTypeName('money'); // { 'zh-CN': '金额', en: 'money' }
 */
export function fieldTypeName(type: string): LocalizedText {
  return Object.hasOwn(fieldTypeNames, type)
    ? fieldTypeNames[type as FieldType]
    : { 'zh-CN': type, en: type };
}
