import type { LocalizedText } from '../diagnostics/types.js';
import type { FieldType } from './types.js';

/**
 * What the type checker knows of a value. `any` is unknown (data without a declared field,
 * a custom operator's result): it is compatible with everything.
 */
export type ValueType =
  'any' | 'number' | 'string' | 'boolean' | 'null' | 'array' | 'object' | 'date';

/** The value a field of each type holds, as expressions see it. */
export const fieldValueType: Readonly<Record<FieldType, ValueType>> = {
  text: 'string',
  number: 'number',
  money: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'date',
  enum: 'string',
  'multi-enum': 'array',
  boolean: 'boolean',
  user: 'string',
  ref: 'any',
  attachment: 'any',
  photo: 'object',
  geo: 'object',
  tags: 'array',
};

/** Types whose fields can be read deeper with a dotted path (`customer.grade`). */
export const containerTypes: ReadonlySet<ValueType> = new Set(['any', 'object', 'array']);

const names: Readonly<Record<ValueType, LocalizedText>> = {
  any: { 'zh-CN': '任意值', en: 'any value' },
  number: { 'zh-CN': '数字', en: 'a number' },
  string: { 'zh-CN': '文本', en: 'text' },
  boolean: { 'zh-CN': '是/否', en: 'a yes/no value' },
  null: { 'zh-CN': '空值', en: 'null' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  date: { 'zh-CN': '日期时间', en: 'a date/time' },
};

/** The value type's name for a message. */
export function valueTypeName(type: ValueType): LocalizedText {
  return names[type];
}

/** The type of a literal in a rule; numeric strings count as numbers (JsonLogic converts them). */
export function literalType(value: unknown): ValueType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? 'number' : 'string';
    case 'object':
      return 'object';
    default:
      return 'any';
  }
}

/** True when a value of type `actual` may stand where `expected` is required. */
export function compatible(actual: ValueType, expected: readonly ValueType[]): boolean {
  return actual === 'any' || actual === 'null' || expected.includes(actual);
}
