/** The stages of a pipeline checked and compiled, and the field that holds them. */
import type { PipelineDefinition } from '@ruleloom/schemas';
import { fieldTypeName, toLocalized } from '../text.js';
import type { PipelineStage } from '../types.js';
import type { CompileScope } from './CompileScope.js';
import { compileGate } from './compileGate.js';

/**
 * The stages by id, in display order. A repeated id is RL5205 and the later stage is
 * dropped (records store the id, so two stages cannot share it).
 *
 * @example
 * compileStages(scope, definition).get('quote')?.entryGate?.requiredFields;
 */
export function compileStages(
  scope: CompileScope,
  definition: PipelineDefinition,
): Map<string, PipelineStage> {
  const stages = new Map<string, PipelineStage>();
  definition.stages.forEach((stage, i) => {
    if (stages.has(stage.id)) {
      scope.report('RL5205', `/stages/${i}/id`, { stage: stage.id });
      return;
    }
    const entryGate =
      stage.entryGate === undefined
        ? undefined
        : compileGate(scope, stage.entryGate, `/stages/${i}/entryGate`);
    stages.set(stage.id, {
      id: stage.id,
      label: toLocalized(stage.label, stage.id),
      final: stage.final === true,
      ...(entryGate === undefined ? {} : { entryGate }),
      definition: stage,
    });
  });
  return stages;
}

/**
 * Checks the field that holds the stage: a field of the entity (RL5202), text or enum
 * (RL5203), and for an enum, one option per stage (RL5204, a warning).
 *
 * @example
 * checkStageField(scope, definition); // 'stage'
 */
export function checkStageField(scope: CompileScope, definition: PipelineDefinition): string {
  const stageField = definition.stageField ?? 'stage';
  const fields = scope.entity?.fields;
  if (fields === undefined) return stageField;
  const pointer = definition.stageField === undefined ? '' : '/stageField';
  const field = fields.get(stageField);
  if (field === undefined) {
    scope.report('RL5202', pointer, { field: stageField, entity: scope.entityId });
  } else if (field.type === 'enum') {
    const options = new Set(field.options.map((option) => option.id));
    definition.stages.forEach((stage, i) => {
      if (!options.has(stage.id)) {
        scope.report('RL5204', `/stages/${i}/id`, { stage: stage.id, field: stageField });
      }
    });
  } else if (field.type !== 'text') {
    scope.report('RL5203', pointer, { field: stageField, type: fieldTypeName(field.type) });
  }
  return stageField;
}
