import { join } from 'node:path';
import { runCli } from '../runCli.js';

/** The shared definition fixtures of packages/schemas. */
export const fixturesDir = join(import.meta.dirname, '..', '..', '..', 'schemas', 'fixtures');

/** What one in-process run of the command line printed and returned. */
export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ruleloom` in-process with captured output (English unless env says otherwise). */
export async function run(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd ?? fixturesDir,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
