/** Which approvals of a move apply to a record, and which of their steps. */
import type { HandleContext, RecordState } from '../../app/types.js';
import type { CompiledExpression } from '../../expr/compile.js';
import type { EvaluationContext } from '../../expr/types.js';
import { truthy } from '../../expr/values.js';
import { evaluationContext } from '../gates/evaluateGate.js';
import type { CompiledApproval, CompiledApprovalStep, PipelineTransition } from '../types.js';

/** An approval that applies, with the steps that apply (the others are skipped). */
export interface ApplicableApproval {
  readonly approval: CompiledApproval;
  readonly id: string;
  readonly steps: readonly { readonly step: CompiledApprovalStep; readonly applies: boolean }[];
}

/**
 * True when a `when` holds. One that cannot be evaluated counts as holding: an approval is a
 * control, and a broken condition must not let a move skip it.
 */
function applies(
  when: CompiledExpression | undefined,
  values: unknown,
  context: EvaluationContext,
): boolean {
  if (when === undefined) return true;
  const result = when.safeEvaluate(values, context);
  return !result.ok || truthy(result.value);
}

/**
 * The approvals a move with `transition` needs for this record: those whose `when` holds and
 * that have at least one step whose `when` holds (an approval with every step skipped asks
 * nobody, so it is not needed).
 *
 * @example
 * applicableApprovals(signContract, { ...record, values: { amount: 120000 } }, ctx, zone)
 * // [{ id: 'legal', steps: [{ step: legal-approve, applies: false }, { step: legal-file, applies: true }] }]
 */
export function applicableApprovals(
  transition: PipelineTransition,
  record: RecordState,
  ctx: HandleContext,
  zone: string,
): ApplicableApproval[] {
  const context = evaluationContext(ctx, zone);
  return transition.approvals.flatMap((approval) => {
    if (!applies(approval.when, record.values, context)) return [];
    const steps = approval.steps.map((step) => ({
      step,
      applies: applies(step.when, record.values, context),
    }));
    return steps.some((step) => step.applies) ? [{ approval, id: approval.id, steps }] : [];
  });
}
