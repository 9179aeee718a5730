import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import type { RoutingDefinition, RoutingStrategy } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { DirectoryUser } from '../../app/types.js';
import type { CompiledRouting, RouteResult, RoutingSnapshot } from '../types.js';
import { compile, leadEntity, MONDAY_10 } from './world.js';

// ─── Generators ────────────────────────────────────────────────────────────────────────

const STATUSES = [undefined, '在岗', '出差', '休假'] as const;
const SKIP = ['出差', '休假'];
const TEAMS = ['east', 'south'] as const;

const repArb = (id: string) =>
  fc
    .record({
      status: fc.constantFrom(...STATUSES),
      teams: fc.subarray([...TEAMS]),
      isRep: fc.boolean(),
    })
    .map(({ status, teams, isRep }): DirectoryUser => ({
      id,
      teams,
      roles: isRep ? ['sales-rep'] : [],
      ...(status === undefined ? {} : { status }),
    }));

const usersArb = fc
  .integer({ min: 1, max: 10 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => repArb(`r${i}`))));

const leadArb = fc.record({
  source: fc.constantFrom('website', 'expo', 'inbound-call', 'douyin'),
  budget: fc.integer({ min: 0, max: 500_000 }),
  region: fc.constantFrom('east', 'south', 'north', undefined),
  customer: fc.constantFrom('K1', 'K2', 'K3', 'K4', undefined),
});

const strategyArb: fc.Arbitrary<RoutingStrategy> = fc.oneof(
  fc.constant<RoutingStrategy>({ type: 'round-robin' }),
  fc.constantFrom<RoutingStrategy>(
    { type: 'least-loaded' },
    { type: 'least-loaded', measure: 'assigned-today' },
    { type: 'least-loaded', measure: 'signed-7d' },
  ),
  fc.constant<RoutingStrategy>({ type: 'weighted', weights: { r0: 3, r1: 2 } }),
  fc.constantFrom<RoutingStrategy>(
    { type: 'sticky', by: 'customer' },
    { type: 'sticky', by: 'customer', otherwise: 'least-loaded' },
  ),
);

const definitionArb = fc
  .record({
    strategy: strategyArb,
    maxOpenItems: fc.integer({ min: 1, max: 10 }),
    limit: fc.constantFrom(undefined, 1, 2),
    prefer: fc.subarray(['r0', 'r1', 'r2', 'r9']),
  })
  .map(({ strategy, maxOpenItems, limit, prefer }): RoutingDefinition => ({
    $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
    id: 'random',
    entity: 'lead',
    rules: [
      {
        id: 'website-east',
        when: {
          and: [{ '==': [{ var: 'source' }, 'website'] }, { '==': [{ var: 'region' }, 'east'] }],
        },
        pool: { teams: ['east'] },
      },
      { id: 'south', when: { '==': [{ var: 'region' }, 'south'] }, pool: { teams: ['south'] } },
      {
        id: 'listed',
        when: { '<': [{ var: 'budget' }, 50000] },
        pool: { users: ['r2', 'r0', 'r9'] },
      },
      { id: 'reps', when: { '!=': [{ var: 'region' }, null] }, pool: { roles: ['sales-rep'] } },
    ],
    strategy,
    constraints: {
      maxOpenItems,
      skipStatuses: ['出差', '休假'],
      ...(limit === undefined ? {} : { maxOwnersPerCustomer: limit, customerField: 'customer' }),
    },
    ...(prefer.length > 0
      ? {
          preferences: [
            { id: 'big', when: { '>': [{ var: 'budget' }, 200000] }, prefer: prefer as [string] },
          ],
        }
      : {}),
    fallback: { queue: 'pool', notify: [{ role: 'sales-manager' }] },
  }));

const snapshotArb = (users: readonly DirectoryUser[]) =>
  fc
    .tuple(
      ...users.map(() =>
        fc.record({
          open: fc.integer({ min: 0, max: 12 }),
          signed7d: fc.integer({ min: 0, max: 5 }),
          status: fc.constantFrom(undefined, undefined, '出差', '在岗'),
        }),
      ),
    )
    .map((loads): RoutingSnapshot => ({
      reps: Object.fromEntries(
        users.map((user, i) => {
          const { status, ...rest } = loads[i]!;
          return [user.id, status === undefined ? rest : { ...rest, status }];
        }),
      ),
    }));

function compiled(definition: RoutingDefinition): CompiledRouting {
  const { routing, diagnostics } = compile(definition, { entity: leadEntity });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!routing || errors.length > 0) throw new Error(JSON.stringify(errors));
  return routing;
}

// ─── An oracle that does not use the routing code ──────────────────────────────────────

/** The first rule whose condition json-logic-js finds true. */
function oracleRule(definition: RoutingDefinition, values: Record<string, unknown>) {
  return definition.rules.find(
    (rule) =>
      rule.when === undefined ||
      jsonLogic.truthy(jsonLogic.apply(rule.when as jsonLogic.RulesLogic, values)),
  );
}

function inPool(rule: RoutingDefinition['rules'][number], user: DirectoryUser): boolean {
  const { users = [], roles = [], teams = [] } = rule.pool;
  return (
    (users as string[]).includes(user.id) ||
    (user.roles ?? []).some((role) => (roles as string[]).includes(role)) ||
    (user.teams ?? []).some((team) => (teams as string[]).includes(team))
  );
}

/** Can the rep take a lead now, by status and load alone? */
function available(
  definition: RoutingDefinition,
  user: DirectoryUser,
  snapshot: RoutingSnapshot,
): boolean {
  const rep = snapshot.reps?.[user.id];
  const status = rep?.status ?? user.status;
  const max = definition.constraints?.maxOpenItems ?? Infinity;
  return !(status !== undefined && SKIP.includes(status)) && (rep?.open ?? 0) <= max;
}

function holdersOf(snapshot: RoutingSnapshot, customer: unknown): string[] {
  return typeof customer === 'string'
    ? [...(snapshot.customers?.['customer']?.[customer] ?? [])]
    : [];
}

/** Routes the leads in order, threading the snapshot; calls `check` with each step. */
function replay(
  routing: CompiledRouting,
  users: readonly DirectoryUser[],
  leads: readonly Record<string, unknown>[],
  start: RoutingSnapshot,
  check: (result: RouteResult, before: RoutingSnapshot, values: Record<string, unknown>) => void,
): RoutingSnapshot {
  let snapshot = start;
  leads.forEach((values, i) => {
    const result = routing.route({ id: `L${i}`, values }, snapshot, { now: MONDAY_10, users });
    check(result, snapshot, values);
    snapshot = result.snapshot;
  });
  return snapshot;
}

const withManager = (users: readonly DirectoryUser[]): DirectoryUser[] => [
  ...users,
  { id: 'boss', roles: ['sales-manager'] },
];

// ─── Properties ────────────────────────────────────────────────────────────────────────

describe('routing properties', () => {
  it('never assigns a rep who is over capacity or away while an eligible rep exists', () => {
    fc.assert(
      fc.property(
        definitionArb,
        usersArb.chain((users) => fc.tuple(fc.constant(users), snapshotArb(users))),
        fc.array(leadArb, { minLength: 1, maxLength: 25 }),
        (definition, [users, start], leads) => {
          const routing = compiled(definition);
          const directory = withManager(users);
          const limit = definition.constraints?.maxOwnersPerCustomer;
          replay(routing, directory, leads, start, (result, before, values) => {
            const rule = oracleRule(definition, values);
            expect(result.rule).toBe(rule?.id);
            if (!rule) {
              expect(result.queue).toBe('pool');
              return;
            }
            const holders = limit === undefined ? [] : holdersOf(before, values['customer']);
            const full = limit !== undefined && holders.length >= limit;
            const eligible = directory.filter(
              (user) =>
                (full ? holders.includes(user.id) : inPool(rule, user)) &&
                available(definition, user, before),
            );
            if (result.assignee === undefined) {
              expect(eligible.map((u) => u.id)).toEqual([]);
              expect(result.effects).toMatchObject([{ type: 'notify', recipients: ['boss'] }]);
            } else {
              expect(eligible.map((u) => u.id)).toContain(result.assignee);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round robin is fair: over k·n leads each of n eligible reps gets k (± 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.constantFrom(...STATUSES), { minLength: 8, maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
        fc.integer({ min: 0, max: 1000 }),
        (size, k, statuses, cursor, seed) => {
          const ids = Array.from({ length: size }, (_, i) => `r${i}`);
          // The directory order must not matter: rotate it.
          const users = ids
            .map((id, i): DirectoryUser => ({
              id,
              roles: ['sales-rep'],
              status: statuses[i] ?? '在岗',
            }))
            .map((_, i, all) => all[(i + seed) % all.length]!);
          const eligible = users.filter((u) => !SKIP.includes(u.status ?? '')).map((u) => u.id);
          fc.pre(eligible.length > 0);
          const routing = compiled({
            $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
            id: 'rr',
            entity: 'lead',
            rules: [{ id: 'all', pool: { roles: ['sales-rep'] } }],
            constraints: { skipStatuses: ['出差', '休假'] },
            fallback: { queue: 'pool' },
          });
          const start: RoutingSnapshot =
            cursor === undefined ? {} : { cursors: { all: `r${cursor}` } };
          const counts = new Map<string, number>();
          const leads = Array.from({ length: k * eligible.length }, () => ({}));
          replay(routing, users, leads, start, (result) => {
            expect(result.assignee).toBeDefined();
            counts.set(result.assignee!, (counts.get(result.assignee!) ?? 0) + 1);
          });
          for (const id of eligible) {
            expect(Math.abs((counts.get(id) ?? 0) - k)).toBeLessThanOrEqual(1);
          }
          expect([...counts.keys()].every((id) => eligible.includes(id))).toBe(true);
        },
      ),
    );
  });

  it('weighted turns are exactly proportional over whole cycles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (weights, cycles) => {
          const ids = weights.map((_, i) => `r${i}`);
          const routing = compiled({
            $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
            id: 'w',
            entity: 'lead',
            rules: [{ id: 'all', pool: { users: ids as [string] } }],
            strategy: {
              type: 'weighted',
              weights: Object.fromEntries(ids.map((id, i) => [id, weights[i]!])),
            },
            fallback: { queue: 'pool' },
          });
          const total = weights.reduce((a, b) => a + b, 0);
          const counts = new Map<string, number>();
          const users = ids.map((id) => ({ id }));
          replay(
            routing,
            users,
            Array.from({ length: total * cycles }, () => ({})),
            {},
            (r) => {
              counts.set(r.assignee!, (counts.get(r.assignee!) ?? 0) + 1);
            },
          );
          expect(ids.map((id) => counts.get(id) ?? 0)).toEqual(weights.map((w) => w * cycles));
        },
      ),
    );
  });

  it('dedupe holds: one customer never has more reps than the limit over a sequence', () => {
    fc.assert(
      fc.property(
        definitionArb.filter((d) => d.constraints?.maxOwnersPerCustomer !== undefined),
        fc.array(fc.tuple(leadArb, usersArb), { minLength: 1, maxLength: 30 }),
        (definition, steps) => {
          const routing = compiled(definition);
          const limit = definition.constraints!.maxOwnersPerCustomer!;
          const owners = new Map<string, Set<string>>();
          let snapshot: RoutingSnapshot = {};
          steps.forEach(([values, users], i) => {
            // The team changes between leads (trips, leave, new hires): dedupe still holds.
            const result = routing.route({ id: `L${i}`, values }, snapshot, {
              now: MONDAY_10,
              users,
            });
            snapshot = result.snapshot;
            if (result.assignee !== undefined && typeof values.customer === 'string') {
              const set = owners.get(values.customer) ?? new Set();
              set.add(result.assignee);
              owners.set(values.customer, set);
              expect(set.size).toBeLessThanOrEqual(limit);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic and pure: the same inputs give the same result, inputs unchanged', () => {
    fc.assert(
      fc.property(
        definitionArb,
        usersArb.chain((users) => fc.tuple(fc.constant(users), snapshotArb(users))),
        fc.array(leadArb, { minLength: 1, maxLength: 10 }),
        (definition, [users, start], leads) => {
          const routing = compiled(definition);
          const again = compiled(structuredClone(definition));
          const frozen = deepFreeze(structuredClone({ users, start, leads }));
          const results: RouteResult[] = [];
          replay(routing, users, leads, start, (result) => results.push(result));
          const repeated: RouteResult[] = [];
          replay(again, frozen.users, frozen.leads, frozen.start, (result) =>
            repeated.push(result),
          );
          expect(repeated).toEqual(results);
          expect(results.every((r) => r.error === undefined)).toBe(true);
        },
      ),
    );
  });

  it('routeMany picks as route does in a loop and leaves the same snapshot', () => {
    fc.assert(
      fc.property(
        definitionArb,
        usersArb.chain((users) => fc.tuple(fc.constant(users), snapshotArb(users))),
        fc.array(leadArb, { maxLength: 20 }),
        fc.constantFrom(MONDAY_10, '2026-03-03T09:30:00+08:00'),
        (definition, [users, start], leadValues, now) => {
          const routing = compiled(definition);
          const leads = leadValues.map((values, i) => ({ id: `L${i}`, values }));
          const ctx = { now, users: withManager(users) };
          let snapshot: RoutingSnapshot = { ...start, day: '2026-03-02' };
          const one = leads.map((lead) => {
            const { snapshot: next, ...result } = routing.route(lead, snapshot, ctx);
            snapshot = next;
            return result;
          });
          const given = structuredClone({ ...start, day: '2026-03-02' });
          const batch = routing.routeMany(leads, given, ctx);
          expect(batch.results).toEqual(one);
          expect(batch.snapshot).toEqual(snapshot);
          expect(given).toEqual({ ...start, day: '2026-03-02' });
        },
      ),
    );
  });

  it('explain: false picks as the explained route does and leaves the same snapshot', () => {
    fc.assert(
      fc.property(
        definitionArb,
        usersArb.chain((users) => fc.tuple(fc.constant(users), snapshotArb(users))),
        fc.array(leadArb, { maxLength: 20 }),
        fc.constantFrom(MONDAY_10, '2026-03-03T09:30:00+08:00', 'not a time'),
        (definition, [users, start], leadValues, now) => {
          const routing = compiled(definition);
          const leads = leadValues.map((values, i) => ({ id: `L${i}`, values }));
          const ctx = { now, users: withManager(users) };
          const essentials = (result: Omit<RouteResult, 'snapshot'>) => ({
            assignee: result.assignee,
            queue: result.queue,
            rule: result.rule,
            effects: result.effects,
            error: result.error,
            decision: result.explanation.decision,
            candidateCount: result.explanation.candidateCount,
            matched: result.explanation.rules.map((r) => [r.rule, r.matched]),
          });
          let explained: RoutingSnapshot = { ...start, day: '2026-03-02' };
          let quick: RoutingSnapshot = explained;
          for (const lead of leads) {
            const full = routing.route(lead, explained, ctx);
            const bare = routing.route(lead, quick, ctx, { explain: false });
            expect(essentials(bare)).toEqual(essentials(full));
            expect(bare.explanation.candidates).toEqual([]);
            expect(bare.explanation.rules.every((r) => r.trace.length === 0)).toBe(true);
            expect(bare.snapshot).toEqual(full.snapshot);
            explained = full.snapshot;
            quick = bare.snapshot;
          }
          const batch = routing.routeMany(leads, { ...start, day: '2026-03-02' }, ctx, {
            explain: false,
          });
          expect(batch.snapshot).toEqual(explained);
        },
      ),
    );
  });

  it('hands out snapshots that stay as they were, whatever the caller does with later ones', () => {
    const routing = compiled({
      $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
      id: 'shared',
      entity: 'lead',
      rules: [{ id: 'all', pool: { roles: ['sales-rep'] } }],
      strategy: { type: 'sticky', by: 'customer' },
      constraints: { maxOwnersPerCustomer: 1, customerField: 'customer' },
      fallback: { queue: 'pool' },
    });
    const users: DirectoryUser[] = ['a', 'b', 'c'].map((id) => ({ id, roles: ['sales-rep'] }));
    const ctx = { now: MONDAY_10, users };
    const startReps: Record<string, { open?: number }> = { a: { open: 2 } };
    const start: RoutingSnapshot = { reps: startReps, day: '2026-03-02' };
    const snapshots = [start];
    for (let i = 0; i < 80; i++) {
      const lead = { id: `L${i}`, values: { customer: `K${i % 7}` } };
      snapshots.push(routing.route(lead, snapshots.at(-1)!, ctx).snapshot);
    }
    const copies = snapshots.map((s) => JSON.parse(JSON.stringify(s)) as RoutingSnapshot);
    // The caller changes the reps it was given back (closing leads), then routes on. (Parts a
    // routing left unchanged are shared with the snapshot before, as they always were.)
    const mutable = snapshots.at(-1)!.reps as Record<string, { open?: number }>;
    mutable['a'] = { open: 0 };
    const later = routing.route({ id: 'X', values: { customer: 'K0' } }, snapshots.at(-1)!, ctx);
    mutable['b'] = { open: 99 };
    startReps['a'] = { open: 50 };
    expect(later.snapshot.reps?.['a']?.open).toBe(later.assignee === 'a' ? 1 : 0);
    expect(later.snapshot.reps?.['b']?.open).not.toBe(99);
    snapshots
      .slice(0, -1)
      .forEach((s, i) =>
        expect(s).toEqual(i === 0 ? { reps: { a: { open: 50 } }, day: '2026-03-02' } : copies[i]),
      );
    expect(structuredClone(later.snapshot)).toEqual(JSON.parse(JSON.stringify(later.snapshot)));
  });

  it('never throws on random leads, snapshots, times and directories', () => {
    const routing = compiled({
      $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
      id: 'any',
      entity: 'lead',
      rules: [
        { id: 'big', when: { '>': [{ var: 'budget' }, 200000] }, pool: { teams: ['east'] } },
        { id: 'all', pool: { roles: ['sales-rep'] } },
      ],
      strategy: { type: 'sticky', by: 'customer' },
      constraints: {
        maxOpenItems: 8,
        skipStatuses: ['出差'],
        workingHoursOnly: true,
        maxOwnersPerCustomer: 1,
        customerField: 'customer',
      },
      preferences: [{ id: 'p', when: { '==': [{ var: 'source' }, 'website'] }, prefer: ['r0'] }],
      fallback: { queue: 'pool', notify: [{ role: 'sales-manager' }, { managerOf: 'owner' }] },
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ id: fc.anything(), values: fc.anything() })),
        fc.oneof(
          fc.anything(),
          fc.record({ reps: fc.anything(), customers: fc.anything(), cursors: fc.anything() }),
        ),
        fc.oneof(fc.anything(), fc.integer(), fc.constant(MONDAY_10)),
        fc.oneof(fc.anything(), usersArb),
        (lead, snapshot, now, users) => {
          const result = routing.route(lead as never, snapshot as never, {
            now: now as never,
            users: users as never,
          });
          expect(result.routing).toBe('any');
          expect(result.assignee !== undefined || result.queue === 'pool').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compiling never throws on random definitions', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          definitionArb.map((d) => ({ ...d, rules: [{}] })),
        ),
        (definition) => {
          expect(() => compile(definition, { entity: leadEntity })).not.toThrow();
        },
      ),
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
