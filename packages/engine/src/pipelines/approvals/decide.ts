/** An approver's decision on the pending step of an approval. */
import type { ApprovalUpdate } from '../../app/parts.js';
import type {
  ApprovalDecision,
  ApprovalState,
  ApprovalStepState,
  HandleContext,
  Instant,
  RecordState,
} from '../../app/types.js';
import { checkTransition } from '../gates/checkTransition.js';
import { instantOf } from '../instant.js';
import { stageOf } from '../stageHistory.js';
import { joinLocalized, toLocalized } from '../text.js';
import type { CompiledApproval, PipelineModel } from '../types.js';
import { approvalError, type ApprovalError } from './approvalError.js';
import { cancelSiblings } from './cancelSiblings.js';
import { pendingIndex, sameRequest } from './findApproval.js';

function compiledApproval(
  model: PipelineModel,
  approval: ApprovalState,
): CompiledApproval | undefined {
  return model.transitionsByKey
    .get(approval.transition)
    ?.approvals.find((candidate) => candidate.id === approval.id);
}

/** The step's status after a decision: `first` takes the first one, `unanimous` needs all. */
function stepAfter(step: ApprovalStepState, decision: ApprovalDecision): ApprovalStepState {
  const decisions = [...step.decisions, decision];
  if (decision.decision === 'reject') return { ...step, decisions, status: 'rejected' };
  const approvedBy = new Set(decisions.map((d) => d.by));
  const done = step.mode === 'first' || step.approvers.every((id) => approvedBy.has(id));
  return { ...step, decisions, status: done ? 'approved' : 'pending' };
}

/** The steps after `index` approved: the next step that is waiting becomes pending. */
function advance(steps: ApprovalStepState[], index: number): ApprovalStepState[] {
  const next = steps.findIndex((step, i) => i > index && step.status === 'waiting');
  return next === -1
    ? steps
    : steps.map((step, i) => (i === next ? { ...step, status: 'pending' } : step));
}

/**
 * Where the record goes once the approval ended. Rejected: `rejectTo`, when the record is
 * not there already. Approved: the move's target, once every approval of the same request
 * is approved, the record is still where the move started and the gate still passes (the
 * values may have changed while the approvers thought it over).
 */
function destination(
  model: PipelineModel,
  record: RecordState,
  ended: ApprovalState,
  ctx: HandleContext,
): string | undefined {
  const current = stageOf(model, record);
  if (ended.status === 'rejected') {
    const rejectTo = compiledApproval(model, ended)?.rejectTo;
    return rejectTo !== undefined && rejectTo !== current ? rejectTo : undefined;
  }
  const request = sameRequest(record.approvals, ended);
  if (request.some((other) => other.status !== 'approved') || current !== ended.from) {
    return undefined;
  }
  const gate = checkTransition(model, record, ended.to, ctx, {
    ignoreRoles: true,
    transition: ended.transition,
  });
  return gate.allowed ? ended.to : undefined;
}

/**
 * Records an approver's decision on the pending step of the newest pending approval `id`.
 * Misuse (no such approval, no actor, not an approver of the step, a second decision, a
 * rejected filing) comes back as `{ error }` in both languages. The record is not changed:
 * the update carries the approval as it is now, where the record moves, and, for a
 * rejection, the other approvals of the request it cancels.
 *
 * @example
 * const update = decide(model, record, 'large-quote', 'approve', { now, actor: director });
 * if (!('error' in update) && update.moveTo) record = enterStage(model, record, update.moveTo, at);
 */
export function decide(
  model: PipelineModel,
  record: RecordState,
  id: string,
  decision: 'approve' | 'reject',
  ctx: HandleContext,
  comment?: string,
): ApprovalUpdate | ApprovalError {
  const index = pendingIndex(record, model.id, id);
  const approval = record.approvals[index];
  if (approval === undefined) return approvalError('RL5260', { approval: id });
  const actor = ctx.actor?.id;
  if (actor === undefined) return approvalError('RL5265', { approval: id });
  const stepIndex = approval.steps.findIndex((step) => step.status === 'pending');
  const step = approval.steps[stepIndex];
  if (step === undefined) return approvalError('RL5260', { approval: id });
  const compiledStep = compiledApproval(model, approval)?.steps.find((s) => s.id === step.id);
  const stepLabel = compiledStep?.label ?? toLocalized(undefined, step.id);
  if (!step.approvers.includes(actor)) {
    return approvalError('RL5261', {
      step: stepLabel,
      approvers: joinLocalized(
        step.approvers.map((user) =>
          toLocalized(ctx.users?.find((known) => known.id === user)?.label, user),
        ),
      ),
    });
  }
  if (step.decisions.some((earlier) => earlier.by === actor)) {
    return approvalError('RL5262', { step: stepLabel });
  }
  if (decision === 'reject' && step.kind === 'file') {
    return approvalError('RL5263', { step: stepLabel });
  }

  const at: Instant = instantOf(ctx, model.zone, approval.requestedAt);
  const made: ApprovalDecision = {
    by: actor,
    decision,
    at,
    ...(comment === undefined ? {} : { comment }),
  };
  const decided = stepAfter(step, made);
  let steps = approval.steps.map((s, i) => (i === stepIndex ? decided : s));
  if (decided.status === 'approved') steps = advance(steps, stepIndex);
  const ended: 'approved' | 'rejected' | undefined =
    decided.status === 'rejected'
      ? 'rejected'
      : steps.some((s) => s.status === 'pending' || s.status === 'waiting')
        ? undefined
        : 'approved';
  const next: ApprovalState = {
    ...approval,
    steps,
    ...(ended === undefined ? {} : { status: ended, endedAt: at }),
  };
  if (ended === undefined) return { approval: next };
  const after: RecordState = {
    ...record,
    approvals: record.approvals.map((a, i) => (i === index ? next : a)),
  };
  const moveTo = destination(model, after, next, ctx);
  const cancelled = ended === 'rejected' ? cancelSiblings(after.approvals, next, at) : [];
  return {
    approval: next,
    ended,
    ...(moveTo === undefined ? {} : { moveTo }),
    ...(cancelled.length === 0 ? {} : { cancelled }),
  };
}
