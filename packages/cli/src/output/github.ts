import type { Locale, Severity } from '@ruleloom/engine';
import { summarize, summaryLine } from './summary.js';
import type { ValidationReport } from './types.js';

const commandOf: Readonly<Record<Severity, string>> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** Escapes the message of a workflow command (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The report for GitHub Actions: one workflow command per diagnostic
 * (`::error file=…,line=…,col=…,title=RLxxxx::message`), which GitHub shows as an
 * annotation on the line; the hint follows the message on a second line. The summary is
 * printed as a plain line for the log.
 *
 * @example
 * formatGithub(report, 'en');
 * // '::error file=forms/lead.json,line=4,col=13,title=RL1006::the required property …\n…'
 */
export function formatGithub(report: ValidationReport, locale: Locale): string {
  const lines = report.diagnostics.map(({ file, line, column, diagnostic }) => {
    const properties = [
      `file=${escapeProperty(file)}`,
      `line=${line}`,
      `col=${column}`,
      `title=${escapeProperty(diagnostic.code)}`,
    ].join(',');
    const hint = diagnostic.hint[locale];
    const message =
      hint === '' ? diagnostic.message[locale] : `${diagnostic.message[locale]}\n${hint}`;
    return `::${commandOf[diagnostic.severity]} ${properties}::${escapeData(message)}`;
  });
  lines.push(summaryLine(summarize(report), locale));
  return `${lines.join('\n')}\n`;
}
