/** The approvals of a record that belong to one pipeline. */
import type { ApprovalState, RecordState } from '../../app/types.js';

/**
 * The index in `record.approvals` of the newest pending approval `id` of the pipeline, or
 * -1. Newest: a move rejected and asked for again starts the same approval once more.
 *
 * @example
 * pendingIndex(record, 'opportunity', 'large-quote'); // 0
 */
export function pendingIndex(record: RecordState, pipeline: string, id: string): number {
  for (let i = record.approvals.length - 1; i >= 0; i--) {
    const approval = record.approvals[i];
    if (approval?.pipeline === pipeline && approval.id === id && approval.status === 'pending') {
      return i;
    }
  }
  return -1;
}

/**
 * The approvals started together with `approval` (the same request of the same move).
 *
 * @example
 * sameRequest(record.approvals, approval).every((a) => a.status === 'approved');
 */
export function sameRequest(
  approvals: readonly ApprovalState[],
  approval: ApprovalState,
): ApprovalState[] {
  return approvals.filter(
    (other) =>
      other.pipeline === approval.pipeline &&
      other.transition === approval.transition &&
      other.from === approval.from &&
      other.requestedAt === approval.requestedAt,
  );
}
