/** Asking to move a record: the gate, then the approvals the move waits for. */
import type { MoveRequest } from '../../app/parts.js';
import type { ApprovalState, HandleContext, RecordState } from '../../app/types.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { checkTransition } from '../gates/checkTransition.js';
import { instantOf } from '../instant.js';
import type { PipelineModel } from '../types.js';
import { applicableApprovals, type ApplicableApproval } from './applicable.js';
import { startApprovals } from './startApprovals.js';
import { unassignedStep } from './unassignedStep.js';

/**
 * Checks the move and starts the approvals it needs. A blocked move starts nothing, nor does
 * one with a step that applies but has nobody to decide it (`blocked`, RL5266): an approval
 * nobody can decide would wait forever. A move already waiting for approvals (asked for
 * twice) gets the running ones back rather than new ones; so the record may move now
 * exactly when the gate passes, `approvals` is empty and nothing is `blocked`.
 *
 * @example
 * const { gate, approvals, blocked } = requestMove(model, record, 'quote', ctx);
 * if (gate.allowed && !blocked && approvals.length === 0) record = enterStage(model, record, 'quote', at);
 */
export function requestMove(
  model: PipelineModel,
  record: RecordState,
  to: string,
  ctx: HandleContext,
): MoveRequest {
  const gate = checkTransition(model, record, to, ctx);
  const transition =
    gate.transition === undefined ? undefined : model.transitionsByKey.get(gate.transition);
  if (!gate.allowed || transition === undefined) return { gate, approvals: [] };
  const running = record.approvals.filter(
    (approval) =>
      approval.pipeline === model.id &&
      approval.transition === transition.key &&
      approval.from === gate.from &&
      approval.status === 'pending',
  );
  if (running.length > 0) return { gate, approvals: running };
  const applicable = applicableApprovals(transition, record, ctx, model.zone);
  const approvals = startApprovals(applicable, record, ctx, {
    pipeline: model.id,
    transition: transition.key,
    from: gate.from,
    to,
    at: instantOf(ctx, model.zone, record.updatedAt),
  });
  const blocked = firstUnassigned(model, applicable, approvals, record, ctx);
  return blocked === undefined ? { gate, approvals } : { gate, approvals: [], blocked };
}

/**
 * RL5266 for the first step that applies and has nobody to decide it, in approval and step
 * order. Later steps count too: their approvers are resolved now, and an approval that
 * would wait for nobody halfway is refused before anyone is asked.
 */
function firstUnassigned(
  model: PipelineModel,
  applicable: readonly ApplicableApproval[],
  started: readonly ApprovalState[],
  record: RecordState,
  ctx: HandleContext,
): Diagnostic | undefined {
  for (const [i, approval] of started.entries()) {
    const k = approval.steps.findIndex(
      (step) => step.status !== 'skipped' && step.approvers.length === 0,
    );
    const compiled = applicable[i];
    const step = compiled?.steps[k]?.step;
    if (compiled !== undefined && step !== undefined) {
      return unassignedStep(model, compiled.approval, step, record, ctx.users);
    }
  }
  return undefined;
}
