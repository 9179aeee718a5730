/**
 * Picking one rep among the eligible candidates: round robin, least loaded, smooth
 * weighted round robin, sticky by customer. Each is deterministic: state comes from the
 * snapshot and ties go to the earlier candidate.
 */
import type { Candidates } from './candidates.js';
import type { StrategyModel } from './model.js';
import type { SnapshotState } from './snapshotState.js';
import type { LoadMeasure, RouteDecision } from './types.js';

/** A strategy's pick and what it changes in the snapshot. */
export interface StrategyPick {
  readonly assignee: string;
  readonly decision: RouteDecision;
  /** Round robin: the rule whose turn moves on. */
  readonly turn?: string;
  /** Weighted: the eligible reps' new credits. */
  readonly credits?: ReadonlyMap<string, number>;
}

/**
 * The first candidate who can take the lead after the one who had the last turn (at
 * `start`), going round the candidate order; from the beginning when there was no turn yet
 * or that rep left the pool (`start` -1). Stops at the first one: later reps are not checked.
 *
 * @example
 * roundRobin(['a', 'b', 'c'], (id) => id !== 'b', 0); // 'c'
 */
export function roundRobin(
  order: readonly string[],
  canTake: (user: string) => boolean,
  start: number,
): string | undefined {
  for (let step = 1; step <= order.length; step++) {
    const user = order[(start + step) % order.length] as string;
    if (canTake(user)) return user;
  }
  return undefined;
}

/**
 * The eligible rep with the smallest load; ties go to the earlier candidate.
 *
 * @example
 * leastLoaded(['a', 'b'], (id) => ({ a: 3, b: 1 })[id] ?? 0); // { user: 'b', load: 1 }
 */
export function leastLoaded(
  eligible: readonly string[],
  loadOf: (user: string) => number,
): { readonly user: string; readonly load: number } | undefined {
  let best: { user: string; load: number } | undefined;
  for (const user of eligible) {
    const load = loadOf(user);
    if (!best || load < best.load) best = { user, load };
  }
  return best;
}

/**
 * Smooth weighted round robin (as nginx does it): every eligible rep gains its weight in
 * credit, the rep with the most credit is picked (ties: the earlier candidate) and pays the
 * total weight back. Over a full cycle each rep gets turns in proportion to its weight, and
 * the turns are spread out rather than bunched.
 *
 * @example
 * weighted(['a', 'b'], (id) => (id === 'a' ? 2 : 1), () => 0);
 * // { user: 'a', credits: Map { a → -1, b → 1 } }
 */
export function weighted(
  eligible: readonly string[],
  weightOf: (user: string) => number,
  creditOf: (user: string) => number,
): { readonly user: string; readonly credits: ReadonlyMap<string, number> } | undefined {
  let total = 0;
  let best: string | undefined;
  let bestCredit = -Infinity;
  const credits = new Map<string, number>();
  for (const user of eligible) {
    const weight = weightOf(user);
    const credit = creditOf(user) + weight;
    total += weight;
    credits.set(user, credit);
    if (credit > bestCredit) {
      best = user;
      bestCredit = credit;
    }
  }
  if (best === undefined) return undefined;
  credits.set(best, bestCredit - total);
  return { user: best, credits };
}

/**
 * Picks with the strategy among the eligible candidates (sticky's own part, the customer's
 * holder, is tried by the caller first).
 *
 * @example
 * pickWithStrategy({ type: 'round-robin' }, 'east', candidates, state, '2026-03-02'); // { assignee: 'lina', … }
 */
export function pickWithStrategy(
  strategy: StrategyModel,
  rule: string,
  candidates: Candidates,
  state: SnapshotState,
  today: string,
): StrategyPick | undefined {
  const type = strategy.type === 'sticky' ? strategy.otherwise : strategy.type;
  if (type === 'least-loaded') {
    const measure: LoadMeasure = strategy.type === 'least-loaded' ? strategy.measure : 'open-items';
    const pick = leastLoaded(candidates.eligible(), (user) => state.load(user, measure, today));
    return (
      pick && { assignee: pick.user, decision: { by: 'least-loaded', measure, load: pick.load } }
    );
  }
  if (type === 'weighted' && strategy.type === 'weighted') {
    const weightOf = (user: string): number => strategy.weights.get(user) ?? 1;
    const pick = weighted(candidates.eligible(), weightOf, (user) => state.credit(rule, user));
    return (
      pick && {
        assignee: pick.user,
        decision: { by: 'weighted', weight: weightOf(pick.user) },
        credits: pick.credits,
      }
    );
  }
  const after = state.cursor(rule);
  const start = after === undefined ? -1 : (candidates.position(after) ?? -1);
  const user = roundRobin(candidates.order, (id) => candidates.canTake(id), start);
  if (user === undefined) return undefined;
  return {
    assignee: user,
    decision: { by: 'round-robin', ...(after === undefined ? {} : { after }) },
    turn: rule,
  };
}
