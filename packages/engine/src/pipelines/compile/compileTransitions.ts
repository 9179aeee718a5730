/** The transitions of a pipeline checked and compiled, or its default moves. */
import type { PipelineDefinition, Transition } from '@ruleloom/schemas';
import { toLocalized } from '../text.js';
import type { PipelineStage, PipelineTransition } from '../types.js';
import type { CompileScope } from './CompileScope.js';
import { compileApprovals } from './compileApprovals.js';
import { compileGate } from './compileGate.js';

/**
 * The moves of a pipeline without `transitions`, as the schema describes them: from each
 * stage that is not final to the next stage that is not final, and to every final stage.
 */
function defaultTransitions(stages: readonly PipelineStage[]): PipelineTransition[] {
  const moves: PipelineTransition[] = [];
  stages.forEach((stage, i) => {
    if (stage.final) return;
    const next = stages.slice(i + 1).find((later) => !later.final);
    const targets = [
      ...(next === undefined ? [] : [next]),
      ...stages.filter((other) => other.final),
    ];
    for (const target of targets) {
      moves.push({
        key: `${stage.id}->${target.id}`,
        label: target.label,
        from: [stage.id],
        to: target.id,
        approvals: [],
      });
    }
  });
  return moves;
}

/** The stages a transition leaves from, checked: known (RL5206) and not final (RL5208). */
function sourcesOf(
  scope: CompileScope,
  transition: Transition,
  pointer: string,
  stages: ReadonlyMap<string, PipelineStage>,
): string[] {
  if (transition.from === undefined) {
    // "From any stage that is not final": a stage does not move to itself this way.
    return [...stages.values()]
      .filter((stage) => !stage.final && stage.id !== transition.to)
      .map((stage) => stage.id);
  }
  const single = typeof transition.from === 'string';
  const from: readonly string[] =
    typeof transition.from === 'string' ? [transition.from] : transition.from;
  const sources: string[] = [];
  from.forEach((id, k) => {
    const at = single ? `${pointer}/from` : `${pointer}/from/${k}`;
    const stage = stages.get(id);
    if (stage === undefined) {
      scope.report('RL5206', at, { stage: id, known: [...stages.keys()].join(', ') });
    } else if (stage.final) {
      scope.report('RL5208', at, { stage: id });
    } else {
      sources.push(id);
    }
  });
  return sources;
}

/** A key for a transition without id, unique within the pipeline. */
function keyOf(transition: Transition, sources: readonly string[], index: number): string {
  if (transition.id !== undefined) return transition.id;
  return typeof transition.from === 'string' && sources.length === 1
    ? `${sources[0]}->${transition.to}`
    : `transition-${index}->${transition.to}`;
}

/**
 * Compiles the transitions of a pipeline (or its default moves when it has none): stages
 * named in `from`/`to` must exist (RL5206), ids are unique (RL5207), roles are declared
 * (RL5211), gates and approvals are checked against the entity.
 *
 * @example
 * compileTransitions(scope, definition, stages).map((t) => t.key); // ['to-proposal', …]
 */
export function compileTransitions(
  scope: CompileScope,
  definition: PipelineDefinition,
  stages: ReadonlyMap<string, PipelineStage>,
): PipelineTransition[] {
  if (definition.transitions === undefined) return defaultTransitions([...stages.values()]);
  const stageIds = new Set(stages.keys());
  const keys = new Set<string>();
  const compiled: PipelineTransition[] = [];
  definition.transitions.forEach((transition, i) => {
    const pointer = `/transitions/${i}`;
    const sources = sourcesOf(scope, transition, pointer, stages);
    const target = stages.get(transition.to);
    if (target === undefined) {
      scope.report('RL5206', `${pointer}/to`, {
        stage: transition.to,
        known: [...stageIds].join(', '),
      });
    }
    let key = keyOf(transition, sources, i);
    if (keys.has(key)) {
      if (transition.id !== undefined) scope.report('RL5207', `${pointer}/id`, { transition: key });
      key = `${key}~${i}`;
    }
    keys.add(key);
    (transition.allowedRoles ?? []).forEach((role, k) => {
      if (!scope.index.roles.has(role)) {
        scope.report('RL5211', `${pointer}/allowedRoles/${k}`, {
          role,
          known: [...scope.index.roles].join(', '),
        });
      }
    });
    const gate =
      transition.gate === undefined
        ? undefined
        : compileGate(scope, transition.gate, `${pointer}/gate`);
    const approvals = compileApprovals(scope, transition.approvals ?? [], pointer, key, stageIds);
    compiled.push({
      key,
      // A transition without a label reads as its target stage (the button says 报价).
      label:
        transition.label === undefined
          ? (target?.label ?? toLocalized(undefined, transition.to))
          : toLocalized(transition.label, key),
      from: sources,
      to: transition.to,
      ...(transition.allowedRoles === undefined ? {} : { allowedRoles: transition.allowedRoles }),
      ...(gate === undefined ? {} : { gate }),
      approvals,
      definition: transition,
    });
  });
  return compiled;
}
