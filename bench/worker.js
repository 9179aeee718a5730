/**
 * Times one contestant on one case, in a process of its own, and prints the measurement as
 * one line of JSON on stdout. `run.js` starts one worker per (case, contestant) so that no
 * contestant's JIT state (inline caches, optimised code, garbage) affects another's.
 *
 * Usage: node bench/worker.js '{"caseId":"rebate","contestantId":"ruleloom",
 *   "expected":1046.4,"warmupMs":500,"timeMs":1500}'
 */
import { findCase } from './cases.js';
import { findContestant } from './contestants.js';
import { RECORD_COUNT } from './data.js';
import { asyncPass, measureAsync, measureSync, syncPass } from './measure.js';

/**
 * @typedef {object} WorkerTask
 * @property {string} caseId
 * @property {string} contestantId
 * @property {number} expected The checksum of one pass, as verified by run.js.
 * @property {number} warmupMs
 * @property {number} timeMs
 */

/** @param {WorkerTask} task */
async function main(task) {
  const benchCase = findCase(task.caseId);
  const contestant = findContestant(task.contestantId);
  const records = benchCase.makeRecords(RECORD_COUNT);
  const evaluate = contestant.prepare(benchCase);
  const options = { warmupMs: task.warmupMs, timeMs: task.timeMs, expected: task.expected };
  const measurement = contestant.async
    ? await measureAsync(
        asyncPass(
          /** @type {(record: import('./cases.js').BenchRecord) => Promise<unknown>} */ (evaluate),
          records,
          benchCase.score,
        ),
        records.length,
        options,
      )
    : measureSync(syncPass(evaluate, records, benchCase.score), records.length, options);
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

const argument = process.argv[2];
if (argument === undefined) {
  console.error('usage: node bench/worker.js <task JSON> (run.js starts the workers)');
  process.exit(2);
}
main(JSON.parse(argument)).catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
