import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createDiagnostic, hasErrors, type Locale } from '@ruleloom/engine';
import { checkApp } from '../check/checkApp.js';
import { checkDefinitionText } from '../check/checkDefinitionText.js';
import { createAppRootFinder } from '../files/appRoot.js';
import { expandPaths, type FoundFile } from '../files/expandPaths.js';
import { loadApp } from '../files/loadApp.js';
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
  // The files named that belong to an app, by app folder: each app is compiled once,
  // since references across files (entities, fields, stages, roles) only make sense there.
  const apps = new Map<string, Set<string>>();
  const loose: FoundFile[] = [];
  for (const file of files) {
    const appRoot = await appRootOf(file.absolute);
    if (appRoot === undefined) loose.push(file);
    else apps.set(appRoot, (apps.get(appRoot) ?? new Set()).add(file.display));
  }
  for (const [appRoot, named] of apps) {
    const app = await loadApp(appRoot);
    const display = (path: string): string =>
      relative(io.cwd, join(appRoot, path)).split(sep).join('/');
    for (const appFile of app.files.values()) {
      if (appFile.readError === undefined || !named.has(display(appFile.path))) continue;
      unreadable += 1;
      writeProblem(
        io,
        createDiagnostic('RL9010', '', { path: display(appFile.path), detail: appFile.readError }),
        command.locale,
      );
    }
    checked += named.size;
    // Only the named files' diagnostics: `validate app/entities/lead.json` is about that file,
    // checked in its app.
    diagnostics.push(...checkApp(app, display).filter((located) => named.has(located.file)));
  }
  for (const file of loose) {
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
    const path = inferencePath(file);
    diagnostics.push(...checkDefinitionText(text, { file: file.display, path }));
  }
  io.stdout(formatReport({ files: checked, diagnostics }, command.format, command.locale));
  if (unreadable > 0) return 2;
  return hasErrors(diagnostics.map((located) => located.diagnostic)) ? 1 : 0;
}

/** The path the engine infers a file's kind from, when no app folder holds it. */
function inferencePath(file: FoundFile): string {
  return relative(file.base, file.absolute).split(sep).join('/');
}
