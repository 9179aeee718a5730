import type { EntityField } from '@ruleloom/schemas';
import type { FieldError } from '../app/types.js';
import { catalogue, type DiagnosticCode } from '../diagnostics/catalogue/index.js';
import { fillLocalized } from '../diagnostics/format.js';
import type { DiagnosticParams, LocalizedText } from '../diagnostics/types.js';

/**
 * A field error from its catalogue entry: the message a rep reads, in both languages.
 *
 * @example
 * fieldError('RL5101', 'source', { label: { 'zh-CN': '来源渠道', en: 'Source channel' } });
 * // { field: 'source', code: 'RL5101', message: { 'zh-CN': '必填项未填写：来源渠道', … }, severity: 'error' }
 */
export function fieldError(
  code: DiagnosticCode,
  field: string,
  params: DiagnosticParams,
  severity: FieldError['severity'] = 'error',
): FieldError {
  return { field, code, message: fillLocalized(catalogue[code].message, params), severity };
}

const expected: Readonly<Record<EntityField['type'], LocalizedText>> = {
  text: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  money: {
    'zh-CN': '金额（如 50000 或 "12999.50"）',
    en: 'an amount (such as 50000 or "12999.50")',
  },
  percent: { 'zh-CN': '比例（0.85 表示 85%）', en: 'a ratio (0.85 is 85%)' },
  date: { 'zh-CN': '日期（如 2026-03-15）', en: 'a date such as 2026-03-15' },
  datetime: {
    'zh-CN': '日期时间（如 2026-03-15T09:30:00+08:00）',
    en: 'a date and time such as 2026-03-15T09:30:00+08:00',
  },
  enum: { 'zh-CN': '一个选项', en: 'one of its options' },
  'multi-enum': { 'zh-CN': '选项列表', en: 'a list of options' },
  boolean: { 'zh-CN': '是或否', en: 'yes or no' },
  user: { 'zh-CN': '用户', en: 'a user' },
  ref: { 'zh-CN': '一条记录（记录 ID）', en: 'a record (its id)' },
  attachment: { 'zh-CN': '文件（带 url）', en: 'a file (with a url)' },
  photo: {
    'zh-CN': '照片（带 url、拍摄时间 takenAt 和位置 geo）',
    en: 'a photo (with url, capture time takenAt and location geo)',
  },
  geo: { 'zh-CN': '位置 {lat, lng}', en: 'a location {lat, lng}' },
  tags: {
    'zh-CN': '标签列表（每个最多 50 字）',
    en: 'a list of tags (50 characters each at most)',
  },
};

const lists: Partial<Record<EntityField['type'], LocalizedText>> = {
  user: { 'zh-CN': '用户列表', en: 'a list of users' },
  ref: { 'zh-CN': '记录列表', en: 'a list of records' },
};

/** What a value of the field should be, for "must be …" messages. */
export function expectedValue(field: EntityField): LocalizedText {
  const multiple = 'multiple' in field && field.multiple === true;
  return (multiple ? lists[field.type] : undefined) ?? expected[field.type] ?? expected.text;
}

const formats: Readonly<Record<string, LocalizedText>> = {
  phone: { 'zh-CN': '电话号码（如 13812345678）', en: 'a phone number such as 13812345678' },
  email: { 'zh-CN': '邮箱地址', en: 'an email address' },
  url: { 'zh-CN': '网址（如 https://example.cn）', en: 'a web address such as https://example.cn' },
};

/** The format a text or date field asks for, for "must be …" messages. */
export function expectedFormat(field: EntityField): LocalizedText {
  if (field.type === 'text') return formats[field.format ?? ''] ?? expected.text;
  return expectedValue(field);
}
