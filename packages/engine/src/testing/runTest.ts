import type { TestDefinition, TestExpectation, TestStep } from '@ruleloom/schemas';
import type { CompiledApp } from '../app/compiledApp.js';
import type { DefinitionFile } from '../app/parts.js';
import type {
  Actor,
  AppEvent,
  AppState,
  DirectoryUser,
  Effect,
  HandleContext,
  HandleOutcome,
  RecordState,
} from '../app/types.js';
import { RuleloomError } from '../diagnostics/errors.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { parseDuration, toInstant } from '../expr/domain/time.js';
import type { RoutingSnapshot } from '../routing/types.js';
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
  readonly effects: readonly Effect[];
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
  let now =
    (test.given?.now === undefined ? undefined : toInstant(test.given.now, app.zone)) ??
    DEFAULT_START;
  let state = givenState(app, test, now, failures);
  const effects: Effect[] = [];
  const actors = new Map<string, Actor>();
  const actorOf = (id: string | undefined): Actor | undefined => {
    if (id === undefined) return undefined;
    const user = users.find((u) => u.id === id);
    return { id, roles: user?.roles ?? [] };
  };
  (test.steps ?? []).forEach((step: TestStep, index: number) => {
    const pointer = `/steps/${index}`;
    if (step.at !== undefined) now = toInstant(step.at, app.zone) ?? now;
    if (step.type === 'wait') {
      const ms = step.for === undefined ? 0 : parseDuration(step.for);
      if (ms === undefined) {
        failures.push({
          pointer,
          message: text(
            `等待时长 "${step.for}" 需要工作日历，将在计时器版本中支持`,
            `waiting "${step.for}" needs the business calendar, which comes with timers`,
          ),
        });
      } else now += ms;
      return;
    }
    const event = eventOf(step);
    if (!event) return;
    const actor = actorOf(step.by);
    if (actor && 'recordId' in event) actors.set(event.recordId, actor);
    const ctx: HandleContext = { now, users, ...(actor ? { actor } : {}) };
    const result = app.handle(state, event, ctx);
    state = result.state;
    effects.push(...result.effects);
    // A refused create, update or schedule is a broken test setup; a refused move is often
    // the point of the test (S38), so it is left to the expectations.
    if (!result.outcome.ok && ['create', 'update', 'schedule'].includes(step.type)) {
      failures.push({ pointer, message: refusal(result.outcome) });
    }
  });
  const routingSnapshots = (test.given?.routing ?? {}) as Readonly<Record<string, RoutingSnapshot>>;
  return { app, state, effects, now, users, actors, routingSnapshots };
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
    case 'schedule':
      // The step says when the schedule is due; its cron is the caller's (timers) business.
      return { type: 'schedule.due', automation: step.automation };
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
