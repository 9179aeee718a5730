/**
 * A static check for automations that can trigger each other in a circle: A sets a field
 * that B watches, B sets one that A watches (or A watches a field it sets itself). At run
 * time a cascade stops at a fixed point or at the round limit; this finds the risk before.
 */
import type { CompiledAutomation } from '../app/parts.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { DEFAULT_MAX_ROUNDS } from './runAutomations.js';
import { watchedFields } from './triggers.js';

/** Does a change made by `from` start `to`? */
function starts(from: CompiledAutomation, to: CompiledAutomation): boolean {
  if (from.entity !== to.entity || from.writes.size === 0) return false;
  if (to.definition.trigger.type !== 'record.updated') return false;
  const watched = watchedFields(to.definition.trigger);
  return watched === undefined || watched.some((field) => from.writes.has(field));
}

/** Strongly connected components (Tarjan), each in discovery order, nodes by index. */
function components(edges: readonly (readonly number[])[]): number[][] {
  const order: number[] = new Array<number>(edges.length).fill(-1);
  const low: number[] = new Array<number>(edges.length).fill(0);
  const onStack: boolean[] = new Array<boolean>(edges.length).fill(false);
  const stack: number[] = [];
  const found: number[][] = [];
  let counter = 0;
  const visit = (node: number): void => {
    order[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = true;
    for (const next of edges[node] ?? []) {
      if (order[next] === -1) {
        visit(next);
        low[node] = Math.min(low[node] ?? 0, low[next] ?? 0);
      } else if (onStack[next]) {
        low[node] = Math.min(low[node] ?? 0, order[next] ?? 0);
      }
    }
    if (low[node] === order[node]) {
      const component: number[] = [];
      let member: number | undefined;
      do {
        member = stack.pop() as number;
        onStack[member] = false;
        component.push(member);
      } while (member !== node);
      found.push(component.sort((a, b) => a - b));
    }
  };
  for (let node = 0; node < edges.length; node++) if (order[node] === -1) visit(node);
  return found;
}

/** The shortest way from `start` back to itself inside `members` (breadth first). */
function shortestCycle(
  start: number,
  edges: readonly (readonly number[])[],
  members: ReadonlySet<number>,
): number[] {
  const previous = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (const next of edges[node] ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at) as number) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/**
 * One RL5314 warning per group of automations that can start each other in a circle, naming
 * the shortest circle through the group's first automation: `a → b → a`. Switched-off
 * automations take no part. Deterministic: groups and names follow definition order.
 *
 * @example
 * findAutomationLoops([setsScoreOnStatus, setsStatusOnScore]);
 * // [{ code: 'RL5314', params: { cycle: 'set-score → set-status → set-score', … }, … }]
 */
export function findAutomationLoops(automations: readonly CompiledAutomation[]): Diagnostic[] {
  const active = automations.filter((automation) => automation.definition.enabled !== false);
  const edges = active.map((from) => active.flatMap((to, i) => (starts(from, to) ? [i] : [])));
  return components(edges)
    .filter(
      ([first, second]) =>
        second !== undefined || (edges[first as number] ?? []).includes(first as number),
    )
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
    .map((component) => {
      const first = component[0] as number;
      const cycle = shortestCycle(first, edges, new Set(component));
      const origin = active[first] as CompiledAutomation;
      return createDiagnostic(
        'RL5314',
        '/trigger',
        {
          cycle: cycle.map((node) => active[node]?.id ?? '').join(' → '),
          rounds: DEFAULT_MAX_ROUNDS,
        },
        { file: origin.file },
      );
    });
}
