/**
 * Sets of numbers as sorted, disjoint intervals: what a numeric (or date) cell accepts. The
 * overlap, gap and reachability checks of a table are set operations on them.
 */

/** One interval; an infinite end is never closed. */
export interface Interval {
  readonly lo: number;
  readonly loClosed: boolean;
  readonly hi: number;
  readonly hiClosed: boolean;
}

/** A set of numbers: sorted, disjoint, non-empty intervals (empty list: no number). */
export type IntervalSet = readonly Interval[];

/** Every number. */
export const EVERYTHING: IntervalSet = [
  { lo: -Infinity, loClosed: false, hi: Infinity, hiClosed: false },
];

/** One interval, with infinite ends made open. */
export function interval(lo: number, loClosed: boolean, hi: number, hiClosed: boolean): Interval {
  return {
    lo,
    loClosed: loClosed && Number.isFinite(lo),
    hi,
    hiClosed: hiClosed && Number.isFinite(hi),
  };
}

/** The single number `value`. */
export function point(value: number): Interval {
  return { lo: value, loClosed: true, hi: value, hiClosed: true };
}

function isEmptyInterval(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && !(i.loClosed && i.hiClosed));
}

/** Sorts and merges intervals into a set (touching intervals join). */
export function normalize(intervals: readonly Interval[]): IntervalSet {
  const sorted = intervals
    .filter((i) => !isEmptyInterval(i))
    .sort((a, b) => a.lo - b.lo || Number(b.loClosed) - Number(a.loClosed));
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && (next.lo < last.hi || (next.lo === last.hi && (last.hiClosed || next.loClosed)))) {
      if (next.hi > last.hi || (next.hi === last.hi && next.hiClosed && !last.hiClosed)) {
        out[out.length - 1] = { ...last, hi: next.hi, hiClosed: next.hiClosed };
      }
    } else {
      out.push(next);
    }
  }
  return out;
}

/** The union of sets. */
export function union(...sets: readonly IntervalSet[]): IntervalSet {
  return normalize(sets.flat());
}

/** The numbers in both sets. */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      const loClosed =
        x.lo === y.lo ? x.loClosed && y.loClosed : x.lo > y.lo ? x.loClosed : y.loClosed;
      const hiClosed =
        x.hi === y.hi ? x.hiClosed && y.hiClosed : x.hi < y.hi ? x.hiClosed : y.hiClosed;
      const i = interval(lo, loClosed, hi, hiClosed);
      if (!isEmptyInterval(i)) out.push(i);
    }
  }
  return normalize(out);
}

/** The numbers not in the set. */
export function complement(set: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  let lo = -Infinity;
  let loClosed = false;
  for (const i of set) {
    out.push(interval(lo, loClosed, i.lo, !i.loClosed));
    lo = i.hi;
    loClosed = !i.hiClosed;
  }
  out.push(interval(lo, loClosed, Infinity, false));
  return normalize(out);
}

/** True when `b` holds every number of `a`. */
export function includes(b: IntervalSet, a: IntervalSet): boolean {
  return intersect(a, complement(b)).length === 0;
}

/** True when the set holds `value`. */
export function contains(set: IntervalSet, value: number): boolean {
  for (const i of set) {
    if (value < i.lo) return false;
    if (value < i.hi || (value === i.hi && i.hiClosed)) {
      return value > i.lo || i.loClosed;
    }
  }
  return false;
}

/** A number of a non-empty interval, as round as the interval allows: for examples in messages. */
export function samplePoint(i: Interval): number {
  if (i.loClosed) return i.lo;
  if (i.hiClosed) return i.hi;
  if (i.lo === -Infinity) return i.hi === Infinity ? 0 : i.hi - 1;
  if (i.hi === Infinity) return i.lo + 1;
  return (i.lo + i.hi) / 2;
}
