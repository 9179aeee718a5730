/** The approvals a move starts: pending, with their steps in order and approvers resolved. */
import type {
  ApprovalState,
  ApprovalStepState,
  HandleContext,
  Instant,
  RecordState,
} from '../../app/types.js';
import type { ApplicableApproval } from './applicable.js';
import { resolveApprovers } from './resolveApprovers.js';

/** Where the approvals come from: the pipeline, the move and when it was asked for. */
export interface MoveOrigin {
  readonly pipeline: string;
  readonly transition: string;
  readonly from: string;
  readonly to: string;
  readonly at: Instant;
}

/**
 * Starts the approvals that apply: the first step that applies is pending, later ones
 * wait, steps whose `when` is false are skipped.
 *
 * @example
 * startApprovals(applicableApprovals(sendQuote, record, ctx, zone), record, ctx, origin);
 * // [{ id: 'large-quote', status: 'pending', steps: [{ id: 'director', status: 'pending', … }], … }]
 */
export function startApprovals(
  applicable: readonly ApplicableApproval[],
  record: RecordState,
  ctx: HandleContext,
  origin: MoveOrigin,
): ApprovalState[] {
  return applicable.map(({ id, steps }) => {
    let pendingGiven = false;
    const states = steps.map(({ step, applies }): ApprovalStepState => {
      const status = !applies ? 'skipped' : pendingGiven ? 'waiting' : 'pending';
      if (status === 'pending') pendingGiven = true;
      return {
        id: step.id,
        status,
        kind: step.kind,
        mode: step.mode,
        approvers: resolveApprovers(step.approvers, record, ctx.users),
        decisions: [],
      };
    });
    return {
      id,
      pipeline: origin.pipeline,
      transition: origin.transition,
      from: origin.from,
      to: origin.to,
      status: 'pending',
      steps: states,
      requestedAt: origin.at,
      ...(ctx.actor === undefined ? {} : { requestedBy: ctx.actor.id }),
    };
  });
}
