/**
 * Properties of the timer scheduler (issue 5, "Tests and speed"): for random interleavings
 * of record events and clock advances, every scheduled step of a timer fires exactly once,
 * in due order and never early; a cancelled or restarted one never fires; the result does
 * not depend on how the clock advanced; `app.due` agrees with a scan of `state.timers`
 * (also for states the engine has not seen); and `handle` survives junk without throwing or
 * mutating its inputs.
 *
 * The harness fires each due timer at its own `dueAt` (or at the clock, for a timer that was
 * already past due when it was scheduled), as the virtual clock of the simulator does. A
 * model kept beside the engine recomputes every due time from the definitions (durations
 * on the app calendar, the field's date ± offset, cron) and counts firings per scheduling.
 */
import fc from 'fast-check';
import { isInstance } from '../instance.js';
import { describe, expect, it } from 'vitest';
import { compileApp } from '../../app/compileApp.js';
import type { CompiledApp } from '../../app/compiledApp.js';
import type {
  AppEvent,
  AppState,
  Effect,
  HandleContext,
  HandleResult,
  TimerState,
  TraceEntry,
} from '../../app/types.js';
import { addDuration } from '../../calendar/duration.js';
import type { CompiledCalendar } from '../../calendar/compile.js';
import { compileCron } from '../cron.js';

const S = 'https://ruleloom.dev/schemas/v1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 9 Feb 2026, 08:00 Shanghai: the week before the Spring Festival holiday. */
const T0 = Date.parse('2026-02-09T08:00:00+08:00');

const users = [
  { id: 'rep', roles: ['sales'], manager: 'mgr' },
  { id: 'mgr', roles: ['sales-manager'], manager: 'dir' },
  { id: 'dir', roles: ['sales-director'] },
];

const notify = (id: string, recipient: unknown) => ({
  type: 'notify',
  id,
  channel: 'wecom',
  recipients: [recipient],
  template: { 'zh-CN': `${id} {{name}}`, en: `${id} {{name}}` },
});
const timer = (definition: Record<string, unknown>) => ({
  $schema: `${S}/timer.schema.json`,
  entity: 'lead',
  ...definition,
});

/** Relative timers: escalation, restart true/false, cancelOn; absolute ± offset; cron. */
const TIMERS: Record<string, Record<string, unknown>> = {
  'timers/esc.json': timer({
    id: 'esc',
    kind: 'relative',
    after: '8h',
    start: [{ type: 'record.created' }],
    cancelOn: [{ type: 'stage.left', stages: ['new'] }],
    condition: { '==': [{ var: 'grade' }, 'B'] },
    actions: [{ type: 'mark', color: 'red' }, notify('esc-rep', { field: 'owner' })],
    escalation: [
      { after: '12h', actions: [notify('esc-mgr', { managerOf: 'owner' })] },
      { after: '1d', actions: [notify('esc-dir', { role: 'sales-director' })] },
    ],
  }),
  'timers/idle.json': timer({
    id: 'idle',
    kind: 'relative',
    after: '4 business hours',
    start: [{ type: 'record.created' }, { type: 'record.updated', changedFields: ['name'] }],
    cancelOn: [{ type: 'record.updated', changedFields: ['paid'] }],
    actions: [notify('idle', { field: 'owner' })],
  }),
  'timers/touch.json': timer({
    id: 'touch',
    kind: 'relative',
    after: '1 workdays',
    restart: false,
    start: [{ type: 'record.updated', changedFields: ['grade'] }],
    actions: [notify('touch', { field: 'owner' })],
  }),
  'timers/review.json': timer({
    id: 'review',
    kind: 'relative',
    after: '3h',
    start: [{ type: 'stage.entered', stages: ['won'] }],
    actions: [notify('review', { role: 'sales-manager' })],
  }),
  'timers/overdue.json': timer({
    id: 'overdue',
    kind: 'absolute',
    field: 'dueDate',
    offset: '1d',
    time: '09:00',
    condition: { '!': [{ var: 'paid' }] },
    actions: [{ type: 'mark', color: 'orange' }, notify('overdue', { role: 'sales-manager' })],
    escalation: [{ after: '3d', actions: [notify('overdue-dir', { role: 'sales-director' })] }],
  }),
  'timers/remind.json': timer({
    id: 'remind',
    kind: 'absolute',
    field: 'dueDate',
    offset: '2 workdays',
    direction: 'before',
    time: '10:00',
    actions: [notify('remind', { field: 'owner' })],
  }),
  'timers/weekly.json': timer({
    id: 'weekly',
    kind: 'recurring',
    cron: '0 16 * * FRI',
    condition: { '==': [{ var: 'grade' }, 'A'] },
    actions: [notify('weekly', { field: 'owner' })],
  }),
  'timers/ny-daily.json': timer({
    id: 'ny-daily',
    kind: 'recurring',
    // New York wall time: crosses the 8 March 2026 DST change.
    cron: { expression: '30 8 * * *', zone: 'America/New_York' },
    condition: { '==': [{ var: 'paid' }, true] },
    actions: [notify('ny-daily', { field: 'owner' })],
  }),
};

const AUTOMATIONS: Record<string, Record<string, unknown>> = {
  'automations/start-review.json': {
    $schema: `${S}/automation.schema.json`,
    id: 'start-review',
    entity: 'lead',
    trigger: { type: 'stage.entered', stages: ['contacted'] },
    actions: [{ type: 'startTimer', timer: 'review' }],
  },
  'automations/stop-review.json': {
    $schema: `${S}/automation.schema.json`,
    id: 'stop-review',
    entity: 'lead',
    trigger: { type: 'record.updated', changedFields: ['paid'] },
    actions: [{ type: 'cancelTimer', timer: 'review' }],
  },
};

function buildApp(): CompiledApp {
  const files: Record<string, unknown> = {
    'app.json': {
      $schema: `${S}/app.schema.json`,
      id: 'timer-props',
      name: 'timer properties',
      version: '1.0.0',
      zone: 'Asia/Shanghai',
      calendar: { region: 'CN' },
      roles: [{ id: 'sales' }, { id: 'sales-manager' }, { id: 'sales-director' }],
      files: {
        entities: ['entities/lead.json'],
        pipelines: ['pipelines/lead.json'],
        timers: Object.keys(TIMERS),
        automations: Object.keys(AUTOMATIONS),
      },
    },
    'entities/lead.json': {
      $schema: `${S}/entity.schema.json`,
      id: 'lead',
      label: '线索',
      fields: [
        { id: 'name', label: '名称', type: 'text' },
        {
          id: 'grade',
          label: '等级',
          type: 'enum',
          options: ['A', 'B', 'C'].map((id) => ({ id, label: id })),
        },
        { id: 'owner', label: '负责人', type: 'user' },
        { id: 'dueDate', label: '回款日', type: 'date' },
        { id: 'paid', label: '已回款', type: 'boolean', default: false },
        { id: 'stage', label: '阶段', type: 'text' },
      ],
    },
    'pipelines/lead.json': {
      $schema: `${S}/pipeline.schema.json`,
      id: 'lead',
      entity: 'lead',
      stageField: 'stage',
      initialStage: 'new',
      stages: [{ id: 'new' }, { id: 'contacted' }, { id: 'won', final: true }],
      transitions: [
        { from: 'new', to: 'contacted' },
        { from: 'contacted', to: 'new' },
        { from: 'contacted', to: 'won' },
      ],
    },
    ...TIMERS,
    ...AUTOMATIONS,
  };
  const result = compileApp({ files });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.app;
}

const app = buildApp();
const calendar = app.calendar as CompiledCalendar;
const weeklyCron = compileCron('0 16 * * FRI', 'Asia/Shanghai');
const nyCron = compileCron({ expression: '30 8 * * *', zone: 'America/New_York' }, 'x');
const crons: Record<string, (after: number) => number | undefined> = {
  weekly: (after) => ('next' in weeklyCron ? weeklyCron.next(after) : undefined),
  'ny-daily': (after) => ('next' in nyCron ? nyCron.next(after) : undefined),
};

// ─── The independent model of due times ────────────────────────────────────────────────

type Values = Readonly<Record<string, unknown>>;

/** The instant an absolute timer counts from: the date at `time` in Shanghai (no DST). */
function dateAt(value: unknown, time: string): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const at = Date.parse(`${value}T${time}:00+08:00`);
  return Number.isFinite(at) ? at : undefined;
}

/** Where the count of a timer starts (escalation counts from here). */
function expectedBase(timerId: string, values: Values | undefined, now: number) {
  if (timerId === 'overdue') return dateAt(values?.['dueDate'], '09:00');
  if (timerId === 'remind') return dateAt(values?.['dueDate'], '10:00');
  return now;
}

/** When a timer started (or restarted) at `now` is due, computed from its definition. */
function expectedStart(timerId: string, values: Values | undefined, now: number) {
  switch (timerId) {
    case 'esc':
      return now + 8 * HOUR;
    case 'idle':
      return addDuration(now, '4 business hours', calendar);
    case 'touch':
      return addDuration(now, '1 workdays', calendar);
    case 'review':
      return now + 3 * HOUR;
    case 'overdue': {
      const base = expectedBase(timerId, values, now);
      return base === undefined ? undefined : addDuration(base, '1d', calendar);
    }
    case 'remind': {
      const base = expectedBase(timerId, values, now);
      return base === undefined
        ? undefined
        : addDuration(base, { amount: -2, unit: 'workdays' }, calendar);
    }
    default:
      return crons[timerId]?.(now);
  }
}

const ESCALATION: Record<string, readonly string[]> = { esc: ['12h', '1d'], overdue: ['3d'] };

/** One scheduling of one step of an instance: it must fire exactly once, or be superseded. */
interface Scheduling {
  readonly instance: string;
  readonly step: number;
  readonly dueAt: number;
  readonly baseAt: number;
  readonly scheduledAt: number;
  firings: number;
  superseded: boolean;
}

type TimerTrace = Extract<TraceEntry, { kind: 'timer' }>;
const isTimerEntry = (entry: TraceEntry): entry is TimerTrace => entry.kind === 'timer';
const RUNS = new Set(['fired', 'condition', 'error']);

class Model {
  readonly pending = new Map<string, Scheduling>();
  readonly all: Scheduling[] = [];

  #schedule(instance: string, step: number, dueAt: number, baseAt: number, now: number) {
    const previous = this.pending.get(instance);
    if (previous) previous.superseded = previous.firings === 0;
    const scheduling: Scheduling = {
      instance,
      step,
      dueAt,
      baseAt,
      scheduledAt: now,
      firings: 0,
      superseded: false,
    };
    this.pending.set(instance, scheduling);
    this.all.push(scheduling);
  }

  #drop(instance: string) {
    const previous = this.pending.get(instance);
    if (previous && previous.firings === 0) previous.superseded = true;
    this.pending.delete(instance);
  }

  /** Follows the trace of one handled event, checking each due time against the definitions. */
  apply(result: HandleResult, event: AppEvent, now: number): void {
    const fired = event.type === 'timer.fired' && result.outcome.ok ? event.timer : undefined;
    const firing = fired === undefined ? undefined : this.pending.get(fired);
    if (fired !== undefined) {
      // The instance fired was pending and due: never early.
      expect(firing, `fired ${fired} was not pending`).toBeDefined();
      expect(firing!.dueAt).toBeLessThanOrEqual(now);
      firing!.firings += 1;
      expect(firing!.firings, `${fired} step ${firing!.step} fired twice`).toBe(1);
    }
    const timers = result.state.timers ?? {};
    for (const entry of result.trace.filter(isTimerEntry)) {
      const id = entry.instance;
      const definition = entry.timer;
      const record = entry.recordId ? result.state.records[entry.recordId] : undefined;
      if (RUNS.has(entry.outcome)) {
        // Only a timer.fired event runs a timer, and only the instance it names, at its step.
        expect(id).toBe(fired);
        expect(entry.step).toBe(firing?.step);
        continue;
      }
      switch (entry.outcome) {
        case 'started':
        case 'restarted': {
          const values = record?.values;
          expect(entry.dueAt, `${id} ${entry.outcome}`).toBe(
            expectedStart(definition, values, now),
          );
          const base = expectedBase(definition, values, now);
          this.#schedule(id, 0, entry.dueAt!, base ?? now, now);
          break;
        }
        case 'escalated': {
          const pending = this.pending.get(id)!;
          const after = ESCALATION[definition]?.[entry.step - 1];
          expect(after, `${id} escalated to step ${entry.step}`).toBeDefined();
          expect(entry.step).toBe(pending.step + 1);
          expect(entry.dueAt).toBe(addDuration(pending.baseAt, after!, calendar));
          this.#schedule(id, entry.step, entry.dueAt!, pending.baseAt, now);
          break;
        }
        case 'rescheduled': {
          expect(id).toBe(fired);
          expect(entry.dueAt).toBe(crons[definition]?.(now));
          expect(entry.dueAt!).toBeGreaterThan(now);
          this.#schedule(id, 0, entry.dueAt!, entry.dueAt!, now);
          break;
        }
        case 'cancelled':
          expect(this.pending.has(id), `cancelled ${id} was not pending`).toBe(true);
          this.#drop(id);
          break;
        case 'ended':
          this.#drop(id);
          break;
        case 'skipped':
          expect(this.pending.has(id)).toBe(false);
          break;
      }
    }
    // The trace tells the whole story: the model's pending timers are the state's.
    const modelView = Object.fromEntries(
      [...this.pending].map(([id, s]) => [id, { dueAt: s.dueAt, step: s.step }]),
    );
    const stateView = Object.fromEntries(
      Object.entries(timers).map(([id, t]) => [id, { dueAt: t.dueAt, step: t.step }]),
    );
    expect(stateView).toEqual(modelView);
  }

  /** The next timer in due order: smallest (dueAt, id). */
  first(): Scheduling | undefined {
    let best: Scheduling | undefined;
    for (const s of this.pending.values()) {
      if (!best || s.dueAt < best.dueAt || (s.dueAt === best.dueAt && s.instance < best.instance)) {
        best = s;
      }
    }
    return best;
  }
}

// ─── The scan `app.due` must agree with ────────────────────────────────────────────────

function naiveDue(state: AppState, now: number): TimerState[] {
  const timers = state.timers;
  if (typeof timers !== 'object' || timers === null || Array.isArray(timers)) return [];
  return (
    Object.keys(timers)
      .map((id) => [id, timers[id]] as const)
      // Exactly the entries handle would fire (the same test as handle's, timers/instance.ts).
      .filter((pair): pair is readonly [string, TimerState] => isInstance(pair[0], pair[1]))
      .map(([, timer]) => timer)
      .filter((timer) => timer.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  );
}

function checkDue(state: AppState, instants: readonly number[]): void {
  const copy = JSON.parse(JSON.stringify(state)) as AppState;
  for (const now of instants) {
    const expected = naiveDue(state, now);
    expect(app.due(state, now)).toEqual(expected);
    expect(app.due(copy, now)).toEqual(expected);
  }
  const first = naiveDue(state, Infinity)[0];
  expect(app.nextTimer(state)).toEqual(first);
  expect(app.nextTimer(copy)).toEqual(first);
}

// ─── Scripts: record events and clock advances ─────────────────────────────────────────

type Action =
  | { readonly kind: 'create'; readonly id: string; readonly values: Values }
  | { readonly kind: 'update'; readonly id: string; readonly values: Values }
  | { readonly kind: 'move'; readonly id: string; readonly to: string }
  | { readonly kind: 'wait' };
/** An action after `gap` ms; `ticks` are where a ticking clock stops on the way (0…1). */
type Step = Action & { readonly gap: number; readonly ticks: readonly number[] };

const recordId = fc.constantFrom('L1', 'L2', 'L3', 'L1');
const grade = fc.constantFrom('A', 'B', 'C');
// 5 Feb … 31 Mar 2026: some already past when set, some across the Spring Festival.
const dueDate = fc
  .integer({ min: 0, max: 54 })
  .map((n) => new Date(Date.UTC(2026, 1, 5) + n * DAY).toISOString().slice(0, 10));
const values = fc.record(
  {
    name: fc.constantFrom('王先生', '李女士', '赵总'),
    grade,
    dueDate,
    paid: fc.boolean(),
  },
  { requiredKeys: [] },
);
// Gaps: often minutes (a move before a 2 h timer is due), often whole hours (due times that
// coincide with events), sometimes none, up to three days.
const gap = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 180 }).map((m) => m * 60_000) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 72 }).map((h) => h * HOUR) },
  { weight: 1, arbitrary: fc.constant(0) },
);
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('create' as const), id: recordId, values }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('update' as const), id: recordId, values }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      id: recordId,
      to: fc.constantFrom('new', 'contacted', 'contacted', 'won'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wait' as const }) },
);
const step: fc.Arbitrary<Step> = fc
  .tuple(action, gap, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }))
  .map(([a, g, ticks]) => ({ ...a, gap: g, ticks: [...ticks].sort((x, y) => x - y) }));
/** One to three leads created within the first hours, then random steps. */
const opening: fc.Arbitrary<Extract<Step, { kind: 'create' }>[]> = fc
  .uniqueArray(
    fc.tuple(fc.constantFrom('L1', 'L2', 'L3'), values, fc.integer({ min: 0, max: 90 })),
    {
      selector: ([id]) => id,
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((list) =>
    list.map(([id, v, minutes]) => ({
      kind: 'create' as const,
      id,
      values: v,
      gap: minutes * 60_000,
      ticks: [],
    })),
  );
const script = fc
  .tuple(opening, fc.array(step, { maxLength: 12 }))
  .map(([first, rest]) => [...first, ...rest]);

function eventOf(a: Action): AppEvent | undefined {
  switch (a.kind) {
    case 'create':
      return {
        type: 'record.create',
        entity: 'lead',
        recordId: a.id,
        values: { owner: 'rep', ...a.values },
      };
    case 'update':
      return { type: 'record.update', recordId: a.id, values: a.values };
    case 'move':
      return { type: 'stage.move', recordId: a.id, to: a.to };
    default:
      return undefined;
  }
}

interface Firing {
  readonly id: string;
  readonly step: number;
  readonly at: number;
}

interface RunOptions {
  /** Stop the clock at each step's `ticks` on the way (else: one jump per step). */
  readonly ticks: boolean;
  /** Store and reload the state as JSON at every tick (a host with storage). */
  readonly roundTrip: boolean;
}

interface Run {
  readonly state: AppState;
  readonly firings: readonly Firing[];
  readonly effects: readonly Effect[];
  readonly model: Model;
  readonly horizon: number;
}

/** Runs a script, checking the model, due order and `app.due` after every event. */
function run(steps: readonly Step[], options: RunOptions): Run {
  const model = new Model();
  const firings: Firing[] = [];
  const effects: Effect[] = [];
  let state = app.emptyState();
  let clock = T0;

  const send = (event: AppEvent, now: number): HandleResult => {
    const result = app.handle(state, event, { now, users });
    model.apply(result, event, now);
    effects.push(...result.effects);
    state = result.state;
    checkDue(state, [now, now + HOUR, now + 30 * DAY]);
    return result;
  };

  const advance = (to: number) => {
    for (;;) {
      const [next] = app.due(state, to);
      if (!next) break;
      // Due order: the smallest (dueAt, id) the model knows of, and due by now.
      const first = model.first();
      expect(next.id).toBe(first?.instance);
      expect(next.dueAt).toBe(first?.dueAt);
      const at = Math.max(next.dueAt, clock);
      expect(at).toBeLessThanOrEqual(to);
      const result = send({ type: 'timer.fired', timer: next.id }, at);
      expect(result.outcome.ok).toBe(true);
      firings.push({ id: next.id, step: next.step, at });
      clock = at;
      // Firing the same instance again at once runs nothing twice (unless its next step is
      // already due, which the loop fires next anyway).
      const again = model.pending.get(next.id);
      if (!again || again.dueAt > at) {
        const before = state;
        const repeat = app.handle(
          state,
          { type: 'timer.fired', timer: next.id },
          { now: at, users },
        );
        expect(repeat.outcome.ok).toBe(false);
        expect(repeat.effects).toEqual([]);
        expect(repeat.state).toBe(before);
      }
    }
    clock = Math.max(clock, to);
  };

  const tickTo = (to: number, fractions: readonly number[]) => {
    if (options.ticks) {
      const from = clock;
      for (const f of fractions) {
        advance(Math.floor(from + (to - from) * f));
        if (options.roundTrip) state = JSON.parse(JSON.stringify(state)) as AppState;
      }
    }
    advance(to);
  };

  // The first event of a fresh state schedules the recurring timers.
  send({ type: 'timers.sync' }, clock);
  let now = clock;
  for (const s of steps) {
    now += s.gap;
    tickTo(now, s.ticks);
    const event = eventOf(s);
    if (event) send(event, now);
  }
  const horizon = now + 10 * DAY;
  tickTo(horizon, [0.25, 0.5, 0.75]);
  return { state, firings, effects, model, horizon };
}

/** Every scheduling due by the horizon and not superseded fired exactly once; no other did. */
function checkExactlyOnce(result: Run): void {
  for (const s of result.model.all) {
    const expected = !s.superseded && s.dueAt <= result.horizon ? 1 : 0;
    expect(s.firings, `${s.instance} step ${s.step} due ${new Date(s.dueAt).toISOString()}`).toBe(
      expected,
    );
  }
  expect(app.due(result.state, result.horizon)).toEqual([]);
}

const NUM_RUNS = 50;

describe('timer scheduler properties', () => {
  it('(a, b, d, f) each scheduled step fires once, in due order, never early; cancelled never', () => {
    fc.assert(
      fc.property(script, (steps) => {
        checkExactlyOnce(run(steps, { ticks: false, roundTrip: false }));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) one jump or many small ticks (with storage round-trips) give the same result', () => {
    fc.assert(
      fc.property(script, fc.boolean(), (steps, roundTrip) => {
        const jump = run(steps, { ticks: false, roundTrip: false });
        const ticks = run(steps, { ticks: true, roundTrip });
        checkExactlyOnce(ticks);
        expect(ticks.firings).toEqual(jump.firings);
        expect(ticks.effects).toEqual(jump.effects);
        expect(ticks.state).toEqual(jump.state);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) a record that left 新 never gets its esc timer fired afterwards', () => {
    // The first lead moves on (or tries to) some minutes after it is created.
    const moveEarly = fc
      .tuple(opening, fc.integer({ min: 0, max: 12 * 60 }), fc.array(step, { maxLength: 6 }))
      .map(([first, minutes, rest]): Step[] => [
        ...first,
        { kind: 'move', id: first[0]!.id, to: 'contacted', gap: minutes * 60_000, ticks: [] },
        ...rest,
      ]);
    fc.assert(
      fc.property(moveEarly, (steps) => {
        const result = run(steps, { ticks: false, roundTrip: false });
        checkExactlyOnce(result);
        for (const s of result.model.all.filter((x) => x.instance.startsWith('esc@'))) {
          const recordId = s.instance.slice('esc@'.length);
          const left = (result.state.records[recordId]?.stageHistory['lead'] ?? []).find(
            (visit) => visit.stage === 'new' && visit.leftAt !== undefined,
          );
          if (left?.leftAt !== undefined && s.dueAt > left.leftAt) {
            expect(s.firings).toBe(0);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// ─── Junk ──────────────────────────────────────────────────────────────────────────────

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      deepFreeze((value as Record<string | symbol, unknown>)[key]);
    }
  }
  return value;
}

/** A state with two leads, their timers, and the recurring ones. */
function seededState(): AppState {
  let state = app.emptyState();
  for (const [id, values] of [
    ['L1', { grade: 'B', dueDate: '2026-02-12' }],
    ['L2', { grade: 'A', paid: true }],
  ] as const) {
    state = app.handle(
      state,
      { type: 'record.create', entity: 'lead', recordId: id, values: { owner: 'rep', ...values } },
      { now: T0, users },
    ).state;
  }
  return state;
}

const junkKey = fc.oneof(
  fc.constantFrom(
    'esc@L1',
    'esc@L2',
    'idle@L1',
    'overdue@L1',
    'weekly',
    'ny-daily',
    'automation/none',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ),
  fc.string({ maxLength: 6 }),
);
const junkNumber = fc.oneof(
  fc.integer({ min: T0 - 30 * DAY, max: T0 + 30 * DAY }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e20, -1e20, 8.64e15, 0, -1, 1.5),
  fc.double(),
);
const junkTimer = fc.oneof(
  fc.anything(),
  fc.record(
    {
      id: junkKey,
      timer: fc.constantFrom('esc', 'idle', 'overdue', 'weekly', 'ny-daily', 'nope', '__proto__'),
      source: fc.constantFrom('timer', 'schedule', 'other'),
      recordId: fc.constantFrom('L1', 'L2', 'L9', '__proto__', 'constructor'),
      dueAt: fc.oneof(junkNumber, fc.string()),
      step: fc.oneof(fc.constantFrom(0, 1, 2, 3, -1, 1.5, '0', '1', null), junkNumber),
      baseAt: junkNumber,
      startedAt: junkNumber,
    },
    { requiredKeys: [] },
  ),
);
/** Entries the engine did not write: junk beside real ones, own `__proto__` keys included. */
const junkTimers = fc.array(
  fc
    .tuple(junkKey, junkTimer, fc.boolean())
    // Half the time the entry's id is its key, so the firing paths run on the junk too.
    .map(([key, value, own]): [string, unknown] => [
      key,
      own && typeof value === 'object' && value !== null ? { ...value, id: key } : value,
    ]),
  { maxLength: 5 },
);
const junkNow = fc.oneof(
  fc.integer({ min: T0 - DAY, max: T0 + 40 * DAY }),
  fc.constantFrom(T0 + 2 * HOUR, T0 + 30 * DAY, 8.64e15),
);

function withJunk(
  state: AppState,
  entries: readonly (readonly [string, unknown])[],
  keep: boolean,
) {
  const timers = Object.fromEntries([
    ...(keep ? Object.entries(state.timers ?? {}) : []),
    ...entries,
  ]) as Record<string, TimerState>;
  return { ...state, timers };
}

const failed = (result: HandleResult) =>
  !result.outcome.ok && result.outcome.message.en.startsWith('the engine failed');

describe('junk timer.fired events and state.timers garbage', () => {
  const base = seededState();

  it('(e) handle never throws, never fails inside, never mutates its inputs', () => {
    fc.assert(
      fc.property(
        junkTimers,
        fc.boolean(),
        fc.oneof(junkKey, fc.anything()),
        junkNow,
        (entries, keep, id, now) => {
          const state = deepFreeze(withJunk(structuredClone(base), entries, keep));
          const snapshot = structuredClone(state);
          const event = deepFreeze({ type: 'timer.fired', timer: id } as AppEvent);
          const ctx = deepFreeze({ now, users: structuredClone(users) } as HandleContext);
          const result = app.handle(state, event, ctx);
          expect(failed(result), JSON.stringify(result.outcome)).toBe(false);
          const sync = app.handle(state, deepFreeze({ type: 'timers.sync' } as AppEvent), ctx);
          expect(failed(sync), JSON.stringify(sync.outcome)).toBe(false);
          expect(state).toEqual(snapshot);
          expect(app.due(state, now)).toEqual(naiveDue(state, now));
          expect(app.nextTimer(state)).toEqual(naiveDue(state, Infinity)[0]);
          for (const next of [result.state, sync.state]) {
            expect(app.due(next, now)).toEqual(naiveDue(next, now));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(f) firing the same instance twice in a row never runs the same step twice', () => {
    fc.assert(
      fc.property(junkTimers, fc.boolean(), junkKey, junkNow, (entries, keep, id, now) => {
        const state = withJunk(structuredClone(base), entries, keep);
        const event: AppEvent = { type: 'timer.fired', timer: id };
        const first = app.handle(state, event, { now, users });
        const second = app.handle(first.state, event, { now, users });
        const ran = (result: HandleResult) =>
          result.trace
            .filter(isTimerEntry)
            .filter((entry) => entry.outcome === 'fired')
            .map((entry) => `${entry.instance} ${entry.recordId ?? ''} ${entry.step}`);
        const twice = ran(second).filter((key) => ran(first).includes(key));
        expect(twice).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

// ─── Counterexamples found by the properties, kept as regression tests ────────────────

describe('regressions', () => {
  const base = seededState();
  const fire = (state: AppState, timer: unknown, now: number) =>
    app.handle(state, { type: 'timer.fired', timer } as AppEvent, { now, users });
  const runs = (result: HandleResult) =>
    result.trace.filter(isTimerEntry).filter((entry) => entry.outcome === 'fired');

  it('an entry stored under another key (no id) fires once, not on every timer.fired', () => {
    // (f), seed 208671541: { weekly: { timer: 'ny-daily', dueAt, step: 0 } } ran ny-daily's
    // actions and wrote the next run under the key "undefined", leaving `weekly` to fire again.
    const state = withJunk(
      base,
      [['weekly', { timer: 'ny-daily', dueAt: T0 - DAY, step: 0 }]],
      false,
    );
    const first = fire(state, 'weekly', T0 + 12 * HOUR);
    const second = fire(first.state, 'weekly', T0 + 12 * HOUR);
    expect(runs(first).length + runs(second).length).toBeLessThanOrEqual(1);
    expect(Object.keys(second.state.timers ?? {})).not.toContain('undefined');
  });

  it('an entry whose id is not its key is not a pending timer', () => {
    const state = withJunk(
      base,
      [
        [
          'a',
          {
            id: 'esc@L1',
            timer: 'esc',
            source: 'timer',
            recordId: 'L1',
            dueAt: T0,
            step: 0,
            baseAt: T0,
            startedAt: T0,
          },
        ],
      ],
      false,
    );
    expect(app.due(state, T0 + DAY)).toEqual([]);
    // Fired anyway: dropped without running anything.
    const result = fire(state, 'a', T0 + DAY);
    expect(runs(result)).toEqual([]);
    expect(result.effects).toEqual([]);
    expect(Object.keys(result.state.timers ?? {})).not.toContain('a');
  });

  it('an instance id that does not match its timer and record does not run another one', () => {
    // `weekly` holding ny-daily: firing it would run ny-daily a second time each day.
    const state = withJunk(
      base,
      [
        [
          'weekly',
          {
            id: 'weekly',
            timer: 'ny-daily',
            source: 'timer',
            dueAt: T0,
            step: 0,
            baseAt: T0,
            startedAt: T0,
          },
        ],
      ],
      true,
    );
    expect(runs(fire(state, 'weekly', T0 + DAY))).toEqual([]);
  });

  it('a timer.fired whose timer cannot be turned into text is refused, not an engine failure', () => {
    // (e), seed -387848010: { timer: { toString: [] } } threw in String(event.timer).
    for (const timer of [{ toString: [] }, Object.create(null) as unknown, Symbol('x')]) {
      const result = fire(base, timer, T0);
      expect(failed(result), JSON.stringify(result.outcome)).toBe(false);
      expect(result.outcome).toMatchObject({ ok: false, reason: 'not-found' });
    }
  });

  it('a pending entry due beyond the range of Date is refused as not due, not an engine failure', () => {
    const state = withJunk(
      base,
      [
        [
          'esc@L1',
          {
            id: 'esc@L1',
            timer: 'esc',
            source: 'timer',
            recordId: 'L1',
            dueAt: 1e20,
            step: 0,
            baseAt: T0,
            startedAt: T0,
          },
        ],
      ],
      false,
    );
    const result = fire(state, 'esc@L1', T0);
    expect(failed(result), JSON.stringify(result.outcome)).toBe(false);
    expect(result.outcome.ok).toBe(false);
  });

  it('a pending entry with a NaN due time never fires', () => {
    const state = withJunk(
      base,
      [
        [
          'esc@L1',
          {
            id: 'esc@L1',
            timer: 'esc',
            source: 'timer',
            recordId: 'L1',
            dueAt: Number.NaN,
            step: 0,
            baseAt: T0,
            startedAt: T0,
          },
        ],
      ],
      false,
    );
    expect(runs(fire(state, 'esc@L1', T0 + DAY))).toEqual([]);
  });

  it('a step that is not a whole number never runs an escalation step', () => {
    const state = withJunk(
      base,
      [
        [
          'esc@L1',
          {
            id: 'esc@L1',
            timer: 'esc',
            source: 'timer',
            recordId: 'L1',
            dueAt: T0,
            step: '1',
            baseAt: T0,
            startedAt: T0,
          },
        ],
      ],
      false,
    );
    expect(runs(fire(state, 'esc@L1', T0 + DAY))).toEqual([]);
  });
});
