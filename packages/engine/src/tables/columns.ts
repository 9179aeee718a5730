import type { LocalizedText } from '../diagnostics/types.js';
import { toInstant } from '../expr/domain/time.js';
import { localToInstant, zonedFields } from '../expr/domain/zone.js';
import type { FieldType } from '../expr/types.js';
import { formatNumber, parseNumberText } from './numbers.js';

/**
 * How a column of each field type is tested: numbers (number, money, percent) and instants
 * (date, datetime) by ranges and comparisons, text-like values (text, enum, user, ref) and
 * yes/no by equality and lists, lists (multi-enum, tags) by what they hold; other types
 * (attachment, photo, geo) only by expressions.
 */
export type ColumnKind = 'number' | 'instant' | 'text' | 'boolean' | 'list' | 'other';

const KIND_OF_TYPE: Readonly<Record<FieldType, ColumnKind>> = {
  number: 'number',
  money: 'number',
  percent: 'number',
  date: 'instant',
  datetime: 'instant',
  text: 'text',
  enum: 'text',
  user: 'text',
  ref: 'text',
  boolean: 'boolean',
  'multi-enum': 'list',
  tags: 'list',
  attachment: 'other',
  photo: 'other',
  geo: 'other',
};

/** The column kind of a field type (`other` for a type the engine does not know). */
export function columnKind(type: string): ColumnKind {
  return Object.hasOwn(KIND_OF_TYPE, type) ? KIND_OF_TYPE[type as FieldType] : 'other';
}

const TYPE_NAMES: Readonly<Record<FieldType, LocalizedText>> = {
  number: { 'zh-CN': '数字', en: 'a number' },
  money: { 'zh-CN': '金额', en: 'an amount' },
  percent: { 'zh-CN': '百分比', en: 'a percentage' },
  date: { 'zh-CN': '日期', en: 'a date' },
  datetime: { 'zh-CN': '日期时间', en: 'a date and time' },
  text: { 'zh-CN': '文本', en: 'text' },
  enum: { 'zh-CN': '选项', en: 'an option' },
  user: { 'zh-CN': '人员', en: 'a user' },
  ref: { 'zh-CN': '关联记录', en: 'a record reference' },
  boolean: { 'zh-CN': '是/否', en: 'yes or no' },
  'multi-enum': { 'zh-CN': '选项列表', en: 'a list of options' },
  tags: { 'zh-CN': '标签列表', en: 'a list of tags' },
  attachment: { 'zh-CN': '附件', en: 'attachments' },
  photo: { 'zh-CN': '照片', en: 'photos' },
  geo: { 'zh-CN': '位置', en: 'a location' },
};

/** A field type's name for messages (`金额` / `an amount`). */
export function typeName(type: string): LocalizedText {
  return Object.hasOwn(TYPE_NAMES, type)
    ? TYPE_NAMES[type as FieldType]
    : { 'zh-CN': type, en: type };
}

/** Marks a value that does not fit its type. */
export const UNFIT: unique symbol = Symbol('unfit');

/** A blank value: missing, null or empty text (an empty cell of a spreadsheet). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The instant of a date or date-time value, or undefined. `date` values are whole days in `zone`. */
export function instantOf(value: unknown, type: string, zone: string): number | undefined {
  const instant = toInstant(value, zone);
  if (instant === undefined || type !== 'date') return instant;
  // A bare day is read as its start already; anything else is moved to the start of its day.
  if (typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) return instant;
  const fields = zonedFields(instant, zone);
  return localToInstant(zone, fields.year, fields.month, fields.day);
}

/**
 * A value given for a column (or a formula input) in the form the engine tests and computes
 * with: numbers as numbers (`"30万"` → 300000), dates as epoch milliseconds when
 * `instants` is true (tables compare them) or as given otherwise (formulas pass them to date
 * operators). Blank values are `null`; a value that does not fit is {@link UNFIT}.
 */
export function normalizeValue(
  type: string,
  value: unknown,
  zone: string,
  instants: boolean,
): unknown {
  if (isBlank(value)) return null;
  switch (columnKind(type)) {
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? value : UNFIT;
      if (typeof value === 'string') return parseNumberText(value) ?? UNFIT;
      return UNFIT;
    case 'instant': {
      if (typeof value !== 'number' && typeof value !== 'string') return UNFIT;
      const instant = instantOf(value, type, zone);
      if (instant === undefined) return UNFIT;
      return instants ? instant : value;
    }
    case 'text':
      if (typeof value === 'string') return value;
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : UNFIT;
    case 'boolean':
      return typeof value === 'boolean' ? value : UNFIT;
    case 'list':
      return Array.isArray(value) ? value : UNFIT;
    case 'other':
      return value;
  }
}

/** A value as a message shows it: JSON, cut after 60 characters. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A number or instant of a column as a cell would show it (`85%`, `300000`, `2026-03-31`). */
export function formatColumnValue(value: number, type: string, zone: string): string {
  if (columnKind(type) !== 'instant' || !Number.isFinite(value)) {
    return formatNumber(value, type === 'percent');
  }
  const f = zonedFields(value, zone);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const day = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
  if (type === 'date') return day;
  const seconds = f.second === 0 ? '' : `:${pad(f.second)}`;
  return `${day}T${pad(f.hour)}:${pad(f.minute)}${seconds}`;
}
