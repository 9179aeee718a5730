import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerQueue, type TimerInstance } from './queue.js';

// The scheduler's promise: every timer that is not cancelled fires exactly once, in (dueAt,
// id) order, never before it is due, and how the clock got to `now` makes no difference.

type Timer = TimerInstance & { kind?: string };

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

type Op =
  | { op: 'schedule'; id: string; dueAt: number }
  | { op: 'cancel'; id: string }
  | { op: 'reschedule'; id: string; dueAt: number }
  | { op: 'tick'; by: number; parts: number[] }
  | { op: 'roundTrip' };

const id = fc.constantFrom(...ids);
const dueAt = fc.integer({ min: 0, max: 200 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('schedule' as const), id, dueAt }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), id }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reschedule' as const), id, dueAt }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('tick' as const),
      by: fc.integer({ min: 0, max: 60 }),
      // How to split this tick into smaller ones (weights; normalised below).
      parts: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'roundTrip' as const }) },
);

/** Splits `by` into non-negative steps that add up to it, following `parts`. */
const split = (by: number, parts: number[]): number[] => {
  const total = parts.reduce((sum, p) => sum + p, 0);
  if (total === 0) return [by];
  const steps = parts.map((p) => Math.floor((by * p) / total));
  steps.push(by - steps.reduce((sum, s) => sum + s, 0));
  return steps;
};

interface Fired {
  id: string;
  dueAt: number;
  at: number;
}

/**
 * Runs the ops on a queue. With `fine`, each tick is taken in the small steps of its split;
 * the firings of all the steps are reported together as that tick's batch.
 */
const run = (ops: Op[], fine: boolean): { batches: Fired[][]; queue: TimerQueue<Timer> } => {
  let queue = new TimerQueue<Timer>();
  let now = 0;
  const batches: Fired[][] = [];
  for (const o of ops) {
    switch (o.op) {
      case 'schedule':
        queue.schedule({ id: o.id, dueAt: o.dueAt, kind: 'k' });
        break;
      case 'cancel':
        queue.cancel(o.id);
        break;
      case 'reschedule':
        queue.reschedule(o.id, o.dueAt);
        break;
      case 'roundTrip':
        queue = TimerQueue.fromJSON<Timer>(JSON.parse(JSON.stringify(queue.toJSON())));
        break;
      case 'tick': {
        const batch: Fired[] = [];
        for (const step of fine ? split(o.by, o.parts) : [o.by]) {
          now += step;
          for (const t of queue.takeDue(now)) batch.push({ id: t.id, dueAt: t.dueAt, at: now });
        }
        batches.push(batch);
        break;
      }
    }
  }
  return { batches, queue };
};

const byDue = (a: { dueAt: number; id: string }, b: { dueAt: number; id: string }) =>
  a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('TimerQueue', () => {
  it('fires in (dueAt, id) order, each once, never early', () => {
    const q = new TimerQueue();
    q.schedule({ id: 'b', dueAt: 10 });
    q.schedule({ id: 'a', dueAt: 10 });
    q.schedule({ id: 'c', dueAt: 5 });
    q.schedule({ id: 'd', dueAt: 30 });
    expect(q.size).toBe(4);
    expect(q.peek()?.id).toBe('c');
    expect(q.takeDue(4)).toEqual([]);
    expect(q.takeDue(10).map((t) => t.id)).toEqual(['c', 'a', 'b']);
    expect(q.takeDue(10)).toEqual([]);
    expect(q.size).toBe(1);
    expect(q.takeDue(1000).map((t) => t.id)).toEqual(['d']);
    expect(q.peek()).toBeUndefined();
  });

  it('cancel and reschedule', () => {
    const q = new TimerQueue<Timer>();
    q.schedule({ id: 'x', dueAt: 10, kind: 'sla' });
    q.schedule({ id: 'y', dueAt: 20 });
    expect(q.cancel('y')).toBe(true);
    expect(q.cancel('y')).toBe(false);
    expect(q.reschedule('missing', 5)).toBeUndefined();
    expect(q.reschedule('x', 50)).toEqual({ id: 'x', dueAt: 50, kind: 'sla' });
    expect(q.takeDue(49)).toEqual([]);
    expect(q.takeDue(50)).toEqual([{ id: 'x', dueAt: 50, kind: 'sla' }]);
    expect(q.size).toBe(0);
  });

  it('scheduling a pending id replaces it', () => {
    const q = new TimerQueue();
    q.schedule({ id: 'x', dueAt: 10 });
    q.schedule({ id: 'x', dueAt: 3 });
    expect(q.size).toBe(1);
    expect(q.takeDue(100)).toEqual([{ id: 'x', dueAt: 3 }]);
  });

  it('cannot be changed from the outside', () => {
    const q = new TimerQueue<Timer>();
    const input = { id: 'x', dueAt: 10 };
    const stored = q.schedule(input);
    input.dueAt = 1;
    expect(q.takeDue(5)).toEqual([]);
    expect(Object.isFrozen(stored)).toBe(true);
    const json = q.toJSON();
    expect(() => (json.timers as Timer[]).push({ id: 'z', dueAt: 0 })).not.toThrow();
    expect(q.size).toBe(1);
    const copy = q.clone();
    copy.cancel('x');
    expect(q.size).toBe(1);
  });

  it('rejects bad input', () => {
    const q = new TimerQueue();
    expect(() => q.schedule({ id: 'x', dueAt: NaN })).toThrow(TypeError);
    expect(() => q.schedule({ id: 1 as unknown as string, dueAt: 1 })).toThrow(TypeError);
    expect(() => q.takeDue(NaN)).toThrow(TypeError);
    expect(() => TimerQueue.fromJSON({ version: 2 } as never)).toThrow(TypeError);
    expect(() =>
      TimerQueue.fromJSON({
        version: 1,
        timers: [
          { id: 'a', dueAt: 1 },
          { id: 'a', dueAt: 2 },
        ],
      }),
    ).toThrow(/duplicate/);
  });

  it('property: matches a plain model, fires each live timer exactly once, never early', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const model = new Map<string, number>();
        let now = 0;
        const fired: Fired[] = [];
        let queue = new TimerQueue<Timer>();
        for (const o of ops) {
          if (o.op === 'schedule') {
            queue.schedule({ id: o.id, dueAt: o.dueAt });
            model.set(o.id, o.dueAt);
          } else if (o.op === 'cancel') {
            expect(queue.cancel(o.id)).toBe(model.delete(o.id));
          } else if (o.op === 'reschedule') {
            const had = model.has(o.id);
            expect(queue.reschedule(o.id, o.dueAt) !== undefined).toBe(had);
            if (had) model.set(o.id, o.dueAt);
          } else if (o.op === 'roundTrip') {
            const before = queue.toJSON();
            queue = TimerQueue.fromJSON<Timer>(JSON.parse(JSON.stringify(before)));
            expect(queue.toJSON()).toEqual(before);
          } else {
            now += o.by;
            const expected = [...model]
              .filter(([, due]) => due <= now)
              .map(([i, due]) => ({ id: i, dueAt: due }))
              .sort(byDue);
            const got = queue.takeDue(now);
            expect(got.map((t) => ({ id: t.id, dueAt: t.dueAt }))).toEqual(expected);
            for (const t of got) {
              expect(t.dueAt).toBeLessThanOrEqual(now);
              model.delete(t.id);
              fired.push({ id: t.id, dueAt: t.dueAt, at: now });
            }
          }
          expect(queue.size).toBe(model.size);
          const next = [...model].map(([i, due]) => ({ id: i, dueAt: due })).sort(byDue)[0];
          expect(queue.peek()?.id).toBe(next?.id);
        }
        // Drain: whatever is still pending fires once, then nothing is left.
        const rest = queue.takeDue(Infinity);
        expect(rest.map((t) => t.id).sort()).toEqual([...model.keys()].sort());
        expect(queue.takeDue(Infinity)).toEqual([]);
        expect(queue.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('property: one jump or many small ticks give the same firings', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const coarse = run(ops, false);
        const fine = run(ops, true);
        const strip = (batches: Fired[][]) =>
          batches.map((b) => b.map(({ id, dueAt }) => ({ id, dueAt })));
        expect(strip(fine.batches)).toEqual(strip(coarse.batches));
        for (const batch of [...coarse.batches, ...fine.batches]) {
          for (const f of batch) expect(f.dueAt).toBeLessThanOrEqual(f.at);
          // Within one call to takeDue the order is (dueAt, id).
          const sorted = [...batch].sort((a, b) => a.at - b.at || byDue(a, b));
          expect(batch).toEqual(sorted);
        }
        expect(fine.queue.toJSON()).toEqual(coarse.queue.toJSON());
      }),
      { numRuns: 300 },
    );
  });

  it('property: a schedule-only workload fires every timer exactly once in due order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 4 }), dueAt: dueAt }), {
          selector: (t) => t.id,
          maxLength: 200,
        }),
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }),
        (timers, ticks) => {
          const q = new TimerQueue();
          for (const t of timers) q.schedule(t);
          let now = 0;
          const fired: TimerInstance[] = [];
          for (const step of ticks) fired.push(...q.takeDue((now += step)));
          fired.push(...q.takeDue(Infinity));
          expect(fired).toEqual([...timers].sort(byDue));
        },
      ),
    );
  });

  it('property: fromJSON(toJSON()) gives an equal queue that behaves the same', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (a) => {
        const first = run(a, false).queue;
        const copy = TimerQueue.fromJSON<Timer>(JSON.parse(JSON.stringify(first.toJSON())));
        expect(copy.toJSON()).toEqual(first.toJSON());
        expect(copy.size).toBe(first.size);
        expect(copy.peek()).toEqual(first.peek());
        expect(copy.takeDue(Infinity)).toEqual(first.clone().takeDue(Infinity));
      }),
    );
  });

  it('keeps memory bounded under churn (stale entries are swept)', () => {
    const q = new TimerQueue();
    for (let i = 0; i < 2000; i++) q.schedule({ id: `t${i}`, dueAt: i });
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 2000; i++) q.reschedule(`t${i}`, i + round);
    }
    for (let i = 0; i < 1000; i++) q.cancel(`t${i}`);
    expect(q.size).toBe(1000);
    const fired = q.takeDue(Infinity);
    expect(fired.map((t) => t.id)).toEqual(Array.from({ length: 1000 }, (_, i) => `t${i + 1000}`));
    expect(fired.every((t, i) => t.dueAt === i + 1000 + 19)).toBe(true);
  });
});
