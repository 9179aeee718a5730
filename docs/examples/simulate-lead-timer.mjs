// A runnable example of the simulation API (docs/guides/simulation.md).
// Run it from the repository root after `npm install && npm run build`:
//   node docs/examples/simulate-lead-timer.mjs
import { compileApp, formatTimeline, simulate } from '@ruleloom/engine';

const S = 'https://ruleloom.dev/schemas/v1';
const notify = (id, recipients, en) => ({
  type: 'notify',
  id,
  channel: 'wecom',
  recipients,
  template: { 'zh-CN': en, en },
});

// 1. An app: B-grade leads not advanced within 48 h turn red and alert the owner; at 72 h
//    the owner's manager, at 96 h the director (S3's shape).
const { app } = compileApp({
  files: {
    'app.json': {
      $schema: `${S}/app.schema.json`,
      id: 'leads',
      name: 'Leads',
      version: '1.0.0',
      zone: 'Asia/Shanghai',
      roles: [{ id: 'sales' }, { id: 'sales-manager' }, { id: 'sales-director' }],
      files: {
        entities: ['entities/lead.json'],
        pipelines: ['pipelines/lead.json'],
        timers: ['timers/b-lead-48h.json'],
      },
    },
    'entities/lead.json': {
      $schema: `${S}/entity.schema.json`,
      id: 'lead',
      label: { 'zh-CN': '线索', en: 'lead' },
      fields: [
        { id: 'name', label: 'Name', type: 'text' },
        { id: 'grade', label: 'Grade', type: 'text' },
        { id: 'owner', label: 'Owner', type: 'user' },
        { id: 'stage', label: 'Stage', type: 'text' },
      ],
    },
    'pipelines/lead.json': {
      $schema: `${S}/pipeline.schema.json`,
      id: 'lead',
      entity: 'lead',
      stageField: 'stage',
      initialStage: 'new',
      stages: [
        { id: 'new', label: 'New' },
        { id: 'contacted', label: 'Contacted' },
      ],
      transitions: [{ from: 'new', to: 'contacted' }],
    },
    'timers/b-lead-48h.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'b-lead-48h',
      label: { 'zh-CN': 'B级线索48小时未推进', en: 'B lead not advanced in 48 h' },
      kind: 'relative',
      entity: 'lead',
      after: '48h',
      start: [{ type: 'record.created' }],
      cancelOn: [{ type: 'stage.left', stages: ['new'] }],
      condition: { '==': [{ var: 'grade' }, 'B'] },
      actions: [
        { type: 'mark', color: 'red' },
        notify('rep', [{ field: 'owner' }], '{{name}}: 48 h without progress'),
      ],
      escalation: [
        { after: '72h', actions: [notify('mgr', [{ managerOf: 'owner' }], '{{name}}: 72 h')] },
        { after: '96h', actions: [notify('dir', [{ role: 'sales-director' }], '{{name}}: 96 h')] },
      ],
    },
  },
});

// 2. The directory and a timestamped event log (any order; sorted by `at`, ties keep order).
const users = [
  { id: 'zhangwei', label: 'Zhang Wei', roles: ['sales'], manager: 'zhoumin' },
  { id: 'zhoumin', label: 'Zhou Min', roles: ['sales-manager'] },
  { id: 'zhaogang', label: 'Zhao Gang', roles: ['sales-director'] },
];
const create = (recordId, name, grade) => ({
  type: 'record.create',
  entity: 'lead',
  recordId,
  values: { name, grade, owner: 'zhangwei' },
});
const events = [
  { at: '2026-03-02T09:00:00+08:00', event: create('L1', 'Wang', 'B'), actor: { id: 'zhangwei' } },
  { at: '2026-03-02T09:30:00+08:00', event: create('L2', 'Li', 'B'), actor: { id: 'zhangwei' } },
  // L2 is contacted after 30 hours: its timer is cancelled. L1 is never touched.
  {
    at: '2026-03-03T15:30:00+08:00',
    event: { type: 'stage.move', recordId: 'L2', to: 'contacted' },
    actor: { id: 'zhangwei' },
  },
];

// 3. Replay a week on the virtual clock: every timer fires at its own due time.
const result = simulate(app, { events, to: '2026-03-09T00:00:00+08:00', users });

console.log(formatTimeline(result.timeline, { locale: 'en', app, users }));
const { stats } = result;
console.log(`${stats.events} events, ${stats.timersFired} timers fired, ${stats.effects} effects`);
console.log('L1 mark:', result.state.records.L1.mark.color);
