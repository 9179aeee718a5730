/**
 * The routing snapshot while leads are routed: read defensively (it comes from the caller's
 * storage and may be stale or malformed) and changed copy-on-write, so the snapshot given
 * is never touched. Keys are user ids and customer keys: they are read as own properties,
 * and a key `__proto__` is written with `defineProperty`, so a customer called `__proto__`
 * is just a customer.
 *
 * The two large parts, `reps` (one entry per rep) and each field of `customers` (one entry
 * per customer ever routed), are shared between snapshots rather than copied for every lead:
 * a snapshot handed out holds them as a private base object plus the few entries changed
 * since (see {@link Layered}), behind an enumerable getter that builds the plain object the
 * first time anyone reads it and then turns into an ordinary data property. Routing from a
 * snapshot whose part was never read costs only the changed entries; a part that was read
 * (the caller may have changed it) is read as given and copied once when it next changes.
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

// ─── Parts shared between snapshots ────────────────────────────────────────────────────

/** A part handed out unbuilt: a private base and the entries changed since, both frozen in use. */
interface Deferred {
  /** Ours: never changed, never handed out itself. */
  readonly base: Readonly<Dict>;
  /** How many keys `base` has. */
  readonly size: number;
  /** Never changed once handed out. */
  readonly changes: ReadonlyMap<string, unknown>;
  /** The getter that builds it (a part whose property was redefined is not ours any more). */
  getter?: () => unknown;
  /** Set once the plain object was built (or the property set): from then on it is the caller's. */
  read?: boolean;
}

// The unbuilt parts of the objects handed out, by holder and key.
const deferred = new WeakMap<object, Map<string, Deferred>>();

/** The plain object of a base and its changes (a new object). */
function build(base: Readonly<Dict>, changes: ReadonlyMap<string, unknown>): Dict {
  const out: Dict = { ...base };
  for (const [key, value] of changes) put(out, key, value);
  return out;
}

/** Defines `holder[key]` as a part built on first read, then a plain data property. */
function defer(holder: Dict, key: string, part: Deferred): void {
  let parts = deferred.get(holder);
  if (!parts) {
    parts = new Map();
    deferred.set(holder, parts);
  }
  parts.set(key, part);
  const settle = (value: unknown): void => {
    part.read = true;
    // A frozen holder keeps the accessor, which then keeps returning the value.
    Reflect.defineProperty(holder, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  };
  let value: unknown;
  const getter = (): unknown => {
    if (!part.read) {
      value = build(part.base, part.changes);
      settle(value);
    }
    return value;
  };
  part.getter = getter;
  Object.defineProperty(holder, key, {
    enumerable: true,
    configurable: true,
    get: getter,
    set: (next: unknown) => {
      value = next;
      settle(next);
    },
  });
}

/** The part at `holder[key]` when it is ours and nobody has read it yet. */
function unread(holder: unknown, key: string): Deferred | undefined {
  if (typeof holder !== 'object' || holder === null) return undefined;
  const part = deferred.get(holder)?.get(key);
  if (!part || part.read) return undefined;
  return Object.getOwnPropertyDescriptor(holder, key)?.get === part.getter ? part : undefined;
}

/** A shallow copy that keeps unread parts unbuilt (a spread would build them). */
function copy(source: Readonly<Dict>): Dict {
  if (!deferred.has(source)) return { ...source };
  const out: Dict = {};
  for (const key of Object.keys(source)) {
    const part = unread(source, key);
    if (part) defer(out, key, { base: part.base, size: part.size, changes: part.changes });
    else put(out, key, source[key]);
  }
  return out;
}

/**
 * One large part (`reps`, a field of `customers`) being read and changed: a base object and
 * the entries changed on top of it. A base of ours is shared with the snapshots handed out
 * and never changed; the caller's base (a snapshot part they built or gave) is copied once,
 * when a snapshot with changes is handed out. After a hand-out the changes are shared too:
 * the next change copies them, or folds them into a new base once there are many.
 */
class Layered {
  private changes: Map<string, unknown>;
  private changesShared: boolean;
  /** Changed since the last hand-out. */
  changed = false;

  constructor(
    private base: Readonly<Dict>,
    /** Keys of `base` when it is ours; undefined for the caller's. */
    private size: number | undefined,
    changes?: ReadonlyMap<string, unknown>,
  ) {
    this.changes = (changes as Map<string, unknown> | undefined) ?? new Map();
    this.changesShared = changes !== undefined;
  }

  static of(holder: unknown, key: string): Layered {
    const part = unread(holder, key);
    return part
      ? new Layered(part.base, part.size, part.changes)
      : new Layered(dict(own(holder, key)), undefined);
  }

  get(key: string): unknown {
    const changes = this.changes;
    return changes.size > 0 && changes.has(key) ? changes.get(key) : own(this.base, key);
  }

  set(key: string, value: unknown): void {
    if (this.changesShared) {
      const limit = Math.max(32, Math.ceil(2 * Math.sqrt(this.size ?? 0)));
      if (this.size !== undefined && this.changes.size < limit) {
        this.changes = new Map(this.changes);
        this.changesShared = false;
      } else {
        this.fold();
      }
    }
    this.changes.set(key, value);
    this.changed = true;
  }

  /** Replaces every entry by `change(entry)` (a new base). */
  rewrite(change: (entry: unknown) => unknown): void {
    const all = build(this.base, this.changes);
    const keys = Object.keys(all);
    for (const key of keys) {
      const entry = all[key];
      const next = change(entry);
      if (next !== entry) put(all, key, next);
    }
    this.base = all;
    this.size = keys.length;
    this.changes = new Map();
    this.changesShared = false;
    this.changed = true;
  }

  /** Puts the part, as it is now, at `holder[key]` (unbuilt) and shares it from now on. */
  handOut(holder: Dict, key: string): void {
    if (this.size === undefined) this.fold();
    defer(holder, key, { base: this.base, size: this.size ?? 0, changes: this.changes });
    this.changesShared = true;
    this.changed = false;
  }

  private fold(): void {
    this.base = build(this.base, this.changes);
    this.size = Object.keys(this.base).length;
    this.changes = new Map();
    this.changesShared = false;
  }
}

// ─── The state ─────────────────────────────────────────────────────────────────────────

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
  private repsPart: Layered | undefined;
  private readonly customerParts = new Map<string, Layered>();
  // A batch reads the same reps again and again: remember entries (cheaper than the lookup
  // in a large plain object); assign keeps it current.
  private readonly reps = new Map<string, RepLoad | undefined>();

  constructor(snapshot: RoutingSnapshot) {
    this.root = dict(snapshot) as Dict;
  }

  private repsLayer(): Layered {
    return (this.repsPart ??= Layered.of(this.root, 'reps'));
  }

  private customerLayer(field: string): Layered {
    let layer = this.customerParts.get(field);
    if (!layer) {
      layer = Layered.of(own(this.root, 'customers'), field);
      this.customerParts.set(field, layer);
    }
    return layer;
  }

  /** The rep's entry, or undefined. */
  rep(user: string): RepLoad | undefined {
    if (this.reps.has(user)) return this.reps.get(user);
    const found = this.repsLayer().get(user);
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
    const list = this.customerLayer(field).get(key);
    if (!Array.isArray(list)) return [];
    return [...new Set(list.filter((id): id is string => typeof id === 'string' && id !== ''))];
  }

  /** The snapshot as it is now. */
  snapshot(): RoutingSnapshot {
    const reps = this.repsPart;
    const customers = [...this.customerParts].filter(([, layer]) => layer.changed);
    if (reps?.changed || customers.length > 0) {
      const root = this.writableRoot();
      if (reps?.changed) reps.handOut(root, 'reps');
      if (customers.length > 0) {
        const byField = this.writable(root, 'customers');
        for (const [field, layer] of customers) layer.handOut(byField, field);
      }
    }
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
    const fresh = copy(dict(current));
    this.owned.add(fresh);
    put(parent, key, fresh);
    return fresh;
  }

  private writableRoot(): Dict {
    if (!this.owned.has(this.root)) {
      this.root = copy(this.root);
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
    const reps = this.repsLayer();
    const sameDay = own(root, 'day') === change.today;
    if (!sameDay) {
      reps.rewrite((entry) => {
        if (own(entry, 'assignedToday') === undefined) return entry;
        const { assignedToday: _yesterday, ...rest } = dict(entry) as RepLoad;
        return rest;
      });
      root['day'] = change.today;
      this.reps.clear();
    }
    const rep = dict(reps.get(change.assignee)) as RepLoad;
    const next: RepLoad = {
      ...rep,
      open: count(rep.open) + 1,
      assignedToday: (sameDay ? count(rep.assignedToday) : 0) + 1,
    };
    reps.set(change.assignee, next);
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
      this.customerLayer(field).set(key, [...holders, change.assignee]);
    }
  }
}
