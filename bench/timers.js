/**
 * Timer-queue bench: schedule 1,000,000 timers with random due times over 30 days, then
 * drain them in 1,000 clock ticks. Prints total time, ns per timer and peak heap memory.
 *
 *   npx tsc -b packages/engine && node bench/timers.js [count] [ticks]
 */
import { TimerQueue } from '../packages/engine/dist/timers/queue.js';

const count = Number(process.argv[2] ?? 1_000_000);
const ticks = Number(process.argv[3] ?? 1_000);
const span = 30 * 24 * 3600 * 1000; // 30 days in ms
const start = Date.UTC(2026, 0, 1);

/** Seeded PRNG (mulberry32), so every run schedules the same timers. */
const random = (() => {
  let seed = 0x5eed;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();

let peakHeap = 0;
const sample = () => {
  const used = process.memoryUsage().heapUsed;
  if (used > peakHeap) peakHeap = used;
};

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ids = Array.from({ length: count }, (_, i) => `timer-${i}`);
const baseline = process.memoryUsage().heapUsed;

const queue = new TimerQueue();
const t0 = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  queue.schedule({ id: ids[i], dueAt: start + Math.floor(random() * span), kind: 'sla' });
  if ((i & 0xffff) === 0) sample();
}
sample();
const t1 = process.hrtime.bigint();

let fired = 0;
let last = -Infinity;
let lastId = '';
for (let tick = 1; tick <= ticks; tick++) {
  const now = start + Math.ceil((span * tick) / ticks);
  const due = queue.takeDue(now);
  for (const timer of due) {
    if (timer.dueAt > now) throw new Error(`fired early: ${timer.id}`);
    if (timer.dueAt < last || (timer.dueAt === last && timer.id <= lastId)) {
      throw new Error(`out of order: ${timer.id}`);
    }
    last = timer.dueAt;
    lastId = timer.id;
  }
  fired += due.length;
  if (tick % 50 === 0) sample();
}
const t2 = process.hrtime.bigint();

if (fired !== count || queue.size !== 0) {
  throw new Error(`fired ${fired} of ${count}, ${queue.size} left`);
}

const ms = (a, b) => Number(b - a) / 1e6;
const total = ms(t0, t2);
console.log(`timers: ${count.toLocaleString('en')} scheduled, drained in ${ticks} ticks`);
console.log(
  `  schedule ${ms(t0, t1).toFixed(0)} ms (${((ms(t0, t1) * 1e6) / count).toFixed(0)} ns/timer)`,
);
console.log(
  `  drain    ${ms(t1, t2).toFixed(0)} ms (${((ms(t1, t2) * 1e6) / count).toFixed(0)} ns/timer)`,
);
console.log(`  total    ${total.toFixed(0)} ms (${((total * 1e6) / count).toFixed(0)} ns/timer)`);
console.log(`  peak heap ${mb(peakHeap)} (${mb(peakHeap - baseline)} for the queue, ids excluded)`);
console.log(`  rss ${mb(process.memoryUsage().rss)}`);
