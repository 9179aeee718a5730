/** A pipeline definition checked against the app and compiled to an xstate machine. */
import type { PipelineDefinition } from '@ruleloom/schemas';
import type { AppIndex, DefinitionFile } from '../app/parts.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { decide } from './approvals/decide.js';
import { recall } from './approvals/recall.js';
import { requestMove } from './approvals/requestMove.js';
import { checkReachability } from './compile/checkReachability.js';
import { CompileScope } from './compile/CompileScope.js';
import { checkStageField, compileStages } from './compile/compileStages.js';
import { compileTransitions } from './compile/compileTransitions.js';
import { checkTransition, transitionsFrom } from './gates/checkTransition.js';
import { describeFailure, type FailureLabels } from './gates/describeFailure.js';
import { movePasses } from './gates/evaluateGate.js';
import { buildPipelineMachine } from './machine.js';
import { enterStage, stageOf } from './stageHistory.js';
import { toLocalized } from './text.js';
import type { MoveContext, PipelineModel, PipelineRuntime } from './types.js';

/** The labels of the app's roles, for messages (财务 rather than `finance`). */
function roleLabels(index: AppIndex): Map<string, LocalizedText> {
  return new Map(
    (index.manifest.roles ?? []).map((role) => [role.id, toLocalized(role.label, role.id)]),
  );
}

/** The pipeline's functions bound to its compiled model. */
function runtimeOf(model: PipelineModel): PipelineRuntime {
  const labels: FailureLabels = {
    stage: (id) => model.stages.get(id)?.label ?? toLocalized(undefined, id),
    role: (id) => model.roleLabels.get(id) ?? toLocalized(undefined, id),
  };
  return {
    id: model.id,
    entity: model.entity,
    file: model.file,
    definition: model.definition,
    stageField: model.stageField,
    initialStage: model.initialStage,
    machine: model.machine,
    stages: [...model.stages.values()],
    transitions: model.transitions,
    transitionsFrom: (stage) => transitionsFrom(model, stage),
    describeFailure: (failure) => describeFailure(failure, labels),
    stageOf: (record) => stageOf(model, record),
    checkTransition: (record, to, ctx) => checkTransition(model, record, to, ctx),
    requestMove: (record, to, ctx) => requestMove(model, record, to, ctx),
    decide: (record, approvalId, decision, ctx, comment) =>
      decide(model, record, approvalId, decision, ctx, comment),
    recall: (record, approvalId, ctx) => recall(model, record, approvalId, ctx),
    enterStage: (record, stage, at, by) => enterStage(model, record, stage, at, by),
  };
}

/**
 * Checks a pipeline against the app (its entity, stage field, stages, transitions, gates,
 * approvers and roles) and compiles it to an xstate machine. Every problem is reported
 * through `index.report` with its JSON pointer; the result is undefined when any is an
 * error. Unreachable stages and stages without a way out are warnings.
 *
 * @example
 * const pipeline = compilePipeline({ file: 'pipelines/opportunity.json', definition }, index);
 * pipeline?.checkTransition(record, 'quote', { now: '2024-06-03T09:00:00+08:00', actor });
 */
export function compilePipeline(
  file: DefinitionFile<PipelineDefinition>,
  index: AppIndex,
): PipelineRuntime | undefined {
  const { definition } = file;
  const entity = index.entities.get(definition.entity);
  const scope = new CompileScope(index, file.file, entity, definition.entity);
  if (entity === undefined) {
    scope.report('RL5201', '/entity', {
      entity: definition.entity,
      known: [...index.entities.keys()].join(', '),
    });
  }
  const stageField = checkStageField(scope, definition);
  const stages = compileStages(scope, definition);
  const stageIds = [...stages.keys()].join(', ');
  if (!stages.has(definition.initialStage)) {
    scope.report('RL5206', '/initialStage', { stage: definition.initialStage, known: stageIds });
  }
  const transitions = compileTransitions(scope, definition, stages);
  const transitionsByKey = new Map(transitions.map((transition) => [transition.key, transition]));
  if (!stages.has(definition.initialStage)) return undefined;

  // The guard of every event: the gates of the transition it names, into its target stage.
  const guard = (key: string, move: MoveContext): boolean => {
    const transition = transitionsByKey.get(key);
    if (transition === undefined) return false;
    const target = stages.get(transition.to);
    return target !== undefined && movePasses(transition, target, move, index.zone);
  };
  const machine = buildPipelineMachine(
    definition.id,
    definition.initialStage,
    [...stages.values()],
    transitions,
    guard,
  );
  const model: PipelineModel = {
    id: definition.id,
    file: file.file,
    entity: definition.entity,
    definition,
    stageField,
    initialStage: definition.initialStage,
    trackHistory: definition.trackHistory !== false,
    zone: index.zone,
    stages,
    transitions,
    transitionsByKey,
    roleLabels: roleLabels(index),
    fieldLabel: (field) => entity?.fieldLabel(field) ?? toLocalized(undefined, field),
    machine,
  };
  // Reversed so that a repeated stage id points at its first stage, the one that is kept.
  const stagePointers = new Map(
    definition.stages.map((stage, i) => [stage.id, `/stages/${i}`] as const).reverse(),
  );
  checkReachability(scope, model, stagePointers);
  return scope.failed ? undefined : runtimeOf(model);
}
