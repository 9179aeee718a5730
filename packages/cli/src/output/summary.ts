import type { Locale } from '@ruleloom/engine';
import type { ReportSummary, ValidationReport } from './types.js';

/**
 * Counts a report's files, errors and warnings (`info` diagnostics count as neither).
 *
 * @example
 * summarize({ files: 2, diagnostics: [] }); // { files: 2, errors: 0, warnings: 0 }
 */
export function summarize(report: ValidationReport): ReportSummary {
  let errors = 0;
  let warnings = 0;
  for (const { diagnostic } of report.diagnostics) {
    if (diagnostic.severity === 'error') errors += 1;
    else if (diagnostic.severity === 'warning') warnings += 1;
  }
  return { files: report.files, errors, warnings };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The summary line: `3 files, 1 error, 0 warnings` or `3 个文件，1 个错误，0 个警告`.
 *
 * @example
 * summaryLine({ files: 1, errors: 2, warnings: 0 }, 'en'); // '1 file, 2 errors, 0 warnings'
 */
export function summaryLine(summary: ReportSummary, locale: Locale): string {
  if (locale === 'zh-CN') {
    return `${summary.files} 个文件，${summary.errors} 个错误，${summary.warnings} 个警告`;
  }
  return [
    count(summary.files, 'file', 'files'),
    count(summary.errors, 'error', 'errors'),
    count(summary.warnings, 'warning', 'warnings'),
  ].join(', ');
}
