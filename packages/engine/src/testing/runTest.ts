import type { TestDefinition, TestExpectation, TestStep } from '@ruleloom/schemas';
import type { CompiledApp } from '../app/compiledApp.js';
import type { DefinitionFile } from '../app/parts.js';
import type {
  Actor,
  AppEvent,
  AppState,
  DirectoryUser,
  Effect,
  HandleOutcome,
  RecordState,
  TraceEntry,
} from '../app/types.js';
import { RuleloomError } from '../diagnostics/errors.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { scheduleTimerId } from '../app/handle/timerEvents.js';
import { toInstant } from '../expr/domain/time.js';
import type { RoutingSnapshot } from '../routing/types.js';
import { TestClock, type TimerFiring } from './clock.js';
import { checkExpectation } from './expectations.js';

/** One unmet expectation or failed step of a test. */
export interface TestFailure {
  /** JSON pointer into the test file (`/expect/2`, `/steps/0`). */
  readonly pointer: string;
  readonly message: LocalizedText;
}

/** The result of one test definition. */
export interface TestResult {
  readonly id: string;
  readonly file: string;
  readonly label?: LocalizedText;
  /** The scenario id its description starts with (`S38`), when it has one. */
  readonly scenario?: string;
  readonly passed: boolean;
  readonly failures: readonly TestFailure[];
}

/** What the world looks like after a test's steps, for its expectations. */
export interface TestWorld {
  readonly app: CompiledApp;
  readonly state: AppState;
  /** Every effect of the steps and of the timers that fired, in order. */
  readonly effects: readonly Effect[];
  /** The engine's trace of the steps and of the timers that fired, in order. */
  readonly trace: readonly TraceEntry[];
  /** Each firing of a timer (or schedule) during the test, in order, with its time. */
  readonly firings: readonly TimerFiring[];
  readonly now: number;
  readonly users: readonly DirectoryUser[];
  /** The last user who acted on each record (gates are checked as that user). */
  readonly actors: ReadonlyMap<string, Actor>;
  /** Per routing id, the snapshot `routing` expectations route with (`given.routing`). */
  readonly routingSnapshots: Readonly<Record<string, RoutingSnapshot>>;
}

const DEFAULT_START = Date.UTC(2026, 0, 5, 1, 0, 0); // Monday 2026-01-05 09:00 in Shanghai

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** The scenario id a test's description or label starts with (`S38: …` → `S38`). */
export function scenarioOf(test: TestDefinition): string | undefined {
  const label = test.label === undefined ? undefined : localized(test.label);
  const sources = [test.description, label?.['zh-CN'], label?.en];
  for (const source of sources) {
    const found = typeof source === 'string' ? SCENARIO.exec(source)?.[1] : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

const SCENARIO = /^\s*(S\d+[a-z]?)\b/;

/**
 * Runs one test definition against a compiled app on a virtual clock: puts the given
 * records in place, performs the steps through `app.handle`, then checks every expectation.
 * Deterministic; never throws.
 *
 * @example
 * const result = runTest(app, { file: 'tests/s38.json', definition: test });
 * result.passed; // false → result.failures[0].message['zh-CN']
 */
export function runTest(app: CompiledApp, file: DefinitionFile<TestDefinition>): TestResult {
  const test = file.definition;
  const base = {
    id: test.id,
    file: file.file,
    ...(test.label === undefined ? {} : { label: localized(test.label) }),
    ...(scenarioOf(test) === undefined ? {} : { scenario: scenarioOf(test) as string }),
  };
  const failures: TestFailure[] = [];
  let world: TestWorld;
  try {
    world = performSteps(app, test, failures);
  } catch (error) {
    const detail = errorText(error);
    failures.push({
      pointer: '',
      message: text(`测试无法运行：${detail['zh-CN']}`, `the test could not run: ${detail.en}`),
    });
    return { ...base, passed: false, failures };
  }
  (test.expect ?? []).forEach((expectation: TestExpectation, index: number) => {
    const pointer = `/expect/${index}`;
    // An expectation that names something the app lacks (a form, a pipeline) fails on its
    // own; the others are still checked.
    try {
      const message = checkExpectation(world, expectation);
      if (message) failures.push({ pointer, message });
    } catch (error) {
      const detail = errorText(error);
      failures.push({
        pointer,
        message: text(`无法检查：${detail['zh-CN']}`, `cannot be checked: ${detail.en}`),
      });
    }
  });
  return { ...base, passed: failures.length === 0, failures };
}

/** An error's message in both languages (the engine's errors carry both). */
function errorText(error: unknown): LocalizedText {
  if (error instanceof RuleloomError) return error.messages;
  const detail = error instanceof Error ? error.message : String(error);
  return text(detail, detail);
}

function localized(label: string | Partial<LocalizedText>): LocalizedText {
  if (typeof label === 'string') return { 'zh-CN': label, en: label };
  const zh = label['zh-CN'] ?? label.en ?? '';
  return { 'zh-CN': zh, en: label.en ?? zh };
}

function performSteps(app: CompiledApp, test: TestDefinition, failures: TestFailure[]): TestWorld {
  const users = test.given?.users ?? [];
  const start =
    (test.given?.now === undefined ? undefined : toInstant(test.given.now, app.zone)) ??
    DEFAULT_START;
  const clock = new TestClock(app, givenState(app, test, start, failures), start, users);
  // Recurring timers and automation schedules are pending from the start.
  clock.handle({ type: 'timers.sync' });
  const actors = new Map<string, Actor>();
  const actorOf = (id: string | undefined): Actor | undefined => {
    if (id === undefined) return undefined;
    const user = users.find((u) => u.id === id);
    return { id, roles: user?.roles ?? [] };
  };
  (test.steps ?? []).forEach((step: TestStep, index: number) => {
    const pointer = `/steps/${index}`;
    const fail = (message: LocalizedText | undefined) => {
      if (message) failures.push({ pointer, message });
    };
    // Timers due at or before the step's time fire first.
    const at = step.at === undefined ? undefined : toInstant(step.at, app.zone);
    if (step.type === 'schedule') {
      fail(
        scheduleStep(clock, step.automation, at ?? clock.now, actorOf(step.by), pointer, failures),
      );
      return;
    }
    if (at !== undefined) fail(clock.advance(at));
    if (step.type === 'wait') {
      fail(waitStep(clock, step));
      return;
    }
    const event = eventOf(step);
    if (!event) return;
    const actor = actorOf(step.by);
    if (actor && 'recordId' in event) actors.set(event.recordId, actor);
    const result = clock.handle(event, actor);
    fail(refusalCheck(step, result.outcome));
  });
  const routingSnapshots = (test.given?.routing ?? {}) as Readonly<Record<string, RoutingSnapshot>>;
  return {
    app,
    state: clock.state,
    effects: clock.effects,
    trace: clock.trace,
    firings: clock.firings,
    now: clock.now,
    users,
    actors,
    routingSnapshots,
  };
}

/**
 * A `schedule` step: the automation's schedule comes round at `at`. Timers due before then
 * fire first; when the automation's own schedule is pending for exactly `at`, this is that
 * run (fired as its timer, so it does not run twice); otherwise it runs off its cron.
 */
function scheduleStep(
  clock: TestClock,
  automation: string,
  at: number,
  actor: Actor | undefined,
  pointer: string,
  failures: TestFailure[],
): LocalizedText | undefined {
  const stopped = clock.advance(at - 1);
  if (stopped) return stopped;
  clock.now = Math.max(clock.now, at);
  const own = clock.state.timers?.[scheduleTimerId(automation)];
  if (own !== undefined && own.dueAt === clock.now) return clock.advance(clock.now);
  const result = clock.handle({ type: 'schedule.due', automation }, actor);
  if (!result.outcome.ok) failures.push({ pointer, message: refusal(result.outcome) });
  return undefined;
}

/**
 * A `wait` step: the clock moves on by its duration (clock or business time on the app
 * calendar) or to its `until` time, firing the timers due on the way.
 */
function waitStep(
  clock: TestClock,
  step: Extract<TestStep, { type: 'wait' }>,
): LocalizedText | undefined {
  if (step.until !== undefined) {
    const until = toInstant(step.until, clock.app.zone);
    if (until === undefined) {
      return text(
        `等待到的时间 "${step.until}" 无效`,
        `the time to wait until, "${step.until}", is not valid`,
      );
    }
    return clock.advance(until);
  }
  if (step.for === undefined) return undefined;
  const to = clock.after(step.for);
  if (to === undefined) {
    return text(`等待时长 "${step.for}" 无效`, `the duration to wait, "${step.for}", is not valid`);
  }
  return clock.advance(to);
}

/**
 * Whether a step's refusal (or its going through) fails the test. `refused: true` expects a
 * refusal, `false` forbids one. Unsaid, a refused create, update, decide or recall is a
 * broken test (it would otherwise pass silently while nothing happened); a refused move is
 * often the point of the test (S38), so it is left to the expectations.
 */
function refusalCheck(step: TestStep, outcome: HandleOutcome): LocalizedText | undefined {
  const expected = (step as { refused?: unknown }).refused;
  if (expected === true) {
    return outcome.ok
      ? text(
          '这一步本应被拒绝，但执行成功了',
          'this step was expected to be refused, but it went through',
        )
      : undefined;
  }
  if (outcome.ok) return undefined;
  if (expected === false || step.type !== 'move') return refusal(outcome);
  return undefined;
}

/** Why `handle` refused a step, with each field's problem when values were invalid. */
function refusal(outcome: Extract<HandleOutcome, { ok: false }>): LocalizedText {
  const errors = outcome.errors ?? [];
  if (errors.length === 0) return outcome.message;
  const list = (locale: keyof LocalizedText, separator: string) =>
    errors.map((e) => `${e.field}: ${e.message[locale]}`).join(separator);
  return text(
    `${outcome.message['zh-CN']}（${list('zh-CN', '；')}）`,
    `${outcome.message.en} (${list('en', '; ')})`,
  );
}

function eventOf(step: TestStep): AppEvent | undefined {
  switch (step.type) {
    case 'create':
      return {
        type: 'record.create',
        entity: step.entity,
        recordId: step.record,
        values: step.values,
      };
    case 'update':
      return { type: 'record.update', recordId: step.record, values: step.values };
    case 'move':
      return { type: 'stage.move', recordId: step.record, to: step.to };
    case 'decide':
      return {
        type: 'approval.decide',
        recordId: step.record,
        approval: step.approval,
        decision: step.decision,
      };
    case 'recall':
      return { type: 'approval.recall', recordId: step.record, approval: step.approval };
    default:
      return undefined;
  }
}

/** The records a test starts with, as they would be had they been created then (no automations run). */
function givenState(
  app: CompiledApp,
  test: TestDefinition,
  now: number,
  failures: TestFailure[],
): AppState {
  const records: Record<string, RecordState> = {};
  for (const [index, given] of (test.given?.records ?? []).entries()) {
    const entity = app.entities.get(given.entity);
    if (!entity) {
      const known = [...app.entities.keys()].join(', ');
      failures.push({
        pointer: `/given/records/${index}/entity`,
        message: text(
          `应用中没有实体 ${given.entity}（已有：${known}）`,
          `the app has no entity ${given.entity} (known: ${known})`,
        ),
      });
    }
    const values = entity
      ? entity.withComputed(entity.withDefaults(given.values), now)
      : { ...given.values };
    let record: RecordState = {
      id: given.id,
      entity: given.entity,
      values,
      tags: [],
      stageHistory: {},
      approvals: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    for (const pipeline of app.pipelines.values()) {
      if (pipeline.entity !== given.entity) continue;
      const stage = values[pipeline.stageField];
      record = pipeline.enterStage(
        record,
        typeof stage === 'string' ? stage : pipeline.initialStage,
        now,
      );
    }
    records[given.id] = record;
  }
  return { records };
}
