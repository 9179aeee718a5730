/**
 * The edits of the pipeline designer as pure functions of the definition: each returns a new
 * definition (the input is never changed), so the shell can record it for undo.
 */
import type { PipelineDefinition, Stage, Transition } from '@ruleloom/schemas';

type Stages = PipelineDefinition['stages'];

/** An id not yet in `taken`: `base`, `base-2`, `base-3`, … */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The stages a transition starts from (empty: from any stage that is not final). */
export function transitionSources(transition: Transition): string[] {
  if (transition.from === undefined) return [];
  return Array.isArray(transition.from) ? [...transition.from] : [transition.from];
}

/**
 * Adds a stage at the end, labelled `label`.
 *
 * @example
 * addStage(pipeline, '新阶段').stages.at(-1); // { id: 'stage', label: '新阶段' }
 */
export function addStage(
  pipeline: PipelineDefinition,
  label: string,
): { pipeline: PipelineDefinition; id: string } {
  const id = freshId(
    'stage',
    pipeline.stages.map((s) => s.id),
  );
  const stage: Stage = { id, label };
  return { pipeline: { ...pipeline, stages: [...pipeline.stages, stage] as Stages }, id };
}

/** Replaces the stage with id `id` by `update(stage)`. */
export function updateStage(
  pipeline: PipelineDefinition,
  id: string,
  update: (stage: Stage) => Stage,
): PipelineDefinition {
  return {
    ...pipeline,
    stages: pipeline.stages.map((s) => (s.id === id ? update(s) : s)) as Stages,
  };
}

/** `layout` with the saved position of stage `from` moved to `to` (removed when `to` is undefined). */
function moveSavedPosition(
  layout: PipelineDefinition['layout'],
  from: string,
  to: string | undefined,
): PipelineDefinition['layout'] {
  const at = layout?.positions?.[from];
  if (!layout?.positions || !at) return layout;
  const { [from]: _old, ...positions } = layout.positions;
  return { ...layout, positions: to === undefined ? positions : { ...positions, [to]: at } };
}

/**
 * Gives a stage a new id and updates every reference to it (initial stage, transitions,
 * approvals' `rejectTo`, its saved position). Returns the pipeline unchanged when the id is
 * taken.
 */
export function renameStageId(
  pipeline: PipelineDefinition,
  from: string,
  to: string,
): PipelineDefinition {
  if (from === to || pipeline.stages.some((s) => s.id === to)) return pipeline;
  const swap = (id: string): string => (id === from ? to : id);
  return {
    ...pipeline,
    initialStage: swap(pipeline.initialStage),
    stages: pipeline.stages.map((s) => (s.id === from ? { ...s, id: to } : s)) as Stages,
    ...(pipeline.layout ? { layout: moveSavedPosition(pipeline.layout, from, to) } : {}),
    ...(pipeline.transitions
      ? {
          transitions: pipeline.transitions.map((tr) => {
            const next: Transition = { ...tr, to: swap(tr.to) };
            if (tr.from !== undefined) {
              next.from = Array.isArray(tr.from)
                ? (tr.from.map(swap) as Transition['from'])
                : swap(tr.from);
            }
            if (tr.approvals) {
              next.approvals = tr.approvals.map((a) =>
                a.rejectTo === undefined ? a : { ...a, rejectTo: swap(a.rejectTo) },
              );
            }
            return next;
          }),
        }
      : {}),
  };
}

/**
 * Removes a stage, its saved position and the transitions into it; a transition from several
 * stages keeps the others. The initial stage cannot be removed (the pipeline is returned
 * unchanged).
 */
export function deleteStage(pipeline: PipelineDefinition, id: string): PipelineDefinition {
  if (pipeline.initialStage === id) return pipeline;
  const transitions = (pipeline.transitions ?? []).flatMap((tr): Transition[] => {
    if (tr.to === id) return [];
    if (tr.from === undefined) return [tr];
    const sources = transitionSources(tr).filter((s) => s !== id);
    if (sources.length === 0) return [];
    return [
      { ...tr, from: sources.length === 1 ? sources[0]! : (sources as [string, ...string[]]) },
    ];
  });
  const next: PipelineDefinition = {
    ...pipeline,
    stages: pipeline.stages.filter((s) => s.id !== id) as Stages,
  };
  if (pipeline.transitions) next.transitions = transitions;
  if (pipeline.layout) next.layout = moveSavedPosition(pipeline.layout, id, undefined);
  return next;
}

/**
 * Adds a transition from `source` to `target` (a drag from one stage's handle to another's),
 * unless one already goes from `source` to `target`.
 *
 * @example
 * connectStages(pipeline, 'proposal', 'quote').transitions.at(-1);
 * // { id: 'proposal-to-quote', from: 'proposal', to: 'quote' }
 */
export function connectStages(
  pipeline: PipelineDefinition,
  source: string,
  target: string,
): PipelineDefinition {
  const transitions = pipeline.transitions ?? [];
  const exists = transitions.some(
    (tr) => tr.to === target && transitionSources(tr).includes(source),
  );
  if (exists || source === target) return pipeline;
  const id = freshId(
    `${source}-to-${target}`,
    transitions.map((tr) => tr.id ?? ''),
  );
  return { ...pipeline, transitions: [...transitions, { id, from: source, to: target }] };
}

/** Replaces transition `index`. */
export function updateTransition(
  pipeline: PipelineDefinition,
  index: number,
  transition: Transition,
): PipelineDefinition {
  const transitions = [...(pipeline.transitions ?? [])];
  transitions[index] = transition;
  return { ...pipeline, transitions };
}

/** Removes transition `index`. */
export function deleteTransition(pipeline: PipelineDefinition, index: number): PipelineDefinition {
  return {
    ...pipeline,
    transitions: (pipeline.transitions ?? []).filter((_, i) => i !== index),
  };
}
