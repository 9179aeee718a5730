import type { Locale } from '@ruleloom/engine';

/** The languages `--lang` accepts, as written on the command line. */
export const locales: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Reads a `--lang` value: `zh-CN` or `en`, in any letter case (`zh` and `zh_CN` mean
 * zh-CN too). Undefined for anything else.
 *
 * @example
 * parseLocale('zh-cn'); // 'zh-CN'
 * parseLocale('fr'); // undefined
 */
export function parseLocale(value: string): Locale | undefined {
  const normalized = value.trim().toLowerCase().replace('_', '-');
  if (normalized === 'en' || normalized.startsWith('en-')) return 'en';
  if (normalized === 'zh' || normalized === 'zh-cn' || normalized === 'zh-hans') return 'zh-CN';
  return undefined;
}

/**
 * The language of messages when `--lang` is not given: Chinese when the locale of the
 * environment (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, the order POSIX gives them)
 * starts with `zh`, English otherwise.
 *
 * @example
 * localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }); // 'zh-CN'
 * localeFromEnvironment({}); // 'en'
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value !== undefined && value !== '',
  );
  return setting !== undefined && setting.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
