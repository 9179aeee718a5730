import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../app/types.js';
import { isRuleloomError } from '../../diagnostics/errors.js';
import { simulate } from '../simulate.js';
import type { LoggedEvent, TimelineEntry } from '../types.js';
import { fixtureApp, users } from './fixtureApp.js';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const START = at('2026-03-02T09:00:00+08:00');

const createLead = (id: string, grade: string): AppEvent => ({
  type: 'record.create',
  entity: 'lead',
  recordId: id,
  values: { name: `客户${id}`, grade, owner: 'zhangwei' },
});

const app = fixtureApp();

/** What a timeline says, without the parts that are the same by construction. */
const summary = (timeline: readonly TimelineEntry[]) =>
  timeline.map((entry) => ({
    at: entry.at,
    kind: entry.kind,
    event: entry.event,
    timer: entry.timer,
    ok: entry.outcome?.ok,
    effects: entry.effects,
    patches: entry.patches,
  }));

function thrown(run: () => unknown): { code: string; pointer: string } {
  try {
    run();
  } catch (error) {
    if (isRuleloomError(error)) return { code: error.code, pointer: error.pointer };
    throw error;
  }
  throw new Error('did not throw');
}

describe('simulate', () => {
  it('fires the 48 h timer and both escalation steps at their due times, in order', () => {
    const { timeline, stats, state, truncated } = simulate(app, {
      events: [{ at: START, event: createLead('L1', 'B'), actor: { id: 'zhangwei' } }],
      to: '2026-03-09T00:00:00+08:00',
      users,
    });
    expect(truncated).toBe(false);
    expect(timeline.map((e) => [e.kind, e.at, e.timer?.step])).toEqual([
      ['event', START, undefined],
      ['timer', START + 48 * HOUR, 0],
      ['timer', START + 72 * HOUR, 1],
      ['timer', START + 96 * HOUR, 2],
    ]);
    expect(timeline[1]?.timer).toEqual({
      instance: 'b-lead-48h@L1',
      timer: 'b-lead-48h',
      source: 'timer',
      recordId: 'L1',
      step: 0,
    });
    const recipients = timeline.flatMap((e) =>
      e.effects.flatMap((effect) => (effect.type === 'notify' ? effect.recipients : [])),
    );
    expect(recipients).toEqual(['zhangwei', 'zhoumin', 'zhaogang']);
    expect(state.records['L1']?.mark?.color).toBe('red');
    expect(stats).toMatchObject({
      from: START,
      events: 1,
      timersFired: 3,
      effects: 3,
      steps: 4,
      timersPending: 0,
      eventsLeft: 0,
      refused: 0,
    });
  });

  it('fires a timer due at the same instant as an event before the event', () => {
    const { timeline } = simulate(app, {
      events: [
        { at: START, event: createLead('L1', 'B') },
        // Exactly 48 h later the rep moves the lead: too late, the alert went out first.
        { at: START + 48 * HOUR, event: { type: 'stage.move', recordId: 'L1', to: 'contacted' } },
      ],
      to: START + 100 * HOUR,
      users,
    });
    expect(timeline.map((e) => e.kind)).toEqual(['event', 'timer', 'event']);
    expect(timeline[1]?.at).toBe(timeline[2]?.at);
    // The move cancelled the escalation steps.
    expect(timeline[2]?.trace).toContainEqual(
      expect.objectContaining({ kind: 'timer', outcome: 'cancelled', instance: 'b-lead-48h@L1' }),
    );
  });

  it('sorts the log by time and keeps log order for equal times', () => {
    const later = { at: '2026-03-02T10:00:00+08:00', event: createLead('L3', 'A') };
    const { timeline } = simulate(app, {
      events: [
        later,
        { at: START, event: createLead('L1', 'A') },
        { at: START, event: { type: 'record.update', recordId: 'L1', values: { grade: 'C' } } },
      ],
      to: START + HOUR,
      users,
    });
    expect(timeline.map((e) => e.index)).toEqual([1, 2, 0]);
    const all = simulate(app, { events: [later], from: START, to: START + 2 * HOUR });
    expect(all.timeline.map((e) => e.at)).toEqual([at(later.at)]);
  });

  it('leaves out events after `to` and counts them', () => {
    const { stats, timeline } = simulate(app, {
      events: [
        { at: START, event: createLead('L1', 'A') },
        { at: START + 10 * HOUR, event: createLead('L2', 'A') },
      ],
      to: START + HOUR,
    });
    expect(timeline).toHaveLength(1);
    expect(stats).toMatchObject({ events: 1, eventsLeft: 1, stoppedAt: START + HOUR });
  });

  it('handles events and timers at exactly `to`', () => {
    const { timeline } = simulate(app, {
      events: [{ at: START, event: createLead('L1', 'B') }],
      to: START + 48 * HOUR,
      users,
    });
    expect(timeline.map((e) => e.kind)).toEqual(['event', 'timer']);
  });

  it('lists ticks only when asked, and the rest of the timeline stays the same', () => {
    const options = {
      events: [{ at: START, event: createLead('L1', 'B') }] as LoggedEvent[],
      to: START + 5 * 24 * HOUR,
      users,
    };
    const plain = simulate(app, options);
    const ticked = simulate(app, { ...options, tick: '1d', ticks: true });
    expect(ticked.timeline.filter((e) => e.kind === 'tick').map((e) => e.at)).toEqual(
      [1, 2, 3, 4, 5].map((d) => START + d * 24 * HOUR),
    );
    expect(ticked.stats.ticks).toBe(5);
    expect(summary(ticked.timeline.filter((e) => e.kind !== 'tick'))).toEqual(
      summary(plain.timeline),
    );
    expect(simulate(app, { ...options, tick: '1d' }).timeline).toEqual(plain.timeline);
  });

  it('starts recurring timers with timers.sync at `from` and runs them', () => {
    const hourly = fixtureApp('0 * * * *');
    const { timeline, stats } = simulate(hourly, {
      events: [{ at: START, event: createLead('L1', 'A') }],
      from: START - HOUR / 2,
      to: START + 3 * HOUR,
    });
    expect(timeline[0]?.event).toEqual({ type: 'timers.sync' });
    expect(timeline[0]?.at).toBe(START - HOUR / 2);
    expect(stats.timersFired).toBe(4); // 09:00, 10:00, 11:00 and 12:00 (`to` is inclusive)
    expect(stats.timersPending).toBe(2); // the next hour, and L1's 48 h timer
  });

  it('stops at maxSteps with truncated and RL5666 instead of running forever', () => {
    const everyMinute = fixtureApp('* * * * *');
    const result = simulate(everyMinute, {
      events: [],
      from: START,
      to: START + 365 * 24 * HOUR,
      maxSteps: 100,
      timeline: false,
    });
    expect(result.truncated).toBe(true);
    expect(result.stats.steps).toBe(100);
    expect(result.timeline).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RL5666', 'warning']]);
    expect(result.stats.stoppedAt).toBe(START + 100 * 60_000);
  });

  it('streams entries through onEntry, with or without keeping the timeline', () => {
    const seen: string[] = [];
    const result = simulate(app, {
      events: [{ at: START, event: createLead('L1', 'B') }],
      to: START + 100 * HOUR,
      timeline: false,
      onEntry: (entry) => seen.push(entry.kind),
    });
    expect(seen).toEqual(['event', 'timer', 'timer', 'timer']);
    expect(result.timeline).toEqual([]);
  });

  it('never changes its inputs', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
      }
      return value;
    };
    const first = simulate(app, {
      events: [{ at: START, event: createLead('L1', 'B') }],
      to: START + HOUR,
    });
    const events = deepFreeze([
      { at: START + 2 * HOUR, event: { type: 'stage.move', recordId: 'L1', to: 'contacted' } },
    ] as LoggedEvent[]);
    const state = deepFreeze(structuredClone(first.state));
    const copy = structuredClone({ events, state });
    const result = simulate(app, { events, state, to: START + 100 * HOUR, users });
    expect({ events, state }).toEqual(copy);
    expect(result.state.records['L1']?.values['stage']).toBe('contacted');
  });

  it('refuses a log or window it cannot read, with a typed error and a pointer', () => {
    const to = START + HOUR;
    expect(
      thrown(() => simulate(app, { events: [{ at: 'soon', event: createLead('L1', 'A') }], to })),
    ).toEqual({
      code: 'RL5661',
      pointer: '/events/0/at',
    });
    expect(
      thrown(() => simulate(app, { events: [{ at: START }] as unknown as LoggedEvent[], to })),
    ).toEqual({ code: 'RL5660', pointer: '/events/0' });
    expect(thrown(() => simulate(app, { events: [], to })).code).toBe('RL5662');
    expect(thrown(() => simulate(app, { events: [], from: to, to: START })).code).toBe('RL5663');
    expect(thrown(() => simulate(app, { events: [], from: START, to, tick: '0h' })).code).toBe(
      'RL5664',
    );
    expect(
      thrown(() =>
        simulate(app, { events: [{ at: START, event: createLead('L1', 'A') }], from: to, to }),
      ),
    ).toEqual({ code: 'RL5665', pointer: '/events/0/at' });
  });
});

describe('simulate (properties)', () => {
  const leadIds = ['L1', 'L2', 'L3'];
  const eventArb = fc.oneof(
    fc.record({
      kind: fc.constant('create' as const),
      id: fc.constantFrom(...leadIds),
      grade: fc.constantFrom('A', 'B'),
    }),
    fc.record({
      kind: fc.constant('move' as const),
      id: fc.constantFrom(...leadIds),
      to: fc.constantFrom('contacted', 'won'),
    }),
    fc.record({
      kind: fc.constant('update' as const),
      id: fc.constantFrom(...leadIds),
      grade: fc.constantFrom('A', 'B', 'C'),
    }),
  );
  // Offsets in minutes over ten days, so that events land before, at and after due times.
  const logArb = fc.array(
    fc.record({ minute: fc.integer({ min: 0, max: 10 * 24 * 60 }), event: eventArb }),
    { maxLength: 12 },
  );
  const toLog = (
    items: {
      minute: number;
      event: fc.Arbitrary<unknown> extends never
        ? never
        : { kind: string; id: string; grade?: string; to?: string };
    }[],
  ): LoggedEvent[] =>
    items.map(({ minute, event }) => ({
      // Whole hours now and then, so that events coincide with the 48/72/96 h due times.
      at: START + (minute % 7 === 0 ? Math.round(minute / 60) * 60 : minute) * 60_000,
      event:
        event.kind === 'create'
          ? createLead(event.id, event.grade ?? 'A')
          : event.kind === 'move'
            ? { type: 'stage.move', recordId: event.id, to: event.to ?? 'contacted' }
            : { type: 'record.update', recordId: event.id, values: { grade: event.grade } },
    }));

  it('gives the same timeline and state with no tick, 1h, 7h or one jump', () => {
    fc.assert(
      fc.property(logArb, (items) => {
        const options = { events: toLog(items), from: START, to: START + 12 * 24 * HOUR, users };
        const plain = simulate(app, options);
        for (const tick of ['1h', '7h', '12d']) {
          const ticked = simulate(app, { ...options, tick });
          expect(summary(ticked.timeline)).toEqual(summary(plain.timeline));
          expect(ticked.state).toEqual(plain.state);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('fires each timer step at most once, in time order, never early', () => {
    fc.assert(
      fc.property(logArb, (items) => {
        const { timeline } = simulate(app, {
          events: toLog(items),
          from: START,
          to: START + 12 * 24 * HOUR,
          users,
        });
        const fired = new Set<string>();
        let last = -Infinity;
        // Due times as the trace announced them: started / restarted / escalated.
        const dueAt = new Map<string, number>();
        for (const entry of timeline) {
          expect(entry.at).toBeGreaterThanOrEqual(last);
          last = entry.at;
          if (entry.kind === 'timer' && entry.timer) {
            const key = `${entry.timer.instance}#${entry.timer.step}#${entry.at}`;
            expect(fired.has(key)).toBe(false);
            fired.add(key);
            expect(entry.at).toBe(dueAt.get(`${entry.timer.instance}#${entry.timer.step}`));
            expect(entry.outcome?.ok).toBe(true);
          }
          for (const t of entry.trace) {
            if (t.kind === 'timer' && t.dueAt !== undefined) {
              dueAt.set(`${t.instance}#${t.step}`, t.dueAt);
            }
            if (t.kind === 'timer' && t.outcome === 'cancelled') {
              dueAt.delete(`${t.instance}#${t.step}`);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
