import type { LocalizedText } from '../diagnostics/types.js';

/**
 * Display text of a definition (one string for every language, or one per language, either
 * possibly missing) in both languages: a missing language falls back to the other one,
 * and a missing text to `fallback` (usually the id, which is never blank).
 *
 * @example
 * localizedLabel({ 'zh-CN': '来源渠道' }, 'source'); // { 'zh-CN': '来源渠道', en: '来源渠道' }
 * localizedLabel(undefined, 'source'); // { 'zh-CN': 'source', en: 'source' }
 */
export function localizedLabel(text: unknown, fallback: string): LocalizedText {
  if (typeof text === 'string' && text !== '') return { 'zh-CN': text, en: text };
  if (typeof text !== 'object' || text === null) return { 'zh-CN': fallback, en: fallback };
  const parts = text as Record<string, unknown>;
  const zh = typeof parts['zh-CN'] === 'string' && parts['zh-CN'] !== '' ? parts['zh-CN'] : '';
  const en = typeof parts['en'] === 'string' && parts['en'] !== '' ? parts['en'] : '';
  return { 'zh-CN': zh || en || fallback, en: en || zh || fallback };
}

/** How many items a listed text names before it ends in an ellipsis. */
const LISTED = 12;

/**
 * Several texts as one list in each language (`抖音留资、展会扫码` / `抖音留资, 展会扫码`),
 * cut after twelve.
 *
 * @example
 * listOf([{ 'zh-CN': '电话', en: 'Phone' }, { 'zh-CN': '企微', en: 'WeCom' }]);
 * // { 'zh-CN': '电话、企微', en: 'Phone, WeCom' }
 */
export function listOf(texts: readonly LocalizedText[]): LocalizedText {
  const shown = texts.slice(0, LISTED);
  const more = texts.length > LISTED;
  return {
    'zh-CN': shown.map((t) => t['zh-CN']).join('、') + (more ? '…' : ''),
    en: shown.map((t) => t.en).join(', ') + (more ? ', …' : ''),
  };
}

/** The same text in both languages (ids, numbers, values a person typed). */
export function sameInBoth(text: string): LocalizedText {
  return { 'zh-CN': text, en: text };
}
