import type { Locale } from '@ruleloom/engine';
import { summarize, summaryLine } from './summary.js';
import type { ValidationReport } from './types.js';

const fixLabel: Readonly<Record<Locale, string>> = { 'zh-CN': '修正：', en: 'fix: ' };

/**
 * The report for people and for editors' problem matchers: one
 * `path:line:col: severity RLxxxx message` line per diagnostic, its hint indented below,
 * and the summary last. The severity word stays English in every language, so tools
 * that parse the line work whatever the language.
 *
 * @example
 * formatText(report, 'en');
 * // 'forms/lead.json:4:13: error RL1006 the required property "entity" is missing\n'
 * // + '  fix: add "entity" here: …\n\n1 file, 1 error, 0 warnings\n'
 */
export function formatText(report: ValidationReport, locale: Locale): string {
  const lines: string[] = [];
  for (const { file, line, column, diagnostic } of report.diagnostics) {
    lines.push(
      `${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message[locale]}`,
    );
    const hint = diagnostic.hint[locale];
    if (hint !== '') lines.push(`  ${fixLabel[locale]}${hint}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summarize(report), locale));
  return `${lines.join('\n')}\n`;
}
