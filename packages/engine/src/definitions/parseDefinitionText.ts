import { createDiagnostic, type DiagnosticExtras } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** The outcome of {@link parseDefinitionText}. */
export interface ParsedDefinitionText {
  /** The parsed JSON; absent when the text is not JSON. */
  readonly value?: unknown;
  /** RL1002 when the text is not JSON, with the line and column in its params. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Line and column (1-based) of an offset into text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Parses the text of a definition file. JSON syntax errors become an RL1002 diagnostic
 * with the line and column where parsing stopped; a leading byte-order mark is ignored.
 * Browser-safe (only `JSON.parse`).
 *
 * @example
 * parseDefinitionText('{"id": "lead",}').diagnostics[0]?.code; // 'RL1002'
 * parseDefinitionText('{"id": "lead"}').value; // { id: 'lead' }
 */
export function parseDefinitionText(
  text: string,
  extras: DiagnosticExtras = {},
): ParsedDefinitionText {
  const source = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : String(text);
  try {
    return { value: JSON.parse(source) as unknown, diagnostics: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // Engines report where they stopped as "at position N" (V8, JavaScriptCore) or
    // "line L column C" (SpiderMonkey, newer V8); the end of the text otherwise.
    const position = /position (\d+)/.exec(detail);
    const lineColumn = /line (\d+) column (\d+)/.exec(detail);
    const where = position
      ? lineAndColumn(source, Number(position[1]))
      : lineColumn
        ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
        : lineAndColumn(source, source.length);
    return { diagnostics: [createDiagnostic('RL1002', '', { ...where, detail }, extras)] };
  }
}
