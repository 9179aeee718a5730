/** The requester withdrawing an approval that is still pending. */
import type { ApprovalUpdate } from '../../app/parts.js';
import type { ApprovalState, HandleContext, RecordState } from '../../app/types.js';
import { instantOf } from '../instant.js';
import type { PipelineModel } from '../types.js';
import { approvalError, type ApprovalError } from './approvalError.js';
import { cancelSiblings } from './cancelSiblings.js';
import { pendingIndex } from './findApproval.js';

/**
 * Recalls the newest pending approval `id`: only its requester may (an approval the system
 * started may be recalled by the system, with no actor). The update has no `moveTo`: the
 * record stays where it is. The other approvals of the request still pending are cancelled:
 * withdrawing one withdraws the move.
 *
 * @example
 * recall(model, record, 'large-quote', { now, actor: { id: 'u-rep' } }).approval.status; // 'recalled'
 */
export function recall(
  model: PipelineModel,
  record: RecordState,
  id: string,
  ctx: HandleContext,
): ApprovalUpdate | ApprovalError {
  const approval = record.approvals[pendingIndex(record, model.id, id)];
  if (approval === undefined) return approvalError('RL5260', { approval: id });
  if (ctx.actor?.id !== approval.requestedBy) {
    if (ctx.actor === undefined) return approvalError('RL5265', { approval: id });
    return approvalError('RL5264', {
      approval: id,
      requester: approval.requestedBy ?? { 'zh-CN': '系统', en: 'the system' },
    });
  }
  const at = instantOf(ctx, model.zone, approval.requestedAt);
  const recalled: ApprovalState = { ...approval, status: 'recalled', endedAt: at };
  const cancelled = cancelSiblings(record.approvals, recalled, at);
  return { approval: recalled, ...(cancelled.length === 0 ? {} : { cancelled }) };
}
