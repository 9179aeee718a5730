// A runnable example of embedding ruleloom in a Node service (docs/guides/embedding.md).
// Run it from the repository root after `npm install && npm run build`:
//   node docs/examples/embed-sales-crm.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileApp } from '@ruleloom/engine';

/** Reads every JSON file of an app folder into the `{ files }` shape compileApp takes. */
function readAppFolder(root) {
  const files = {};
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        files[relative(root, path).split(sep).join('/')] = JSON.parse(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(root);
  return { files };
}

// 1. Compile once (at start-up, or when the admin publishes a change).
const result = compileApp(readAppFolder('examples/sales-crm'));
if (!result.ok) {
  for (const d of result.diagnostics) console.error(`${d.file} ${d.pointer}: ${d.message.en}`);
  process.exit(1);
}
const app = result.app;

// 2. Time, the acting user and the directory come in as arguments: the engine reads no clock.
const users = [
  { id: 'zhangwei', label: '张伟', roles: ['sales-rep'], manager: 'zhoumin' },
  { id: 'zhoumin', label: '周敏', roles: ['sales-manager'] },
];
const ctx = {
  now: '2026-03-02T10:00:00+08:00',
  users,
  actor: { id: 'zhangwei', roles: ['sales-rep'] },
};

// 3. A form check before saving (S1: required dropdowns).
const form = app.validateForm('lead-create', { name: '王先生', company: '华东某制造企业' }, ctx);
console.log('form valid:', form.valid, '— missing:', form.errors.map((e) => e.field).join(', '));

// 4. Handle an event: the state comes back new, with immer patches, effects and a trace (S2).
let state = app.emptyState();
const created = app.handle(
  state,
  {
    type: 'record.create',
    entity: 'lead',
    recordId: 'L1',
    values: {
      name: '王先生',
      company: '华东某制造企业',
      phone: '13812345678',
      source: 'website',
      websiteForm: 'whitepaper',
      firstTouch: 'phone',
      intentGrade: 'B',
      owner: 'zhangwei',
    },
  },
  ctx,
);
state = created.state;
console.log('outcome:', created.outcome.ok ? 'ok' : created.outcome.message.en);
console.log('patches:', created.patches.length);
for (const effect of created.effects) {
  // The caller performs effects: send the WeCom message, create the task, call the webhook.
  if (effect.type === 'notify') {
    console.log(
      `notify via ${effect.channel} to ${effect.recipients.join(',')}: ${effect.message['zh-CN']}`,
    );
  } else console.log(`effect: ${effect.type}`);
}
console.log('tags:', state.records.L1.values.tags ?? state.records.L1.tags);
// Every automation considered, per cascade round, and why it fired or not.
for (const entry of created.trace.filter((t) => t.kind === 'automation')) {
  console.log(`round ${entry.round}: automation ${entry.automation} → ${entry.outcome}`);
}

// 5. A stage gate (S38): what a rep is told when the move is not allowed.
const gate = app.checkTransition(
  'opportunity',
  { title: '华东某制造企业ERP项目', customer: 'C1', stage: 'proposal', amount: 80000 },
  'quote',
  ctx,
);
console.log('gate to quote allowed:', gate.allowed);
for (const message of app.describeGate(gate)) console.log(' -', message['zh-CN'], '/', message.en);
