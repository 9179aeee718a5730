/** Ending the other approvals of a request once the move they wait for cannot happen. */
import type { ApprovalState, Instant } from '../../app/types.js';
import { sameRequest } from './findApproval.js';

/**
 * The approvals of the same request as `ended` that are still pending, as `cancelled` at
 * `at` by `ended.id`. A move waits for all its approvals: once one is rejected or recalled
 * the others can only keep their approvers busy for nothing (and would keep a new request
 * for the move from starting). Their steps stay as they were, to show how far they got.
 *
 * @example
 * cancelSiblings(record.approvals, rejectedQuote, at);
 * // [{ id: 'finance-check', status: 'cancelled', endedAt: at, cancelledBy: 'large-quote', … }]
 */
export function cancelSiblings(
  approvals: readonly ApprovalState[],
  ended: ApprovalState,
  at: Instant,
): ApprovalState[] {
  return sameRequest(approvals, ended)
    .filter((other) => other.id !== ended.id && other.status === 'pending')
    .map((other) => ({ ...other, status: 'cancelled', endedAt: at, cancelledBy: ended.id }));
}

/**
 * True when `a` and `b` are the same approval (the same request of the same move, the same
 * id), whatever their status: to put an update in the place of what it updates.
 *
 * @example
 * record.approvals.map((a) => (isSameApproval(a, update.approval) ? update.approval : a));
 */
export function isSameApproval(a: ApprovalState, b: ApprovalState): boolean {
  return (
    a.id === b.id &&
    a.pipeline === b.pipeline &&
    a.transition === b.transition &&
    a.from === b.from &&
    a.requestedAt === b.requestedAt
  );
}
