import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { createDiagnostic, hasErrors, type Locale } from '@ruleloom/engine';
import { checkDefinitionText } from '../check/checkDefinitionText.js';
import { createAppRootFinder } from '../files/appRoot.js';
import { expandPaths, type FoundFile } from '../files/expandPaths.js';
import type { CliIo } from '../io.js';
import { formatReport, type LocatedDiagnostic, type OutputFormat } from '../output/index.js';
import { UsageError } from '../usageError.js';
import { writeProblem } from './problems.js';

/** What `ruleloom validate` was asked to do. */
export interface ValidateCommand {
  /** Files, folders and glob patterns, as typed. */
  readonly operands: readonly string[];
  readonly format: OutputFormat;
  readonly locale: Locale;
}

/**
 * Runs `ruleloom validate`: finds the files, checks each and prints the report on stdout.
 * Returns the exit code: 0 without errors, 1 with any error, 2 when a file could not be
 * read (the others are still checked and reported). Usage errors throw a
 * {@link UsageError}.
 *
 * @example
 * await runValidate({ operands: ['examples/sales-crm'], format: 'text', locale: 'en' }, io); // 0
 */
export async function runValidate(command: ValidateCommand, io: CliIo): Promise<number> {
  if (command.operands.length === 0) throw new UsageError('RL9007', {}, 'validate');
  const files = await expandPaths(command.operands, io.cwd);
  const appRootOf = createAppRootFinder();
  const diagnostics: LocatedDiagnostic[] = [];
  let checked = 0;
  let unreadable = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file.absolute, 'utf8');
    } catch (error) {
      unreadable += 1;
      const detail = error instanceof Error ? error.message : String(error);
      writeProblem(
        io,
        createDiagnostic('RL9010', '', { path: file.display, detail }),
        command.locale,
      );
      continue;
    }
    checked += 1;
    const path = inferencePath(file, await appRootOf(file.absolute));
    diagnostics.push(...checkDefinitionText(text, { file: file.display, path }));
  }
  io.stdout(formatReport({ files: checked, diagnostics }, command.format, command.locale));
  if (unreadable > 0) return 2;
  return hasErrors(diagnostics.map((located) => located.diagnostic)) ? 1 : 0;
}

/** The path the engine infers a file's kind from: relative to its app folder if any. */
function inferencePath(file: FoundFile, appRoot: string | undefined): string {
  return relative(appRoot ?? file.base, file.absolute)
    .split(sep)
    .join('/');
}
