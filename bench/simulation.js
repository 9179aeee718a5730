/**
 * The virtual clock at scale, through the engine (`simulate`, `app.handle`, `app.due`):
 *
 * 1. **A year of a 50-rep team**: a seeded event log of leads created, updated and moved
 *    through a pipeline, on working days 09:00–18:00 Asia/Shanghai, replayed with `simulate`
 *    on a purpose-built app: a 48 h "not advanced" timer with two escalation steps (started
 *    at creation, cancelled when the lead leaves `new`), a 3-day follow-up timer restarted by
 *    every update, and a recurring 09:00 daily check. Prints events/s, timers fired, wall
 *    time and peak heap.
 * 2. **1,000,000 pending timers in one state**: a state holding `--pending` records each
 *    with a pending timer (as a runtime would load it from storage), drained through a
 *    session (`app.session(state)`: `due(now)` and `handle({ type: 'timer.fired' })` in
 *    place) in due order.
 *
 *   npm run build && node --expose-gc bench/simulation.js [--events 1000000] [--reps 50]
 *     [--pending 1000000] [--part year|pending|both]
 *
 * Not part of `bench/run.js`. Numbers are recorded in docs/bench.md.
 */
import { compileApp, simulate } from '@ruleloom/engine';
import { parseArgs } from 'node:util';
import { createRandom } from './data.js';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    reps: { type: 'string', default: '50' },
    pending: { type: 'string', default: '1000000' },
    part: { type: 'string', default: 'both' },
  },
});
const EVENTS = Number(args.events);
const REPS = Number(args.reps);
const PENDING = Number(args.pending);

const S = 'https://ruleloom.dev/schemas/v1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR_START = Date.parse('2026-01-05T09:00:00+08:00'); // a Monday

// ─── The bench app ─────────────────────────────────────────────────────────────────────

const notify = (id, recipients) => ({
  type: 'notify',
  id,
  channel: 'wecom',
  recipients,
  template: { 'zh-CN': `${id}：{{name}}`, en: `${id}: {{name}}` },
});

function benchApp() {
  const files = {
    'app.json': {
      $schema: `${S}/app.schema.json`,
      id: 'bench-team',
      name: 'bench team',
      version: '1.0.0',
      zone: 'Asia/Shanghai',
      roles: [{ id: 'sales' }, { id: 'sales-manager' }, { id: 'sales-director' }],
      files: {
        entities: ['entities/lead.json'],
        pipelines: ['pipelines/lead.json'],
        timers: ['timers/not-advanced.json', 'timers/follow-up.json', 'timers/daily.json'],
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
        { id: 'amount', label: '金额', type: 'money' },
        { id: 'notes', label: '备注', type: 'text' },
        { id: 'stage', label: '阶段', type: 'text' },
      ],
    },
    'pipelines/lead.json': {
      $schema: `${S}/pipeline.schema.json`,
      id: 'lead',
      entity: 'lead',
      stageField: 'stage',
      initialStage: 'new',
      stages: [
        { id: 'new' },
        { id: 'contacted' },
        { id: 'qualified' },
        { id: 'won', final: true },
        { id: 'lost', final: true },
      ],
      transitions: [
        { from: 'new', to: 'contacted' },
        { from: 'contacted', to: 'qualified' },
        { from: 'qualified', to: 'won' },
        { from: 'new', to: 'lost' },
        { from: 'contacted', to: 'lost' },
        { from: 'qualified', to: 'lost' },
      ],
    },
    'timers/not-advanced.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'not-advanced-48h',
      kind: 'relative',
      entity: 'lead',
      after: '48h',
      start: [{ type: 'record.created' }],
      cancelOn: [{ type: 'stage.left', stages: ['new'] }],
      condition: { '!=': [{ var: 'grade' }, 'C'] },
      actions: [{ type: 'mark', color: 'red' }, notify('rep', [{ field: 'owner' }])],
      escalation: [
        { after: '72h', actions: [notify('manager', [{ managerOf: 'owner' }])] },
        { after: '96h', actions: [notify('director', [{ role: 'sales-director' }])] },
      ],
    },
    'timers/follow-up.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'follow-up-3d',
      kind: 'relative',
      entity: 'lead',
      after: '3d',
      start: [{ type: 'record.updated' }],
      cancelOn: [{ type: 'stage.entered', stages: ['won', 'lost'] }],
      actions: [notify('follow-up', [{ field: 'owner' }])],
    },
    'timers/daily.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'daily-check',
      kind: 'recurring',
      cron: '0 9 * * *',
      entity: 'lead',
      condition: { '==': [{ var: 'grade' }, 'A'] },
      actions: [{ type: 'addTag', tag: 'daily' }],
      enabled: false,
    },
  };
  const result = compileApp({ files });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.app;
}

const users = [
  { id: 'director', roles: ['sales-director'] },
  ...Array.from({ length: 5 }, (_, m) => ({ id: `mgr${m}`, roles: ['sales-manager'] })),
  ...Array.from({ length: REPS }, (_, r) => ({
    id: `rep${r}`,
    roles: ['sales'],
    manager: `mgr${r % 5}`,
  })),
];

// ─── Measuring ─────────────────────────────────────────────────────────────────────────

let peakHeap = 0;
const sample = () => {
  const used = process.memoryUsage().heapUsed;
  if (used > peakHeap) peakHeap = used;
};
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = () => globalThis.gc?.();
const fmt = (n) => Math.round(n).toLocaleString('en');

// ─── 1. A year of a 50-rep team ───────────────────────────────────────────────────────

/**
 * A seeded log of `count` events over one year: each lead is created on a working day
 * during working hours, then gets a few updates and stage moves over the following days
 * (some never advance, so their 48 h timers fire and escalate).
 */
function yearLog(count) {
  const random = createRandom(0x51);
  const events = [];
  let lead = 0;
  const perLead = 10; // events per lead on average
  const leads = Math.ceil(count / perLead);
  const workingDays = 250;
  for (let i = 0; i < leads && events.length < count; i++) {
    const day = Math.floor((i / leads) * workingDays);
    const week = Math.floor(day / 5);
    const created = YEAR_START + (week * 7 + (day % 5)) * DAY + Math.floor(random() * 9 * HOUR);
    const id = `L${++lead}`;
    const owner = `rep${Math.floor(random() * REPS)}`;
    const grade = ['A', 'B', 'C'][Math.floor(random() * 3)];
    events.push({
      at: created,
      actor: { id: owner },
      event: {
        type: 'record.create',
        entity: 'lead',
        recordId: id,
        values: { name: `客户${lead}`, grade, owner, amount: Math.floor(random() * 500000) },
      },
    });
    // A quarter of the leads stall in `new`: their 48 h timer fires and escalates.
    const stalls = random() < 0.25;
    let t = created;
    let stage = 'new';
    const next = [];
    for (let k = 1; k < perLead; k++) {
      t += Math.floor((0.2 + random() * 1.5) * DAY);
      if (!stalls && k % 3 === 0 && stage !== 'won' && stage !== 'lost') {
        stage =
          stage === 'new'
            ? 'contacted'
            : stage === 'contacted'
              ? 'qualified'
              : random() < 0.5
                ? 'won'
                : 'lost';
        next.push({
          at: t,
          actor: { id: owner },
          event: { type: 'stage.move', recordId: id, to: stage },
        });
      } else {
        next.push({
          at: t,
          actor: { id: owner },
          event: { type: 'record.update', recordId: id, values: { notes: `跟进 ${k}` } },
        });
      }
    }
    events.push(...next);
  }
  return events.slice(0, count);
}

function runYear(app) {
  const log = yearLog(EVENTS);
  const last = log.reduce((max, e) => Math.max(max, e.at), 0);
  gc();
  const baseline = process.memoryUsage().heapUsed;
  peakHeap = baseline;
  let steps = 0;
  const t0 = process.hrtime.bigint();
  const result = simulate(app, {
    events: log,
    from: YEAR_START - HOUR,
    to: last + 7 * DAY,
    users,
    timeline: false,
    onEntry: () => {
      if ((++steps & 0x3fff) === 0) sample();
    },
  });
  sample();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const { stats } = result;
  const records = Object.keys(result.state.records).length;
  console.log(`simulate: a year of a ${REPS}-rep team (${fmt(records)} leads)`);
  console.log(`  events      ${fmt(stats.events)} (${fmt(stats.refused)} refused)`);
  console.log(
    `  timers      ${fmt(stats.timersFired)} fired, ${fmt(stats.timersPending)} pending at the end`,
  );
  console.log(`  effects     ${fmt(stats.effects)}`);
  console.log(`  wall        ${(ms / 1000).toFixed(1)} s`);
  console.log(
    `  throughput  ${fmt((stats.events / ms) * 1000)} events/s, ${fmt((stats.steps / ms) * 1000)} steps/s`,
  );
  console.log(`  peak heap   ${mb(peakHeap)} (${mb(peakHeap - baseline)} above the log)`);
}

// ─── 2. 1,000,000 pending timers in one state ─────────────────────────────────────────

function runPending(app) {
  const random = createRandom(0x7e4);
  const span = 30 * DAY;
  const start = YEAR_START;
  gc();
  const baseline = process.memoryUsage().heapUsed;
  peakHeap = baseline;
  const t0 = process.hrtime.bigint();
  // The state as a runtime loads it from storage: records, each with its pending timer.
  const records = {};
  const timers = {};
  for (let i = 0; i < PENDING; i++) {
    const id = `L${i}`;
    const at = start - DAY;
    records[id] = {
      id,
      entity: 'lead',
      values: { name: `客户${i}`, grade: 'C', owner: `rep${i % REPS}`, stage: 'new' },
      tags: [],
      stageHistory: { lead: [{ stage: 'new', enteredAt: at }] },
      approvals: [],
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const instance = `follow-up-3d@${id}`;
    timers[instance] = {
      id: instance,
      timer: 'follow-up-3d',
      source: 'timer',
      recordId: id,
      dueAt: start + Math.floor(random() * span),
      step: 0,
      baseAt: at,
      startedAt: at,
    };
  }
  const state = { records, timers };
  sample();
  const t1 = process.hrtime.bigint();
  // A session takes the state once (its heap is built then, O(n log n)) and fires in place.
  const session = app.session(state);
  let fired = 0;
  let effects = 0;
  let last = -Infinity;
  const ticks = 1000;
  for (let tick = 1; tick <= ticks; tick++) {
    const now = start + Math.ceil((span * tick) / ticks);
    for (const timer of session.due(now)) {
      if (timer.dueAt < last) throw new Error(`out of order: ${timer.id}`);
      last = timer.dueAt;
      const result = session.handle(
        { type: 'timer.fired', timer: timer.id },
        { now: timer.dueAt, users },
      );
      if (!result.outcome.ok) throw new Error(JSON.stringify(result.outcome));
      effects += result.effects.length;
      fired += 1;
      if ((fired & 0x3fff) === 0) sample();
    }
  }
  sample();
  const t2 = process.hrtime.bigint();
  const left = session.size.timers;
  if (fired !== PENDING || left !== 0)
    throw new Error(`fired ${fired} of ${PENDING}, ${left} left`);
  const ms = (a, b) => Number(b - a) / 1e6;
  console.log(
    `engine: ${fmt(PENDING)} pending timers in one state, drained via a session (app.session(state): due + handle in place)`,
  );
  console.log(`  build state ${ms(t0, t1).toFixed(0)} ms`);
  console.log(
    `  drain       ${(ms(t1, t2) / 1000).toFixed(1)} s (${fmt((fired / ms(t1, t2)) * 1000)} timers/s, ${((ms(t1, t2) * 1000) / fired).toFixed(1)} µs/timer), ${fmt(effects)} effects`,
  );
  console.log(`  peak heap   ${mb(peakHeap)} (${mb(peakHeap - baseline)} for the state and queue)`);
}

const app = benchApp();
if (args.part !== 'pending') runYear(app);
if (args.part !== 'year') runPending(app);
console.log(`  rss ${mb(process.memoryUsage().rss)}`);
