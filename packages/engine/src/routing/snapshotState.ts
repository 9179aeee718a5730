/**
 * The routing snapshot while leads are routed: read defensively (it comes from the caller's
 * storage and may be stale or malformed) and changed copy-on-write, so the snapshot given
 * is never touched and one batch of leads copies each part at most once. Keys are user ids
 * and customer keys: they are read as own properties, and a key `__proto__` is written with
 * `defineProperty`, so a customer called `__proto__` is just a customer.
 */
import type { LoadMeasure, RepLoad, RoutingSnapshot } from './types.js';

type Dict = Record<string, unknown>;

const EMPTY: Readonly<Dict> = Object.freeze({});

/** The value of an own property of an object, else undefined. */
export function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Dict)[key]
    : undefined;
}

function dict(value: unknown): Readonly<Dict> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Dict)
    : EMPTY;
}

/** A count from the snapshot: finite numbers as given, anything else 0. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function put(target: Dict, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** What an assignment changes. */
export interface Assignment {
  readonly assignee: string;
  /** The local day of the routing. */
  readonly today: string;
  /** Round robin: the rule whose turn the assignee had. */
  readonly turn?: string;
  /** Weighted: the rule and every eligible rep's new credit. */
  readonly credits?: { readonly rule: string; readonly values: ReadonlyMap<string, number> };
  /** Customer keys of the lead, per customer field the routing tracks. */
  readonly customers: readonly (readonly [field: string, key: string])[];
}

/**
 * A snapshot being read and changed. `snapshot()` hands out the current state; changes after
 * that copy again, so a snapshot handed out never changes either.
 */
export class SnapshotState {
  private root: Dict;
  private owned = new WeakSet<object>();
  // A batch reads the same reps again and again: remember entries (cheaper than the lookup
  // in a large plain object); assign keeps it current.
  private readonly reps = new Map<string, RepLoad | undefined>();

  constructor(snapshot: RoutingSnapshot) {
    this.root = dict(snapshot) as Dict;
  }

  /** The rep's entry, or undefined. */
  rep(user: string): RepLoad | undefined {
    if (this.reps.has(user)) return this.reps.get(user);
    const found = own(own(this.root, 'reps'), user);
    const rep = typeof found === 'object' && found !== null ? (found as RepLoad) : undefined;
    this.reps.set(user, rep);
    return rep;
  }

  open(user: string): number {
    return count(own(this.rep(user), 'open'));
  }

  /** The status the snapshot gives the rep, if any. */
  status(user: string): string | undefined {
    const status = own(this.rep(user), 'status');
    return typeof status === 'string' ? status : undefined;
  }

  /** The rep's load as a least-loaded strategy measures it on `today`. */
  load(user: string, measure: LoadMeasure, today: string): number {
    switch (measure) {
      case 'assigned-today':
        return own(this.root, 'day') === today ? count(own(this.rep(user), 'assignedToday')) : 0;
      case 'signed-7d':
        return count(own(this.rep(user), 'signed7d'));
      default:
        return this.open(user);
    }
  }

  /** The rep who had the rule's last round-robin turn. */
  cursor(rule: string): string | undefined {
    const cursor = own(own(this.root, 'cursors'), rule);
    return typeof cursor === 'string' ? cursor : undefined;
  }

  /** The weighted-round-robin credit of a rep for a rule. */
  credit(rule: string, user: string): number {
    return count(own(own(own(this.root, 'credits'), rule), user));
  }

  /** Reps who hold a customer, in the order they got it, each once (a new array). */
  holders(field: string, key: string): string[] {
    const list = own(own(own(this.root, 'customers'), field), key);
    if (!Array.isArray(list)) return [];
    return [...new Set(list.filter((id): id is string => typeof id === 'string' && id !== ''))];
  }

  /** The snapshot as it is now. */
  snapshot(): RoutingSnapshot {
    // What is handed out must not change: the next change copies again.
    this.owned = new WeakSet();
    return this.root as RoutingSnapshot;
  }

  /** A writable copy of `parent[key]` (an object), attached to the writable `parent`. */
  private writable(parent: Dict, key: string): Dict {
    const current = own(parent, key);
    if (typeof current === 'object' && current !== null && this.owned.has(current)) {
      return current as Dict;
    }
    const copy: Dict = { ...dict(current) };
    this.owned.add(copy);
    put(parent, key, copy);
    return copy;
  }

  private writableRoot(): Dict {
    if (!this.owned.has(this.root)) {
      this.root = { ...this.root };
      this.owned.add(this.root);
    }
    return this.root;
  }

  /**
   * Records an assignment: the assignee's open and today's counts + 1 (a new day resets
   * every rep's count), the rule's turn or credits, and the assignee among the holders of
   * the lead's customer.
   *
   * @example
   * state.assign({ assignee: 'lina', today: '2026-03-02', turn: 'east', customers: [] });
   * state.snapshot(); // { reps: { lina: { open: 1, assignedToday: 1 } }, day: '2026-03-02', cursors: { east: 'lina' } }
   */
  assign(change: Assignment): void {
    const root = this.writableRoot();
    const reps = this.writable(root, 'reps');
    const sameDay = own(root, 'day') === change.today;
    if (!sameDay) {
      for (const [id, entry] of Object.entries(reps)) {
        if (own(entry, 'assignedToday') === undefined) continue;
        const { assignedToday: _yesterday, ...rest } = dict(entry) as RepLoad;
        put(reps, id, rest);
      }
      root['day'] = change.today;
      this.reps.clear();
    }
    const rep = dict(own(reps, change.assignee)) as RepLoad;
    const next: RepLoad = {
      ...rep,
      open: count(rep.open) + 1,
      assignedToday: (sameDay ? count(rep.assignedToday) : 0) + 1,
    };
    put(reps, change.assignee, next);
    this.reps.set(change.assignee, next);
    if (change.turn !== undefined) {
      put(this.writable(root, 'cursors'), change.turn, change.assignee);
    }
    if (change.credits) {
      const credits = this.writable(this.writable(root, 'credits'), change.credits.rule);
      for (const [user, credit] of change.credits.values) put(credits, user, credit);
    }
    for (const [field, key] of change.customers) {
      const holders = this.holders(field, key);
      if (holders.includes(change.assignee)) continue;
      const byKey = this.writable(this.writable(root, 'customers'), field);
      put(byKey, key, [...holders, change.assignee]);
    }
  }
}
