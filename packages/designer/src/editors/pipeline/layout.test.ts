import type { PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { exampleFile } from '../testing/examples.js';
import { layoutStages, STAGE_SIZE } from './graph.js';
import { autoLayout, keepPlaces, placeStages, stagePositions } from './layout.js';
import { addStage, connectStages, deleteStage, renameStageId } from './pipelineEdits.js';

const opportunity = exampleFile<PipelineDefinition>('pipelines/opportunity.json');
const ids = opportunity.stages.map((s) => s.id);

function withPositions(
  pipeline: PipelineDefinition,
  positions: Record<string, { x: number; y: number }>,
): PipelineDefinition {
  return { ...pipeline, layout: { positions } };
}

describe('stagePositions', () => {
  it('given no saved layout, then every stage is where dagre lays it out', () => {
    expect(stagePositions(opportunity)).toEqual(layoutStages(opportunity));
  });

  it('given saved positions for every stage, then they are used as saved', () => {
    const saved = Object.fromEntries(ids.map((id, i) => [id, { x: i * 300, y: 7 }]));
    expect(stagePositions(withPositions(opportunity, saved))).toEqual(saved);
  });

  it('given a stage without a saved position, then it takes its dagre place, moved off any saved stage it would cover', () => {
    const auto = layoutStages(opportunity);
    const saved = Object.fromEntries(
      ids.filter((id) => id !== 'quote').map((id) => [id, auto[id]!]),
    );
    // The contract stage saved right where dagre would put the quote stage.
    saved['contract'] = auto['quote']!;
    const positions = stagePositions(withPositions(opportunity, saved));
    expect(positions['contract']).toEqual(auto['quote']);
    expect(positions['quote']!.x).toBe(auto['quote']!.x);
    expect(positions['quote']!.y).toBeGreaterThanOrEqual(auto['quote']!.y + STAGE_SIZE.height);
    for (const id of ids.filter((i) => i !== 'quote')) {
      const other = positions[id]!;
      const covers =
        Math.abs(other.x - positions['quote']!.x) < STAGE_SIZE.width &&
        Math.abs(other.y - positions['quote']!.y) < STAGE_SIZE.height;
      expect(covers, id).toBe(false);
    }
  });
});

describe('placeStages', () => {
  it('given a drop at fractional pixels, then the saved position is rounded', () => {
    const next = placeStages(opportunity, { quote: { x: 612.4, y: 80.6 } });
    expect(next.layout).toEqual({ positions: { quote: { x: 612, y: 81 } } });
    expect(opportunity.layout).toBeUndefined();
  });

  it('given saved positions, when one stage moves, then only its position changes', () => {
    const saved = withPositions(opportunity, { lead: { x: 0, y: 0 }, quote: { x: 400, y: 0 } });
    const next = placeStages(saved, { quote: { x: 420, y: 30 } });
    expect(next.layout?.positions).toEqual({ lead: { x: 0, y: 0 }, quote: { x: 420, y: 30 } });
  });

  it('given the same rounded place, then the pipeline is returned unchanged', () => {
    const saved = withPositions(opportunity, { quote: { x: 400, y: 0 } });
    expect(placeStages(saved, { quote: { x: 400.2, y: -0.3 } })).toBe(saved);
  });

  it('given a position of no stage, then it is not saved', () => {
    expect(placeStages(opportunity, { nowhere: { x: 1, y: 1 } })).toBe(opportunity);
  });
});

describe('keepPlaces', () => {
  it('given no saved layout, when two stages are connected, then every stage is saved where it was drawn', () => {
    const shown = stagePositions(opportunity);
    const next = keepPlaces(opportunity, connectStages(opportunity, 'lead', 'quote'));
    for (const id of ids) {
      expect(next.layout?.positions?.[id]).toEqual({
        x: Math.round(shown[id]!.x),
        y: Math.round(shown[id]!.y),
      });
    }
    expect(next.transitions?.at(-1)).toMatchObject({ from: 'lead', to: 'quote' });
  });

  it('when a stage is added, then it gets a saved place that covers no other stage', () => {
    const next = keepPlaces(opportunity, addStage(opportunity, '新阶段').pipeline);
    const positions = next.layout!.positions!;
    const added = positions['stage']!;
    expect(Object.keys(positions)).toHaveLength(ids.length + 1);
    for (const id of ids) {
      const other = positions[id]!;
      const covers =
        Math.abs(other.x - added.x) < STAGE_SIZE.width &&
        Math.abs(other.y - added.y) < STAGE_SIZE.height;
      expect(covers, id).toBe(false);
    }
  });
});

describe('autoLayout', () => {
  it('given hand-placed stages, when laid out, then every position is the rounded dagre one', () => {
    const placed = withPositions(opportunity, { lead: { x: 999, y: 999 }, gone: { x: 1, y: 1 } });
    const next = autoLayout(placed);
    const auto = layoutStages(opportunity);
    expect(Object.keys(next.layout!.positions!)).toEqual(ids);
    for (const id of ids) {
      expect(next.layout!.positions![id]).toEqual({
        x: Math.round(auto[id]!.x),
        y: Math.round(auto[id]!.y),
      });
    }
  });

  it('given a pipeline laid out already, then it is returned unchanged', () => {
    const once = autoLayout(opportunity);
    expect(autoLayout(once)).toBe(once);
  });
});

describe('saved positions follow the stages', () => {
  const saved = withPositions(opportunity, { quote: { x: 400, y: 0 }, lead: { x: 0, y: 0 } });

  it('when a stage id is renamed, then its saved position moves to the new id', () => {
    const next = renameStageId(saved, 'quote', 'offer');
    expect(next.layout?.positions).toEqual({ lead: { x: 0, y: 0 }, offer: { x: 400, y: 0 } });
  });

  it('when a stage is deleted, then its saved position goes too', () => {
    const next = deleteStage(saved, 'quote');
    expect(next.layout?.positions).toEqual({ lead: { x: 0, y: 0 } });
  });

  it('given no saved layout, when a stage is renamed or deleted, then no layout is added', () => {
    expect(renameStageId(opportunity, 'quote', 'offer').layout).toBeUndefined();
    expect(deleteStage(opportunity, 'quote').layout).toBeUndefined();
  });
});
