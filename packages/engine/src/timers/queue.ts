/**
 * The pending-timer queue of the pure scheduler: a binary min-heap keyed by (dueAt, id) with
 * lazy deletion. Sized for a million pending timers: schedule, cancel and reschedule are
 * O(log n) or O(1), `takeDue(now)` is O(k log n) for k due timers, never a scan.
 *
 * Lazy deletion: `live` maps each pending id to the heap entry that currently stands for it
 * (its "generation"). Cancelling drops the map entry; rescheduling pushes a new entry and
 * points the map at it. Entries the map no longer points at are stale and are skipped when
 * they reach the top, or swept out when they outnumber the live ones.
 *
 * Immutable from the outside: instances are copied and frozen on the way in, the heap and
 * map are private, and `toJSON()` returns fresh data. The queue itself changes only through
 * its methods; use `clone()` where a caller needs a copy to keep the old state.
 *
 * Browser-safe and deterministic: no Node imports, no clock. Time is whatever number the
 * caller passes (epoch milliseconds in the engine). Ties on dueAt are broken by id in UTF-16
 * code-unit order, so the order never depends on insertion order or locale.
 */

/**
 * A pending timer. Instance types may add fields (`TimerQueue<MyTimer>`); they ride along
 * untouched and must be JSON-serialisable.
 */
export interface TimerInstance {
  readonly id: string;
  readonly dueAt: number;
}

/** The serialised form of a queue: pending timers in (dueAt, id) order. */
export interface TimerQueueJSON<T extends TimerInstance = TimerInstance> {
  readonly version: 1;
  readonly timers: readonly T[];
}

interface Entry<T> {
  readonly dueAt: number;
  readonly id: string;
  readonly instance: T;
}

const before = <T>(a: Entry<T>, b: Entry<T>): boolean =>
  a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.id < b.id);

const checkDueAt = (dueAt: unknown, what: string): number => {
  if (typeof dueAt !== 'number' || !Number.isFinite(dueAt)) {
    throw new TypeError(`${what}: dueAt must be a finite number, got ${String(dueAt)}`);
  }
  return dueAt;
};

const checkId = (id: unknown, what: string): string => {
  if (typeof id !== 'string') throw new TypeError(`${what}: id must be a string`);
  return id;
};

export class TimerQueue<T extends TimerInstance = TimerInstance> {
  /** Heap of entries, live and stale, ordered by (dueAt, id). */
  #heap: Entry<T>[] = [];
  /** id → the entry that currently stands for it. Absent: not pending. */
  #live = new Map<string, Entry<T>>();

  /** Number of pending (scheduled, not yet fired, not cancelled) timers. */
  get size(): number {
    return this.#live.size;
  }

  /** Whether a timer with this id is pending. */
  has(id: string): boolean {
    return this.#live.has(id);
  }

  /** The pending timer with this id, if any. */
  get(id: string): T | undefined {
    return this.#live.get(id)?.instance;
  }

  /**
   * Adds a timer. Scheduling an id that is already pending replaces it (the old one will
   * never fire), so each id fires at most once per scheduling. Returns the stored, frozen
   * copy.
   */
  schedule(instance: T): T {
    checkId(instance?.id, 'schedule');
    checkDueAt(instance.dueAt, `schedule ${instance.id}`);
    const stored = Object.freeze({ ...instance }) as T;
    this.#push({ dueAt: stored.dueAt, id: stored.id, instance: stored });
    return stored;
  }

  /** Cancels a pending timer: it will never fire. O(1). Returns whether it was pending. */
  cancel(id: string): boolean {
    const removed = this.#live.delete(id);
    if (removed) this.#maybeCompact();
    return removed;
  }

  /**
   * Moves a pending timer to a new due time, keeping its other fields. O(log n). Returns
   * the updated instance, or undefined when the id is not pending.
   */
  reschedule(id: string, dueAt: number): T | undefined {
    const current = this.#live.get(id);
    if (current === undefined) return undefined;
    checkDueAt(dueAt, `reschedule ${id}`);
    const stored = Object.freeze({ ...current.instance, dueAt }) as T;
    this.#push({ dueAt, id, instance: stored });
    return stored;
  }

  /** The next timer to fire (smallest (dueAt, id)), without removing it. */
  peek(): T | undefined {
    this.#dropStaleTop();
    return this.#heap[0]?.instance;
  }

  /**
   * Removes and returns every pending timer with dueAt <= now, in (dueAt, id) order. A timer
   * is returned by exactly one call, however far `now` jumps; cancelled timers never are.
   */
  takeDue(now: number): T[] {
    if (typeof now !== 'number' || Number.isNaN(now)) {
      throw new TypeError(`takeDue: now must be a number, got ${String(now)}`);
    }
    const due: T[] = [];
    for (;;) {
      this.#dropStaleTop();
      const top = this.#heap[0];
      if (top === undefined || top.dueAt > now) break;
      this.#pop();
      this.#live.delete(top.id);
      due.push(top.instance);
    }
    return due;
  }

  /**
   * Every pending timer with dueAt <= now, in (dueAt, id) order, without removing them.
   * Walks only the part of the heap at or before `now`: O(k log k) for k due timers (plus
   * the stale entries among them), never a scan of the rest.
   */
  dueUpTo(now: number): T[] {
    // Timers that fired or were cancelled sit at the top until popped; drop them first, or
    // every later call would walk them again.
    this.#dropStaleTop();
    const heap = this.#heap;
    const found: Entry<T>[] = [];
    const stack: number[] = heap.length > 0 ? [0] : [];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const entry = heap[i];
      if (entry === undefined || entry.dueAt > now) continue;
      if (this.#live.get(entry.id) === entry) found.push(entry);
      stack.push(2 * i + 1, 2 * i + 2);
    }
    return found.sort((a, b) => (before(a, b) ? -1 : 1)).map((entry) => entry.instance);
  }

  /** An independent queue with the same pending timers. O(n). */
  clone(): TimerQueue<T> {
    const copy = new TimerQueue<T>();
    copy.#heap = this.#heap.filter((entry) => this.#live.get(entry.id) === entry);
    copy.#live = new Map(this.#live);
    copy.#heapify();
    return copy;
  }

  /** Serialisable state: the pending timers in (dueAt, id) order. Equal queues give equal JSON. */
  toJSON(): TimerQueueJSON<T> {
    const entries = [...this.#live.values()].sort((a, b) => (before(a, b) ? -1 : 1));
    return { version: 1, timers: entries.map((entry) => entry.instance) };
  }

  /** Rebuilds a queue from `toJSON()` output (or its JSON.parse). O(n). */
  static fromJSON<T extends TimerInstance = TimerInstance>(json: TimerQueueJSON<T>): TimerQueue<T> {
    if (json === null || typeof json !== 'object' || json.version !== 1) {
      throw new TypeError('TimerQueue.fromJSON: expected { version: 1, timers: [...] }');
    }
    if (!Array.isArray(json.timers)) {
      throw new TypeError('TimerQueue.fromJSON: timers must be an array');
    }
    const queue = new TimerQueue<T>();
    for (const timer of json.timers) {
      const id = checkId((timer as T | null)?.id, 'TimerQueue.fromJSON');
      checkDueAt(timer.dueAt, `TimerQueue.fromJSON ${id}`);
      if (queue.#live.has(id)) throw new TypeError(`TimerQueue.fromJSON: duplicate id ${id}`);
      const stored = Object.freeze({ ...timer }) as T;
      const entry: Entry<T> = { dueAt: stored.dueAt, id, instance: stored };
      queue.#live.set(id, entry);
      queue.#heap.push(entry);
    }
    queue.#heapify();
    return queue;
  }

  #push(entry: Entry<T>): void {
    this.#live.set(entry.id, entry);
    const heap = this.#heap;
    heap.push(entry);
    this.#siftUp(heap.length - 1);
    this.#maybeCompact();
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (last !== undefined && heap.length > 0) {
      heap[0] = last;
      this.#siftDown(0);
    }
  }

  #dropStaleTop(): void {
    const heap = this.#heap;
    for (let top = heap[0]; top !== undefined && this.#live.get(top.id) !== top; top = heap[0]) {
      this.#pop();
    }
  }

  /** Sweeps stale entries once they are the majority, keeping memory O(pending). */
  #maybeCompact(): void {
    const heap = this.#heap;
    if (heap.length < 1024 || heap.length <= 2 * this.#live.size) return;
    this.#heap = heap.filter((entry) => this.#live.get(entry.id) === entry);
    this.#heapify();
  }

  #heapify(): void {
    for (let i = (this.#heap.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  #siftUp(index: number): void {
    const heap = this.#heap;
    const entry = heap[index]!;
    let i = index;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!before(entry, parent)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = entry;
  }

  #siftDown(index: number): void {
    const heap = this.#heap;
    const length = heap.length;
    const entry = heap[index]!;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && before(heap[right]!, heap[left]!)) child = right;
      if (!before(heap[child]!, entry)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = entry;
  }
}
