/** "May this record move to that stage now?", answered by the machine and explained. */
import type { GateResult, HandleContext, RecordState } from '../../app/types.js';
import { applicableApprovals } from '../approvals/applicable.js';
import { canMove, outgoingKeys } from '../machine.js';
import { stageOf } from '../stageHistory.js';
import { readField } from '../values.js';
import type { MoveContext, PipelineModel, PipelineTransition } from '../types.js';
import { blocks, moveFailures } from './evaluateGate.js';

/** A stage value that is not a stage of the pipeline, as text for the result (never throws). */
function stageText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Options of {@link checkTransition}. */
export interface MoveOptions {
  /** Skip `allowedRoles`: an approval completes a move its requester was allowed to make. */
  readonly ignoreRoles?: boolean;
  /** Only this transition (an approval completes the move it was started for). */
  readonly transition?: string;
}

/**
 * The transitions that leave `stage`, in definition order, as the machine has them
 * (whatever their gates say); none for a final or unknown stage.
 *
 * @example
 * transitionsFrom(model, 'quote').map((t) => t.key); // ['sign-contract', 'lose']
 */
export function transitionsFrom(model: PipelineModel, stage: string): PipelineTransition[] {
  if (!model.stages.has(stage)) return [];
  return outgoingKeys(model.machine, stage).flatMap((key) => {
    const transition = model.transitionsByKey.get(key);
    return transition === undefined ? [] : [transition];
  });
}

/**
 * Checks a move. The machine decides: the first transition from the record's stage to `to`
 * whose guard passes is taken. When none passes, the failures of the first one are listed,
 * every one of them, so the rep sees all that is missing at once.
 *
 * @example
 * checkTransition(model, record, 'quote', { now: 0, actor: { id: 'u1', roles: ['sales-rep'] } });
 * // { allowed: false, failures: [{ type: 'missingField', field: 'budgetRange', … }, …], … }
 */
export function checkTransition(
  model: PipelineModel,
  record: RecordState,
  to: string,
  ctx: HandleContext,
  options: MoveOptions = {},
): GateResult {
  const current = stageOf(model, record);
  const from = current ?? stageText(readField(record.values, model.stageField));
  const move: MoveContext = { record, ctx, ignoreRoles: options.ignoreRoles === true };
  const target = model.stages.get(to);
  const moves =
    current === undefined || target === undefined
      ? []
      : transitionsFrom(model, current).filter(
          (transition) =>
            transition.to === to &&
            (options.transition === undefined || transition.key === options.transition),
        );
  const base = { pipeline: model.id, from, to };
  const first = moves[0];
  if (current === undefined || target === undefined || first === undefined) {
    return {
      ...base,
      allowed: false,
      failures: [{ type: 'noTransition', from, to }],
      approvalsRequired: [],
    };
  }
  const taken = moves.find((transition) => canMove(model.machine, current, transition.key, move));
  const shown = taken ?? first;
  const failures = moveFailures(shown, target, move, model.zone);
  return {
    ...base,
    allowed: taken !== undefined,
    transition: shown.key,
    // A move that is allowed lists only its warnings; guard and list are the same checks.
    failures: taken === undefined ? failures : failures.filter((failure) => !blocks(failure)),
    approvalsRequired: applicableApprovals(shown, record, ctx, model.zone).map(
      (approval) => approval.id,
    ),
  };
}
