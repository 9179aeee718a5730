/**
 * Where the stages are drawn: the pipeline's `layout.positions` (saved with the definition,
 * read only by the designer), with the dagre layout for stages that have no saved place.
 */
import type { PipelineDefinition } from '@ruleloom/schemas';
import { layoutStages, STAGE_SIZE, type Position } from './graph.js';

/** Saved positions by stage id (`layout.positions`), possibly empty. */
function savedPositions(
  pipeline: PipelineDefinition,
): Readonly<Record<string, Position | undefined>> {
  return pipeline.layout?.positions ?? {};
}

/** Whether a stage drawn at `a` would cover one drawn at `b`. */
function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < STAGE_SIZE.width && Math.abs(a.y - b.y) < STAGE_SIZE.height;
}

/**
 * Where every stage is drawn: its saved position, else its place in the dagre layout (moved
 * down below any saved stage it would cover).
 *
 * @example
 * stagePositions(pipeline).quote; // { x: 620, y: 40 } — saved, or laid out by dagre
 */
export function stagePositions(pipeline: PipelineDefinition): Record<string, Position> {
  const saved = savedPositions(pipeline);
  const missing = pipeline.stages.some((stage) => saved[stage.id] === undefined);
  const auto = missing ? layoutStages(pipeline) : {};
  const positions: Record<string, Position> = {};
  for (const stage of pipeline.stages) {
    const at = saved[stage.id];
    if (at) positions[stage.id] = { x: at.x, y: at.y };
  }
  const placed = Object.values(positions);
  for (const stage of pipeline.stages) {
    if (positions[stage.id]) continue;
    let at = auto[stage.id] ?? { x: 0, y: 0 };
    while (placed.some((other) => overlaps(at, other))) {
      at = { x: at.x, y: at.y + STAGE_SIZE.height + 30 };
    }
    positions[stage.id] = at;
    placed.push(at);
  }
  return positions;
}

/**
 * Saves where stages are drawn: `layout.positions` with `positions` (rounded to whole pixels,
 * so a saved file changes by small numbers) for the stages of the pipeline; the other saved
 * positions stay. Returns `pipeline` itself when nothing changes.
 *
 * @example
 * placeStages(pipeline, { quote: { x: 612.4, y: 80.6 } }).layout;
 * // { positions: { …, quote: { x: 612, y: 81 } } }
 */
export function placeStages(
  pipeline: PipelineDefinition,
  positions: Readonly<Record<string, Position>>,
): PipelineDefinition {
  const saved = savedPositions(pipeline);
  const next: Record<string, Position | undefined> = { ...saved };
  let changed = false;
  for (const stage of pipeline.stages) {
    const at = positions[stage.id];
    if (!at) continue;
    const rounded = { x: Math.round(at.x), y: Math.round(at.y) };
    const before = saved[stage.id];
    if (before?.x === rounded.x && before.y === rounded.y) continue;
    next[stage.id] = rounded;
    changed = true;
  }
  if (!changed) return pipeline;
  return { ...pipeline, layout: { ...pipeline.layout, positions: next } };
}

/**
 * `next`, an edit of `current` made on the canvas (a stage added, two stages connected),
 * with every stage saved where it is drawn now: the edit moves no stage the admin sees,
 * and a new stage gets a place of its own.
 *
 * @example
 * onChange(keepPlaces(pipeline, connectStages(pipeline, 'proposal', 'lost')));
 */
export function keepPlaces(
  current: PipelineDefinition,
  next: PipelineDefinition,
): PipelineDefinition {
  const kept = placeStages(next, stagePositions(current));
  return placeStages(kept, stagePositions(kept));
}

/**
 * The pipeline with every stage at its place in the dagre layout (the 自动布局 button):
 * `layout.positions` is replaced, rounded to whole pixels. Returns `pipeline` itself when it
 * is laid out so already.
 *
 * @example
 * onChange(autoLayout(pipeline));
 */
export function autoLayout(pipeline: PipelineDefinition): PipelineDefinition {
  const positions: Record<string, Position> = {};
  for (const [id, at] of Object.entries(layoutStages(pipeline))) {
    positions[id] = { x: Math.round(at.x), y: Math.round(at.y) };
  }
  if (JSON.stringify(positions) === JSON.stringify(pipeline.layout?.positions)) return pipeline;
  return { ...pipeline, layout: { ...pipeline.layout, positions } };
}
