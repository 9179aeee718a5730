import type { DiagnosticParams, LocalizedText } from './types.js';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Fills `{name}` placeholders of a template with `params`; unknown placeholders stay as they are.
 *
 * @example
 * fillTemplate('unknown field "{field}"', { field: 'budget' }) // 'unknown field "budget"'
 */
export function fillTemplate(template: string, params: DiagnosticParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Fills both locales of a localized template. */
export function fillLocalized(text: LocalizedText, params: DiagnosticParams): LocalizedText {
  return { 'zh-CN': fillTemplate(text['zh-CN'], params), en: fillTemplate(text.en, params) };
}
