/**
 * Runs an app's tests in the browser with the engine's test runner — the same runner as
 * `ruleloom test`.
 */
import type { TestReport } from '@ruleloom/engine';

/** The outcome of a run: a report, or the app does not compile. */
export type AppTestRun =
  | { readonly ok: true; readonly report: TestReport }
  | { readonly ok: false; readonly errors: number };

/**
 * Compiles the files and runs the tests app.json lists (the engine is loaded on demand).
 *
 * @example
 * const run = await runAppTests({ files }); if (run.ok) run.report.passed;
 */
export async function runAppTests(source: {
  readonly files: Readonly<Record<string, unknown>>;
  readonly unreadable?: readonly string[];
}): Promise<AppTestRun> {
  const { compileApp, runTests, testsOf } = await import('@ruleloom/engine');
  const compiled = compileApp(source);
  if (!compiled.ok) {
    return {
      ok: false,
      errors: compiled.diagnostics.filter((d) => d.severity === 'error').length,
    };
  }
  const report = runTests(compiled.app, testsOf(source, compiled.app.manifest.tests ?? []));
  return { ok: true, report };
}
