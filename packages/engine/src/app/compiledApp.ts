import type { AppDefinition } from '@ruleloom/schemas';
import { RuleloomError } from '../diagnostics/errors.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { toInstant } from '../expr/domain/time.js';
import type { EvaluationContext } from '../expr/types.js';
import { createCallContext } from '../formulas/calls.js';
import type { CompiledFormula, FormulaBatchResult, FormulaResult } from '../formulas/types.js';
import type {
  CompiledRouting,
  RouteContext,
  RoutedLead,
  RouteResult,
  RoutingSnapshot,
} from '../routing/types.js';
import type { CompiledTable, TableResult } from '../tables/types.js';
import type { CompiledCalendar } from '../calendar/compile.js';
import { dueTimers, nextTimer } from '../timers/scheduler.js';
import type { CompiledTimer } from '../timers/types.js';
import { handleEvent, type HandleApp } from './handle.js';
import type { ScheduledAutomation } from './handle/timerEvents.js';
import { AppSession } from './session.js';
import type {
  AppIndex,
  CompiledAutomation,
  CompiledEntity,
  CompiledForm,
  CompiledPipeline,
  FormResult,
} from './parts.js';
import type {
  AppEvent,
  AppState,
  GateResult,
  HandleContext,
  HandleResult,
  RecordState,
  TimerState,
} from './types.js';

/** The compiled parts {@link CompiledApp} is made of. */
export interface CompiledAppParts {
  readonly manifest: AppDefinition;
  readonly index: AppIndex;
  readonly forms: readonly CompiledForm[];
  readonly pipelines: readonly CompiledPipeline[];
  readonly automations: readonly CompiledAutomation[];
  /** Decision tables by id (absent: none). */
  readonly tables?: ReadonlyMap<string, CompiledTable>;
  /** Formulas by id (absent: none). */
  readonly formulas?: ReadonlyMap<string, CompiledFormula>;
  /** Lead routings by id (absent: none). */
  readonly routings?: ReadonlyMap<string, CompiledRouting>;
  /** Timers in definition order (absent: none). */
  readonly timers?: readonly CompiledTimer[];
  /** Automations with a `schedule` trigger and their crons (absent: none). */
  readonly schedules?: readonly ScheduledAutomation[];
  /** The app's business calendar (absent: the default Chinese calendar in the app zone). */
  readonly calendar?: CompiledCalendar;
}

/**
 * A compiled app: validate forms, check stage moves, and handle events — purely, so the same
 * inputs always give the same outputs, in Node and in the browser.
 *
 * @example
 * const { app } = compileApp(source);
 * let state = app.emptyState();
 * const result = app.handle(state, { type: 'record.create', entity: 'lead', recordId: 'L1', values }, { now });
 * state = result.state; // result.effects: notify, createTask, callWebhook …
 */
export class CompiledApp {
  readonly id: string;
  readonly version: string;
  readonly manifest: AppDefinition;
  readonly locale: 'zh-CN' | 'en';
  readonly zone: string;
  readonly entities: ReadonlyMap<string, CompiledEntity>;
  readonly forms: ReadonlyMap<string, CompiledForm>;
  readonly pipelines: ReadonlyMap<string, CompiledPipeline>;
  readonly automations: readonly CompiledAutomation[];
  readonly tables: ReadonlyMap<string, CompiledTable>;
  readonly formulas: ReadonlyMap<string, CompiledFormula>;
  readonly routings: ReadonlyMap<string, CompiledRouting>;
  readonly timers: ReadonlyMap<string, CompiledTimer>;
  /** The business calendar `workdays` and `business hours` count on. */
  readonly calendar: CompiledCalendar | undefined;
  readonly #handleApp: HandleApp;

  constructor(parts: CompiledAppParts) {
    this.manifest = parts.manifest;
    this.id = parts.manifest.id;
    this.version = parts.manifest.version;
    this.locale = parts.index.locale;
    this.zone = parts.index.zone;
    this.entities = parts.index.entities;
    this.forms = new Map(parts.forms.map((form) => [form.id, form]));
    this.pipelines = new Map(parts.pipelines.map((pipeline) => [pipeline.id, pipeline]));
    this.automations = parts.automations;
    this.tables = parts.tables ?? new Map();
    this.formulas = parts.formulas ?? new Map();
    this.routings = parts.routings ?? new Map();
    this.timers = new Map((parts.timers ?? []).map((timer) => [timer.id, timer]));
    this.calendar = parts.calendar;
    this.#handleApp = {
      entities: this.entities,
      pipelines: parts.pipelines,
      automations: parts.automations,
      zone: this.zone,
      locale: this.locale,
      timers: parts.timers ?? [],
      schedules: parts.schedules ?? [],
    };
  }

  /** A state with no records and no pending timers. */
  emptyState(): AppState {
    return { records: {}, timers: {} };
  }

  /**
   * Validates form data: per-field errors (zh-CN and en), the visible and required fields,
   * and computed values. Throws RL5008 for a form the app does not have.
   */
  validateForm(
    formId: string,
    data: Readonly<Record<string, unknown>>,
    ctx: HandleContext,
  ): FormResult {
    return this.#lookup(this.forms, formId, KIND_TEXT.form).validate(data, ctx);
  }

  /**
   * May this record move to `toStage` now? Lists every unmet requirement: missing fields and
   * attachments, failed conditions with their messages, roles, and the approvals it will need.
   * `record` may be a full record or just its field values.
   */
  checkTransition(
    entity: string,
    record: RecordState | Readonly<Record<string, unknown>>,
    toStage: string,
    ctx: HandleContext,
    pipelineId?: string,
  ): GateResult {
    const pipeline =
      pipelineId !== undefined
        ? this.#lookup(this.pipelines, pipelineId, KIND_TEXT.pipeline)
        : [...this.pipelines.values()].find((p) => p.entity === entity);
    if (!pipeline) {
      throw new RuleloomError('RL5008', {
        kind: KIND_TEXT.entityPipeline,
        id: String(entity),
        known: [...this.pipelines.values()].map((p) => p.entity).join(', ') || '—',
      });
    }
    return pipeline.checkTransition(asRecord(entity, record, ctx), toStage, ctx);
  }

  /**
   * What a rep is told about each unmet requirement of a gate result, in order
   * (缺少必填字段「预算范围」 / missing required field "Budget range").
   */
  describeGate(result: GateResult): LocalizedText[] {
    const pipeline = this.pipelines.get(result.pipeline);
    return pipeline ? result.failures.map((failure) => pipeline.describeFailure(failure)) : [];
  }

  /** Handles one event: the next state, immer patches, effects, and the trace of every rule considered. */
  handle(state: AppState, event: AppEvent, ctx: HandleContext): HandleResult {
    return handleEvent(this.#handleApp, state, event, ctx);
  }

  /**
   * The pending timers of `state` that are due at `now` (UTC epoch ms or ISO 8601), in due
   * order. Reads only: fire each with `handle(state, { type: 'timer.fired', timer: t.id },
   * { now })` and ask again, since a firing may schedule the next escalation step or run. On
   * a virtual clock fire at `max(t.dueAt, time of the last event)`: a timer that is due the
   * moment it starts (a due date already past) fires right after its event, never before it.
   * A host that fires late gets one firing per instance; a recurring timer's missed runs
   * coalesce into that one (its next run is computed from the firing's `now`). Never a scan:
   * the state's timers are kept in a heap beside the (immutable) state.
   *
   * @example
   * app.due(state, '2026-03-04T09:00:00+08:00');
   * // [{ id: 'b-lead-48h@L1', timer: 'b-lead-48h', recordId: 'L1', dueAt: …, step: 0, … }]
   */
  due(state: AppState, now: number | string): TimerState[] {
    const at = toInstant(now, this.zone);
    return at === undefined ? [] : dueTimers(state, at);
  }

  /**
   * A working copy of `state` (default: empty) that handles events in place: the same
   * results as `handle`, but an event costs what it touches rather than the size of the
   * state. For simulations and servers that keep many records in memory.
   *
   * @example
   * const session = app.session(state);
   * const result = session.handle(event, { now }); // outcome, patches, effects, trace
   * state = session.snapshot();
   */
  session(state?: AppState): AppSession {
    return new AppSession(this.#handleApp, state);
  }

  /** The earliest pending timer of `state` (a clock can sleep until its `dueAt`). */
  nextTimer(state: AppState): TimerState | undefined {
    return nextTimer(state);
  }

  /**
   * Evaluates a decision table on `input`: its outputs and the rows behind them. Cells and
   * outputs that call other tables or formulas find them in this app. Never throws for bad
   * input (the result says what went wrong); throws RL5008 for a table the app does not have.
   *
   * @example
   * app.evaluateTable('rebate-tier', { paymentRate: 0.9, newProductAmount: 350000 });
   * // { ok: true, outputs: { coefficient: 1.2 }, matched: [{ rowId: 'tier-a', … }], … }
   */
  evaluateTable(tableId: string, input: unknown, ctx?: EvaluationContext): TableResult {
    const table = this.#lookup(this.tables, tableId, KIND_TEXT.table);
    return table.evaluate(input, this.#callContext(ctx));
  }

  /**
   * Evaluates a formula on `input` (values by input id): its value and the trace of every
   * sub-result with the row or rule behind it. Throws RL5008 for a formula the app does not have.
   */
  evaluateFormula(formulaId: string, input: unknown, ctx?: EvaluationContext): FormulaResult {
    return this.#lookup(this.formulas, formulaId, KIND_TEXT.formula).evaluate(
      input,
      this.#withZone(ctx),
    );
  }

  /**
   * Evaluates a formula on many records, fast and without traces (`values[i]` equals
   * `evaluateFormula(id, inputs[i]).value`). Throws RL5008 for a formula the app does not have.
   */
  evaluateFormulaBatch(
    formulaId: string,
    inputs: readonly unknown[],
    ctx?: EvaluationContext,
  ): FormulaBatchResult {
    return this.#lookup(this.formulas, formulaId, KIND_TEXT.formula).evaluateBatch(
      inputs,
      this.#withZone(ctx),
    );
  }

  /**
   * Routes a lead with a routing of the app: the assignee (or the fallback queue), the next
   * snapshot, effects and the explanation. Pure. Throws RL5008 for a routing the app does not
   * have.
   */
  route(
    routingId: string,
    lead: RoutedLead,
    snapshot: RoutingSnapshot,
    ctx: RouteContext,
  ): RouteResult {
    return this.#lookup(this.routings, routingId, KIND_TEXT.routing).route(lead, snapshot, ctx);
  }

  /** The context with the app's zone unless it names one. */
  #withZone(ctx: EvaluationContext | undefined): EvaluationContext {
    return ctx?.zone === undefined ? { ...ctx, zone: this.zone } : ctx;
  }

  /** An evaluation context under which tables and formulas of this app can call each other. */
  #callContext(ctx: EvaluationContext | undefined): EvaluationContext {
    return createCallContext({ tables: this.tables, formulas: this.formulas }, this.#withZone(ctx));
  }

  #lookup<T>(map: ReadonlyMap<string, T>, id: string, kind: LocalizedText): T {
    const found = map.get(id);
    if (found === undefined) {
      throw new RuleloomError('RL5008', {
        kind,
        id: String(id),
        known: [...map.keys()].join(', ') || '—',
      });
    }
    return found;
  }
}

/** What RL5008 says the app lacks, in both languages. */
const KIND_TEXT = {
  form: { 'zh-CN': '表单', en: 'form' },
  pipeline: { 'zh-CN': '流程', en: 'pipeline' },
  entityPipeline: { 'zh-CN': '实体的流程', en: 'pipeline for the entity' },
  table: { 'zh-CN': '决策表', en: 'table' },
  formula: { 'zh-CN': '公式', en: 'formula' },
  routing: { 'zh-CN': '分配规则', en: 'routing' },
} as const satisfies Record<string, LocalizedText>;

function isRecordState(value: unknown): value is RecordState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RecordState).id === 'string' &&
    typeof (value as RecordState).values === 'object'
  );
}

/** A bare set of values as a record that has just been created. */
function asRecord(
  entity: string,
  record: RecordState | Readonly<Record<string, unknown>>,
  ctx: HandleContext,
): RecordState {
  if (isRecordState(record)) return record;
  const at = toInstant(ctx.now, 'UTC') ?? 0;
  return {
    id: '',
    entity,
    values: record,
    tags: [],
    stageHistory: {},
    approvals: [],
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
}
