/**
 * The timing harness: a hand loop with warm-up, time-boxed.
 *
 * One "pass" evaluates the rule once on every record, in order, adding each result's score
 * to a checksum. The checksum is compared with the expected one after every pass, so the
 * JIT cannot drop the work and a contestant that starts answering differently under
 * optimisation is caught. Each sample times several passes (about {@link SAMPLE_MS} worth)
 * and yields one ns/eval figure; the reported figure is the median of the samples.
 */

/** Target duration of one sample, in milliseconds: long against the timer's resolution. */
export const SAMPLE_MS = 20;

/**
 * @typedef {import('./cases.js').BenchRecord} BenchRecord
 *
 * @typedef {object} MeasureOptions
 * @property {number} warmupMs Time spent running passes before any sample is taken.
 * @property {number} timeMs Time spent taking samples (at least {@link MIN_SAMPLES} are taken).
 * @property {number} expected The checksum every pass must produce.
 *
 * @typedef {object} Measurement
 * @property {number} median ns per evaluation, median of the samples
 * @property {number} min ns per evaluation, fastest sample
 * @property {number} p25
 * @property {number} p75
 * @property {number} mean
 * @property {number} samples
 * @property {number} evaluations Evaluations timed (warm-up excluded).
 * @property {number} warmupEvaluations
 * @property {number} sink Sum of all checksums, returned so the work is observable.
 */

/** Fewest samples taken, whatever the time box. */
export const MIN_SAMPLES = 7;

/** @returns {number} a monotonic time in nanoseconds */
const now = () => Number(process.hrtime.bigint());

/**
 * Builds one pass of a synchronous contestant over the records.
 *
 * @param {(record: BenchRecord) => unknown} evaluate
 * @param {readonly BenchRecord[]} records
 * @param {(value: unknown) => number} score
 * @returns {() => number} the pass; returns the checksum
 */
export function syncPass(evaluate, records, score) {
  return () => {
    let checksum = 0;
    for (let i = 0; i < records.length; i++) {
      checksum += score(evaluate(/** @type {BenchRecord} */ (records[i])));
    }
    return checksum;
  };
}

/**
 * Builds one pass of an asynchronous contestant: each evaluation is awaited before the next
 * starts, so the time per evaluation is its latency, not a concurrent throughput.
 *
 * @param {(record: BenchRecord) => Promise<unknown>} evaluate
 * @param {readonly BenchRecord[]} records
 * @param {(value: unknown) => number} score
 * @returns {() => Promise<number>} the pass; resolves to the checksum
 */
export function asyncPass(evaluate, records, score) {
  return async () => {
    let checksum = 0;
    for (let i = 0; i < records.length; i++) {
      checksum += score(await evaluate(/** @type {BenchRecord} */ (records[i])));
    }
    return checksum;
  };
}

/**
 * @param {number} actual
 * @param {number} expected
 */
function checkChecksum(actual, expected) {
  if (actual !== expected) {
    throw new Error(`checksum ${actual} differs from the verified ${expected} while timing`);
  }
}

/**
 * @param {number[]} sorted ascending
 * @param {number} q in [0, 1]
 * @returns {number}
 */
function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = /** @type {number} */ (sorted[low]);
  const b = /** @type {number} */ (sorted[high]);
  return a + (b - a) * (position - low);
}

/**
 * @param {number[]} perEval ns per evaluation, one per sample
 * @param {number} evaluations
 * @param {number} warmupEvaluations
 * @param {number} sink
 * @returns {Measurement}
 */
function summarise(perEval, evaluations, warmupEvaluations, sink) {
  const sorted = [...perEval].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: /** @type {number} */ (sorted[0]),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    samples: sorted.length,
    evaluations,
    warmupEvaluations,
    sink,
  };
}

/**
 * Times a synchronous pass. No `await` inside the timed region.
 *
 * @param {() => number} pass
 * @param {number} evaluationsPerPass
 * @param {MeasureOptions} options
 * @returns {Measurement}
 */
export function measureSync(pass, evaluationsPerPass, options) {
  let sink = 0;
  let warmupPasses = 0;
  const warmupEnd = now() + options.warmupMs * 1e6;
  while (warmupPasses < 3 || now() < warmupEnd) {
    const checksum = pass();
    checkChecksum(checksum, options.expected);
    sink += checksum;
    warmupPasses++;
  }
  // Calibrate: how many passes make one sample of about SAMPLE_MS.
  let start = now();
  checkChecksum(pass(), options.expected);
  const passNs = Math.max(1, now() - start);
  const passesPerSample = Math.max(1, Math.round((SAMPLE_MS * 1e6) / passNs));

  /** @type {number[]} */
  const perEval = [];
  const end = now() + options.timeMs * 1e6;
  while (perEval.length < MIN_SAMPLES || now() < end) {
    let wrong = 0;
    start = now();
    for (let p = 0; p < passesPerSample; p++) {
      const checksum = pass();
      if (checksum !== options.expected) wrong++;
      sink += checksum;
    }
    const elapsed = now() - start;
    if (wrong > 0) {
      throw new Error(`${wrong} timed passes gave a checksum other than ${options.expected}`);
    }
    perEval.push(elapsed / (passesPerSample * evaluationsPerPass));
  }
  return summarise(
    perEval,
    perEval.length * passesPerSample * evaluationsPerPass,
    (warmupPasses + 1) * evaluationsPerPass,
    sink,
  );
}

/**
 * Times an asynchronous pass (sequentially awaited evaluations).
 *
 * @param {() => Promise<number>} pass
 * @param {number} evaluationsPerPass
 * @param {MeasureOptions} options
 * @returns {Promise<Measurement>}
 */
export async function measureAsync(pass, evaluationsPerPass, options) {
  let sink = 0;
  let warmupPasses = 0;
  const warmupEnd = now() + options.warmupMs * 1e6;
  while (warmupPasses < 1 || now() < warmupEnd) {
    const checksum = await pass();
    checkChecksum(checksum, options.expected);
    sink += checksum;
    warmupPasses++;
  }
  let start = now();
  checkChecksum(await pass(), options.expected);
  const passNs = Math.max(1, now() - start);
  const passesPerSample = Math.max(1, Math.round((SAMPLE_MS * 1e6) / passNs));

  /** @type {number[]} */
  const perEval = [];
  const end = now() + options.timeMs * 1e6;
  while (perEval.length < MIN_SAMPLES || now() < end) {
    let wrong = 0;
    start = now();
    for (let p = 0; p < passesPerSample; p++) {
      const checksum = await pass();
      if (checksum !== options.expected) wrong++;
      sink += checksum;
    }
    const elapsed = now() - start;
    if (wrong > 0) {
      throw new Error(`${wrong} timed passes gave a checksum other than ${options.expected}`);
    }
    perEval.push(elapsed / (passesPerSample * evaluationsPerPass));
  }
  return summarise(
    perEval,
    perEval.length * passesPerSample * evaluationsPerPass,
    (warmupPasses + 1) * evaluationsPerPass,
    sink,
  );
}
