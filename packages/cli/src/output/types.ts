import type { Diagnostic } from '@ruleloom/engine';

/** A diagnostic placed in its file: the path as printed and the 1-based line and column. */
export interface LocatedDiagnostic {
  /** The file's path relative to the working directory, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly diagnostic: Diagnostic;
}

/** What one `ruleloom validate` run found. */
export interface ValidationReport {
  /** Every diagnostic, in file order, then by line and column. */
  readonly diagnostics: readonly LocatedDiagnostic[];
  /** How many files were checked. */
  readonly files: number;
}

/** The counts of the last line of a report. */
export interface ReportSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}
