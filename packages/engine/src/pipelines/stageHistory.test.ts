import type { PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import {
  as,
  clone,
  compile,
  complete,
  HOUR,
  opportunity,
  opportunityPipeline,
  record,
  T0,
} from './__tests__/index.js';

const pipeline = opportunity();

describe('enterStage and stage history', () => {
  it('sets the stage field, closes the open visit and adds the new one, with timestamps and who', () => {
    const created = pipeline.enterStage(record({ ...complete }), 'lead', T0);
    expect(created.values.stage).toBe('lead');
    expect(created.stageHistory).toEqual({ opportunity: [{ stage: 'lead', enteredAt: T0 }] });

    const proposed = pipeline.enterStage(created, 'proposal', T0 + 2 * HOUR, 'u-rep');
    const quoted = pipeline.enterStage(proposed, 'quote', T0 + 26 * HOUR, 'u-director');
    expect(quoted.stageHistory.opportunity).toEqual([
      { stage: 'lead', enteredAt: T0, leftAt: T0 + 2 * HOUR },
      { stage: 'proposal', enteredAt: T0 + 2 * HOUR, leftAt: T0 + 26 * HOUR, by: 'u-rep' },
      { stage: 'quote', enteredAt: T0 + 26 * HOUR, by: 'u-director' },
    ]);
    expect(quoted.updatedAt).toBe(T0 + 26 * HOUR);
    expect(quoted.version).toBe(created.version + 2);
  });

  it('does not change the record it is given', () => {
    const given = Object.freeze(record(Object.freeze({ ...complete, stage: 'lead' })));
    const before = structuredClone(given);
    const after = pipeline.enterStage(given, 'proposal', T0 + HOUR);
    expect(given).toEqual(before);
    expect(after).not.toBe(given);
    expect(after.values.stage).toBe('proposal');
  });

  it('keeps other pipelines’ history as it is', () => {
    const other = { renewal: [{ stage: 'draft', enteredAt: T0 - HOUR }] };
    const after = pipeline.enterStage(record({}, { stageHistory: other }), 'lead', T0);
    expect(after.stageHistory.renewal).toBe(other.renewal);
  });

  it('keeps no history when the pipeline says trackHistory: false', () => {
    const definition: PipelineDefinition = { ...clone(opportunityPipeline), trackHistory: false };
    const untracked = compile(definition).pipeline!;
    const after = untracked.enterStage(record({}), 'proposal', T0);
    expect(after.values.stage).toBe('proposal');
    expect(after.stageHistory).toEqual({});
  });

  it('leaves the record as it is for a stage the pipeline does not have', () => {
    const given = record({ stage: 'lead' });
    expect(pipeline.enterStage(given, 'archived', T0)).toBe(given);
  });

  it('reads ISO times of the context, with their offset, as UTC instants', () => {
    const opp = record({ ...complete, stage: 'proposal', amount: 88000 });
    const request = pipeline.requestMove(opp, 'quote', as('u-rep', '2024-06-03T09:00:00+08:00'));
    expect(request.approvals[0]?.requestedAt).toBe(T0);
    // Without an offset, the app's zone (Asia/Shanghai) applies.
    const local = pipeline.requestMove(opp, 'quote', as('u-rep', '2024-06-03T09:00:00'));
    expect(local.approvals[0]?.requestedAt).toBe(T0);
  });
});
