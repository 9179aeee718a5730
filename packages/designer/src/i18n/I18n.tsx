/**
 * The UI language: zh-CN first, English as the switch. `useI18n().t(key, params)` reads
 * the one strings table (./strings).
 */
import type { Locale } from '@ruleloom/engine';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { strings, type StringKey } from './strings.js';

/** The language and how to read texts in it. */
export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  /** The text of `key`, with `{name}` placeholders filled from `params`. */
  t(key: StringKey, params?: Readonly<Record<string, string | number>>): string;
  /** A localized text of a definition (a string, or { zh-CN, en }) in this language. */
  text(value: unknown, fallback?: string): string;
}

/**
 * Fills a strings-table entry in one language.
 *
 * @example
 * translate('zh-CN', 'saved', { count: 2 }); // '已保存 2 个文件'
 */
export function translate(
  locale: Locale,
  key: StringKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return strings[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A definition's localized text in one language (falls back to the other language).
 *
 * @example
 * localizedText({ 'zh-CN': '线索', en: 'Lead' }, 'en'); // 'Lead'
 */
export function localizedText(value: unknown, locale: Locale, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const texts = value as Partial<Record<Locale, unknown>>;
    const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
    const found = texts[locale] ?? texts[other];
    if (typeof found === 'string' && found !== '') return found;
  }
  return fallback;
}

const I18nContext = createContext<I18n | undefined>(undefined);

const STORAGE_KEY = 'ruleloom.designer.locale';

/**
 * The language the designer opens in: the one chosen last time (localStorage), else zh-CN.
 *
 * @example
 * initialLocale(); // 'zh-CN'
 */
export function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * Provides the UI language (remembered in localStorage).
 *
 * @example
 * <I18nProvider><App /></I18nProvider>
 */
export function I18nProvider(props: {
  readonly children: ReactNode;
  readonly locale?: Locale;
}): ReactNode {
  const [locale, setLocaleState] = useState<Locale>(props.locale ?? initialLocale);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale: (next) => {
        setLocaleState(next);
        try {
          globalThis.localStorage?.setItem(STORAGE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      },
      t: (key, params) => translate(locale, key, params),
      text: (value, fallback) => localizedText(value, locale, fallback),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/**
 * The UI language and its texts.
 *
 * @example
 * const { t } = useI18n(); t('save'); // '保存'
 */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
