/** Reading a record's values the way gates and approvers need them. */
import { valueAt } from '../definitions/pointer.js';

/**
 * The value of a field id or dotted path (`customer.grade`), own properties only: record
 * values come from users and must not reach a prototype.
 *
 * @example
 * readField({ customer: { grade: 'A' } }, 'customer.grade'); // 'A'
 */
export function readField(values: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(values, path)) return values[path];
  return path.includes('.') ? valueAt(values, path.split('.')) : undefined;
}

/**
 * True when a required field counts as filled. Blank text and empty lists do not count: a
 * rep who types a space has not done the requirement survey.
 *
 * @example
 * isFilled('  '); // false
 * isFilled(0); // true
 */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * True when an attachment or photo field holds at least one file: a non-empty list of
 * files, one file object, or a file reference as text.
 *
 * @example
 * hasFile([{ name: 'po.pdf' }]); // true
 * hasFile([]); // false
 */
export function hasFile(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => hasFile(item));
  if (typeof value === 'string') return value.trim() !== '';
  return typeof value === 'object' && value !== null;
}
