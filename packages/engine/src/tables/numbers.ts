import Big from 'big.js';

/**
 * Numbers as admins write them in cells and data: `300000`, `300,000`, `30万`, `1.5千`,
 * `300k`, `30w`, `85%`, `3‰`, optionally followed by 元. Values are computed on the decimal
 * digits (`1.1万` is exactly 11000, `85%` exactly 0.85).
 */

/** What each unit multiplies by, as decimal text (exact). */
const UNITS: Readonly<Record<string, string>> = {
  万: '10000',
  w: '10000',
  W: '10000',
  千: '1000',
  k: '1000',
  K: '1000',
  亿: '100000000',
  '%': '0.01',
  '％': '0.01',
  '‰': '0.001',
};

/**
 * A number at the start of a text: sign, digits (with `,` between groups of three, which must
 * then be followed by no further digit), fraction, unit, 元.
 */
const NUMBER_AT =
  /^([+\-−]?)\s*((?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)(\s*(?:万|w|W|千|k|K|亿|%|％|‰))?(\s*元)?/u;

/** A number read from text, with how many characters (code units) it took. */
export interface ScannedNumber {
  readonly value: number;
  readonly length: number;
  /** True when it was written with `%` or `‰`. */
  readonly percent: boolean;
}

/**
 * Reads a number at the start of `text`; undefined when none starts there.
 *
 * @example
 * scanNumber('30万..') // { value: 300000, length: 3, percent: false }
 */
export function scanNumber(text: string): ScannedNumber | undefined {
  const match = NUMBER_AT.exec(text);
  if (!match) return undefined;
  const [whole, sign = '', digits = '', unitText = ''] = match;
  // A letter right after the number (300kg, 5wan) means it was not a number with a unit.
  const next = text.slice(whole.length, whole.length + 1);
  if (next !== '' && /[\p{L}\p{N}_]/u.test(next)) return undefined;
  const unit = unitText.trim();
  let value = new Big(digits.replace(/,/g, ''));
  if (unit !== '') value = value.times(UNITS[unit] ?? '1');
  if (sign === '-' || sign === '−') value = value.neg();
  const number = value.toNumber();
  if (!Number.isFinite(number)) return undefined;
  return {
    value: number,
    length: whole.length,
    percent: unit === '%' || unit === '％' || unit === '‰',
  };
}

/**
 * The number a whole text stands for (`"30万"` → 300000); undefined when the text is not
 * exactly one number.
 *
 * @example
 * parseNumberText(' 85% ') // 0.85
 * parseNumberText('85 apples') // undefined
 */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  const scanned = scanNumber(trimmed);
  return scanned && scanned.length === trimmed.length ? scanned.value : undefined;
}

/**
 * A number as a cell would show it: percentages as `85%`, others in plain decimal digits
 * (`300000`, never `3e5`), so that the text can be pasted back into a cell.
 */
export function formatNumber(value: number, percent: boolean): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const big = new Big(value);
  return percent ? `${big.times(100).toFixed()}%` : big.toFixed();
}
