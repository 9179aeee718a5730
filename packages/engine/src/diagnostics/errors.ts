import { catalogue, type DiagnosticCode } from './catalogue/index.js';
import { fillLocalized } from './format.js';
import type { DiagnosticParams, LocalizedText } from './types.js';

/**
 * The only error type the engine throws. It carries a catalogue code, the message in every
 * locale and the JSON pointer of the expression node that failed.
 *
 * @example
 * try { expr.evaluate(data) } catch (e) { if (e instanceof RuleloomError) console.log(e.code) }
 */
export class RuleloomError extends Error {
  readonly code: DiagnosticCode;
  readonly messages: LocalizedText;
  readonly hint: LocalizedText;
  readonly pointer: string;
  readonly params: DiagnosticParams;

  constructor(code: DiagnosticCode, params: DiagnosticParams = {}, pointer = '') {
    const entry = catalogue[code];
    const messages = fillLocalized(entry.message, params);
    super(`${code} ${messages.en}`);
    this.name = 'RuleloomError';
    this.code = code;
    this.messages = messages;
    this.hint = fillLocalized(entry.hint, params);
    this.pointer = pointer;
    this.params = params;
  }
}

/** True for errors thrown by ruleloom. */
export function isRuleloomError(value: unknown): value is RuleloomError {
  return value instanceof RuleloomError;
}
