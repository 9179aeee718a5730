// Long names are cut before comparing: suggestions only need to rank, not to be exact.
const MAX_COMPARED = 48;

/**
 * Edit distance (insertions, deletions, substitutions) between two names, case-insensitive,
 * counted in code points. Used to put likely candidates first in "did you mean" lists.
 *
 * @example
 * editDistance('SUMM', 'SUM') // 1
 */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a.toUpperCase()).slice(0, MAX_COMPARED);
  const y = Array.from(b.toUpperCase()).slice(0, MAX_COMPARED);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidates ordered by closeness to `query` (stable for ties), at most `limit`.
 *
 * @example
 * closest('回款', ['回款率', '新品采购额'], 5) // ['回款率', '新品采购额']
 */
export function closest<T>(
  query: string,
  candidates: readonly T[],
  limit: number,
  key: (candidate: T) => readonly string[] = (c) => [String(c)],
): T[] {
  return candidates
    .map((candidate, index) => ({
      candidate,
      index,
      distance: Math.min(...key(candidate).map((k) => editDistance(query, k))),
    }))
    .sort((p, q) => p.distance - q.distance || p.index - q.index)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
