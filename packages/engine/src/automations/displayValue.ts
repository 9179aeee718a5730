/**
 * How a field value reads in a message: option ids become their labels, user ids their
 * names, instants a local date and time in the app's zone, yes/no words, grouped amounts.
 * Messages go to people, so they never show ids when a label exists.
 */
import type { EntityField } from '@ruleloom/schemas';
import type { DirectoryUser, DisplayText, RecordState } from '../app/types.js';
import type { CompiledEntity } from '../app/parts.js';
import type { Locale } from '../diagnostics/types.js';
import { toInstant } from '../expr/domain/time.js';
import { zonedFields } from '../expr/domain/zone.js';
import { isPlainObject } from './recordValues.js';

/** What rendering a value needs besides the value. */
export interface DisplayEnv {
  readonly entity: CompiledEntity | undefined;
  readonly users: readonly DirectoryUser[];
  readonly zone: string;
}

const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { 'zh-CN': '、', en: ', ' };
const YES_NO: Readonly<Record<Locale, readonly [string, string]>> = {
  'zh-CN': ['是', '否'],
  en: ['yes', 'no'],
};

/**
 * Text of a definition's display text in a locale: the locale's own text, else the other
 * language's, else `fallback`.
 *
 * @example
 * textIn({ 'zh-CN': '线索' }, 'en', 'lead'); // '线索'
 */
export function textIn(text: unknown, locale: Locale, fallback = ''): string {
  if (typeof text === 'string') return text;
  if (!isPlainObject(text)) return fallback;
  const own = text[locale];
  if (typeof own === 'string') return own;
  const other = text[locale === 'en' ? 'zh-CN' : 'en'];
  return typeof other === 'string' ? other : fallback;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function localDateTime(value: unknown, zone: string, withTime: boolean): string | undefined {
  // A date field holds a calendar day already: show it as it is.
  if (!withTime && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = toInstant(value, zone);
  if (instant === undefined) return undefined;
  try {
    const f = zonedFields(instant, zone);
    const day = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
    return withTime ? `${day} ${pad(f.hour)}:${pad(f.minute)}` : day;
  } catch {
    return undefined;
  }
}

/** 1234567.5 → "1,234,567.5" (the same in both languages, as amounts are written in China). */
function groupedAmount(value: number): string {
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

function userLabel(id: string, env: DisplayEnv, locale: Locale): string {
  const user = env.users.find((candidate) => candidate.id === id);
  return user ? textIn(user.label as DisplayText | undefined, locale, id) : id;
}

function optionLabel(field: EntityField, id: unknown, locale: Locale): string {
  const options = 'options' in field && Array.isArray(field.options) ? field.options : [];
  const option = options.find((candidate) => candidate.id === id);
  return option ? textIn(option.label, locale, String(id)) : plainText(id, locale);
}

/** A file or photo reads as its name (else its URL). */
function fileLabel(file: unknown, locale: Locale): string {
  if (!isPlainObject(file)) return plainText(file, locale);
  for (const key of ['name', 'fileName', 'url']) {
    if (typeof file[key] === 'string') return file[key];
  }
  return plainText(file, locale);
}

/** A value with no field to say how it reads. */
function plainText(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  if (Array.isArray(value)) {
    return value.map((item) => plainText(item, locale)).join(LIST_SEPARATOR[locale]);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function each(value: unknown, locale: Locale, one: (item: unknown) => string): string {
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter((item) => item !== null && item !== undefined)
    .map(one)
    .join(LIST_SEPARATOR[locale]);
}

/**
 * The text of a field value for a person reading `locale`.
 *
 * @example
 * displayValue('website', sourceField, 'zh-CN', env); // '官网表单'
 * displayValue(true, undefined, 'en', env); // 'yes'
 */
export function displayValue(
  value: unknown,
  field: EntityField | undefined,
  locale: Locale,
  env: DisplayEnv,
): string {
  if (value === null || value === undefined || !field) return plainText(value, locale);
  switch (field.type) {
    case 'enum':
    case 'multi-enum':
      return each(value, locale, (item) => optionLabel(field, item, locale));
    case 'user':
      return each(value, locale, (item) =>
        typeof item === 'string' ? userLabel(item, env, locale) : plainText(item, locale),
      );
    case 'money':
      return typeof value === 'number' ? groupedAmount(value) : plainText(value, locale);
    case 'percent':
      return typeof value === 'number'
        ? `${Number((value * 100).toFixed(2))}%`
        : plainText(value, locale);
    case 'date':
    case 'datetime':
      return localDateTime(value, env.zone, field.type === 'datetime') ?? plainText(value, locale);
    case 'attachment':
    case 'photo':
      return each(value, locale, (item) => fileLabel(item, locale));
    default:
      return plainText(value, locale);
  }
}

/**
 * The title of a record in messages: its title field's value, else its id.
 *
 * @example
 * recordLabel(record, 'zh-CN', env); // '华东精密 — 年度框架合同'
 */
export function recordLabel(record: RecordState, locale: Locale, env: DisplayEnv): string {
  const titleField = env.entity?.definition.titleField;
  if (typeof titleField === 'string' && Object.hasOwn(record.values, titleField)) {
    const text = displayValue(
      record.values[titleField],
      env.entity?.fields.get(titleField),
      locale,
      env,
    );
    if (text !== '') return text;
  }
  return record.id;
}
