/**
 * Everything the command line touches outside the file system: where it writes, where it
 * runs, and the environment it reads its default language from. Tests pass their own.
 */
export interface CliIo {
  /** Writes text to standard output (the report). */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error (usage errors, files that cannot be read). */
  readonly stderr: (text: string) => void;
  /** The directory paths are resolved against and printed relative to. */
  readonly cwd: string;
  /** Environment variables; `LC_ALL`, `LC_MESSAGES` and `LANG` choose the default language. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The io of the running process.
 *
 * @example
 * await runCli(['validate', 'apps'], processIo());
 */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}
