import type { EntityField } from '@ruleloom/schemas';
import type { FieldError } from '../app/types.js';
import { toInstant } from '../expr/domain/time.js';
import { expectedFormat, fieldError } from './fieldErrors.js';
import type { FieldDescription } from './schemaErrors.js';
import { asFileList } from './valueSchema.js';

/**
 * Checks the JSON Schema cannot say exactly, run on a value that passed its schema:
 * decimal places (`multipleOf: 0.01` fails on binary fractions such as 0.07), limits and
 * currency of amounts written as text, instants that exist on the calendar, and accepted
 * file types.
 */

/** Tolerance for binary fractions: 0.1 + 0.2 still has one decimal place. */
const EPSILON = 1e-9;

function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) <= EPSILON * Math.max(1, Math.abs(scaled));
}

function decimalsOfText(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the date part of ISO text exists (no 31 June, 29 February only in leap years). */
function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

/** True for an instant the engine can read: finite epoch ms, or ISO text of a real day. */
export function isInstant(value: unknown, zone: string): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return (
    typeof value === 'string' && isCalendarDay(value.trim()) && toInstant(value, zone) !== undefined
  );
}

function checkNumber(described: FieldDescription, value: unknown, precision: number | undefined) {
  const { field, label } = described;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fieldError('RL5103', field.id, { label, expected: expectedFormat(field) });
  }
  if (precision !== undefined && !hasAtMostDecimals(value, precision)) {
    return fieldError('RL5108', field.id, { label, precision });
  }
  return undefined;
}

function checkMoney(
  described: FieldDescription,
  field: Extract<EntityField, { type: 'money' }>,
  value: unknown,
): FieldError | undefined {
  const { label } = described;
  const given =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  const amount = given ? given['amount'] : value;
  const currency = field.currency ?? 'CNY';
  if (given && typeof given['currency'] === 'string' && given['currency'] !== currency) {
    return fieldError('RL5117', field.id, { label, currency, actual: given['currency'] });
  }
  const number = typeof amount === 'string' ? Number(amount) : amount;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    return fieldError('RL5103', field.id, { label, expected: expectedFormat(field) });
  }
  const min = typeof field.min === 'string' ? Number(field.min) : field.min;
  const max = typeof field.max === 'string' ? Number(field.max) : field.max;
  if (typeof min === 'number' && number < min)
    return fieldError('RL5106', field.id, { label, min });
  if (typeof max === 'number' && number > max)
    return fieldError('RL5107', field.id, { label, max });
  // Amounts default to cents: "Digits after the decimal point. Default 2."
  const precision = field.precision ?? 2;
  const fits =
    typeof amount === 'string'
      ? decimalsOfText(amount) <= precision
      : hasAtMostDecimals(number, precision);
  return fits ? undefined : fieldError('RL5108', field.id, { label, precision });
}

function fileName(file: Record<string, unknown>): string {
  const name = typeof file['name'] === 'string' && file['name'] !== '' ? file['name'] : file['url'];
  return typeof name === 'string' ? name : '';
}

/**
 * MIME types of common extensions, for files that arrive without a type (a URL only): an
 * `accept` of `application/pdf` should take `scan.pdf`, as a browser's file picker would.
 */
const MIME_OF_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** True when a file's MIME type (`image/*` matches any image) or name extension is accepted. */
function accepted(file: Record<string, unknown>, accept: readonly string[]): boolean {
  const name = fileName(file)
    .toLowerCase()
    .replace(/[?#].*$/, '');
  const extension = /\.([a-z0-9]+)$/.exec(name)?.[1] ?? '';
  const mime =
    typeof file['type'] === 'string' && file['type'] !== ''
      ? file['type'].toLowerCase()
      : (MIME_OF_EXTENSION[extension] ?? '');
  return accept.some((entry) => {
    const wanted = entry.toLowerCase();
    if (wanted.startsWith('.')) return name.endsWith(wanted);
    if (wanted.endsWith('/*')) return mime.startsWith(wanted.slice(0, -1));
    return mime === wanted;
  });
}

function checkFiles(
  described: FieldDescription,
  field: Extract<EntityField, { type: 'attachment' | 'photo' }>,
  value: unknown,
  zone: string,
): FieldError | undefined {
  const { label } = described;
  const files = asFileList(value);
  if (!Array.isArray(files)) return undefined;
  for (const item of files) {
    const file = item as Record<string, unknown>;
    if (
      field.type === 'photo' &&
      file['takenAt'] !== undefined &&
      !isInstant(file['takenAt'], zone)
    ) {
      return fieldError('RL5114', field.id, { label });
    }
    if (Array.isArray(field.accept) && !accepted(file, field.accept)) {
      return fieldError('RL5113', field.id, {
        label,
        file: fileName(file),
        accept: field.accept.join(', '),
      });
    }
  }
  return undefined;
}

/**
 * The check beyond the schema for one value of a field (one that passed its schema), or
 * undefined when it is fine. `zone` reads ISO text without an offset.
 *
 * @example
 * checkBeyondSchema(budget, 12.345, 'Asia/Shanghai'); // RL5108 预算金额最多保留 2 位小数
 */
export function checkBeyondSchema(
  described: FieldDescription,
  value: unknown,
  zone: string,
): FieldError | undefined {
  const { field, label } = described;
  switch (field.type) {
    case 'number':
    case 'percent':
      return checkNumber(described, value, field.precision);
    case 'money':
      return checkMoney(described, field, value);
    case 'date':
    case 'datetime':
      return isInstant(value, zone)
        ? undefined
        : fieldError('RL5109', field.id, { label, format: expectedFormat(field) });
    case 'attachment':
    case 'photo':
      return checkFiles(described, field, value, zone);
    default:
      return undefined;
  }
}
