/**
 * What the event form offers for a record: the stages it can be moved to (the pipeline's
 * transitions from its stage first), the approvals waiting for a decision, and a typed value
 * read as the field's type wants it. The engine still decides whether a move is allowed:
 * a stage without a transition is offered too, so that its refusal can be tried.
 */
import type { ApprovalState, CompiledApp, RecordState } from '@ruleloom/engine';

/** A stage a record may be sent to. */
export interface StageChoice {
  readonly pipeline: string;
  readonly stage: string;
  /** The pipeline has a transition from the record's stage to this one. */
  readonly hasTransition: boolean;
}

/** A pipeline of the record's entity, with its current stage and the stages to move to. */
export interface PipelineChoices {
  readonly pipeline: string;
  readonly current: string | undefined;
  readonly stages: readonly StageChoice[];
}

/**
 * The pipelines of a record and where it can go in each: every other stage, those with a
 * transition from the current one first.
 *
 * @example
 * stageChoices(app, lead)[0].stages.filter((s) => s.hasTransition).map((s) => s.stage); // ['contacted', 'invalid']
 */
export function stageChoices(app: CompiledApp, record: RecordState): PipelineChoices[] {
  return [...app.pipelines.values()]
    .filter((pipeline) => pipeline.entity === record.entity)
    .map((pipeline) => {
      const value = record.values[pipeline.stageField];
      const current = typeof value === 'string' ? value : undefined;
      const finals = new Set(
        pipeline.definition.stages.filter((s) => s.final === true).map((s) => s.id),
      );
      const reachable = new Set(
        (pipeline.definition.transitions ?? [])
          .filter((transition) => {
            if (current === undefined) return false;
            const from = transition.from;
            if (from === undefined) return !finals.has(current);
            return Array.isArray(from) ? from.includes(current) : from === current;
          })
          .map((transition) => transition.to),
      );
      const stages = pipeline.definition.stages
        .filter((stage) => stage.id !== current)
        .map((stage) => ({
          pipeline: pipeline.id,
          stage: stage.id,
          hasTransition: reachable.has(stage.id),
        }));
      return {
        pipeline: pipeline.id,
        current,
        stages: [
          ...stages.filter((s) => s.hasTransition),
          ...stages.filter((s) => !s.hasTransition),
        ],
      };
    });
}

/** An approval of a record waiting for a decision, and who may decide now. */
export interface PendingApproval {
  readonly approval: ApprovalState;
  /** The step waiting for a decision, if any. */
  readonly step?: string;
  readonly approvers: readonly string[];
}

/**
 * The approvals of a record that wait for a decision.
 *
 * @example
 * pendingApprovalsOf(opportunity); // [{ approval: { id: 'director', … }, step: 'director', approvers: ['wanglei'] }]
 */
export function pendingApprovalsOf(record: RecordState): PendingApproval[] {
  return record.approvals
    .filter((approval) => approval.status === 'pending')
    .map((approval) => {
      const step = approval.steps.find((s) => s.status === 'pending');
      return {
        approval,
        ...(step ? { step: step.id } : {}),
        approvers: step?.approvers ?? [],
      };
    });
}

/** A typed value read for a field, or why it cannot be. */
export type TypedValue =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'number' | 'json' };

const NUMBERS = new Set(['number', 'money', 'percent']);
const LISTS = new Set(['multi-enum', 'tags']);

/**
 * What a person typed for a field, as the field's type wants it: a number for number, money
 * and percent; a list (comma separated) for multi-choice and tags; true / false for yes-no;
 * JSON for attachments, photos and locations; an empty text clears the field (null). Other
 * values are text (the engine checks them).
 *
 * @example
 * typedValue('money', '260000'); // { ok: true, value: 260000 }
 * typedValue('tags', 'a, b'); // { ok: true, value: ['a', 'b'] }
 */
export function typedValue(fieldType: string | undefined, text: string): TypedValue {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (fieldType !== undefined && NUMBERS.has(fieldType)) {
    const value = Number(trimmed.replace(/,/g, ''));
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'number' };
  }
  if (fieldType !== undefined && LISTS.has(fieldType)) {
    if (trimmed.startsWith('[')) return parseJson(trimmed);
    return {
      ok: true,
      value: trimmed
        .split(/[,，、]/)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    };
  }
  if (fieldType === 'boolean') {
    if (['true', 'yes', '是', '1'].includes(trimmed.toLowerCase()))
      return { ok: true, value: true };
    if (['false', 'no', '否', '0'].includes(trimmed.toLowerCase())) {
      return { ok: true, value: false };
    }
    return { ok: false, reason: 'json' };
  }
  if (fieldType === 'attachment' || fieldType === 'photo' || fieldType === 'geo') {
    return parseJson(trimmed);
  }
  return { ok: true, value: text };
}

function parseJson(text: string): TypedValue {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'json' };
  }
}

/**
 * A record id not used yet for a new record of an entity: the entity's sample prefix and the
 * next number (`L9`), or `<entity>-<n>`.
 *
 * @example
 * nextRecordId('lead', ['L1', 'L2'], 'L'); // 'L3'
 */
export function nextRecordId(entity: string, taken: readonly string[], prefix?: string): string {
  const base = prefix ?? `${entity}-`;
  for (let n = 1; ; n += 1) {
    const id = `${base}${n}`;
    if (!taken.includes(id)) return id;
  }
}
