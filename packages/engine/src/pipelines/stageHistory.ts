/** Where a record is in a pipeline, and the record after it enters a stage. */
import type { Instant, RecordState, StageVisit } from '../app/types.js';
import type { PipelineModel } from './types.js';
import { readField } from './values.js';

/**
 * The record's current stage. An empty stage field means the record has not moved yet: it
 * is in the initial stage. A value that names no stage gives undefined.
 *
 * @example
 * stageOf(model, record); // 'proposal'
 */
export function stageOf(model: PipelineModel, record: RecordState): string | undefined {
  const value = readField(record.values, model.stageField);
  if (value === undefined || value === null || value === '') return model.initialStage;
  return typeof value === 'string' && model.stages.has(value) ? value : undefined;
}

/**
 * The record after entering `stage` at `at`: the stage field set, and (unless the pipeline
 * keeps no history) the open visit closed and a new one added. The record given is not
 * changed. A stage the pipeline does not have leaves the record as it is.
 *
 * @example
 * const next = enterStage(model, record, 'quote', Date.UTC(2024, 5, 3), 'u-rep');
 * next.stageHistory.opportunity.at(-1); // { stage: 'quote', enteredAt: …, by: 'u-rep' }
 */
export function enterStage(
  model: PipelineModel,
  record: RecordState,
  stage: string,
  at: Instant,
  by?: string,
): RecordState {
  if (!model.stages.has(stage)) return record;
  const values = { ...record.values, [model.stageField]: stage };
  if (!model.trackHistory) {
    return { ...record, values, updatedAt: at, version: record.version + 1 };
  }
  const visits = Object.hasOwn(record.stageHistory, model.id)
    ? (record.stageHistory[model.id] ?? [])
    : [];
  const closed = visits.map((visit, i) =>
    i === visits.length - 1 && visit.leftAt === undefined ? { ...visit, leftAt: at } : visit,
  );
  const visit: StageVisit = { stage, enteredAt: at, ...(by === undefined ? {} : { by }) };
  return {
    ...record,
    values,
    stageHistory: { ...record.stageHistory, [model.id]: [...closed, visit] },
    updatedAt: at,
    version: record.version + 1,
  };
}
