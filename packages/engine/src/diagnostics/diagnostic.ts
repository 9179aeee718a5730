import { catalogue, type DiagnosticCode } from './catalogue/index.js';
import { fillLocalized } from './format.js';
import type { Diagnostic, DiagnosticParams, Locale, Severity } from './types.js';

/** Optional parts of a diagnostic that the catalogue does not fix. */
export interface DiagnosticExtras {
  readonly file?: string;
  readonly column?: number;
  /** Overrides the catalogue severity (e.g. a check an app downgrades to a warning). */
  readonly severity?: Severity;
}

/**
 * Builds a diagnostic from its catalogue entry.
 *
 * @example
 * createDiagnostic('RL2007', '/rules/0/when/var', { field: 'budget', known: 'amount, stage' })
 */
export function createDiagnostic(
  code: DiagnosticCode,
  pointer: string,
  params: DiagnosticParams = {},
  extras: DiagnosticExtras = {},
): Diagnostic {
  const entry = catalogue[code];
  return {
    severity: extras.severity ?? entry.severity,
    code,
    message: fillLocalized(entry.message, params),
    hint: fillLocalized(entry.hint, params),
    pointer,
    params,
    ...(extras.file === undefined ? {} : { file: extras.file }),
    ...(extras.column === undefined ? {} : { column: extras.column }),
  };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * One line for a person: `error RL2007 unknown field "budget" (fix: …)`.
 *
 * @example
 * formatDiagnostic(d, 'zh-CN') // 'error RL2007 未知字段 "budget"'
 */
export function formatDiagnostic(diagnostic: Diagnostic, locale: Locale = 'en'): string {
  return `${diagnostic.severity} ${diagnostic.code} ${diagnostic.message[locale]}`;
}

/** Appends a JSON pointer segment, escaping `~` and `/` as RFC 6901 says. */
export function appendPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
