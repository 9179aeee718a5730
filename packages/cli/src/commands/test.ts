import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import {
  compileApp,
  createDiagnostic,
  runTests,
  testsOf,
  type Locale,
  type TestResult,
} from '@ruleloom/engine';
import { checkApp } from '../check/checkApp.js';
import { loadApp, type LoadedApp } from '../files/loadApp.js';
import type { CliIo } from '../io.js';
import { escapeData, escapeProperty } from '../output/github.js';
import { formatReport, type OutputFormat } from '../output/index.js';
import { locatePointer } from '../position.js';
import { UsageError } from '../usageError.js';
import { writeProblem } from './problems.js';

/** What `ruleloom test` was asked to do. */
export interface TestCommand {
  /** App folders (each holds an app.json). */
  readonly operands: readonly string[];
  readonly format: OutputFormat;
  readonly locale: Locale;
}

/** One app's results, as `--format json` prints them. */
interface AppTestReport {
  readonly app: string;
  readonly folder: string;
  readonly results: readonly (TestResult & { readonly file: string })[];
}

async function isAppFolder(folder: string): Promise<boolean> {
  try {
    return (await stat(join(folder, 'app.json'))).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs `ruleloom test <app-dir>...`: compiles each app (printing its diagnostics and failing
 * when it has errors), runs the test definitions app.json lists, and prints one line per
 * test with its scenario id, then `N passed, N failed`. An app with errors (its diagnostics,
 * a file that is not JSON among them) runs no tests. Exit 0 when all pass, 1 otherwise, 2 for
 * a usage error or a file that cannot be read.
 *
 * @example
 * await runTestCommand({ operands: ['examples/sales-crm'], format: 'text', locale: 'zh-CN' }, io);
 */
export async function runTestCommand(command: TestCommand, io: CliIo): Promise<number> {
  if (command.operands.length === 0) throw new UsageError('RL9014', {}, 'test');
  const reports: AppTestReport[] = [];
  let broken = false;
  let unreadable = false;
  for (const operand of command.operands) {
    const folder = resolve(io.cwd, operand);
    if (!(await isAppFolder(folder))) {
      throw new UsageError('RL9013', { path: operand }, 'test');
    }
    const app = await loadApp(folder);
    const display = (path: string): string =>
      relative(io.cwd, join(folder, path)).split(sep).join('/');
    const compiled = compileApp(app.source);
    // Files that are not JSON are left out of the source, so the app may compile without
    // them; its tests must not run (or silently vanish) then either.
    const errors = checkApp(app, display, compiled).filter(
      (d) => d.diagnostic.severity === 'error',
    );
    const readErrors = [...app.files.values()].filter((file) => file.readError !== undefined);
    for (const file of readErrors) {
      writeProblem(
        io,
        createDiagnostic('RL9010', '', { path: display(file.path), detail: file.readError ?? '' }),
        command.locale,
      );
    }
    if (readErrors.length > 0) unreadable = true;
    if (!compiled.ok || errors.length > 0 || readErrors.length > 0) {
      broken = true;
      if (errors.length > 0) {
        io.stderr(
          formatReport({ files: app.files.size, diagnostics: errors }, 'text', command.locale),
        );
      }
      writeProblem(
        io,
        createDiagnostic('RL9012', '', { path: display('') || '.' }),
        command.locale,
      );
      continue;
    }
    const report = runTests(compiled.app, testsOf(app.source, compiled.app.manifest.tests ?? []));
    reports.push({
      app: compiled.app.id,
      folder: display('') || '.',
      results: report.results.map((result) => ({ ...result, file: display(result.file) })),
    });
    if (command.format === 'github')
      io.stdout(githubLines(app, report.results, display, command.locale));
  }
  const all = reports.flatMap((report) => report.results);
  const passed = all.filter((r) => r.passed).length;
  const failed = all.length - passed;
  if (command.format === 'json') {
    io.stdout(`${JSON.stringify({ apps: reports, passed, failed }, null, 2)}\n`);
  } else if (command.format === 'text') {
    io.stdout(textReport(reports, command.locale));
  }
  // The plain closing line CI tools read, in every format but json.
  if (command.format !== 'json') io.stdout(`${passed} passed, ${failed} failed\n`);
  if (unreadable) return 2;
  return broken || failed > 0 ? 1 : 0;
}

function textReport(reports: readonly AppTestReport[], locale: Locale): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${report.folder} (${report.app})`);
    for (const result of report.results) {
      const mark = result.passed ? '✓' : '✗';
      const label = result.label?.[locale] ?? '';
      lines.push(
        `  ${mark} ${(result.scenario ?? '-').padEnd(5)} ${result.id}${label ? `  ${label}` : ''}`,
      );
      for (const failure of result.failures) {
        lines.push(
          `      ${result.file}${failure.pointer ? `#${failure.pointer}` : ''}: ${failure.message[locale]}`,
        );
      }
    }
  }
  if (locale === 'zh-CN' && reports.length > 0) {
    const all = reports.flatMap((r) => r.results);
    const passed = all.filter((r) => r.passed).length;
    lines.push(`${passed} 个通过，${all.length - passed} 个失败`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function githubLines(
  app: LoadedApp,
  results: readonly TestResult[],
  display: (path: string) => string,
  locale: Locale,
): string {
  const lines: string[] = [];
  for (const result of results) {
    const json = app.files.get(result.file)?.json;
    for (const failure of result.failures) {
      const { line, column } = json ? locatePointer(json, failure.pointer) : { line: 1, column: 1 };
      const properties = [
        `file=${escapeProperty(display(result.file))}`,
        `line=${line}`,
        `col=${column}`,
        `title=${escapeProperty(result.scenario ?? result.id)}`,
      ].join(',');
      lines.push(`::error ${properties}::${escapeData(failure.message[locale])}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
