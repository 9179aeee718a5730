/**
 * Lead routing at scale (S42): 100,000 leads over 500 reps, ruleloom against a
 * straightforward baseline, in one run on one machine.
 *
 *   node bench/routing.js [--leads 100000] [--reps 500] [--rounds 1] [--full-leads 20000] [--json]
 *
 * (build first: `npx tsc -b packages/engine`).
 *
 * Contestants, all on the same leads, reps and rules:
 * - **baseline**: json-logic-js evaluates the rules' conditions in order (the first true one
 *   wins), then a hand-written round-robin loop over the rule's pool skips reps who are away
 *   (出差 / 休假) or own more than 8 open leads. Mutable arrays, no explanation.
 * - **ruleloom (same work)**: `compileRouting` of the same rules, round robin, the same
 *   constraints; `routing.route(lead, snapshot, ctx)` per lead, which also builds the
 *   explanation (every rule tried with its trace, every rep considered with why skipped) and
 *   a new immutable snapshot. It must pick the same rep as the baseline for every lead; the
 *   run fails otherwise.
 * - **ruleloom (full S42)**: the guide's routing — preferences, sticky by customer with
 *   least-loaded otherwise, dedupe by customer, a weighted rule. Shown for scale; there is
 *   no baseline for it.
 *
 * - **ruleloom routeMany**: the same two routings through `routing.routeMany(chunk, …)`,
 *   100 leads per call: the same picks, one call per chunk. The full S42 routing runs only
 *   this way, and on the first 20,000 leads only (`--full-leads`), to keep the run short.
 * - **explain: false**: `route` and `routeMany` with `{ explain: false }` (no condition
 *   traces, no list of the reps checked): the same picks and snapshots.
 *
 * Leads arrive in chunks of 100. After each chunk, the leads routed 20 chunks (2,000 leads)
 * earlier close and their reps' open counts drop by one (the caller's job, done the same way
 * for every contestant), so the 8-lead limit keeps biting and some leads fall to the queue.
 */
import { compileRouting } from '@ruleloom/engine';
import jsonLogic from 'json-logic-js';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom } from './data.js';

/** Leads arrive in chunks (an import, a minute of web forms); `routeMany` takes one chunk. */
const CHUNK = 100;
/** After each chunk, the leads of the chunk this many chunks earlier close. */
const CLOSE_LAG_CHUNKS = 20;
const MAX_OPEN = 8;
const SKIP = ['出差', '休假'];
const NOW = Date.parse('2026-03-02T10:00:00+08:00');
const SCHEMA = 'https://ruleloom.dev/schemas/v1/routing.schema.json';

/**
 * @typedef {import('@ruleloom/engine').DirectoryUser} DirectoryUser
 * @typedef {import('@ruleloom/engine').RoutingSnapshot} RoutingSnapshot
 * @typedef {{ id: string; values: Record<string, unknown> }} Lead
 * @typedef {{ assignees: (string | undefined)[]; ns: number }} Run
 */

/** @param {number} n */
const grouped = (n) => Math.round(n).toLocaleString('en-US');

/**
 * The sales team: 华东大客户 east-ka (1 in 10), regions east / south / north, inside sales
 * (1 in 7), everyone a sales rep; about 5% on a trip and 3% on leave; some open leads.
 *
 * @param {number} count
 * @param {() => number} random
 * @returns {{ users: DirectoryUser[]; open: Map<string, number> }}
 */
function makeTeam(count, random) {
  /** @type {DirectoryUser[]} */
  const users = [];
  const open = new Map();
  for (let i = 0; i < count; i++) {
    const id = `r${String(i).padStart(3, '0')}`;
    const teams = [['east', 'south', 'north'][i % 3] ?? 'east'];
    if (i % 10 === 0) teams.push('east-ka');
    if (i % 7 === 0) teams.push('inside-sales');
    const roll = random();
    const status = roll < 0.05 ? '出差' : roll < 0.08 ? '休假' : '在岗';
    users.push({ id, roles: ['sales-rep'], teams, status });
    open.set(id, Math.floor(random() * 6));
  }
  return { users, open };
}

/**
 * @param {number} count
 * @param {() => number} random
 * @returns {Lead[]}
 */
function makeLeads(count, random) {
  const sources = ['website', 'website', 'expo', 'inbound-call', 'douyin'];
  const regions = ['east', 'east', 'south', 'north'];
  /** @type {Lead[]} */
  const leads = [];
  for (let i = 0; i < count; i++) {
    const budget = Math.round(random() * 500) * 1000;
    leads.push({
      id: `L${i}`,
      values: JSON.parse(
        JSON.stringify({
          source: sources[Math.floor(random() * sources.length)],
          budget,
          region: random() < 0.95 ? regions[Math.floor(random() * regions.length)] : undefined,
          customer: `C${Math.floor(random() * 30_000)}`,
        }),
      ),
    });
  }
  return leads;
}

/**
 * The rules (conditions and pools) both contestants use: source → budget band → region.
 *
 * @param {readonly DirectoryUser[]} users
 */
function makeRules(users) {
  const expo = users.filter((_, i) => i % 25 === 1).map((u) => u.id);
  return [
    {
      id: 'website-large-east',
      when: {
        and: [
          { '==': [{ var: 'source' }, 'website'] },
          { '>': [{ var: 'budget' }, 200000] },
          { '==': [{ var: 'region' }, 'east'] },
        ],
      },
      pool: { teams: ['east-ka'] },
    },
    {
      id: 'expo-east',
      when: {
        and: [{ '==': [{ var: 'source' }, 'expo'] }, { '==': [{ var: 'region' }, 'east'] }],
      },
      pool: { users: expo },
    },
    {
      id: 'inbound-south',
      when: {
        and: [
          { '==': [{ var: 'source' }, 'inbound-call'] },
          { '==': [{ var: 'region' }, 'south'] },
        ],
      },
      pool: { teams: ['south'] },
    },
    {
      id: 'small-budget',
      when: { '<': [{ var: 'budget' }, 50000] },
      pool: { teams: ['inside-sales'] },
    },
    {
      id: 'by-region',
      when: { in: [{ var: 'region' }, ['east', 'south', 'north']] },
      pool: { roles: ['sales-rep'] },
    },
  ];
}

/**
 * @param {object} extra
 * @param {ReturnType<typeof makeRules>} rules
 */
function definition(rules, extra) {
  return {
    $schema: SCHEMA,
    id: 'lead-routing',
    entity: 'lead',
    rules,
    constraints: { maxOpenItems: MAX_OPEN, skipStatuses: SKIP },
    fallback: { queue: 'lead-pool', notify: [{ role: 'sales-manager' }] },
    ...extra,
  };
}

/**
 * @param {unknown} def
 */
function compile(def) {
  /** @type {import('@ruleloom/engine').Diagnostic[]} */
  const diagnostics = [];
  const routing = compileRouting(
    { file: 'routing/lead-routing.json', definition: /** @type {never} */ (def) },
    { report: (d) => diagnostics.push(d) },
  );
  if (!routing || diagnostics.length > 0) {
    throw new Error(`the bench routing does not compile: ${JSON.stringify(diagnostics)}`);
  }
  return routing;
}

/**
 * The leads of the chunk `CLOSE_LAG_CHUNKS` before chunk `chunk` close: their reps' counts.
 *
 * @param {readonly (string | undefined)[]} assignees
 * @param {number} chunk
 * @returns {string[]}
 */
function closingAfter(assignees, chunk) {
  const from = (chunk - CLOSE_LAG_CHUNKS) * CHUNK;
  if (from < 0) return [];
  return /** @type {string[]} */ (assignees.slice(from, from + CHUNK).filter(Boolean));
}

/**
 * The caller closes leads: each rep's entry is replaced in the `reps` of the snapshot it just
 * got back (a fresh object that no earlier snapshot shares).
 *
 * @param {RoutingSnapshot} snapshot
 * @param {readonly string[]} reps
 */
function closeLeads(snapshot, reps) {
  const entries = /** @type {Record<string, { open?: number }>} */ (snapshot.reps);
  for (const id of reps) {
    const rep = entries[id] ?? {};
    entries[id] = { ...rep, open: (rep.open ?? 0) - 1 };
  }
}

/** @param {ReadonlyMap<string, number>} open */
const firstSnapshot = (open) => ({
  reps: Object.fromEntries([...open].map(([id, count]) => [id, { open: count }])),
});

/**
 * ruleloom, one `route` per lead, threading the snapshot.
 *
 * @param {import('@ruleloom/engine').CompiledRouting} routing
 * @param {readonly DirectoryUser[]} users
 * @param {ReadonlyMap<string, number>} open
 * @param {readonly Lead[]} leads
 * @param {import('@ruleloom/engine').RouteOptions} [options]
 * @returns {Run}
 */
function runRoute(routing, users, open, leads, options = {}) {
  /** @type {RoutingSnapshot} */
  let snapshot = firstSnapshot(open);
  /** @type {(string | undefined)[]} */
  const assignees = new Array(leads.length);
  const ctx = { now: NOW, users };
  const start = process.hrtime.bigint();
  for (let i = 0; i < leads.length; i++) {
    const result = routing.route(/** @type {Lead} */ (leads[i]), snapshot, ctx, options);
    snapshot = result.snapshot;
    assignees[i] = result.assignee;
    if ((i + 1) % CHUNK === 0) closeLeads(snapshot, closingAfter(assignees, (i + 1) / CHUNK - 1));
  }
  return { assignees, ns: Number(process.hrtime.bigint() - start) };
}

/**
 * ruleloom, one `routeMany` per chunk of leads.
 *
 * @param {import('@ruleloom/engine').CompiledRouting} routing
 * @param {readonly DirectoryUser[]} users
 * @param {ReadonlyMap<string, number>} open
 * @param {readonly Lead[]} leads
 * @param {import('@ruleloom/engine').RouteOptions} [options]
 * @returns {Run}
 */
function runRouteMany(routing, users, open, leads, options = {}) {
  /** @type {RoutingSnapshot} */
  let snapshot = firstSnapshot(open);
  /** @type {(string | undefined)[]} */
  const assignees = new Array(leads.length);
  const ctx = { now: NOW, users };
  const start = process.hrtime.bigint();
  for (let chunk = 0; chunk * CHUNK < leads.length; chunk++) {
    const batch = routing.routeMany(
      leads.slice(chunk * CHUNK, (chunk + 1) * CHUNK),
      snapshot,
      ctx,
      options,
    );
    snapshot = batch.snapshot;
    batch.results.forEach((result, i) => {
      assignees[chunk * CHUNK + i] = result.assignee;
    });
    if ((chunk + 1) * CHUNK <= leads.length) closeLeads(snapshot, closingAfter(assignees, chunk));
  }
  return { assignees, ns: Number(process.hrtime.bigint() - start) };
}

/**
 * The baseline: json-logic-js for the conditions, a hand-written round robin for the pick.
 * Pools are listed users first, then members by id — ruleloom's documented order — so
 * that both pick the same reps.
 *
 * @param {ReturnType<typeof makeRules>} rules
 * @param {readonly DirectoryUser[]} users
 * @param {ReadonlyMap<string, number>} open
 * @param {readonly Lead[]} leads
 * @returns {Run}
 */
function runBaseline(rules, users, open, leads) {
  const ids = users.map((u) => u.id).sort();
  const byId = new Map(users.map((u) => [u.id, u]));
  const pools = rules.map((rule) => {
    const listed = rule.pool.users ?? [];
    const grouped = ids.filter((id) => {
      const user = byId.get(id);
      return (
        !listed.includes(id) &&
        ((user?.roles ?? []).some((r) => (rule.pool.roles ?? []).includes(r)) ||
          (user?.teams ?? []).some((t) => (rule.pool.teams ?? []).includes(t)))
      );
    });
    return [...listed, ...grouped];
  });
  const load = new Map(open);
  const cursors = rules.map(() => -1);
  /** @type {(string | undefined)[]} */
  const assignees = new Array(leads.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < leads.length; i++) {
    const values = /** @type {Lead} */ (leads[i]).values;
    let assignee;
    for (let r = 0; r < rules.length; r++) {
      const rule = /** @type {(typeof rules)[number]} */ (rules[r]);
      if (!jsonLogic.truthy(jsonLogic.apply(/** @type {never} */ (rule.when), values))) continue;
      const pool = /** @type {string[]} */ (pools[r]);
      for (let step = 1; step <= pool.length; step++) {
        const index = /** @type {number} */ (cursors[r] + step) % pool.length;
        const id = /** @type {string} */ (pool[index]);
        const user = byId.get(id);
        if (!user || SKIP.includes(user.status ?? '') || (load.get(id) ?? 0) > MAX_OPEN) continue;
        assignee = id;
        cursors[r] = index;
        load.set(id, (load.get(id) ?? 0) + 1);
        break;
      }
      break;
    }
    assignees[i] = assignee;
    if ((i + 1) % CHUNK === 0) {
      for (const id of closingAfter(assignees, (i + 1) / CHUNK - 1)) {
        load.set(id, (load.get(id) ?? 0) - 1);
      }
    }
  }
  return { assignees, ns: Number(process.hrtime.bigint() - start) };
}

/**
 * Runs the bench and returns the figures (ns per lead, leads per second, ratios).
 *
 * @param {{ leads?: number; reps?: number; rounds?: number; fullLeads?: number }} [options]
 */
export function runRoutingBench(options = {}) {
  const leadCount = options.leads ?? 100_000;
  const repCount = options.reps ?? 500;
  const rounds = options.rounds ?? 1;
  const random = createRandom(42);
  const { users, open } = makeTeam(repCount, random);
  const leads = makeLeads(leadCount, random);
  const rules = makeRules(users);
  const same = compile(definition(rules, { strategy: { type: 'round-robin' } }));
  const full = compile(
    definition(
      rules.map((rule) =>
        rule.id === 'inbound-south'
          ? { ...rule, strategy: { type: 'weighted', weights: { r002: 2, r005: 3 } } }
          : rule,
      ),
      {
        strategy: { type: 'sticky', by: 'customer', otherwise: 'least-loaded' },
        constraints: {
          maxOpenItems: MAX_OPEN,
          skipStatuses: SKIP,
          maxOwnersPerCustomer: 1,
          customerField: 'customer',
        },
        preferences: [
          {
            id: 'big-website-leads',
            when: {
              and: [{ '>': [{ var: 'budget' }, 200000] }, { '==': [{ var: 'source' }, 'website'] }],
            },
            prefer: ['r010', 'r020'],
          },
        ],
      },
    ),
  );

  const fullCount = Math.min(options.fullLeads ?? 20_000, leadCount);
  /**
   * @type {Record<string, { label: string; run: (slice: readonly Lead[]) => Run; checked: boolean; count: number }>}
   */
  const contestants = {
    baseline: {
      label: 'baseline: json-logic-js + hand-written round robin',
      run: (slice) => runBaseline(rules, users, open, slice),
      checked: true,
      count: leadCount,
    },
    route: {
      label: 'ruleloom route(), round robin, explained',
      run: (slice) => runRoute(same, users, open, slice),
      checked: true,
      count: leadCount,
    },
    routeMany: {
      label: 'ruleloom routeMany(), round robin, explained',
      run: (slice) => runRouteMany(same, users, open, slice),
      checked: true,
      count: leadCount,
    },
    routeQuick: {
      label: 'ruleloom route(), round robin, explain: false',
      run: (slice) => runRoute(same, users, open, slice, { explain: false }),
      checked: true,
      count: leadCount,
    },
    routeManyQuick: {
      label: 'ruleloom routeMany(), round robin, explain: false',
      run: (slice) => runRouteMany(same, users, open, slice, { explain: false }),
      checked: true,
      count: leadCount,
    },
    fullS42: {
      label: `ruleloom routeMany(), full S42 routing, explained (first ${grouped(fullCount)})`,
      run: (slice) => runRouteMany(full, users, open, slice),
      checked: false,
      count: fullCount,
    },
    fullS42Quick: {
      label: `ruleloom routeMany(), full S42 routing, explain: false (first ${grouped(fullCount)})`,
      run: (slice) => runRouteMany(full, users, open, slice, { explain: false }),
      checked: false,
      count: fullCount,
    },
  };
  // Warm up every contestant on a slice, then time whole runs, alternating; best round counts.
  const warm = leads.slice(0, Math.min(5_000, leadCount));
  for (const contestant of Object.values(contestants)) contestant.run(warm);
  /** @type {Map<string, Run>} */
  const best = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const [id, contestant] of Object.entries(contestants)) {
      const run = contestant.run(
        contestant.count === leadCount ? leads : leads.slice(0, contestant.count),
      );
      const previous = best.get(id);
      if (!previous || run.ns < previous.ns) best.set(id, run);
    }
  }
  const baseline = /** @type {Run} */ (best.get('baseline'));
  return {
    leads: leadCount,
    reps: repCount,
    rounds,
    contestants: Object.entries(contestants).map(([id, contestant]) => {
      const run = /** @type {Run} */ (best.get(id));
      const nsPerLead = run.ns / contestant.count;
      return {
        id,
        label: contestant.label,
        leads: contestant.count,
        nsPerLead,
        leadsPerSecond: 1e9 / nsPerLead,
        queued: run.assignees.filter((a) => a === undefined).length,
        /** How many times the baseline's time per lead. */
        ratio: nsPerLead / (baseline.ns / leadCount),
        /** Leads whose pick differs from the baseline's (null: not comparable). */
        disagreements: contestant.checked
          ? run.assignees.filter((a, i) => a !== baseline.assignees[i]).length
          : null,
      };
    }),
  };
}

const WIDTH = 70;

function main() {
  const { values } = parseArgs({
    options: {
      leads: { type: 'string', default: '100000' },
      reps: { type: 'string', default: '500' },
      rounds: { type: 'string', default: '1' },
      'full-leads': { type: 'string', default: '20000' },
      json: { type: 'boolean', default: false },
    },
  });
  const result = runRoutingBench({
    leads: Number(values.leads),
    reps: Number(values.reps),
    rounds: Number(values.rounds),
    fullLeads: Number(values['full-leads']),
  });
  const wrong = result.contestants.some((c) => c.disagreements !== null && c.disagreements > 0);
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(
      `\nLead routing (S42): ${grouped(result.leads)} leads over ${result.reps} reps, ` +
        `best of ${result.rounds} round(s), Node ${process.version}\n`,
    );
    console.log(
      `${'contestant'.padEnd(WIDTH)} ${'ns/lead'.padStart(9)} ${'leads/s'.padStart(9)} ` +
        `${'queued'.padStart(7)} ${'× baseline'.padStart(10)}  same picks`,
    );
    for (const c of result.contestants) {
      const same =
        c.disagreements === null ? '-' : c.disagreements === 0 ? 'yes' : `NO (${c.disagreements})`;
      console.log(
        `${c.label.padEnd(WIDTH)} ${grouped(c.nsPerLead).padStart(9)} ${grouped(c.leadsPerSecond).padStart(9)} ` +
          `${grouped(c.queued).padStart(7)} ${`${c.ratio.toFixed(2)}×`.padStart(10)}  ${same}`,
      );
    }
  }
  if (wrong) {
    console.error('\n!!! ruleloom picked differently from the baseline; see "same picks"');
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
