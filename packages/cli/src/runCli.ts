import { createDiagnostic, type Locale } from '@ruleloom/engine';
import { localeOfCommandLine, parseCliArgs, type CliArgs } from './args.js';
import { availableCommands, isComingCommand } from './commands/registry.js';
import { writeProblem, writeUsageError } from './commands/problems.js';
import { runServeCommand } from './commands/serve.js';
import { runSimulateCommand } from './commands/simulate.js';
import { runTestCommand } from './commands/test.js';
import { runValidate } from './commands/validate.js';
import { helpText } from './help.js';
import { localeFromEnvironment } from './locale.js';
import type { CliIo } from './io.js';
import { isUsageError, UsageError } from './usageError.js';
import { cliVersion } from './version.js';

const commandList = availableCommands.join(', ');

/**
 * Runs the `ruleloom` command line with the given arguments (without `node` and the script)
 * and returns the exit code: 0 clean, 1 when definitions have errors, 2 for a usage error
 * or any unexpected failure. Never throws and never prints a stack trace.
 *
 * @example
 * const out: string[] = [];
 * const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cwd: process.cwd(), env: {} };
 * await runCli(['validate', '--format', 'json', 'examples/sales-crm'], io); // 0
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const locale = safeLocale(argv, io);
  try {
    return await dispatch(parseCliArgs(argv), io);
  } catch (error) {
    if (isUsageError(error)) {
      writeUsageError(io, error, locale);
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      writeProblem(io, createDiagnostic('RL9011', '', { detail }), locale);
    }
    return 2;
  }
}

async function dispatch(args: CliArgs, io: CliIo): Promise<number> {
  const locale = args.lang ?? localeFromEnvironment(io.env);
  if (args.version) {
    io.stdout(`${cliVersion()}\n`);
    return 0;
  }
  const { command } = args;
  if (command === undefined) {
    if (args.help) {
      io.stdout(helpText(undefined, locale, cliVersion()));
      return 0;
    }
    // Nothing asked: show what can be asked, as a usage error.
    io.stderr(helpText(undefined, locale, cliVersion()));
    return 2;
  }
  if (command === 'help') {
    const topic = args.operands[0];
    if (
      topic !== undefined &&
      topic !== 'validate' &&
      topic !== 'test' &&
      topic !== 'serve' &&
      topic !== 'simulate' &&
      topic !== 'help'
    )
      throw unknownCommand(topic);
    io.stdout(helpText(topic, locale, cliVersion()));
    return 0;
  }
  if (command === 'validate') {
    if (args.help) {
      io.stdout(helpText('validate', locale, cliVersion()));
      return 0;
    }
    return runValidate({ operands: args.operands, format: args.format ?? 'text', locale }, io);
  }
  if (command === 'test') {
    if (args.help) {
      io.stdout(helpText('test', locale, cliVersion()));
      return 0;
    }
    return runTestCommand({ operands: args.operands, format: args.format ?? 'text', locale }, io);
  }
  if (command === 'simulate') {
    if (args.help) {
      io.stdout(helpText('simulate', locale, cliVersion()));
      return 0;
    }
    return runSimulateCommand(
      { operands: args.operands, ...args.simulate, format: args.format ?? 'text', locale },
      io,
    );
  }
  if (command === 'serve') {
    if (args.help) {
      io.stdout(helpText('serve', locale, cliVersion()));
      return 0;
    }
    return runServeCommand(
      { operands: args.operands, port: args.port, host: args.host, locale },
      io,
    );
  }
  throw unknownCommand(command);
}

function unknownCommand(command: string): UsageError {
  return isComingCommand(command)
    ? new UsageError('RL9002', { command, commands: commandList })
    : new UsageError('RL9001', { command, commands: commandList });
}

function safeLocale(argv: readonly string[], io: CliIo): Locale {
  try {
    return localeOfCommandLine(argv, io.env);
  } catch {
    return 'en';
  }
}
