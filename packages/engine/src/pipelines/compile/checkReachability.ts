/** Stages no record can reach, and stages no record can leave, found on the machine. */
import { transitionsFrom } from '../gates/checkTransition.js';
import type { PipelineModel } from '../types.js';
import type { CompileScope } from './CompileScope.js';

/**
 * Walks the machine from the initial stage: stages it never reaches are RL5215, stages that
 * are not final but have no transition out are RL5216 (both warnings: the pipeline still
 * runs, but a record could never get there or never get out).
 *
 * @example
 * checkReachability(scope, model, new Map([['lead', '/stages/0'], …]));
 */
export function checkReachability(
  scope: CompileScope,
  model: PipelineModel,
  stagePointers: ReadonlyMap<string, string>,
): void {
  const { stages, initialStage } = model;
  const targets = (stage: string): string[] =>
    transitionsFrom(model, stage).map((transition) => transition.to);

  const reached = new Set([initialStage]);
  const queue = [initialStage];
  for (let stage = queue.shift(); stage !== undefined; stage = queue.shift()) {
    for (const to of targets(stage)) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }

  for (const stage of stages.values()) {
    const pointer = stagePointers.get(stage.id) ?? '';
    if (!reached.has(stage.id)) {
      scope.report('RL5215', pointer, { stage: stage.id, initial: initialStage });
    }
    if (!stage.final && targets(stage.id).length === 0) {
      scope.report('RL5216', pointer, { stage: stage.id });
    }
  }
}
