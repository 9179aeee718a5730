/**
 * `npm run bench`: ruleloom's compiled expressions against json-logic-js, json-logic-engine
 * (interpreted and compiled), json-rules-engine and hand-written JavaScript, on the same
 * rules and the same data, in one run on one machine. See docs/bench.md.
 *
 * 1. Verifies, before any timing, that every contestant gives ruleloom's answer on every
 *    record of every case; a mismatch is printed and the run exits 1.
 * 2. Times each (case, contestant) in a fresh worker process (bench/worker.js), in rounds:
 *    every round times every contestant once (in alternating order), and the round with the
 *    lowest median is reported, so a burst of other work on the machine during one worker
 *    does not land on one contestant's figure only.
 * 3. Prints a table per case with ns/eval and the ratios, and PASS/MISS against the targets
 *    (ruleloom ≥ 10× faster than json-logic-js, goal 20×; within 3× of hand-written).
 *    Speed is measured, not asserted: a MISS still exits 0.
 *
 * Options:
 *   --json            also write the results to bench/results/latest.json
 *   --case <id>       only this case (repeatable): rebate, routing, gate, some
 *   --rounds <n>      rounds of timing (default 2); each contestant's best round is reported
 *   --time <ms>       sampling time per contestant per round (default 800)
 *   --warmup <ms>     warm-up time per contestant per round (default 400)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { URL, fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cases, findCase } from './cases.js';
import { contestants } from './contestants.js';
import { RECORD_COUNT } from './data.js';
import { SAMPLE_MS } from './measure.js';

/**
 * @typedef {import('./cases.js').BenchCase} BenchCase
 * @typedef {import('./measure.js').Measurement & { roundMedians: number[] }} Measurement
 *
 * @typedef {object} Verified
 * @property {number} checksum Checksum of one pass over the records (ruleloom's answers).
 * @property {Record<string, number>} distribution How often each answer occurs.
 *
 * @typedef {object} Ratio
 * @property {string} label
 * @property {number} value
 * @property {string} meaning
 *
 * @typedef {object} Target
 * @property {string} name
 * @property {number} value
 * @property {string} target
 * @property {boolean} pass
 * @property {string} [note]
 */

/** The issue's targets. */
const TARGETS = Object.freeze({ minVsJsonLogicJs: 10, goalVsJsonLogicJs: 20, maxVsHand: 3 });

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
const ROUTING = fileURLToPath(new URL('./routing.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

/**
 * @param {string} relative path from the repository root
 * @returns {string}
 */
function packageVersion(relative) {
  try {
    const text = readFileSync(new URL(`../${relative}/package.json`, import.meta.url), 'utf8');
    return String(JSON.parse(text).version);
  } catch {
    return 'unknown';
  }
}

/** @returns {string} the commit benchmarked, `+dirty` when the tree has changes */
function gitRevision() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const status = spawnSync('git', ['status', '--porcelain', '--', 'packages/engine'], {
    encoding: 'utf8',
  });
  return head.stdout.trim() + (status.stdout.trim() === '' ? '' : '+dirty');
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function show(value) {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return JSON.stringify(value);
}

/**
 * Runs every contestant on every record of the case and compares with ruleloom.
 *
 * @param {BenchCase} benchCase
 * @returns {Promise<{ verified: Verified; mismatches: number }>}
 */
async function verify(benchCase) {
  const records = benchCase.makeRecords(RECORD_COUNT);
  const [reference, ...others] = contestants.map((c) => ({
    contestant: c,
    evaluate: c.prepare(benchCase),
  }));
  if (!reference) throw new Error('no contestants');
  const expected = records.map((record) => reference.evaluate(record));

  let checksum = 0;
  /** @type {Record<string, number>} */
  const distribution = {};
  for (const answer of expected) {
    checksum += benchCase.score(answer);
    distribution[show(answer)] = (distribution[show(answer)] ?? 0) + 1;
  }
  let mismatches = 0;
  if (Number.isNaN(checksum)) {
    console.error(`\n!!! ${benchCase.id}: ruleloom gave an answer of the wrong type`);
    mismatches++;
  }
  if (Object.keys(distribution).length < 2) {
    console.error(`\n!!! ${benchCase.id}: every record gives the same answer; the data is useless`);
    mismatches++;
  }

  for (const { contestant, evaluate } of others) {
    let wrong = 0;
    for (const [i, record] of records.entries()) {
      const actual = contestant.async ? await evaluate(record) : evaluate(record);
      if (Object.is(actual, expected[i])) continue;
      wrong++;
      if (wrong <= 3) {
        console.error(
          `\n!!! MISMATCH ${benchCase.id} / ${contestant.id}, record ${i}: ` +
            `${show(actual)} but ruleloom gives ${show(expected[i])}\n    ${show(record)}`,
        );
      }
    }
    if (wrong > 0) {
      console.error(
        `!!! ${contestant.id} disagrees with ruleloom on ${wrong} of ${records.length} records of "${benchCase.id}"`,
      );
    }
    mismatches += wrong;
  }
  return { verified: { checksum, distribution }, mismatches };
}

/**
 * @param {BenchCase} benchCase
 * @param {import('./contestants.js').Contestant} contestant
 * @param {number} expected
 * @param {{ warmupMs: number; timeMs: number }} timing
 * @returns {Measurement}
 */
function timeInWorker(benchCase, contestant, expected, timing) {
  const task = { caseId: benchCase.id, contestantId: contestant.id, expected, ...timing };
  const child = spawnSync(process.execPath, [WORKER, JSON.stringify(task)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 120_000,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || line === '') {
    throw new Error(
      `worker for ${benchCase.id} / ${contestant.id} failed (status ${child.status}, ${child.signal ?? 'no signal'})`,
    );
  }
  return JSON.parse(line);
}

/**
 * @param {number} ns
 * @returns {string}
 */
function formatNs(ns) {
  if (ns < 10) return ns.toFixed(2);
  if (ns < 100) return ns.toFixed(1);
  return Math.round(ns).toLocaleString('en-US');
}

/**
 * @param {number} ns per evaluation
 * @returns {string} evaluations per second
 */
function formatRate(ns) {
  const rate = 1e9 / ns;
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(1)} M/s`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} k/s`;
  return `${rate.toFixed(0)} /s`;
}

/**
 * @param {number} ratio
 * @returns {string}
 */
function formatRatio(ratio) {
  return `${ratio < 10 ? ratio.toFixed(2) : ratio < 100 ? ratio.toFixed(1) : Math.round(ratio).toLocaleString('en-US')}×`;
}

/**
 * @param {Record<string, Measurement>} results by contestant id
 * @returns {{ ratios: Ratio[]; targets: Target[] }}
 */
function compare(results) {
  const ns = (/** @type {string} */ id) => results[id]?.median ?? NaN;
  const ruleloom = ns('ruleloom');
  /**
   * @param {string} peer
   * @param {number} value peer ns ÷ ruleloom ns
   * @returns {string}
   */
  const versus = (peer, value) =>
    value >= 1
      ? `ruleloom is ${formatRatio(value)} faster than ${peer}`
      : `ruleloom is ${formatRatio(1 / value)} slower than ${peer}`;
  const jsonLogicJs = ns('json-logic-js') / ruleloom;
  const run = ns('jle-run') / ruleloom;
  const build = ns('jle-build') / ruleloom;
  const rulesEngine = ns('json-rules-engine') / ruleloom;
  const hand = ruleloom / ns('hand');
  /** @type {Ratio[]} */
  const ratios = [
    {
      label: 'json-logic-js ÷ ruleloom',
      value: jsonLogicJs,
      meaning: versus('json-logic-js', jsonLogicJs),
    },
    {
      label: 'json-logic-engine run ÷ ruleloom',
      value: run,
      meaning: versus('json-logic-engine interpreted', run),
    },
    {
      label: 'json-logic-engine build ÷ ruleloom',
      value: build,
      meaning: versus('json-logic-engine compiled', build),
    },
    {
      label: 'json-rules-engine ÷ ruleloom',
      value: rulesEngine,
      meaning: versus('json-rules-engine', rulesEngine),
    },
    {
      label: 'ruleloom ÷ hand-written',
      value: hand,
      meaning: `ruleloom takes ${formatRatio(hand)} the time of hand-written JS`,
    },
  ];
  const [vsJs, , , , vsHand] = ratios;
  /** @type {Target[]} */
  const targets = [];
  if (vsJs && Number.isFinite(vsJs.value)) {
    targets.push({
      name: 'faster than json-logic-js',
      value: vsJs.value,
      target: `≥ ${TARGETS.minVsJsonLogicJs}× (goal ${TARGETS.goalVsJsonLogicJs}×)`,
      pass: vsJs.value >= TARGETS.minVsJsonLogicJs,
      note: vsJs.value >= TARGETS.goalVsJsonLogicJs ? 'goal met' : 'goal not met',
    });
  }
  if (vsHand && Number.isFinite(vsHand.value)) {
    targets.push({
      name: 'of hand-written',
      value: vsHand.value,
      target: `≤ ${TARGETS.maxVsHand}×`,
      pass: vsHand.value <= TARGETS.maxVsHand,
    });
  }
  return { ratios, targets };
}

/**
 * @param {Measurement} m
 * @returns {string} half the interquartile range of the best round, relative to its median
 */
function spread(m) {
  return `±${(((m.p75 - m.p25) / 2 / m.median) * 100).toFixed(0)}%`;
}

/**
 * @param {Measurement} m
 * @returns {string} how much the slowest round's median exceeds the best one's
 */
function roundsDelta(m) {
  if (m.roundMedians.length < 2) return '–';
  return `+${((Math.max(...m.roundMedians) / m.median - 1) * 100).toFixed(0)}%`;
}

/**
 * @param {BenchCase} benchCase
 * @param {Verified} verified
 * @param {Record<string, Measurement>} results
 * @param {{ ratios: Ratio[]; targets: Target[] }} comparison
 */
function printCase(benchCase, verified, results, comparison) {
  const answers = Object.entries(verified.distribution)
    .map(([answer, count]) => `${answer} ×${count}`)
    .join(', ');
  console.log(`\n${benchCase.title}`);
  console.log(`  rule:    ${benchCase.formula}`);
  console.log(`  answers: ${answers} (over ${RECORD_COUNT} records, all contestants agree)\n`);
  const header = [
    'contestant'.padEnd(24),
    'ns/eval'.padStart(9),
    'IQR'.padStart(6),
    'rounds'.padStart(7),
    'evals/s'.padStart(11),
    '÷ ruleloom'.padStart(11),
  ];
  console.log(`  ${header.join(' ')}`);
  const reference = results.ruleloom?.median ?? NaN;
  for (const contestant of contestants) {
    const m = results[contestant.id];
    if (!m) continue;
    const row = [
      contestant.label.padEnd(24),
      formatNs(m.median).padStart(9),
      spread(m).padStart(6),
      roundsDelta(m).padStart(7),
      formatRate(m.median).padStart(11),
      formatRatio(m.median / reference).padStart(11),
    ];
    console.log(`  ${row.join(' ')}`);
  }
  console.log('');
  for (const ratio of comparison.ratios) {
    if (!Number.isFinite(ratio.value)) continue;
    console.log(
      `  ${ratio.label.padEnd(35)} ${formatRatio(ratio.value).padStart(7)}  ${ratio.meaning}`,
    );
  }
  console.log('');
  for (const t of comparison.targets) {
    const note = t.note ? `, ${t.note}` : '';
    console.log(
      `  ${t.pass ? 'PASS' : 'MISS'}  ${formatRatio(t.value).padStart(7)} ${t.name} (target ${t.target}${note})`,
    );
  }
}

/**
 * @param {{ benchCase: BenchCase; results: Record<string, Measurement>; comparison: { ratios: Ratio[]; targets: Target[] } }[]} rows
 */
function printSummary(rows) {
  console.log('\nSummary (median ns/eval; ratios as above)\n');
  const columns = [
    'case',
    'ruleloom',
    'json-logic-js',
    'jle run',
    'jle build',
    'j-rules-eng',
    'hand',
    '× vs jl-js',
    '× of hand',
  ];
  const widths = [9, 9, 14, 9, 10, 12, 7, 11, 10];
  const line = (/** @type {string[]} */ cells) =>
    `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 8) : cell.padStart(widths[i] ?? 8))).join(' ')}`;
  console.log(line(columns));
  for (const { benchCase, results, comparison } of rows) {
    const ns = (/** @type {string} */ id) => {
      const m = results[id];
      return m ? formatNs(m.median) : '–';
    };
    const [vsJs, , , , vsHand] = comparison.ratios;
    const mark = (/** @type {Target | undefined} */ t) => (t ? (t.pass ? ' ✓' : ' ✗') : '');
    const target = (/** @type {string} */ name) => comparison.targets.find((t) => t.name === name);
    console.log(
      line([
        benchCase.id,
        ns('ruleloom'),
        ns('json-logic-js'),
        ns('jle-run'),
        ns('jle-build'),
        ns('json-rules-engine'),
        ns('hand'),
        (vsJs ? formatRatio(vsJs.value) : '–') + mark(target('faster than json-logic-js')),
        (vsHand ? formatRatio(vsHand.value) : '–') + mark(target('of hand-written')),
      ]),
    );
  }
}

/**
 * @param {string | undefined} text
 * @param {string} option
 * @param {number} min
 * @returns {number}
 */
function numberOption(text, option, min) {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) throw new Error(`${option} takes a number ≥ ${min}`);
  return value;
}

/** @returns {Promise<number>} the exit code */
async function main() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      case: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '2' },
      time: { type: 'string', default: '800' },
      warmup: { type: 'string', default: '400' },
      'skip-routing': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'node bench/run.js [--json] [--case rebate|routing|gate|some]... [--rounds n] [--time ms] [--warmup ms] [--skip-routing]',
    );
    return 0;
  }
  const timing = {
    warmupMs: numberOption(values.warmup, '--warmup', 0),
    timeMs: numberOption(values.time, '--time', 1),
  };
  const rounds = Math.round(numberOption(values.rounds, '--rounds', 1));
  const selected = values.case ? values.case.map(findCase) : cases;

  const cpus = os.cpus();
  const machine = {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage1m: Number((os.loadavg()[0] ?? 0).toFixed(2)),
  };
  const versions = {
    '@ruleloom/engine': `${packageVersion('packages/engine')} (${gitRevision()})`,
    'json-logic-js': packageVersion('node_modules/json-logic-js'),
    'json-logic-engine': packageVersion('node_modules/json-logic-engine'),
    'json-rules-engine': packageVersion('node_modules/json-rules-engine'),
  };
  console.log('ruleloom bench: compiled JsonLogic vs peers, same rules, same data, one run');
  console.log(`  Node ${machine.node} (V8 ${machine.v8}), ${machine.platform}`);
  console.log(`  CPU ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB`);
  const busy = machine.loadAverage1m > machine.cores / 2;
  console.log(
    `  load average ${machine.loadAverage1m}` +
      (busy ? ' (the machine is busy with other work: expect noisier figures)' : ''),
  );
  console.log(
    `  ${Object.entries(versions)
      .map(([name, v]) => `${name} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  ${RECORD_COUNT} records per case, cycled; each contestant timed in a process of its own, ` +
      `${rounds} round(s) of ${timing.warmupMs} ms warm-up + ${timing.timeMs} ms of ~${SAMPLE_MS} ms ` +
      'samples; reported: median ns/eval of the best round',
  );

  // 1. Verify everything before timing anything.
  /** @type {Map<string, Verified>} */
  const verifiedCases = new Map();
  let mismatches = 0;
  for (const benchCase of selected) {
    const outcome = await verify(benchCase);
    verifiedCases.set(benchCase.id, outcome.verified);
    mismatches += outcome.mismatches;
  }
  if (mismatches > 0) {
    console.error(
      `\n!!! VERIFICATION FAILED: ${mismatches} mismatching answers; nothing was timed.`,
    );
    return 1;
  }
  console.log(
    `  verified: all ${contestants.length} contestants give ruleloom's answers on every record`,
  );

  // 2. Time each (case, contestant) in its own process, one at a time, round after round.
  /** @type {Map<string, Record<string, import('./measure.js').Measurement[]>>} */
  const timings = new Map(selected.map((c) => [c.id, {}]));
  const progress = process.stderr.isTTY
    ? (/** @type {string} */ text) => process.stderr.write(`\r  ${text}`.padEnd(70))
    : () => {};
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? contestants : [...contestants].reverse();
    for (const benchCase of selected) {
      const verified = /** @type {Verified} */ (verifiedCases.get(benchCase.id));
      const byContestant = /** @type {Record<string, import('./measure.js').Measurement[]>} */ (
        timings.get(benchCase.id)
      );
      for (const contestant of order) {
        progress(`round ${round + 1}/${rounds}: ${benchCase.id} / ${contestant.id}`);
        const measurement = timeInWorker(benchCase, contestant, verified.checksum, timing);
        (byContestant[contestant.id] ??= []).push(measurement);
      }
    }
  }
  progress('');
  if (process.stderr.isTTY) process.stderr.write('\r');

  // 3. Report.
  const rows = selected.map((benchCase) => {
    const verified = /** @type {Verified} */ (verifiedCases.get(benchCase.id));
    /** @type {Record<string, Measurement>} */
    const results = {};
    const byContestant = timings.get(benchCase.id) ?? {};
    for (const [id, measurements] of Object.entries(byContestant)) {
      const best = measurements.reduce((a, b) => (b.median < a.median ? b : a));
      results[id] = { ...best, roundMedians: measurements.map((m) => m.median) };
    }
    const comparison = compare(results);
    printCase(benchCase, verified, results, comparison);
    return { benchCase, verified, results, comparison };
  });
  printSummary(rows);

  const misses = rows.flatMap((r) =>
    r.comparison.targets.filter((t) => !t.pass).map((t) => `${r.benchCase.id} (${t.name})`),
  );
  console.log(
    misses.length === 0
      ? '\n  all targets met'
      : `\n  ${misses.length} target(s) missed (measured, not asserted): ${misses.join(', ')}`,
  );

  if (values.json) {
    mkdirSync(RESULTS, { recursive: true });
    const file = `${RESULTS}latest.json`;
    const report = {
      // eslint-disable-next-line no-restricted-syntax -- a report's timestamp is wall-clock time; this is not engine code
      date: new Date().toISOString(),
      machine,
      versions,
      settings: {
        records: RECORD_COUNT,
        rounds,
        ...timing,
        sampleMs: SAMPLE_MS,
        statistic: 'median ns/eval of the best round',
      },
      targets: TARGETS,
      contestants: contestants.map(({ id, label, how }) => ({ id, label, how })),
      cases: rows.map(({ benchCase, verified, results, comparison }) => ({
        id: benchCase.id,
        title: benchCase.title,
        formula: benchCase.formula,
        logic: benchCase.logic,
        answers: verified.distribution,
        nsPerEval: results,
        ratios: comparison.ratios,
        targets: comparison.targets,
      })),
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`  wrote ${file}`);
  }

  // 4. Lead routing (S42), in a process of its own: about 15 s.
  if (values['skip-routing']) {
    console.log('\n  lead routing skipped; run it alone with `node bench/routing.js`');
    return 0;
  }
  const routing = spawnSync(process.execPath, [ROUTING], { stdio: 'inherit', timeout: 300_000 });
  if (routing.status !== 0) {
    console.error(`\n!!! bench/routing.js failed (exit ${routing.status ?? routing.signal})`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
