/**
 * Failures of an automation at run time, as diagnostics for the trace: an expression that
 * could not be evaluated, or an action that failed.
 */
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { isRuleloomError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/types.js';

/**
 * The diagnostic of an error thrown while evaluating: a `RuleloomError` keeps its code,
 * messages and pointer; anything else becomes RL5319 with its message.
 *
 * @example
 * errorDiagnostic(new RuleloomError('RL3005', { … }, '/condition'), 'automations/a.json');
 */
export function errorDiagnostic(
  error: unknown,
  file: string,
  fallback: { readonly automation: string; readonly action: number; readonly pointer: string },
): Diagnostic {
  if (isRuleloomError(error)) {
    return {
      severity: 'error',
      code: error.code,
      message: error.messages,
      hint: error.hint,
      pointer: error.pointer || fallback.pointer,
      params: error.params,
      file,
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return createDiagnostic(
    'RL5319',
    fallback.pointer,
    { automation: fallback.automation, action: fallback.action + 1, reason },
    { file },
  );
}
