/** An automation's condition, evaluated with its explanation. */
import type { RecordState } from '../app/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import { truthy } from '../expr/values.js';
import { errorDiagnostic } from './failures.js';
import type { AutomationRunContext, ConditionCheck } from './types.js';

/**
 * Whether the condition holds for the record, with the evaluated operations (what a
 * business admin sees when asking "why did my automation not fire?").
 *
 * @example
 * checkCondition(condition, record, ctx, { file, automation: 'whitepaper-lead', zone });
 * // { holds: false, trace: [{ operator: 'and', value: false, … }] }
 */
export function checkCondition(
  condition: CompiledExpression | undefined,
  record: RecordState,
  ctx: AutomationRunContext,
  setting: { readonly file: string; readonly automation: string; readonly zone: string },
): ConditionCheck {
  if (!condition) return { holds: true, trace: [] };
  const fallback = { automation: setting.automation, action: -1, pointer: '/condition' };
  try {
    const explanation = condition.explain(record.values, { now: ctx.now, zone: setting.zone });
    if (!explanation.ok) {
      return {
        holds: false,
        trace: explanation.trace,
        error: errorDiagnostic(explanation.error, setting.file, fallback),
      };
    }
    return { holds: truthy(explanation.value), trace: explanation.trace };
  } catch (error) {
    return { holds: false, trace: [], error: errorDiagnostic(error, setting.file, fallback) };
  }
}
