/** `approval.decide` and `approval.recall`: the pipeline decides, the handler applies. */
import type { AutomationEvent } from '../../automations/types.js';
import type { ApprovalUpdate, CompiledPipeline } from '../parts.js';
import type { AppEvent, ApprovalState, RecordState, TraceEntry } from '../types.js';
import { isSameApproval } from '../../pipelines/approvals/cancelSiblings.js';
import { approverNotices, cancelledNotices } from './approvalNotices.js';
import { entityOf, findRecord, pipelinesOf, type EventScope, named } from './scope.js';
import { settle } from './settle.js';
import { enter, stepOf } from './stageEvents.js';
import { refuse, type EventStep } from './step.js';

type DecideEvent = Extract<AppEvent, { type: 'approval.decide' }>;
type RecallEvent = Extract<AppEvent, { type: 'approval.recall' }>;

/** The newest pending approval `id` of the record, its index, and its pipeline. */
function pendingApproval(
  scope: EventScope,
  record: RecordState,
  id: unknown,
): { index: number; approval: ApprovalState; pipeline: CompiledPipeline } | undefined {
  for (let index = record.approvals.length - 1; index >= 0; index--) {
    const approval = record.approvals[index];
    if (!approval || approval.id !== id || approval.status !== 'pending') continue;
    const pipeline = pipelinesOf(scope, record.entity).find((p) => p.id === approval.pipeline);
    return pipeline ? { index, approval, pipeline } : undefined;
  }
  return undefined;
}

type Found =
  | { readonly refused: EventStep }
  | {
      readonly record: RecordState;
      readonly index: number;
      readonly approval: ApprovalState;
      readonly pipeline: CompiledPipeline;
    };

function find(scope: EventScope, event: DecideEvent | RecallEvent): Found {
  const record = findRecord(scope.state, event.recordId);
  if (!record) return { refused: refuse('not-found', 'RL5340', { record: named(event.recordId) }) };
  if (!entityOf(scope, record.entity)) {
    return { refused: refuse('not-found', 'RL5341', { entity: String(record.entity) }) };
  }
  const pending = pendingApproval(scope, record, event.approval);
  if (!pending) {
    return {
      refused: refuse('approval', 'RL5347', {
        record: record.id,
        approval: named(event.approval),
      }),
    };
  }
  return { record, ...pending };
}

/** The record with the update in place: the approval decided, and the ones it cancelled. */
function applied(record: RecordState, index: number, update: ApprovalUpdate): RecordState {
  const cancelled = update.cancelled ?? [];
  return {
    ...record,
    approvals: record.approvals.map((approval, i) => {
      if (i === index) return update.approval;
      if (approval.status !== 'pending') return approval;
      return cancelled.find((ended) => isSameApproval(ended, approval)) ?? approval;
    }),
  };
}

function approvalEntry(
  record: RecordState,
  approval: ApprovalState,
  step: string | undefined,
): TraceEntry {
  return {
    kind: 'approval',
    recordId: record.id,
    approval: approval.id,
    status: approval.status,
    ...(step === undefined ? {} : { step }),
    ...(approval.cancelledBy === undefined ? {} : { cancelledBy: approval.cancelledBy }),
  };
}

/** The trace entries of the approvals an update cancelled, with the step each was at. */
function cancelledEntries(record: RecordState, update: ApprovalUpdate): TraceEntry[] {
  return (update.cancelled ?? []).map((approval) =>
    approvalEntry(record, approval, stepOf(approval).step),
  );
}

/**
 * An approver decides the pending step. Misuse (not an approver, decided already, …) is
 * refused with the pipeline's message (`approval`). A step that passes notifies the next
 * step's approvers; an approval that ends runs the `approval.decided` automations, and
 * when the record moves (approved: the target; rejected: `rejectTo`) the stage ones too. A
 * rejection cancels the other approvals of the request still pending: each gets a
 * `cancelled` trace entry and its pending step's approvers are told they need not act.
 *
 * @example
 * decideApproval(scope, { type: 'approval.decide', recordId: 'O1', approval: 'large-quote', decision: 'approve' });
 */
export function decideApproval(scope: EventScope, event: DecideEvent): EventStep {
  const found = find(scope, event);
  if ('refused' in found) return found.refused;
  const { record, index, approval, pipeline } = found;
  const decision = event.decision === 'reject' ? 'reject' : 'approve';
  if (event.decision !== decision) {
    return refuse('invalid', 'RL5349', { reason: 'decision' });
  }
  const comment = typeof event.comment === 'string' ? event.comment : undefined;
  const update = pipeline.decide(record, approval.id, decision, scope.ctx, comment);
  if ('error' in update) {
    return {
      outcome: { ok: false, reason: 'approval', message: update.error },
      effects: [],
      trace: [],
    };
  }
  let next = applied(record, index, update);
  const events: AutomationEvent[] = [];
  if (update.ended) {
    events.push({
      type: 'approval.decided',
      pipeline: pipeline.id,
      approval: approval.id,
      decision: update.ended,
    });
  }
  if (update.moveTo !== undefined) {
    const moved = enter(scope, pipeline, next, update.moveTo, approval.requestedBy);
    next = moved.record;
    events.push(...moved.events);
  }
  return settle(scope, record, next, events, {
    outcome: { ok: true },
    effects: update.ended
      ? cancelledNotices(scope, pipeline, next, update)
      : approverNotices(scope, pipeline, next, update.approval, approval),
    trace: [
      approvalEntry(record, update.approval, stepOf(approval).step),
      ...cancelledEntries(record, update),
    ],
  });
}

/**
 * The requester withdraws a pending approval: it ends as `recalled` and the record stays
 * where it is. The other approvals of the request still pending are cancelled, as for a
 * rejection.
 *
 * @example
 * recallApproval(scope, { type: 'approval.recall', recordId: 'O1', approval: 'large-quote' });
 */
export function recallApproval(scope: EventScope, event: RecallEvent): EventStep {
  const found = find(scope, event);
  if ('refused' in found) return found.refused;
  const { record, index, approval, pipeline } = found;
  const update = pipeline.recall(record, approval.id, scope.ctx);
  if ('error' in update) {
    return {
      outcome: { ok: false, reason: 'approval', message: update.error },
      effects: [],
      trace: [],
    };
  }
  const next = applied(record, index, update);
  return settle(scope, record, next, [], {
    outcome: { ok: true },
    effects: cancelledNotices(scope, pipeline, next, update),
    trace: [approvalEntry(record, update.approval, undefined), ...cancelledEntries(record, update)],
  });
}
