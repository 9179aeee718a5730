import type { TestDefinition } from '@ruleloom/schemas';
import type { CompiledApp } from '../app/compiledApp.js';
import type { DefinitionFile } from '../app/parts.js';
import type { AppSource } from '../app/source.js';
import { runTest, type TestResult } from './runTest.js';

/** The results of an app's tests. */
export interface TestReport {
  readonly results: readonly TestResult[];
  readonly passed: number;
  readonly failed: number;
}

/**
 * The test definitions app.json lists (`tests`), read from the app's files. Files that are
 * missing or are not test definitions are left out: `compileApp` reports them.
 */
export function testsOf(
  source: AppSource,
  tests: readonly string[],
): DefinitionFile<TestDefinition>[] {
  return tests.flatMap((file) => {
    const definition = source.files[file];
    return typeof definition === 'object' && definition !== null && 'expect' in definition
      ? [{ file, definition: definition as TestDefinition }]
      : [];
  });
}

/**
 * Runs test definitions against a compiled app, each on its own fresh world, in order.
 *
 * @example
 * const report = runTests(app, testsOf(source, app.manifest.tests ?? []));
 * console.log(`${report.passed} passed, ${report.failed} failed`);
 */
export function runTests(
  app: CompiledApp,
  tests: readonly DefinitionFile<TestDefinition>[],
): TestReport {
  const results = tests.map((test) => runTest(app, test));
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed };
}
