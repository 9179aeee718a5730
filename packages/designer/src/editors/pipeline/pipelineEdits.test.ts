import type { PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { exampleFile } from '../testing/examples.js';
import { layoutStages, selectionAt, transitionLinks } from './graph.js';
import {
  addStage,
  connectStages,
  deleteStage,
  deleteTransition,
  renameStageId,
} from './pipelineEdits.js';

const opportunity = exampleFile<PipelineDefinition>('pipelines/opportunity.json');

describe('pipeline edits', () => {
  it('connecting two stages adds one transition, once', () => {
    const next = connectStages(opportunity, 'lead', 'quote');
    expect(next.transitions).toHaveLength(opportunity.transitions!.length + 1);
    expect(next.transitions!.at(-1)).toEqual({ id: 'lead-to-quote', from: 'lead', to: 'quote' });
    expect(connectStages(next, 'lead', 'quote')).toBe(next);
    expect(connectStages(opportunity, 'proposal', 'quote')).toBe(opportunity);
    expect(connectStages(opportunity, 'lead', 'lead')).toBe(opportunity);
  });

  it('adds stages with fresh ids', () => {
    const one = addStage(opportunity, '新阶段');
    const two = addStage(one.pipeline, '新阶段');
    expect([one.id, two.id]).toEqual(['stage', 'stage-2']);
    expect(two.pipeline.stages).toHaveLength(opportunity.stages.length + 2);
    expect(opportunity.stages).toHaveLength(7);
  });

  it('deleting a stage removes the transitions into it and narrows shared sources', () => {
    const next = deleteStage(opportunity, 'quote');
    expect(next.stages.map((s) => s.id)).not.toContain('quote');
    expect(next.transitions!.some((t) => t.to === 'quote')).toBe(false);
    expect(next.transitions!.some((t) => t.from === 'quote')).toBe(false);
    const markLost = next.transitions!.find((t) => t.id === 'mark-lost');
    expect(markLost?.from).toEqual(['lead', 'proposal', 'contract']);
    expect(deleteStage(opportunity, 'lead')).toBe(opportunity);
  });

  it('renaming a stage id updates every reference', () => {
    const next = renameStageId(opportunity, 'lead', 'clue');
    expect(next.initialStage).toBe('clue');
    expect(next.transitions!.find((t) => t.id === 'submit-proposal')?.from).toBe('clue');
    expect((next.transitions!.find((t) => t.id === 'mark-lost')?.from as string[])[0]).toBe('clue');
    expect(renameStageId(opportunity, 'lead', 'quote')).toBe(opportunity);
  });

  it('deletes a transition by index', () => {
    expect(deleteTransition(opportunity, 0).transitions![0]?.id).toBe('send-quote');
  });
});

describe('pipeline graph', () => {
  it('draws one edge per source stage', () => {
    const links = transitionLinks(opportunity).filter((l) => l.index === 6);
    expect(links.map((l) => l.source)).toEqual(['lead', 'proposal', 'quote', 'contract']);
  });

  it('lays stages out left to right along the transitions', () => {
    const at = layoutStages(opportunity);
    expect(at['lead']!.x).toBeLessThan(at['proposal']!.x);
    expect(at['proposal']!.x).toBeLessThan(at['quote']!.x);
  });

  it('reads the selection a focus pointer asks for', () => {
    expect(selectionAt('/transitions/1/approvals/0/steps/0')).toEqual({
      kind: 'transition',
      index: 1,
    });
    expect(selectionAt('/stages/2/entryGate')).toEqual({ kind: 'stage', index: 2 });
    expect(selectionAt('/initialStage')).toBeUndefined();
  });
});
