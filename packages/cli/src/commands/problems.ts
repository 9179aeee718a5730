import type { Diagnostic, Locale } from '@ruleloom/engine';
import { moreHelpLine, usageLine } from '../help.js';
import type { CliIo } from '../io.js';
import type { UsageError } from '../usageError.js';

const fixLabel: Readonly<Record<Locale, string>> = { 'zh-CN': '修正：', en: 'fix: ' };

/**
 * Writes a problem of the run itself (not of a definition) to stderr:
 * `ruleloom: error RL9010 cannot read "x.json": …` and its fix.
 *
 * @example
 * writeProblem(io, new UsageError('RL9007').diagnostic, 'en');
 */
export function writeProblem(io: CliIo, diagnostic: Diagnostic, locale: Locale): void {
  io.stderr(
    `ruleloom: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message[locale]}\n` +
      `  ${fixLabel[locale]}${diagnostic.hint[locale]}\n`,
  );
}

/**
 * Writes a usage error to stderr: the problem, then the usage of the command and where to
 * read more.
 *
 * @example
 * writeUsageError(io, new UsageError('RL9003', { option: '--frmat', options: '…' }, 'validate'), 'en');
 */
export function writeUsageError(io: CliIo, error: UsageError, locale: Locale): void {
  writeProblem(io, error.diagnostic, locale);
  io.stderr(`\n${usageLine(error.command, locale)}\n${moreHelpLine(error.command, locale)}\n`);
}
