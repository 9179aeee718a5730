/** Helpers for the test-runner tests: the small app compiled, and test definitions run on it. */
import type { TestDefinition, TestExpectation, TestStep } from '@ruleloom/schemas';
import { expect } from 'vitest';
import { compileApp } from '../../app/compileApp.js';
import type { CompiledApp } from '../../app/compiledApp.js';
import { smallAppFiles } from '../../app/__tests__/smallApp.js';
import { validateDefinition } from '../../definitions/index.js';
import { runTest, type TestResult } from '../runTest.js';

/** Compiles the small app, with changes to its files when given. */
export function smallApp(change: (files: Record<string, unknown>) => void = () => {}): CompiledApp {
  const files = smallAppFiles();
  change(files);
  const result = compileApp({ files });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.map((d) => d.message.en)));
  return result.app;
}

export const app = smallApp();

/** The start of the virtual clock of most tests: Monday 2026-03-02 10:00 in Shanghai. */
export const START = '2026-03-02T10:00:00+08:00';

export const users = [
  { id: 'lina', label: '李娜', roles: ['sales-rep'] },
  { id: 'wanglei', label: '王磊', roles: ['sales-director'] },
];

/** What a test definition is made of, `$schema` and `id` filled in when left out. */
export interface TestParts {
  readonly id?: string;
  readonly label?: TestDefinition['label'];
  readonly description?: string;
  readonly given?: TestDefinition['given'];
  readonly steps?: readonly TestStep[];
  readonly expect: readonly TestExpectation[];
}

/** A test definition; fails the calling test when it is not valid against test.schema.json. */
export function testDefinition(parts: TestParts): TestDefinition {
  const definition = {
    $schema: 'https://ruleloom.dev/schemas/v1/test.schema.json',
    id: 't',
    ...parts,
  } as TestDefinition;
  const problems = validateDefinition(definition, { kind: 'test', path: 'tests/t.json' });
  expect(problems.map((d) => `${d.pointer} ${d.message.en}`)).toEqual([]);
  return definition;
}

/** Runs a test definition on the small app (or another app). */
export function run(parts: TestParts, on: CompiledApp = app): TestResult {
  return runTest(on, { file: 'tests/t.json', definition: testDefinition(parts) });
}

/** A world with an opportunity in `proposal` (amount 20000, no budget range), owned by lina. */
export const givenProposal = (values: Record<string, unknown> = {}): TestDefinition['given'] => ({
  now: START,
  users,
  records: [
    {
      entity: 'opportunity',
      id: 'O1',
      values: { title: '华东精密二期', stage: 'proposal', amount: 20000, owner: 'lina', ...values },
    },
  ],
});

/** The failures of a result as `pointer: english message`. */
export const failuresOf = (result: TestResult) =>
  result.failures.map((f) => `${f.pointer}: ${f.message.en}`);
