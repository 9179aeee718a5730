import { describe, expect, it } from 'vitest';
import { compileApp } from '../../app/compileApp.js';
import type { CompiledApp } from '../../app/compiledApp.js';
import type { AppEvent, AppState, Effect, HandleResult } from '../../app/types.js';

const S = 'https://ruleloom.dev/schemas/v1';
const at = (iso: string): number => Date.parse(iso);

const users = [
  { id: 'rep', roles: ['sales'], manager: 'mgr' },
  { id: 'mgr', roles: ['sales-manager'], manager: 'dir' },
  { id: 'dir', roles: ['sales-director'] },
];

function appWith(timers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const files: Record<string, unknown> = {
    'app.json': {
      $schema: `${S}/app.schema.json`,
      id: 'timer-test',
      name: 'timer test',
      version: '1.0.0',
      zone: 'Asia/Shanghai',
      calendar: { region: 'CN' },
      roles: [{ id: 'sales' }, { id: 'sales-manager' }, { id: 'sales-director' }],
      files: {
        entities: ['entities/lead.json'],
        pipelines: ['pipelines/lead.json'],
        timers: Object.keys(timers),
        ...(extra['automations/start.json'] ? { automations: ['automations/start.json'] } : {}),
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
          options: [
            { id: 'A', label: 'A' },
            { id: 'B', label: 'B' },
            { id: 'C', label: 'C' },
          ],
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
        { from: 'contacted', to: 'won' },
      ],
    },
    ...timers,
    ...extra,
  };
  const result = compileApp({ files });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.app;
}

const notify = (id: string, recipient: unknown) => ({
  type: 'notify',
  id,
  channel: 'wecom',
  recipients: [recipient],
  template: { 'zh-CN': `${id} {{name}}`, en: `${id} {{name}}` },
});

/** S3's shape: B-grade lead not advanced within 48 h → red + alert, then escalate. */
const b48 = {
  'timers/b-lead-48h.json': {
    $schema: `${S}/timer.schema.json`,
    id: 'b-lead-48h',
    kind: 'relative',
    entity: 'lead',
    after: '48h',
    start: [{ type: 'record.created' }],
    cancelOn: [{ type: 'stage.left', stages: ['new'] }],
    condition: { '==': [{ var: 'grade' }, 'B'] },
    actions: [{ type: 'mark', color: 'red' }, notify('rep-alert', { field: 'owner' })],
    escalation: [
      { after: '72h', actions: [notify('manager-alert', { managerOf: 'owner' })] },
      { after: '96h', actions: [notify('director-alert', { role: 'sales-director' })] },
    ],
  },
};

class Clock {
  state: AppState;
  readonly log: HandleResult[] = [];
  constructor(readonly app: CompiledApp) {
    this.state = app.emptyState();
  }
  /** The time of the last event handled. */
  clock = -Infinity;
  send(event: AppEvent, now: string | number): HandleResult {
    this.clock = Math.max(this.clock, typeof now === 'string' ? at(now) : now);
    const result = this.app.handle(this.state, event, { now, users });
    this.state = result.state;
    this.log.push(result);
    return result;
  }
  /** Fires every timer due up to `now`, each at its own due time. */
  advance(now: string | number): Effect[] {
    const to = typeof now === 'string' ? at(now) : now;
    const effects: Effect[] = [];
    for (;;) {
      const [next] = this.app.due(this.state, to);
      if (!next) break;
      this.clock = Math.max(this.clock, next.dueAt);
      effects.push(...this.send({ type: 'timer.fired', timer: next.id }, this.clock).effects);
    }
    return effects;
  }
}

const create = (values: Record<string, unknown>, id = 'L1'): AppEvent => ({
  type: 'record.create',
  entity: 'lead',
  recordId: id,
  values: { name: '王先生', owner: 'rep', ...values },
});

const recipients = (effects: readonly Effect[]) =>
  effects.flatMap((e) => (e.type === 'notify' ? [e.recipients.join(',')] : []));

describe('relative timers with escalation (S3 shape)', () => {
  it('starts at creation, is due 48 h later, marks red and alerts the owner', () => {
    const clock = new Clock(appWith(b48));
    const created = clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    expect(created.trace).toContainEqual(
      expect.objectContaining({ kind: 'timer', outcome: 'started', instance: 'b-lead-48h@L1' }),
    );
    expect(clock.app.due(clock.state, '2026-03-04T08:59:59+08:00')).toEqual([]);
    const [due] = clock.app.due(clock.state, '2026-03-04T09:00:00+08:00');
    expect(due).toMatchObject({ id: 'b-lead-48h@L1', step: 0, recordId: 'L1' });
    expect(due?.dueAt).toBe(at('2026-03-04T09:00:00+08:00'));
    const effects = clock.advance('2026-03-04T09:00:00+08:00');
    expect(recipients(effects)).toEqual(['rep']);
    expect(effects[0]?.source).toEqual({ timer: 'b-lead-48h', action: 1 });
    expect(clock.state.records['L1']?.mark?.color).toBe('red');
  });

  it('escalates to the manager at 72 h and the director at 96 h, then ends', () => {
    const clock = new Clock(appWith(b48));
    clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    expect(recipients(clock.advance('2026-03-05T08:59:00+08:00'))).toEqual(['rep']);
    expect(recipients(clock.advance('2026-03-05T09:00:00+08:00'))).toEqual(['mgr']);
    const last = clock.advance('2026-03-10T00:00:00+08:00');
    expect(recipients(last)).toEqual(['dir']);
    expect(last[0]?.source).toMatchObject({ timer: 'b-lead-48h', step: 2 });
    expect(clock.state.timers ?? {}).toEqual({});
  });

  it('a jump over every due time still fires each step exactly once, in order', () => {
    const clock = new Clock(appWith(b48));
    clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    expect(recipients(clock.advance('2026-04-01T00:00:00+08:00'))).toEqual(['rep', 'mgr', 'dir']);
  });

  it('is cancelled when the lead leaves 新 (advanced in time): nothing fires', () => {
    const clock = new Clock(appWith(b48));
    clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    const moved = clock.send(
      { type: 'stage.move', recordId: 'L1', to: 'contacted' },
      '2026-03-03T10:00:00+08:00',
    );
    expect(moved.trace).toContainEqual(
      expect.objectContaining({ kind: 'timer', outcome: 'cancelled', instance: 'b-lead-48h@L1' }),
    );
    expect(clock.advance('2026-04-01T00:00:00+08:00')).toEqual([]);
  });

  it('an A-grade lead: due, but the condition is false, so nothing runs and it ends', () => {
    const clock = new Clock(appWith(b48));
    clock.send(create({ grade: 'A' }), '2026-03-02T09:00:00+08:00');
    expect(clock.advance('2026-04-01T00:00:00+08:00')).toEqual([]);
    const fired = clock.log.at(-1);
    expect(fired?.trace).toContainEqual(expect.objectContaining({ outcome: 'condition' }));
    expect(clock.state.timers ?? {}).toEqual({});
  });

  it('a stored state edited in place (a timer replaced or removed): due and nextTimer follow the edit', () => {
    const clock = new Clock(appWith(b48));
    clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    expect(clock.app.nextTimer(clock.state)?.id).toBe('b-lead-48h@L1');
    // The engine's states are frozen; a state read back from storage is not, and a caller may
    // edit it in place after asking it once (not how states are meant to be used).
    const stored = JSON.parse(JSON.stringify(clock.state)) as AppState;
    expect(clock.app.nextTimer(stored)?.id).toBe('b-lead-48h@L1');
    clock.state = stored;
    const timers = stored.timers as Record<string, NonNullable<AppState['timers']>[string]>;
    const moved = { ...timers['b-lead-48h@L1']!, dueAt: at('2026-03-05T09:00:00+08:00') };
    timers['b-lead-48h@L1'] = moved;
    expect(clock.app.due(clock.state, '2026-03-04T09:00:00+08:00')).toEqual([]);
    expect(clock.app.due(clock.state, '2026-03-05T09:00:00+08:00')).toEqual([moved]);
    expect(clock.app.nextTimer(clock.state)).toEqual(moved);
    delete timers['b-lead-48h@L1'];
    expect(clock.app.due(clock.state, '2026-03-10T00:00:00+08:00')).toEqual([]);
    expect(clock.app.nextTimer(clock.state)).toBeUndefined();
  });

  it('firing twice is refused the second time and runs nothing twice', () => {
    const clock = new Clock(appWith(b48));
    clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    const now = '2026-03-04T09:00:00+08:00';
    const first = clock.send({ type: 'timer.fired', timer: 'b-lead-48h@L1' }, now);
    expect(first.outcome.ok).toBe(true);
    // The instance now waits for its first escalation step (72 h), not yet due.
    const again = clock.send({ type: 'timer.fired', timer: 'b-lead-48h@L1' }, now);
    expect(again.outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(again.effects).toEqual([]);
    const unknown = clock.send({ type: 'timer.fired', timer: 'nope@L1' }, now);
    expect(unknown.outcome).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('refuses to fire early and leaves the state unchanged', () => {
    const clock = new Clock(appWith(b48));
    clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    const before = clock.state;
    const early = clock.send(
      { type: 'timer.fired', timer: 'b-lead-48h@L1' },
      '2026-03-04T08:00:00+08:00',
    );
    expect(early.outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(early.state).toBe(before);
  });

  it('patches of a timer change round-trip: inverse patches restore the timers', () => {
    const clock = new Clock(appWith(b48));
    const result = clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    expect(result.patches.some((p) => p.path[0] === 'timers')).toBe(true);
  });
});

describe('restart: "3 workdays without an update" (S22 shape)', () => {
  const idle = {
    'timers/idle.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'idle-3wd',
      kind: 'relative',
      entity: 'lead',
      after: '3 workdays',
      start: [{ type: 'record.created' }, { type: 'record.updated' }],
      actions: [notify('idle', { field: 'owner' })],
    },
  };

  it('counts working days over the 2026 Spring Festival and its make-up Saturday', () => {
    const clock = new Clock(appWith(idle));
    clock.send(create({}), '2026-02-13T10:00:00+08:00');
    // Fri 13 Feb + 3 workdays: Sat 14 Feb (make-up workday), then the holiday to 23 Feb → 24, 25.
    expect(clock.app.nextTimer(clock.state)?.dueAt).toBe(at('2026-02-25T10:00:00+08:00'));
  });

  it('each update restarts the count; the last one decides', () => {
    const clock = new Clock(appWith(idle));
    clock.send(create({}), '2026-03-02T10:00:00+08:00');
    const updated = clock.send(
      { type: 'record.update', recordId: 'L1', values: { name: '王总' } },
      '2026-03-04T15:00:00+08:00',
    );
    expect(updated.trace).toContainEqual(expect.objectContaining({ outcome: 'restarted' }));
    expect(clock.advance('2026-03-09T14:59:00+08:00')).toEqual([]);
    expect(recipients(clock.advance('2026-03-09T15:00:00+08:00'))).toEqual(['rep']);
  });
});

describe('absolute timers (S28 shape: 5 days after the due date)', () => {
  const overdue = {
    'timers/overdue.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'overdue-5d',
      kind: 'absolute',
      entity: 'lead',
      field: 'dueDate',
      offset: '5d',
      time: '09:00',
      condition: { '!': [{ var: 'paid' }] },
      actions: [{ type: 'mark', color: 'red' }, notify('overdue', { role: 'sales-manager' })],
    },
  };

  it('is due at the date + 5 days at 09:00 in the app zone, and moves when the date changes', () => {
    const clock = new Clock(appWith(overdue));
    clock.send(create({ dueDate: '2026-03-10' }), '2026-03-01T09:00:00+08:00');
    expect(clock.app.nextTimer(clock.state)?.dueAt).toBe(at('2026-03-15T09:00:00+08:00'));
    clock.send(
      { type: 'record.update', recordId: 'L1', values: { dueDate: '2026-03-20' } },
      '2026-03-02T09:00:00+08:00',
    );
    expect(clock.app.nextTimer(clock.state)?.dueAt).toBe(at('2026-03-25T09:00:00+08:00'));
    expect(recipients(clock.advance('2026-03-25T09:00:00+08:00'))).toEqual(['mgr']);
  });

  it('paid before it is due: the condition stops it', () => {
    const clock = new Clock(appWith(overdue));
    clock.send(create({ dueDate: '2026-03-10' }), '2026-03-01T09:00:00+08:00');
    clock.send(
      { type: 'record.update', recordId: 'L1', values: { paid: true } },
      '2026-03-12T09:00:00+08:00',
    );
    expect(clock.advance('2026-04-01T00:00:00+08:00')).toEqual([]);
    expect(clock.state.records['L1']?.mark).toBeUndefined();
  });

  it('no date: nothing is scheduled', () => {
    const clock = new Clock(appWith(overdue));
    clock.send(create({}), '2026-03-01T09:00:00+08:00');
    expect(clock.state.timers ?? {}).toEqual({});
  });
});

describe('recurring timers', () => {
  const weekly = {
    'timers/weekly.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'friday-check',
      kind: 'recurring',
      entity: 'lead',
      cron: '0 16 * * FRI',
      condition: { '==': [{ var: 'grade' }, 'B'] },
      actions: [notify('weekly', { field: 'owner' })],
    },
  };

  it('runs every Friday 16:00 Asia/Shanghai for each record whose condition holds', () => {
    const clock = new Clock(appWith(weekly));
    clock.send(create({ grade: 'B' }, 'L1'), '2026-03-02T09:00:00+08:00');
    clock.send(create({ grade: 'A' }, 'L2'), '2026-03-02T09:00:00+08:00');
    expect(clock.app.nextTimer(clock.state)).toMatchObject({
      id: 'friday-check',
      dueAt: at('2026-03-06T16:00:00+08:00'),
    });
    const effects = clock.advance('2026-03-20T17:00:00+08:00');
    // Three Fridays (6, 13, 20 March), one B lead each time.
    expect(effects.map((e) => e.recordId)).toEqual(['L1', 'L1', 'L1']);
    expect(clock.app.nextTimer(clock.state)?.dueAt).toBe(at('2026-03-27T16:00:00+08:00'));
  });

  it('one jump or many small ticks give the same firings', () => {
    const jump = new Clock(appWith(weekly));
    const ticks = new Clock(appWith(weekly));
    for (const clock of [jump, ticks]) {
      clock.send(create({ grade: 'B' }), '2026-03-02T09:00:00+08:00');
    }
    const once = jump.advance('2026-05-01T00:00:00+08:00');
    const many: Effect[] = [];
    for (
      let t = at('2026-03-02T09:00:00+08:00');
      t <= at('2026-05-01T00:00:00+08:00');
      t += 3_600_000 * 7
    ) {
      many.push(...ticks.advance(t));
    }
    many.push(...ticks.advance('2026-05-01T00:00:00+08:00'));
    expect(many).toEqual(once);
    expect(ticks.state).toEqual(jump.state);
  });

  it('timers.sync starts absolute timers of records that have none, only when still ahead', () => {
    const app = appWith({
      'timers/overdue.json': {
        $schema: `${S}/timer.schema.json`,
        id: 'overdue-5d',
        kind: 'absolute',
        entity: 'lead',
        field: 'dueDate',
        offset: '5d',
        actions: [notify('overdue', { role: 'sales-manager' })],
      },
    });
    const record = (id: string, dueDate: string) => ({
      id,
      entity: 'lead',
      values: { name: id, dueDate },
      tags: [],
      stageHistory: {},
      approvals: [],
      createdAt: 0,
      updatedAt: 0,
      version: 1,
    });
    // Imported records, no timers yet: L1 is due 15 March, L2 was due in February.
    const imported: AppState = {
      records: { L1: record('L1', '2026-03-10'), L2: record('L2', '2026-02-01') },
    };
    const synced = app.handle(
      imported,
      { type: 'timers.sync' },
      { now: '2026-03-02T09:00:00+08:00' },
    );
    expect(Object.keys(synced.state.timers ?? {})).toEqual(['overdue-5d@L1']);
  });

  it('timers.sync schedules recurring timers on a fresh state', () => {
    const app = appWith(weekly);
    const result = app.handle(
      app.emptyState(),
      { type: 'timers.sync' },
      { now: '2026-03-02T09:00:00+08:00' },
    );
    expect(Object.keys(result.state.timers ?? {})).toEqual(['friday-check']);
  });
});

describe('startTimer / cancelTimer actions', () => {
  const review = {
    'timers/review.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'review-72h',
      kind: 'relative',
      entity: 'lead',
      after: '72h',
      start: [{ type: 'stage.entered', stages: ['won'] }],
      actions: [notify('review', { role: 'sales-manager' })],
    },
  };
  const starter = {
    'automations/start.json': {
      $schema: `${S}/automation.schema.json`,
      id: 'start-review',
      entity: 'lead',
      trigger: { type: 'stage.entered', stages: ['contacted'] },
      actions: [{ type: 'startTimer', timer: 'review-72h' }],
    },
  };

  it('an automation starts the timer; the effect is not handed to the caller', () => {
    const clock = new Clock(appWith(review, starter));
    clock.send(create({}), '2026-03-02T09:00:00+08:00');
    const moved = clock.send(
      { type: 'stage.move', recordId: 'L1', to: 'contacted' },
      '2026-03-02T10:00:00+08:00',
    );
    expect(moved.effects.filter((e) => e.type === 'startTimer')).toEqual([]);
    expect(clock.app.nextTimer(clock.state)?.dueAt).toBe(at('2026-03-05T10:00:00+08:00'));
  });

  it('naming a timer the app does not have is a compile error', () => {
    const broken = {
      'automations/start.json': {
        ...starter['automations/start.json'],
        actions: [{ type: 'startTimer', timer: 'no-such-timer' }],
      },
    };
    expect(() => appWith(review, broken)).toThrow(/RL5608/);
  });
});

describe('compile checks', () => {
  it('an absolute timer on a text field is RL5602; a bad cron is RL5603', () => {
    const bad = {
      'timers/a.json': {
        $schema: `${S}/timer.schema.json`,
        id: 'a',
        kind: 'absolute',
        entity: 'lead',
        field: 'name',
        actions: [notify('x', { field: 'owner' })],
      },
      'timers/b.json': {
        $schema: `${S}/timer.schema.json`,
        id: 'b',
        kind: 'recurring',
        entity: 'lead',
        cron: '0 25 * * *',
        actions: [notify('x', { field: 'owner' })],
      },
    };
    expect(() => appWith(bad)).toThrow(/RL5602[\s\S]*RL5603|RL5603[\s\S]*RL5602/);
  });

  it('an action error in an escalation step points into /escalation', () => {
    const broken = {
      'timers/b-lead-48h.json': {
        ...b48['timers/b-lead-48h.json'],
        escalation: [{ after: '72h', actions: [notify('m', { field: 'nosuchfield' })] }],
      },
    };
    expect(() => appWith(broken)).toThrow(/"pointer": "\/escalation\/0\/actions\/0/);
  });
});
