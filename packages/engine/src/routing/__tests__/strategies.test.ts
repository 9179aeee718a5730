import type { RoutingDefinition, RoutingStrategy } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { DirectoryUser } from '../../app/types.js';
import type { CompiledRouting, RouteResult, RoutingSnapshot } from '../types.js';
import { compile, MONDAY_10 } from './world.js';

const users: DirectoryUser[] = ['a', 'b', 'c', 'd'].map((id) => ({
  id,
  roles: ['sales-rep'],
  teams: ['t'],
}));

function routingWith(
  strategy: RoutingStrategy,
  extra: Partial<RoutingDefinition> = {},
): CompiledRouting {
  const { routing, diagnostics } = compile({
    $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
    id: 'r',
    entity: 'lead',
    rules: [{ id: 'all', pool: { users: ['a', 'b', 'c'] } }],
    strategy,
    fallback: { queue: 'q' },
    ...extra,
  });
  expect(diagnostics).toEqual([]);
  if (!routing) throw new Error('does not compile');
  return routing;
}

/** Routes the leads in order, threading the snapshot; returns the assignees and the results. */
function routeAll(
  routing: CompiledRouting,
  leads: readonly Record<string, unknown>[],
  start: RoutingSnapshot = {},
  who: readonly DirectoryUser[] = users,
  now: string | number = MONDAY_10,
): { picks: (string | undefined)[]; results: RouteResult[]; snapshot: RoutingSnapshot } {
  let snapshot = start;
  const results: RouteResult[] = [];
  leads.forEach((values, i) => {
    const result = routing.route({ id: `L${i}`, values }, snapshot, { now, users: who });
    results.push(result);
    snapshot = result.snapshot;
  });
  return { picks: results.map((r) => r.assignee), results, snapshot };
}

const blank = (n: number): Record<string, unknown>[] => Array.from({ length: n }, () => ({}));

describe('round robin', () => {
  const routing = routingWith({ type: 'round-robin' });

  it('takes turns in pool order and remembers the turn per rule', () => {
    const { picks, snapshot } = routeAll(routing, blank(7));
    expect(picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
    expect(snapshot.cursors).toEqual({ all: 'a' });
  });

  it('goes on after the rep of the last turn, skipping reps who cannot take it', () => {
    const away = users.map((u) => (u.id === 'c' ? { ...u, status: '出差' } : u));
    const limited = routingWith(
      { type: 'round-robin' },
      { constraints: { skipStatuses: ['出差'] } },
    );
    const { picks } = routeAll(limited, blank(4), { cursors: { all: 'b' } }, away);
    expect(picks).toEqual(['a', 'b', 'a', 'b']);
  });

  it('starts from the beginning when the rep of the last turn left the pool', () => {
    expect(routeAll(routing, blank(2), { cursors: { all: 'zz' } }).picks).toEqual(['a', 'b']);
  });

  it('looks at reps in turn order and stops at the first who can take it', () => {
    const away = users.map((u) => (u.id === 'b' ? { ...u, status: '出差' } : u));
    const limited = routingWith(
      { type: 'round-robin' },
      { constraints: { skipStatuses: ['出差'] } },
    );
    const result = limited.route(
      { id: 'L', values: {} },
      { cursors: { all: 'a' } },
      { now: MONDAY_10, users: away },
    );
    expect(result.assignee).toBe('c');
    expect(result.explanation.candidates).toEqual([
      { user: 'b', via: 'pool', skipped: [{ type: 'status', status: '出差' }] },
      { user: 'c', via: 'pool', skipped: [] },
    ]);
    expect(result.explanation.candidateCount).toBe(3);
  });

  it('explains the turn', () => {
    const { results } = routeAll(routing, blank(2));
    expect(results.map((r) => r.explanation.decision)).toEqual([
      { by: 'round-robin' },
      { by: 'round-robin', after: 'a' },
    ]);
  });
});

describe('least loaded', () => {
  it('picks the smallest open load; ties go to the earlier rep in the pool', () => {
    const routing = routingWith({ type: 'least-loaded' });
    const start: RoutingSnapshot = { reps: { a: { open: 2 }, b: { open: 1 }, c: { open: 1 } } };
    const { picks } = routeAll(routing, blank(4), start);
    // b (1) → c (1, b now 2) → a (2, tie with b; a is earlier) → b.
    expect(picks).toEqual(['b', 'c', 'a', 'b']);
  });

  it('looks at every candidate and says which load was smallest', () => {
    const routing = routingWith({ type: 'least-loaded' });
    const snapshot: RoutingSnapshot = { reps: { a: { open: 2 }, b: { open: 1 }, c: { open: 4 } } };
    const result = routing.route({ id: 'L', values: {} }, snapshot, { now: MONDAY_10, users });
    expect(result.explanation.candidates.map((c) => c.user)).toEqual(['a', 'b', 'c']);
    expect(routing.describe(result).at(-1)).toEqual({
      'zh-CN': '结果：分配给 b（负载最少：未结线索 1 条）',
      en: 'result: assigned to b (least loaded: open leads 1)',
    });
  });

  it('measures deals signed in the last 7 days (S42: busy closers get fewer new leads)', () => {
    const routing = routingWith({ type: 'least-loaded', measure: 'signed-7d' });
    const start: RoutingSnapshot = {
      reps: { a: { signed7d: 5 }, b: { signed7d: 0 }, c: { signed7d: 2 } },
    };
    // signed7d is the caller's to keep: every lead goes to b.
    expect(routeAll(routing, blank(3), start).picks).toEqual(['b', 'b', 'b']);
  });

  it('measures records assigned today, and a new day starts the counts again', () => {
    const routing = routingWith({ type: 'least-loaded', measure: 'assigned-today' });
    const yesterday: RoutingSnapshot = {
      day: '2026-03-01',
      reps: { a: { assignedToday: 9, open: 1 }, b: { assignedToday: 1 } },
    };
    const { picks, snapshot } = routeAll(routing, blank(3), yesterday);
    expect(picks).toEqual(['a', 'b', 'c']);
    expect(snapshot).toMatchObject({
      day: '2026-03-02',
      reps: { a: { open: 2, assignedToday: 1 }, b: { open: 1, assignedToday: 1 } },
    });
    const sameDay: RoutingSnapshot = { ...yesterday, day: '2026-03-02' };
    // Same day: a 9, b 1, c 0 → c; then b and c tie at 1 and b is earlier.
    expect(routeAll(routing, blank(2), sameDay).picks).toEqual(['c', 'b']);
  });
});

describe('weighted', () => {
  it('gives turns in proportion to the weights, spread out (smooth weighted round robin)', () => {
    const routing = routingWith({ type: 'weighted', weights: { a: 3, b: 1 } });
    const { picks } = routeAll(routing, blank(10));
    // Weights 3 : 1 : 1 (c has none, so 1): in every 5 turns a gets 3, b 1, c 1, and a's
    // turns are spread out rather than three in a row.
    expect(picks).toEqual(['a', 'b', 'a', 'c', 'a', 'a', 'b', 'a', 'c', 'a']);
  });

  it('keeps the credits in the snapshot and continues from them', () => {
    const routing = routingWith({ type: 'weighted', weights: { a: 2, b: 1, c: 1 } });
    const whole = routeAll(routing, blank(8)).picks;
    const first = routeAll(routing, blank(3));
    const rest = routeAll(routing, blank(5), first.snapshot).picks;
    expect([...first.picks, ...rest]).toEqual(whole);
    expect(first.snapshot.credits?.['all']).toBeDefined();
  });
});

describe('sticky by customer', () => {
  const routing = routingWith(
    { type: 'sticky', by: 'customer', otherwise: 'round-robin' },
    { constraints: { skipStatuses: ['休假'] } },
  );

  it('gives a customer’s next lead to the rep who has it', () => {
    const leads = [{ customer: 'K1' }, { customer: 'K2' }, { customer: 'K1' }, { customer: 'K3' }];
    const { picks, results } = routeAll(routing, leads);
    expect(picks).toEqual(['a', 'b', 'a', 'c']);
    expect(results[2]?.explanation.decision).toEqual({
      by: 'sticky',
      field: 'customer',
      customer: 'K1',
    });
  });

  it('uses the otherwise strategy while the holder cannot take it', () => {
    const first = routeAll(routing, [{ customer: 'K1' }]);
    const away = users.map((u) => (u.id === 'a' ? { ...u, status: '休假' } : u));
    const { picks, snapshot } = routeAll(routing, [{ customer: 'K1' }], first.snapshot, away);
    expect(picks).toEqual(['b']);
    // Without dedupe, the customer now has two holders; sticky prefers the first again.
    expect(snapshot.customers).toEqual({ customer: { K1: ['a', 'b'] } });
    expect(routeAll(routing, [{ customer: 'K1' }], snapshot).picks).toEqual(['a']);
  });

  it('treats a lead without a customer like the otherwise strategy', () => {
    expect(routeAll(routing, [{}, { customer: '' }, { customer: null }]).picks).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('can fall back to least loaded', () => {
    const leastLoaded = routingWith({ type: 'sticky', by: 'customer', otherwise: 'least-loaded' });
    const start: RoutingSnapshot = { reps: { a: { open: 5 }, b: { open: 0 }, c: { open: 3 } } };
    expect(routeAll(leastLoaded, [{ customer: 'K1' }, { customer: 'K1' }], start).picks).toEqual([
      'b',
      'b',
    ]);
  });

  it('applies a rule’s own strategy instead of the routing’s', () => {
    const { routing: mixed } = compile({
      $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
      id: 'r',
      entity: 'lead',
      rules: [
        {
          id: 'vip',
          when: { '==': [{ var: 'vip' }, true] },
          pool: { users: ['c', 'b'] },
          strategy: { type: 'round-robin' },
        },
        { id: 'rest', pool: { users: ['a', 'b', 'c'] } },
      ],
      strategy: { type: 'least-loaded' },
      fallback: { queue: 'q' },
    });
    const { picks } = routeAll(mixed!, [{ vip: true }, { vip: true }, {}, {}]);
    expect(picks).toEqual(['c', 'b', 'a', 'a']);
  });
});
