/**
 * @ruleloom/cli — the `ruleloom` command. `runCli` runs it with injected output streams,
 * working directory and environment (for tests and for embedding); `main` runs it on the
 * current process.
 */
import { processIo } from './io.js';
import { runCli } from './runCli.js';

export { runCli } from './runCli.js';
export { processIo, type CliIo } from './io.js';
export { checkDefinitionText, type DefinitionSource } from './check/checkDefinitionText.js';
export {
  outputFormats,
  type OutputFormat,
  type JsonDiagnostic,
  type JsonReport,
  type LocatedDiagnostic,
} from './output/index.js';

/**
 * Runs `ruleloom` on this process's streams, working directory and environment and
 * returns the exit code (the caller sets `process.exitCode`).
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, processIo());
}
