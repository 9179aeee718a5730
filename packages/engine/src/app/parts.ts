/**
 * The interfaces between `compileApp` and the compilers of each definition kind. Each kind
 * lives in its own folder (`entities/`, `forms/`, `pipelines/`, `automations/`) and
 * compiles against an {@link AppIndex}: what the app defines, already checked file by file.
 */
import type { CompiledCalendar } from '../calendar/compile.js';
import type {
  AppDefinition,
  AutomationDefinition,
  EntityDefinition,
  EntityField,
  FormDefinition,
  PipelineDefinition,
} from '@ruleloom/schemas';
import type { ActionPlan, AutomationRunContext, ConditionCheck } from '../automations/types.js';
import type { ScheduleContext, ScheduleRun } from '../automations/digest/types.js';
import type { AnyStateMachine } from 'xstate';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import type { FieldInfo } from '../expr/types.js';
import type {
  ApprovalState,
  FieldError,
  GateFailure,
  GateResult,
  HandleContext,
  Instant,
  RecordState,
} from './types.js';

/** One definition file of the app, as read and checked on its own. */
export interface DefinitionFile<D> {
  /** Path relative to the app folder (`pipelines/opportunity.json`); diagnostics carry it. */
  readonly file: string;
  readonly definition: D;
}

/** What the compilers of each kind can see and use. */
export interface AppIndex {
  readonly manifest: AppDefinition;
  /** Default language of the app's messages. */
  readonly locale: 'zh-CN' | 'en';
  /** IANA zone of the app (default Asia/Shanghai). */
  readonly zone: string;
  readonly roles: ReadonlySet<string>;
  /**
   * The app's business calendar (working days and hours in its zone): durations in
   * `workdays` and `business hours` count on it. Absent in a bare index (tests of one kind):
   * business durations are then refused at compile time.
   */
  readonly calendar?: CompiledCalendar;
  readonly entities: ReadonlyMap<string, CompiledEntity>;
  /**
   * Pipelines compiled so far, by id. Automations check the stages and approvals their
   * triggers name against them; when absent, those references are not checked.
   */
  readonly pipelines?: ReadonlyMap<string, CompiledPipeline>;
  /** Adds a diagnostic to the app's list (the compiler of a kind never throws). */
  report(diagnostic: Diagnostic): void;
  /**
   * Compiles an expression against an entity's fields (type-checked), reporting its
   * diagnostics under `file` and `pointer`. Returns undefined when it has errors.
   */
  expression(
    logic: unknown,
    entity: string | undefined,
    file: string,
    pointer: string,
  ): CompiledExpression | undefined;
}

/** An entity ready to use: its fields, their labels and types, defaults and computed values. */
export interface CompiledEntity {
  readonly id: string;
  readonly file: string;
  readonly definition: EntityDefinition;
  readonly label: LocalizedText;
  readonly fields: ReadonlyMap<string, EntityField>;
  /** Field ids and types for the expression type checker. */
  readonly fieldInfos: readonly FieldInfo[];
  /** A field's label in both languages (its id when it has none). */
  fieldLabel(fieldId: string): LocalizedText;
  /** Values of a new record: defaults under the given values. */
  withDefaults(values: Readonly<Record<string, unknown>>): Record<string, unknown>;
  /** The values with every computed field (re)computed, in dependency order. */
  withComputed(values: Readonly<Record<string, unknown>>, now: Instant): Record<string, unknown>;
  /**
   * Checks values against the fields' types, options and limits (not requiredness, which
   * depends on the form or the stage): one error per bad field.
   */
  checkValues(
    values: Readonly<Record<string, unknown>>,
    options?: CheckValuesOptions,
  ): FieldError[];
}

/** Options of {@link CompiledEntity.checkValues}. */
export interface CheckValuesOptions {
  /**
   * A person made the change: a read-only or computed field whose value differs from
   * `previous` is an error (RL5116). Automations and the system may set them.
   */
  readonly enforceReadOnly?: boolean;
  /** The values before the change (absent: a new record, where read-only fields start empty). */
  readonly previous?: Readonly<Record<string, unknown>>;
}

/** The result of validating form data. */
export interface FormResult {
  /** True when no error (warnings allowed). */
  readonly valid: boolean;
  readonly errors: readonly FieldError[];
  /** Fields shown now (visibleWhen holds). */
  readonly visible: readonly string[];
  /** Fields required now (required or requiredWhen holds, and visible). */
  readonly required: readonly string[];
  /** Computed field values for the data. */
  readonly computed: Readonly<Record<string, unknown>>;
}

/** A compiled form. */
export interface CompiledForm {
  readonly id: string;
  readonly entity: string;
  readonly file: string;
  readonly definition: FormDefinition;
  validate(data: Readonly<Record<string, unknown>>, ctx: HandleContext): FormResult;
}

/** The outcome of asking to move a record: the gate, and the approvals the move waits for. */
export interface MoveRequest {
  readonly gate: GateResult;
  /**
   * New pending approvals (their `when` held); empty and not `blocked`: the move can happen
   * now.
   */
  readonly approvals: readonly ApprovalState[];
  /**
   * Set when the gate passes but the approvals cannot start: a step that applies has nobody
   * to decide it (RL5266). Nothing is started and the record must not move.
   */
  readonly blocked?: Diagnostic;
}

/** The outcome of a decision on an approval. */
export interface ApprovalUpdate {
  readonly approval: ApprovalState;
  /** Set when the decision ended the approval. */
  readonly ended?: 'approved' | 'rejected';
  /** The stage the record moves to now (all approvals approved: the target; rejected: `rejectTo`). */
  readonly moveTo?: string;
  /**
   * Other approvals of the same request that this update ended, as they are now: a rejection
   * or a recall cancels those still pending (the move they wait for cannot happen).
   */
  readonly cancelled?: readonly ApprovalState[];
}

/** A compiled pipeline: stages, transitions, gates and approvals, backed by an xstate machine. */
export interface CompiledPipeline {
  readonly id: string;
  readonly entity: string;
  readonly file: string;
  readonly definition: PipelineDefinition;
  readonly stageField: string;
  readonly initialStage: string;
  /** The xstate machine it compiles to (stages are states, gates are guards), for the designer. */
  readonly machine: AnyStateMachine;
  /** The record's current stage in this pipeline. */
  stageOf(record: RecordState): string | undefined;
  /** May the record move to `to` now? Every unmet requirement is listed. */
  checkTransition(record: RecordState, to: string, ctx: HandleContext): GateResult;
  /** The gate plus the approvals a move would start now. */
  requestMove(record: RecordState, to: string, ctx: HandleContext): MoveRequest;
  /** Records an approver's decision; throws nothing, returns a FieldError-like message on misuse. */
  decide(
    record: RecordState,
    approvalId: string,
    decision: 'approve' | 'reject',
    ctx: HandleContext,
    comment?: string,
  ): ApprovalUpdate | { readonly error: LocalizedText };
  /** Withdraws a pending approval (by its requester). */
  recall(
    record: RecordState,
    approvalId: string,
    ctx: HandleContext,
  ): ApprovalUpdate | { readonly error: LocalizedText };
  /** What a rep is told about one gate failure (缺少必填字段「预算范围」 / missing required field "Budget range"). */
  describeFailure(failure: GateFailure): LocalizedText;
  /** The record as it is after entering `stage` at `at` (stage field and history updated). */
  enterStage(record: RecordState, stage: string, at: Instant, by?: string): RecordState;
}

/** A compiled automation. */
export interface CompiledAutomation {
  readonly id: string;
  readonly entity: string;
  readonly file: string;
  readonly definition: AutomationDefinition;
  /** Fields its actions may change (for cascade and loop analysis). */
  readonly writes: ReadonlySet<string>;
  /** Whether its condition holds for the record, explained (true when it has none). */
  checkCondition(record: RecordState, ctx: AutomationRunContext): ConditionCheck;
  /** The record after its actions and the effects they ask for; changes nothing given. */
  planActions(record: RecordState, ctx: AutomationRunContext): ActionPlan;
  /**
   * Present when the trigger is a `schedule`: runs its digests over `records` (the records
   * of its entity, in id order) and returns the messages and the trace. Reads only.
   */
  runSchedule?(records: readonly RecordState[], ctx: ScheduleContext): ScheduleRun;
}
