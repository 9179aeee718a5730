/**
 * Labels in two languages as the form designer edits them: every label has a Chinese and
 * an English input, and is written back as the smallest localized text the schema accepts
 * (one string when there is only Chinese, `{ zh-CN, en }` otherwise).
 */
import type { Bilingual } from './sections.js';

/**
 * The Chinese and English texts of a localized text (a lone string is Chinese).
 *
 * @example
 * bilingualOf({ 'zh-CN': '线索', en: 'Lead' }); // { 'zh-CN': '线索', en: 'Lead' }
 * bilingualOf('线索'); // { 'zh-CN': '线索', en: '' }
 */
export function bilingualOf(value: unknown): Bilingual {
  if (typeof value === 'string') return { 'zh-CN': value, en: '' };
  const texts = (value ?? {}) as Record<string, unknown>;
  return {
    'zh-CN': typeof texts['zh-CN'] === 'string' ? texts['zh-CN'] : '',
    en: typeof texts['en'] === 'string' ? texts['en'] : '',
  };
}

/**
 * The localized text to write for two texts; `undefined` when both are empty (the
 * property is then removed).
 *
 * @example
 * localizedOf('线索', ''); // '线索'
 * localizedOf('线索', 'Lead'); // { 'zh-CN': '线索', en: 'Lead' }
 * localizedOf('', ''); // undefined
 */
export function localizedOf(zh: string, en: string): unknown {
  if (zh === '' && en === '') return undefined;
  if (en === '') return zh;
  if (zh === '') return { en };
  return { 'zh-CN': zh, en };
}
