import { compileApp, type CompiledApp, type Effect } from '@ruleloom/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { advanceTarget } from './clockAdvance.js';
import { directoryOf, sampleRecordsOf } from './sampleData.js';
import {
  advanceClock,
  createRecords,
  fireEvents,
  importRecords,
  MAX_STEPS,
  pendingTimers,
  startRun,
  type SimRun,
  type SimStep,
} from './simulationRun.js';
import { describeEntries } from './timelineText.js';

const START = Date.parse('2026-03-02T09:00:00+08:00'); // a Monday
const HOUR = 3_600_000;

let app: CompiledApp;
let files: Record<string, unknown>;

beforeAll(() => {
  files = salesCrmFiles();
  const compiled = compileApp({ files });
  if (!compiled.ok) throw new Error('sales-crm does not compile');
  app = compiled.app;
});

const users = () => directoryOf(files);
const zhangwei = { id: 'zhangwei', roles: ['sales-rep'] };

function withBLead(): SimRun {
  const lead = sampleRecordsOf(files).find((r) => r.entity === 'lead' && r.id === 'L1')!;
  expect(lead.values['intentGrade']).toBe('B');
  const run = startRun(app, START, { users: users() });
  return createRecords(app, run, [lead], { actor: zhangwei, users: users() });
}

function entries(run: SimRun): Extract<SimStep, { kind: 'entry' }>[] {
  return run.steps.filter((s): s is Extract<SimStep, { kind: 'entry' }> => s.kind === 'entry');
}

function notifies(run: SimRun): Extract<Effect, { type: 'notify' }>[] {
  return entries(run).flatMap((s) =>
    s.entry.effects.filter((e): e is Extract<Effect, { type: 'notify' }> => e.type === 'notify'),
  );
}

describe('a simulator run (S3: a B-grade lead not advanced within 48 h)', () => {
  it('given a new run, then the recurring timers and schedules are pending from the start', () => {
    const run = startRun(app, START, { users: users() });
    expect(run.now).toBe(START);
    expect(pendingTimers(run.state).length).toBeGreaterThan(0);
    expect(Object.keys(run.state.records)).toEqual([]);
  });

  it('given the B-grade sample lead created at 09:00, then its 48 h timer is pending, due two days later', () => {
    const run = withBLead();
    const timer = pendingTimers(run.state).find((t) => t.id === 'b-lead-48h@L1');
    expect(timer?.dueAt).toBe(START + 48 * HOUR);
    const created = entries(run).find((s) => s.entry.event?.type === 'record.create');
    expect(created?.changes[0]).toMatchObject({ recordId: 'L1', entity: 'lead', created: true });
  });

  it('given the B-grade lead, when the clock advances 47 h 59 min, then it is not red and nobody is alerted', () => {
    const run = withBLead();
    const target = advanceTarget('47h59m', run.now, app);
    expect(target).toEqual({ ok: true, to: START + 48 * HOUR - 60_000 });
    const later = advanceClock(app, run, START + 48 * HOUR - 60_000, { users: users() });
    expect(later.state.records['L1']?.mark).toBeUndefined();
    expect(notifies(later).filter((n) => n.source.timer === 'b-lead-48h')).toEqual([]);
  });

  it('given the B-grade lead, when the clock advances 48 h, then it turns red and the area manager is alerted', () => {
    const run = advanceClock(app, withBLead(), START + 48 * HOUR, { users: users() });
    expect(run.state.records['L1']?.mark?.color).toBe('red');
    const alert = notifies(run).filter((n) => n.source.timer === 'b-lead-48h');
    expect(alert).toHaveLength(1);
    expect(alert[0]?.recipients).toEqual(['zhoumin', 'zhangwei']);
    const fired = entries(run).find((s) => s.entry.timer?.instance === 'b-lead-48h@L1');
    expect(fired?.entry.at).toBe(START + 48 * HOUR);
    expect(fired?.changes[0]?.mark?.after?.color).toBe('red');
    // The clock step comes before the firings it caused.
    const clock = run.steps.findIndex((s) => s.kind === 'clock');
    expect(clock).toBeLessThan(run.steps.indexOf(fired!));
    const text = describeEntries([fired!.entry], { locale: 'zh-CN', app, users: users() })[0];
    expect(text?.headline).toContain('B级线索48小时未推进');
    expect(text?.details.join('\n')).toContain('周敏');
    expect(text?.details).toContain('标记 红色');
  });

  it('given the B-grade lead, when the clock jumps 48 h in steps of an hour, then the result is the same as one jump', () => {
    let stepped = withBLead();
    for (let hour = 1; hour <= 48; hour += 1) {
      stepped = advanceClock(app, stepped, START + hour * HOUR, { users: users() });
    }
    const jumped = advanceClock(app, withBLead(), START + 48 * HOUR, { users: users() });
    expect(stepped.state).toEqual(jumped.state);
  });

  it('given the lead moved to 已联系 within 48 h, then the timer is cancelled and it never turns red', () => {
    let run = advanceClock(app, withBLead(), START + 30 * HOUR, { users: users() });
    run = fireEvents(app, run, [{ type: 'stage.move', recordId: 'L1', to: 'contacted' }], {
      actor: zhangwei,
      users: users(),
    });
    const move = entries(run).at(-1)!;
    expect(move.entry.outcome?.ok).toBe(true);
    expect(move.changes[0]?.fields).toContainEqual({
      field: 'status',
      before: 'new',
      after: 'contacted',
    });
    run = advanceClock(app, run, START + 96 * HOUR, { users: users() });
    expect(run.state.records['L1']?.mark).toBeUndefined();
  });

  it('given a move without a transition, then the engine refuses it and nothing changes', () => {
    const run = fireEvents(
      app,
      withBLead(),
      [{ type: 'stage.move', recordId: 'L1', to: 'converted' }],
      { actor: zhangwei, users: users() },
    );
    const refused = entries(run).at(-1)!;
    expect(refused.entry.outcome?.ok).toBe(false);
    expect(refused.changes).toEqual([]);
    expect(run.state.records['L1']?.values['status']).toBe('new');
    const text = describeEntries(
      entries(run).map((s) => s.entry),
      { locale: 'en', app, users: users() },
    ).at(-1);
    expect(text?.headline).toContain('refused');
  });

  it('given sample records imported as existing data, then no creation rule runs and their stage is set', () => {
    const samples = sampleRecordsOf(files).filter((r) => r.entity === 'opportunity');
    const run = importRecords(app, startRun(app, START), samples);
    expect(run.steps.some((s) => s.kind === 'import')).toBe(true);
    const first = samples[0]!;
    expect(run.state.records[first.id]?.entity).toBe('opportunity');
    // Imported twice: the second time skips the records that are there.
    expect(importRecords(app, run, samples)).toBe(run);
  });

  it('given the clock moved 60 years on, then it stops at the step limit instead of hanging, and says so', () => {
    const run = startRun(app, START, { users: users() });
    const far = START + 60 * 365 * 24 * HOUR;
    const later = advanceClock(app, run, far, { users: users(), maxSteps: 20 });
    expect(later.truncated).toBe(true);
    expect(later.now).toBeLessThan(far);
    expect(later.now).toBeGreaterThan(START);
    // The timers.sync of the start, then 20 firings.
    expect(entries(later).length).toBe(21);
    expect(MAX_STEPS).toBeGreaterThan(1000);
  });

  it('never moves the clock back', () => {
    const run = withBLead();
    expect(advanceClock(app, run, run.now - HOUR)).toBe(run);
  });
});
