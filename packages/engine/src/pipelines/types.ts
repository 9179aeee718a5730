/**
 * The compiled shapes of a pipeline: what `compilePipeline` checks and prepares once, so
 * that every gate check and approval at run time only evaluates.
 */
import type { Party, PipelineDefinition, Stage, Transition } from '@ruleloom/schemas';
import type { CompiledPipeline } from '../app/parts.js';
import type { GateFailure, HandleContext, RecordState } from '../app/types.js';
import type { LocalizedText } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import type { PipelineMachine } from './machine.js';

/** A required field or attachment of a gate, with the label a rep is shown. */
export interface GateField {
  readonly field: string;
  readonly label: LocalizedText;
}

/** One expression check of a gate. */
export interface GateConditionCheck {
  /** The condition's id, or its JSON pointer in the file when it has none. */
  readonly id: string;
  readonly message: LocalizedText;
  /** `warning`: shown, but the move may go ahead. */
  readonly severity: 'error' | 'warning';
  readonly expression: CompiledExpression;
}

/** A gate ready to check: a transition's `gate` or a stage's `entryGate`. */
export interface CompiledGate {
  readonly requiredFields: readonly GateField[];
  readonly requiredAttachments: readonly GateField[];
  readonly conditions: readonly GateConditionCheck[];
}

/** A stage of a compiled pipeline. */
export interface PipelineStage {
  readonly id: string;
  readonly label: LocalizedText;
  readonly final: boolean;
  readonly entryGate?: CompiledGate;
  readonly definition: Stage;
}

/** One step of a compiled approval. */
export interface CompiledApprovalStep {
  readonly id: string;
  readonly label: LocalizedText;
  readonly kind: 'approve' | 'file';
  readonly mode: 'first' | 'unanimous';
  /** Absent: the step always applies. */
  readonly when?: CompiledExpression;
  readonly approvers: readonly Party[];
  /** The step's JSON pointer in the pipeline file, for a diagnostic about it at run time. */
  readonly pointer: string;
}

/** An approval a transition needs, compiled. */
export interface CompiledApproval {
  readonly id: string;
  readonly label: LocalizedText;
  /** Absent: the approval always applies. */
  readonly when?: CompiledExpression;
  readonly steps: readonly CompiledApprovalStep[];
  readonly rejectTo?: string;
}

/**
 * A move between stages: one event of the pipeline's state machine. A definition
 * transition with several `from` stages is one event accepted in each of them.
 */
export interface PipelineTransition {
  /** The event type in the machine: the transition's id, or one made from its stages. */
  readonly key: string;
  readonly label: LocalizedText;
  readonly from: readonly string[];
  readonly to: string;
  readonly allowedRoles?: readonly string[];
  readonly gate?: CompiledGate;
  readonly approvals: readonly CompiledApproval[];
  /** Absent for the default moves of a pipeline without `transitions`. */
  readonly definition?: Transition;
}

/** What a gate is checked with: the machine's context while it answers a question. */
export interface MoveContext {
  readonly record: RecordState;
  readonly ctx: HandleContext;
  /** True when an approval completes a move: the requester's roles were checked already. */
  readonly ignoreRoles: boolean;
}

/** Everything compiled about a pipeline; the run-time functions read it. */
export interface PipelineModel {
  readonly id: string;
  readonly file: string;
  readonly entity: string;
  readonly definition: PipelineDefinition;
  readonly stageField: string;
  readonly initialStage: string;
  readonly trackHistory: boolean;
  /** IANA zone that expressions and ISO times without an offset are read in. */
  readonly zone: string;
  readonly stages: ReadonlyMap<string, PipelineStage>;
  readonly transitions: readonly PipelineTransition[];
  readonly transitionsByKey: ReadonlyMap<string, PipelineTransition>;
  readonly roleLabels: ReadonlyMap<string, LocalizedText>;
  /** A field's label for messages (负责人 rather than `owner`); its id when it has none. */
  readonly fieldLabel: (field: string) => LocalizedText;
  readonly machine: PipelineMachine;
}

/**
 * A compiled pipeline with what the designer and simulator need besides the engine's
 * interface: the xstate machine, the compiled stages and transitions, and messages.
 */
export interface PipelineRuntime extends CompiledPipeline {
  readonly machine: PipelineMachine;
  readonly stages: readonly PipelineStage[];
  readonly transitions: readonly PipelineTransition[];
  /** The moves that leave a stage (any gate), as the machine has them; none for a final stage. */
  transitionsFrom(stage: string): readonly PipelineTransition[];
  /** What a rep is told about one gate failure (缺少必填字段「预算范围」). */
  describeFailure(failure: GateFailure): LocalizedText;
}
