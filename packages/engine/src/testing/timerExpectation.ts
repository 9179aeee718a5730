/**
 * The `timer` expectation: whether a timer is pending after the steps, when and at which
 * step it is due, and how often and when it fired during the test.
 */
import type { TestExpectation } from '@ruleloom/schemas';
import { recordTimerId, scheduleTimerId } from '../app/handle/timerEvents.js';
import type { TimerState } from '../app/types.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { toInstant } from '../expr/domain/time.js';
import type { TestWorld } from './runTest.js';

type TimerExpectation = Extract<TestExpectation, { type: 'timer' }>;

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const iso = (instant: number) => new Date(instant).toISOString();

/** The instance the expectation is about: a record's timer, a recurring timer, a schedule. */
function instanceId(world: TestWorld, expectation: TimerExpectation): string | undefined {
  const { timer, record } = expectation;
  const definition = world.app.timers.get(timer);
  if (definition) {
    return definition.kind === 'recurring' ? timer : recordTimerId(timer, record ?? '');
  }
  const automation = world.app.automations.find((a) => a.id === timer);
  if (automation?.definition.trigger.type === 'schedule') return scheduleTimerId(timer);
  return undefined;
}

function pendingOf(world: TestWorld, id: string): TimerState | undefined {
  const timers = world.state.timers ?? {};
  return Object.hasOwn(timers, id) ? timers[id] : undefined;
}

/**
 * Checks a `timer` expectation. `pending`, `dueAt` and `step` look at the pending instance
 * after the steps; `fired` and `firedAt` at the firings during the test (of the named record
 * when there is one).
 */
export function checkTimer(
  world: TestWorld,
  expectation: TimerExpectation,
): LocalizedText | undefined {
  const id = instanceId(world, expectation);
  const { timer, record } = expectation;
  if (id === undefined) {
    return text(
      `应用中没有计时器或定时自动化 ${timer}`,
      `the app has no timer or scheduled automation ${timer}`,
    );
  }
  if (record === undefined && !id.startsWith('automation/') && id !== timer) {
    return text(
      `计时器 ${timer} 按记录运行：请写明 record`,
      `timer ${timer} runs per record: name the record`,
    );
  }
  const name = record === undefined ? timer : `${timer}（${record}）`;
  const nameEn = record === undefined ? timer : `${timer} of ${record}`;
  const pending = pendingOf(world, id);
  const problems: LocalizedText[] = [];
  const wantsPending =
    expectation.pending ??
    (expectation.dueAt !== undefined || expectation.step !== undefined ? true : undefined);
  if (wantsPending !== undefined && wantsPending !== (pending !== undefined)) {
    problems.push(
      wantsPending
        ? text(
            '应在等待中，实际不在等待（未启动、已取消或已结束）',
            'should be pending but is not (never started, cancelled or ended)',
          )
        : text(
            `不应在等待中，实际在等待（${iso(pending?.dueAt ?? 0)} 到期）`,
            `should not be pending but is (due ${iso(pending?.dueAt ?? 0)})`,
          ),
    );
  }
  if (pending && expectation.dueAt !== undefined) {
    const dueAt = toInstant(expectation.dueAt, world.app.zone);
    if (dueAt !== pending.dueAt) {
      problems.push(
        text(
          `应于 ${expectation.dueAt} 到期，实际为 ${iso(pending.dueAt)}`,
          `should be due at ${expectation.dueAt} but is due at ${iso(pending.dueAt)}`,
        ),
      );
    }
  }
  if (pending && expectation.step !== undefined && expectation.step !== pending.step) {
    problems.push(
      text(
        `应等待第 ${expectation.step} 步，实际为第 ${pending.step} 步`,
        `should wait for step ${expectation.step} but waits for step ${pending.step}`,
      ),
    );
  }
  const firings = world.firings.filter(
    (f) =>
      f.timer === timer &&
      (id.startsWith('automation/') ? f.instance === id : true) &&
      (record === undefined || f.recordId === record),
  );
  if (expectation.fired !== undefined && firings.length !== expectation.fired) {
    problems.push(
      text(
        `应触发 ${expectation.fired} 次，实际 ${firings.length} 次`,
        `should have fired ${expectation.fired} time(s) but fired ${firings.length}`,
      ),
    );
  }
  if (expectation.firedAt !== undefined) {
    const expected = expectation.firedAt.map((t) => toInstant(t, world.app.zone));
    const actual = firings.map((f) => f.at);
    if (expected.length !== actual.length || expected.some((t, i) => t !== actual[i])) {
      const list = `[${actual.map(iso).join(', ')}]`;
      problems.push(
        text(
          `触发时间应为 ${JSON.stringify(expectation.firedAt)}，实际为 ${list}`,
          `should have fired at ${JSON.stringify(expectation.firedAt)} but fired at ${list}`,
        ),
      );
    }
  }
  if (problems.length === 0) return undefined;
  return text(
    `计时器 ${name}：${problems.map((p) => p['zh-CN']).join('；')}`,
    `timer ${nameEn}: ${problems.map((p) => p.en).join('; ')}`,
  );
}
