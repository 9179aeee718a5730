import Big from 'big.js';
import { RuleloomError } from '../../diagnostics/errors.js';
import {
  allArgs,
  positionalArgs,
  type OperatorTable,
  type OperationSite,
} from '../operators/spec.js';
import { eager } from './eager.js';

/**
 * Exact decimal arithmetic for amounts (big.js): `money_add(0.1, 0.2)` is `0.3`, and rounding
 * is half-up on the decimal digits a person sees (`round(1.005, 2)` is `1.01`). Blank amounts
 * (`null`, missing, `""`) count as 0, as an empty cell does in a spreadsheet.
 */
function toBig(value: unknown, site: OperationSite): Big {
  if (value === null || value === undefined || value === '') return new Big(0);
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string') {
    try {
      return new Big(typeof value === 'string' ? value.trim() : value);
    } catch {
      // fall through to the typed error below
    }
  }
  throw new RuleloomError('RL3005', { value: String(value) }, site.pointer);
}

function toScale(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : fallback;
  return Number.isInteger(n) && n >= 0 && n <= 20 ? n : fallback;
}

const HALF_UP = 1;
const ROUND_DOWN = 0;
const ROUND_UP = 3;

function roundWith(mode: 0 | 1 | 3) {
  return eager(([value, digits], _e, site) =>
    toBig(value, site).round(toScale(digits, 0), mode).toNumber(),
  );
}

const numbers = positionalArgs([['number'], ['number'], ['number']], 'number');

/** Money and rounding operators. */
export const moneyOperators: OperatorTable = {
  money_add: {
    arity: [1, Infinity],
    build: eager((args, _e, site) =>
      args.reduce<Big>((sum, value) => sum.plus(toBig(value, site)), new Big(0)).toNumber(),
    ),
    check: allArgs(['number'], 'number'),
  },
  money_sub: {
    arity: [2, 2],
    build: eager(([a, b], _e, site) => toBig(a, site).minus(toBig(b, site)).toNumber()),
    check: numbers,
  },
  money_mul: {
    arity: [2, 3],
    build: eager(([a, b, scale], _e, site) => {
      const product = toBig(a, site).times(toBig(b, site));
      return (scale === undefined ? product : product.round(toScale(scale, 2), HALF_UP)).toNumber();
    }),
    check: numbers,
  },
  money_div: {
    arity: [2, 3],
    build: eager(([a, b, scale], _e, site) => {
      const divisor = toBig(b, site);
      if (divisor.eq(0)) return null;
      return toBig(a, site).div(divisor).round(toScale(scale, 2), HALF_UP).toNumber();
    }),
    check: numbers,
  },
  money_sum: {
    arity: [1, 1],
    build: eager(([list], e, site) => {
      if (!Array.isArray(list)) return 0;
      e.charge(list.length, site.pointer);
      return list.reduce<Big>((sum, value) => sum.plus(toBig(value, site)), new Big(0)).toNumber();
    }),
    check: positionalArgs([['array']], 'number'),
  },
  round: { arity: [1, 2], build: roundWith(HALF_UP), check: numbers },
  floor: {
    arity: [1, 2],
    build: eager(([value, digits], _e, site) => {
      const big = toBig(value, site);
      return big.round(toScale(digits, 0), big.lt(0) ? ROUND_UP : ROUND_DOWN).toNumber();
    }),
    check: numbers,
  },
  ceil: {
    arity: [1, 2],
    build: eager(([value, digits], _e, site) => {
      const big = toBig(value, site);
      return big.round(toScale(digits, 0), big.lt(0) ? ROUND_DOWN : ROUND_UP).toNumber();
    }),
    check: numbers,
  },
  abs: {
    arity: [1, 1],
    build: eager(([value], _e, site) => toBig(value, site).abs().toNumber()),
    check: numbers,
  },
};
