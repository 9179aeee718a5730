import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticParams,
} from '@ruleloom/engine';

/**
 * A mistake in how `ruleloom` was called (exit code 2). It carries a catalogue diagnostic
 * (RL9xxx) so the message exists in every language, and the command whose usage to show.
 *
 * @example
 * throw new UsageError('RL9007', {}, 'validate');
 */
export class UsageError extends Error {
  readonly diagnostic: Diagnostic;
  /** The command whose usage line follows the message; undefined for the top level. */
  readonly command: string | undefined;

  constructor(code: DiagnosticCode, params: DiagnosticParams = {}, command?: string) {
    const diagnostic = createDiagnostic(code, '', params);
    super(`${code} ${diagnostic.message.en}`);
    this.name = 'UsageError';
    this.diagnostic = diagnostic;
    this.command = command;
  }
}

/** True for a {@link UsageError}. */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}
