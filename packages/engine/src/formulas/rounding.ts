import Big from 'big.js';

/** How a result is rounded, as the formula schema names it. */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const BIG_MODES: Readonly<Record<RoundingMode, 0 | 1 | 2 | 3>> = {
  down: 0,
  'half-up': 1,
  'half-even': 2,
  up: 3,
};

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/**
 * How close to a tie (or to a whole number, for down/up) the fast path hands over to exact
 * decimals: far more than the error of `value * 10^digits`, which grows with its size.
 */
const nearness = (scaled: number): number => 1e-9 + Math.abs(scaled) * 1e-12;

/**
 * Rounds to `digits` decimals on the decimal digits a person sees (`1.005` → `1.01`
 * half-up, as a spreadsheet shows it), exactly: values near a tie are rounded with decimal
 * arithmetic (big.js), the rest with plain floating point, so the common case allocates
 * nothing.
 *
 * @example
 * roundDecimal(1.005, 2, 'half-up'); // 1.01 (Math.round(1.005 * 100) / 100 gives 1)
 * roundDecimal(0.125, 2, 'half-even'); // 0.12
 */
export function roundDecimal(value: number, digits: number, mode: RoundingMode): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  const scale = POWERS[digits];
  const scaled = scale === undefined ? NaN : value * scale;
  if (Number.isFinite(scaled) && Math.abs(scaled) < 2 ** 52) {
    const whole = Math.trunc(scaled);
    const fraction = Math.abs(scaled - whole);
    const sign = scaled < 0 ? -1 : 1;
    const near = nearness(scaled);
    if (mode === 'down' || mode === 'up') {
      if (fraction > near && fraction < 1 - near) {
        return (mode === 'down' ? whole : whole + sign) / (scale as number);
      }
    } else if (Math.abs(fraction - 0.5) > near) {
      return (fraction < 0.5 ? whole : whole + sign) / (scale as number);
    }
  }
  return new Big(value).round(digits, BIG_MODES[mode]).toNumber();
}
