/**
 * Pipelines: the stages of an entity, the moves between them with their gates and
 * approvals, compiled to an xstate machine; gate checks that list every unmet requirement;
 * approvals with ordered steps; stage history on the record.
 */
export { compilePipeline } from './compilePipeline.js';
export { describeFailure, type FailureLabels } from './gates/describeFailure.js';
export { buildPipelineMachine, type MoveEvent, type PipelineMachine } from './machine.js';
export type { ApprovalError } from './approvals/approvalError.js';
export type {
  CompiledApproval,
  CompiledApprovalStep,
  CompiledGate,
  GateConditionCheck,
  GateField,
  MoveContext,
  PipelineRuntime,
  PipelineStage,
  PipelineTransition,
} from './types.js';
