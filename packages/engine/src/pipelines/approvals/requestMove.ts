/** Asking to move a record: the gate, then the approvals the move waits for. */
import type { MoveRequest } from '../../app/parts.js';
import type { HandleContext, RecordState } from '../../app/types.js';
import { checkTransition } from '../gates/checkTransition.js';
import { instantOf } from '../instant.js';
import type { PipelineModel } from '../types.js';
import { applicableApprovals } from './applicable.js';
import { startApprovals } from './startApprovals.js';

/**
 * Checks the move and starts the approvals it needs. A blocked move starts nothing. A move
 * already waiting for approvals (asked for twice) gets the running ones back rather than
 * new ones; so `approvals` is empty exactly when the record may move now.
 *
 * @example
 * const { gate, approvals } = requestMove(model, record, 'quote', ctx);
 * if (gate.allowed && approvals.length === 0) record = enterStage(model, record, 'quote', at);
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
  const approvals = startApprovals(
    applicableApprovals(transition, record, ctx, model.zone),
    record,
    ctx,
    {
      pipeline: model.id,
      transition: transition.key,
      from: gate.from,
      to,
      at: instantOf(ctx, model.zone, record.updatedAt),
    },
  );
  return { gate, approvals };
}
