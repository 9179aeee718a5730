import {
  complement,
  contains,
  EVERYTHING,
  intersect,
  includes,
  union,
  type Interval,
  type IntervalSet,
} from './intervals.js';

/**
 * What a cell accepts, as far as the compile-time checks can tell: any value, a set of
 * numbers (numbers and instants), a set of values or everything but a set (text, options,
 * yes/no), or `opaque` when an expression or a list column makes it undecidable.
 */
export type Domain =
  | { readonly kind: 'any' }
  | { readonly kind: 'numbers'; readonly set: IntervalSet }
  | {
      readonly kind: 'values';
      readonly values: ReadonlySet<string | boolean>;
      /** True: every value except `values`. */
      readonly negated: boolean;
    }
  | { readonly kind: 'opaque' };

export const ANY: Domain = { kind: 'any' };
export const OPAQUE: Domain = { kind: 'opaque' };

/** A set of numbers as a domain. */
export function numbers(set: IntervalSet): Domain {
  return { kind: 'numbers', set };
}

/** A set of values (or everything but it) as a domain. */
export function values(
  items: Iterable<string | boolean>,
  negated: boolean,
  booleans = false,
): Domain {
  const set = new Set(items);
  // Yes/no has two values: "not true" is "false", which the other checks can compare.
  if (booleans && negated) {
    return {
      kind: 'values',
      values: new Set([true, false].filter((b) => !set.has(b))),
      negated: false,
    };
  }
  return { kind: 'values', values: set, negated };
}

/** The values two domains both accept; `opaque` when either is. */
export function meet(a: Domain, b: Domain): Domain {
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'opaque' || b.kind === 'opaque') return OPAQUE;
  if (a.kind === 'numbers' && b.kind === 'numbers') return numbers(intersect(a.set, b.set));
  if (a.kind === 'values' && b.kind === 'values') {
    if (!a.negated && !b.negated)
      return values(
        [...a.values].filter((v) => b.values.has(v)),
        false,
      );
    if (!a.negated)
      return values(
        [...a.values].filter((v) => !b.values.has(v)),
        false,
      );
    if (!b.negated)
      return values(
        [...b.values].filter((v) => !a.values.has(v)),
        false,
      );
    return values([...a.values, ...b.values], true);
  }
  return OPAQUE;
}

/** True when the domain accepts no value at all. */
export function isEmpty(domain: Domain): boolean {
  if (domain.kind === 'numbers') return domain.set.length === 0;
  if (domain.kind === 'values') return !domain.negated && domain.values.size === 0;
  return false;
}

/** True when `outer` accepts every value `inner` accepts (false when unknown). */
export function covers(outer: Domain, inner: Domain): boolean {
  if (outer.kind === 'any') return true;
  if (outer.kind === 'opaque' || inner.kind === 'opaque' || inner.kind === 'any') return false;
  if (outer.kind === 'numbers' && inner.kind === 'numbers') return includes(outer.set, inner.set);
  if (outer.kind === 'values' && inner.kind === 'values') {
    if (!inner.negated) {
      return [...inner.values].every((v) => outer.values.has(v) !== outer.negated);
    }
    // Everything but some values is covered only by everything but fewer of them.
    return outer.negated && [...outer.values].every((v) => inner.values.has(v));
  }
  return false;
}

/** The numbers of a numeric domain (`any`: every number). */
export function numbersOf(domain: Domain): IntervalSet | undefined {
  if (domain.kind === 'any') return EVERYTHING;
  return domain.kind === 'numbers' ? domain.set : undefined;
}

/** The numbers no domain of the list accepts, within `within`. */
export function uncovered(sets: readonly IntervalSet[], within: IntervalSet): IntervalSet {
  return intersect(complement(union(...sets)), within);
}

/** A test of a number against a set, specialised for the common one-interval case. */
export function numberTest(set: IntervalSet): (value: number) => boolean {
  if (set.length !== 1) return (value) => contains(set, value);
  const { lo, loClosed, hi, hiClosed } = set[0] as Interval;
  if (lo === -Infinity) return hiClosed ? (v) => v <= hi : (v) => v < hi;
  if (hi === Infinity) return loClosed ? (v) => v >= lo : (v) => v > lo;
  return (v) => (loClosed ? v >= lo : v > lo) && (hiClosed ? v <= hi : v < hi);
}
