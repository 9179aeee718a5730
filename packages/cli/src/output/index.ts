import type { Locale } from '@ruleloom/engine';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';
import type { ValidationReport } from './types.js';

/** The output formats of `ruleloom validate --format`. */
export const outputFormats = ['text', 'json', 'github'] as const;

/** One of {@link outputFormats}. */
export type OutputFormat = (typeof outputFormats)[number];

const formatters: Readonly<
  Record<OutputFormat, (report: ValidationReport, locale: Locale) => string>
> = {
  text: formatText,
  json: formatJson,
  github: formatGithub,
};

/**
 * Prints a report in the given format and language.
 *
 * @example
 * formatReport({ files: 1, diagnostics: [] }, 'text', 'en'); // '1 file, 0 errors, 0 warnings\n'
 */
export function formatReport(
  report: ValidationReport,
  format: OutputFormat,
  locale: Locale,
): string {
  return formatters[format](report, locale);
}

export { summarize, summaryLine } from './summary.js';
export type { JsonDiagnostic, JsonReport } from './json.js';
export type { LocatedDiagnostic, ReportSummary, ValidationReport } from './types.js';
