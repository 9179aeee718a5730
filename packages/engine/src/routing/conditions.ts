/**
 * Evaluating the conditions of rules and preferences with their explanation, and reading
 * customer keys from the lead. A condition that fails to evaluate counts as false and keeps
 * its error for the explanation.
 */
import { isRuleloomError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import type { EvaluationContext, TraceNode } from '../expr/types.js';
import { truthy } from '../expr/values.js';
import { routingDiagnostic } from './routingDiagnostic.js';
import { own } from './snapshotState.js';

/** Whether a condition holds, how it was evaluated, and the error if it failed. */
export interface ConditionOutcome {
  readonly holds: boolean;
  readonly trace: readonly TraceNode[];
  readonly error?: Diagnostic;
}

const NO_TRACE: readonly TraceNode[] = Object.freeze([]);
const ALWAYS: ConditionOutcome = Object.freeze({ holds: true, trace: NO_TRACE });
// Without an explanation: the outcome alone.
const HOLDS = ALWAYS;
const FAILS: ConditionOutcome = Object.freeze({ holds: false, trace: NO_TRACE });

function errorOf(error: unknown, file: string, pointer: string, queue: string): Diagnostic {
  if (isRuleloomError(error)) {
    return {
      severity: 'error',
      code: error.code,
      message: error.messages,
      hint: error.hint,
      pointer: error.pointer || pointer,
      params: error.params,
      file,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return routingDiagnostic('RL5541', pointer, { queue, detail }, file);
}

/**
 * Evaluates a condition over the lead's values with its trace (`explain` false: with
 * `evaluate`, no trace); no condition holds.
 *
 * @example
 * checkCondition(rule.when, { source: 'website' }, { now, zone }, where);
 * // { holds: true, trace: [{ operator: '==', value: true, … }] }
 */
export function checkCondition(
  condition: CompiledExpression | undefined,
  values: Readonly<Record<string, unknown>>,
  context: EvaluationContext,
  where: { readonly file: string; readonly pointer: string; readonly queue: string },
  explain = true,
): ConditionOutcome {
  if (!condition) return ALWAYS;
  if (!explain) {
    try {
      return truthy(condition.evaluate(values, context)) ? HOLDS : FAILS;
    } catch (error) {
      return {
        holds: false,
        trace: NO_TRACE,
        error: errorOf(error, where.file, where.pointer, where.queue),
      };
    }
  }
  try {
    const explained = condition.explain(values, context);
    if (!explained.ok) {
      return {
        holds: false,
        trace: explained.trace,
        error: errorOf(explained.error, where.file, where.pointer, where.queue),
      };
    }
    return { holds: truthy(explained.value), trace: explained.trace };
  } catch (error) {
    return {
      holds: false,
      trace: [],
      error: errorOf(error, where.file, where.pointer, where.queue),
    };
  }
}

const FORBIDDEN: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The customer key a field of the lead holds: text as it is, a number as text; anything
 * else (blank, a list, an object) is no key, and the lead is not deduplicated or sticky.
 *
 * @example
 * customerKey({ customer: 'C-1001' }, 'customer'); // 'C-1001'
 * customerKey({ contact: { phone: 13800000000 } }, 'contact.phone'); // '13800000000'
 */
export function customerKey(values: unknown, field: string): string | undefined {
  let value: unknown = values;
  for (const segment of field.split('.')) {
    if (FORBIDDEN.has(segment)) return undefined;
    value = own(value, segment);
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
