import type { Locale, Severity } from '@ruleloom/engine';
import { summarize } from './summary.js';
import type { ReportSummary, ValidationReport } from './types.js';

/** One diagnostic as `--format json` prints it. */
export interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly hint: string;
  readonly pointer: string;
}

/** The whole document `--format json` prints. */
export interface JsonReport {
  readonly diagnostics: readonly JsonDiagnostic[];
  readonly summary: ReportSummary;
}

/**
 * The report for programs: a JSON object with every diagnostic (message and hint in the
 * chosen language) and the summary counts.
 *
 * @example
 * JSON.parse(formatJson(report, 'en')).summary; // { files: 3, errors: 1, warnings: 0 }
 */
export function formatJson(report: ValidationReport, locale: Locale): string {
  const document: JsonReport = {
    diagnostics: report.diagnostics.map(({ file, line, column, diagnostic }) => ({
      file,
      line,
      column,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message[locale],
      hint: diagnostic.hint[locale],
      pointer: diagnostic.pointer,
    })),
    summary: summarize(report),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
