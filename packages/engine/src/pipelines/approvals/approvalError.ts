/** Misuse of an approval (not yours to decide, already decided, …) as a message, not a throw. */
import type { LocalizedText } from '../../diagnostics/types.js';
import type { DiagnosticCode } from '../../diagnostics/catalogue/index.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticParams } from '../../diagnostics/types.js';

/** The error value `decide` and `recall` return. */
export interface ApprovalError {
  readonly error: LocalizedText;
}

/**
 * The catalogue message of `code` as an error value.
 *
 * @example
 * approvalError('RL5260', { approval: 'large-quote' }).error.en; // 'there is no pending approval "large-quote"'
 */
export function approvalError(code: DiagnosticCode, params: DiagnosticParams): ApprovalError {
  return { error: createDiagnostic(code, '', params).message };
}
