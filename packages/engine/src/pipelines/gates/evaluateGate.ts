/**
 * The requirements of a move checked against a record: who may make it, the transition's
 * gate and the target stage's entry gate. Two forms of one check: `moveFailures` lists every
 * unmet requirement for the rep, `movePasses` is the machine's guard (no traces, stops early).
 */
import type { GateFailure, HandleContext } from '../../app/types.js';
import type { EvaluationContext } from '../../expr/types.js';
import { truthy } from '../../expr/values.js';
import { hasFile, isFilled, readField } from '../values.js';
import type {
  CompiledGate,
  GateConditionCheck,
  MoveContext,
  PipelineStage,
  PipelineTransition,
} from '../types.js';

/**
 * What the expressions of a gate see besides the record's values.
 *
 * @example
 * condition.expression.safeEvaluate(record.values, evaluationContext(ctx, 'Asia/Shanghai'));
 */
export function evaluationContext(ctx: HandleContext, zone: string): EvaluationContext {
  return { now: ctx.now, zone, actor: ctx.actor };
}

/** True when the condition holds. An expression that fails to evaluate does not hold. */
function holds(
  condition: GateConditionCheck,
  values: Readonly<Record<string, unknown>>,
  context: EvaluationContext,
): boolean {
  const result = condition.expression.safeEvaluate(values, context);
  return result.ok && truthy(result.value);
}

function rolesAllow(transition: PipelineTransition, move: MoveContext): boolean {
  const allowed = transition.allowedRoles;
  // No actor is the system (an automation, a timer): the admin who set it up decided.
  if (allowed === undefined || move.ignoreRoles || move.ctx.actor === undefined) return true;
  const roles = move.ctx.actor.roles ?? [];
  return allowed.some((role) => roles.includes(role));
}

function gatesOf(transition: PipelineTransition, target: PipelineStage): CompiledGate[] {
  return [transition.gate, target.entryGate].filter((gate) => gate !== undefined);
}

/**
 * Every unmet requirement of moving with `transition` into `target`, in the order a rep
 * reads them: roles, required fields, attachments, then conditions (warnings included, with
 * `severity: 'warning'`). A field both gates require is listed once.
 *
 * @example
 * moveFailures(sendQuote, quoteStage, { record, ctx, ignoreRoles: false }, 'Asia/Shanghai');
 * // [{ type: 'missingField', field: 'budgetRange', label: { 'zh-CN': '预算范围', … } }, …]
 */
export function moveFailures(
  transition: PipelineTransition,
  target: PipelineStage,
  move: MoveContext,
  zone: string,
): GateFailure[] {
  const failures: GateFailure[] = [];
  if (!rolesAllow(transition, move)) {
    failures.push({ type: 'notAllowed', roles: transition.allowedRoles ?? [] });
  }
  const values = move.record.values;
  const context = evaluationContext(move.ctx, zone);
  const gates = gatesOf(transition, target);
  const listed = new Set<string>();
  for (const gate of gates) {
    for (const { field, label } of gate.requiredFields) {
      if (listed.has(field) || isFilled(readField(values, field))) continue;
      listed.add(field);
      failures.push({ type: 'missingField', field, label });
    }
  }
  const attached = new Set<string>();
  for (const gate of gates) {
    for (const { field, label } of gate.requiredAttachments) {
      if (attached.has(field) || hasFile(readField(values, field))) continue;
      attached.add(field);
      failures.push({ type: 'missingAttachment', field, label });
    }
  }
  for (const gate of gates) {
    for (const condition of gate.conditions) {
      if (holds(condition, values, context)) continue;
      failures.push({
        type: 'condition',
        id: condition.id,
        message: condition.message,
        trace: condition.expression.explain(values, context).trace,
        ...(condition.severity === 'warning' ? { severity: 'warning' as const } : {}),
      });
    }
  }
  return failures;
}

/**
 * True when a failure blocks the move (a warning condition does not).
 *
 * @example
 * blocks({ type: 'missingField', field: 'budgetRange', label }); // true
 */
export function blocks(failure: GateFailure): boolean {
  return failure.type !== 'condition' || failure.severity !== 'warning';
}

/**
 * True when nothing blocks moving with `transition` into `target`: the same check as
 * {@link moveFailures}, without traces and stopping at the first blocking requirement.
 *
 * @example
 * movePasses(sendQuote, quoteStage, { record, ctx, ignoreRoles: false }, 'Asia/Shanghai'); // false
 */
export function movePasses(
  transition: PipelineTransition,
  target: PipelineStage,
  move: MoveContext,
  zone: string,
): boolean {
  if (!rolesAllow(transition, move)) return false;
  const values = move.record.values;
  const context = evaluationContext(move.ctx, zone);
  return gatesOf(transition, target).every(
    (gate) =>
      gate.requiredFields.every(({ field }) => isFilled(readField(values, field))) &&
      gate.requiredAttachments.every(({ field }) => hasFile(readField(values, field))) &&
      gate.conditions.every(
        (condition) => condition.severity === 'warning' || holds(condition, values, context),
      ),
  );
}
