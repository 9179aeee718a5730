import type { DiagnosticParams, Locale, LocalizedText } from './types.js';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Fills `{name}` placeholders of a template with `params` in `locale`; unknown placeholders
 * stay as they are.
 *
 * @example
 * fillTemplate('unknown field "{field}"', { field: 'budget' }) // 'unknown field "budget"'
 */
export function fillTemplate(
  template: string,
  params: DiagnosticParams,
  locale: Locale = 'en',
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    return typeof value === 'object' && value !== null ? value[locale] : String(value);
  });
}

/** Fills both locales of a localized template. */
export function fillLocalized(text: LocalizedText, params: DiagnosticParams): LocalizedText {
  return {
    'zh-CN': fillTemplate(text['zh-CN'], params, 'zh-CN'),
    en: fillTemplate(text.en, params, 'en'),
  };
}
