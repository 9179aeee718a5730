import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import {
  compileApp,
  createDiagnostic,
  formatLocalTime,
  formatTimeline,
  isRuleloomError,
  parseDuration,
  simulate,
  toInstant,
  type CompiledApp,
  type DirectoryUser,
  type Locale,
  type SimulationResult,
} from '@ruleloom/engine';
import { checkApp } from '../check/checkApp.js';
import { readEventLogFile, type EventLogProblem } from '../files/eventLogFile.js';
import { loadApp } from '../files/loadApp.js';
import type { CliIo } from '../io.js';
import { formatReport, type OutputFormat } from '../output/index.js';
import { UsageError } from '../usageError.js';
import { writeProblem } from './problems.js';

/** What `ruleloom simulate` was asked to do. */
export interface SimulateCommand {
  /** The app folder (exactly one). */
  readonly operands: readonly string[];
  readonly events: string | undefined;
  readonly until: string | undefined;
  readonly from: string | undefined;
  readonly tick: string | undefined;
  readonly out: string | undefined;
  readonly users: string | undefined;
  readonly format: OutputFormat;
  readonly locale: Locale;
}

const EXAMPLE =
  'ruleloom simulate examples/sales-crm --events examples/sales-crm/simulations/s45-payment-journey.jsonl --until 2026-03-31T00:00+08:00';

const fixLabel: Readonly<Record<Locale, string>> = { 'zh-CN': '修正：', en: 'fix: ' };

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Reads a file, or says why not (RL9010) and gives up with exit code 2. */
async function readText(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError('RL9010', { path: shown, detail }, 'simulate');
  }
}

/** An option's time in the app's zone, or a usage error (RL9032). */
function timeOption(option: string, value: string, zone: string): number {
  const instant = toInstant(value, zone);
  if (instant === undefined) {
    throw new UsageError(
      'RL9032',
      { option, value: JSON.stringify(value), what: { 'zh-CN': '时间', en: 'a time' } },
      'simulate',
    );
  }
  return instant;
}

async function readUsers(path: string, shown: string): Promise<DirectoryUser[]> {
  const text = await readText(path, shown);
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError('RL9037', { path: shown, detail }, 'simulate');
  }
  const bad = Array.isArray(value)
    ? value.findIndex(
        (user: unknown) =>
          typeof user !== 'object' ||
          user === null ||
          typeof (user as { id?: unknown }).id !== 'string',
      )
    : -1;
  if (!Array.isArray(value) || bad >= 0) {
    const detail = Array.isArray(value) ? `[${bad}] has no string "id"` : 'not a JSON array';
    throw new UsageError('RL9037', { path: shown, detail }, 'simulate');
  }
  return value as DirectoryUser[];
}

/** An instant as ISO 8601 with the offset of `zone` (`2026-03-02T09:00:00+08:00`). */
function isoInZone(instant: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    timeZoneName: 'longOffset',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace('GMT', '') || 'Z';
  const millis =
    instant % 1000 === 0 ? '' : `.${String(((instant % 1000) + 1000) % 1000).padStart(3, '0')}`;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${millis}${offset === '' ? 'Z' : offset}`;
}

/** The JSON the command writes: the timeline with times in the app's zone. */
function timelineJson(app: CompiledApp, result: SimulationResult): unknown {
  const iso = (instant: number): string => isoInZone(instant, app.zone);
  const { stats } = result;
  return {
    app: app.id,
    version: app.version,
    zone: app.zone,
    from: iso(stats.from),
    until: iso(stats.to),
    truncated: result.truncated,
    stats: { ...stats, from: iso(stats.from), to: iso(stats.to), stoppedAt: iso(stats.stoppedAt) },
    diagnostics: result.diagnostics,
    timeline: result.timeline.map((entry) => ({ ...entry, at: iso(entry.at) })),
  };
}

function summaryLine(result: SimulationResult, out: string | undefined, locale: Locale): string {
  const { events, timersFired, effects, refused } = result.stats;
  if (locale === 'zh-CN') {
    const written = out === undefined ? '' : `；时间线 JSON 已写入 ${out}`;
    return `${events} 个事件（${refused} 个被拒绝），${timersFired} 次计时器触发，${effects} 个效果${written}\n`;
  }
  const written = out === undefined ? '' : `; JSON timeline written to ${out}`;
  return `${events} events (${refused} refused), ${timersFired} timers fired, ${effects} effects${written}\n`;
}

function writeLocated(
  io: CliIo,
  file: string,
  problems: readonly EventLogProblem[],
  locale: Locale,
): void {
  for (const { line, column, diagnostic } of problems) {
    io.stderr(
      `${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message[locale]}\n` +
        `  ${fixLabel[locale]}${diagnostic.hint[locale]}\n`,
    );
  }
}

/**
 * Runs `ruleloom simulate <app-dir> --events <file.jsonl> --until <time>`: compiles the app,
 * reads the JSON Lines event log (every bad line reported as file:line:col), replays it on a
 * virtual clock with `simulate`, prints the readable timeline and a summary, and writes the
 * whole timeline as JSON (`--out`, default `<log name>.timeline.json` beside the log).
 * Exit 0 when it ran to `--until`, 1 when the app has errors or the step limit stopped it,
 * 2 for a usage error, a bad log line or a file that cannot be read.
 *
 * @example
 * await runSimulateCommand({ operands: ['examples/sales-crm'], events: 'log.jsonl', until: '2026-03-31T00:00+08:00', from: undefined, tick: undefined, out: undefined, users: undefined, format: 'text', locale: 'zh-CN' }, io);
 */
export async function runSimulateCommand(command: SimulateCommand, io: CliIo): Promise<number> {
  const [operand, ...extra] = command.operands;
  if (operand === undefined) throw new UsageError('RL9030', {}, 'simulate');
  if (extra.length > 0) throw new UsageError('RL9030', {}, 'simulate');
  if (command.events === undefined) {
    throw new UsageError('RL9031', { option: '--events', example: EXAMPLE }, 'simulate');
  }
  if (command.until === undefined) {
    throw new UsageError('RL9031', { option: '--until', example: EXAMPLE }, 'simulate');
  }
  const folder = resolve(io.cwd, operand);
  if (!(await isFile(join(folder, 'app.json')))) {
    throw new UsageError('RL9013', { path: operand }, 'simulate');
  }
  const show = (path: string): string => relative(io.cwd, path).split(sep).join('/') || '.';
  if (command.tick !== undefined && !((parseDuration(command.tick) ?? 0) > 0)) {
    throw new UsageError(
      'RL9032',
      {
        option: '--tick',
        value: JSON.stringify(command.tick),
        what: { 'zh-CN': '时长', en: 'a duration' },
      },
      'simulate',
    );
  }
  const tick = command.tick;

  const loaded = await loadApp(folder);
  const compiled = compileApp(loaded.source);
  const display = (path: string): string => show(join(folder, path));
  const errors = checkApp(loaded, display, compiled).filter(
    (d) => d.diagnostic.severity === 'error',
  );
  if (!compiled.ok || errors.length > 0) {
    if (errors.length > 0) {
      io.stderr(
        formatReport({ files: loaded.files.size, diagnostics: errors }, 'text', command.locale),
      );
    }
    writeProblem(io, createDiagnostic('RL9038', '', { path: show(folder) }), command.locale);
    return 1;
  }
  const app = compiled.app;

  const eventsPath = resolve(io.cwd, command.events);
  const log = readEventLogFile(await readText(eventsPath, command.events), app.zone);
  if (log.problems.length > 0) {
    writeLocated(io, show(eventsPath), log.problems, command.locale);
    return 2;
  }
  const to = timeOption('--until', command.until, app.zone);
  const from =
    command.from === undefined ? undefined : timeOption('--from', command.from, app.zone);
  if (from !== undefined) {
    const early = log.entries.findIndex((entry) => (toInstant(entry.at, app.zone) ?? 0) < from);
    if (early >= 0) {
      const at = log.atPosition(early);
      const diagnostic = createDiagnostic('RL9036', '', {
        line: at.line,
        at: String(log.entries[early]?.at),
        from: command.from ?? '',
      });
      writeLocated(io, show(eventsPath), [{ ...at, diagnostic }], command.locale);
      return 2;
    }
  }
  const usersPath =
    command.users !== undefined
      ? resolve(io.cwd, command.users)
      : join(dirname(eventsPath), 'users.json');
  const users =
    command.users !== undefined || (await isFile(usersPath))
      ? await readUsers(usersPath, show(usersPath))
      : undefined;

  let result: SimulationResult;
  try {
    result = simulate(app, {
      events: log.entries,
      to,
      ...(from !== undefined ? { from } : {}),
      ...(tick !== undefined ? { tick } : {}),
      ...(users !== undefined ? { users } : {}),
    });
  } catch (error) {
    if (!isRuleloomError(error)) throw error;
    // The checks above leave only a window the engine refuses (--until before the start).
    writeProblem(io, createDiagnostic(error.code, '', error.params), command.locale);
    return 2;
  }

  const json = `${JSON.stringify(timelineJson(app, result), null, 2)}\n`;
  const outPath =
    command.out !== undefined
      ? resolve(io.cwd, command.out)
      : command.format === 'json'
        ? undefined
        : join(dirname(eventsPath), `${basename(eventsPath, extname(eventsPath))}.timeline.json`);
  if (outPath !== undefined) {
    try {
      await mkdir(dirname(outPath), { recursive: true });
      await writeFile(outPath, json);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      writeProblem(
        io,
        createDiagnostic('RL9010', '', { path: show(outPath), detail }),
        command.locale,
      );
      return 2;
    }
  }
  if (command.format === 'json') {
    io.stdout(json);
  } else {
    const window = `${formatLocalTime(result.stats.from, app.zone, command.locale)} → ${formatLocalTime(result.stats.to, app.zone, command.locale)} (${app.zone})`;
    io.stdout(`${show(folder)} (${app.id}) · ${window}\n\n`);
    io.stdout(
      formatTimeline(result.timeline, { locale: command.locale, app, ...(users ? { users } : {}) }),
    );
    io.stdout(
      `\n${summaryLine(result, outPath === undefined ? undefined : show(outPath), command.locale)}`,
    );
  }
  for (const diagnostic of result.diagnostics) writeProblem(io, diagnostic, command.locale);
  return result.truncated ? 1 : 0;
}
