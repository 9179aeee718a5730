import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Locale } from '@ruleloom/engine';
import { localeFromEnvironment, parseLocale } from './locale.js';
import { outputFormats, type OutputFormat } from './output/index.js';
import { UsageError } from './usageError.js';

/** The command line, read: the command, its operands and the options given. */
export interface CliArgs {
  /** The first operand (`validate`); undefined when there is none. */
  readonly command: string | undefined;
  /** The operands after the command (paths for `validate`). */
  readonly operands: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
  readonly lang: Locale | undefined;
  readonly format: OutputFormat | undefined;
  /** `--port` of `ruleloom serve`, as written (checked by the command). */
  readonly port: string | undefined;
  /** `--host` of `ruleloom serve`. */
  readonly host: string | undefined;
  /** Options of `ruleloom simulate`, as written (checked by the command). */
  readonly simulate: SimulateArgs;
}

/** The options of `ruleloom simulate`, as written on the command line. */
export interface SimulateArgs {
  /** `--events`: the JSON Lines event log. */
  readonly events: string | undefined;
  /** `--until`: when the virtual clock stops. */
  readonly until: string | undefined;
  /** `--from`: when it starts (default: the first event). */
  readonly from: string | undefined;
  /** `--tick`: also stop the clock this often. */
  readonly tick: string | undefined;
  /** `--out`: where to write the timeline as JSON. */
  readonly out: string | undefined;
  /** `--users`: the directory of users (a JSON array). */
  readonly users: string | undefined;
}

interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** The values a string option accepts, as shown in messages. */
  readonly values?: readonly string[];
}

/** Every option of every command; each command's help says which apply to it. */
const optionSpecs = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lang: { type: 'string', values: ['zh-CN', 'en'] },
  format: { type: 'string', short: 'f', values: outputFormats },
  port: { type: 'string', short: 'p', values: ['0..65535'] },
  host: { type: 'string', values: ['127.0.0.1', 'localhost', '0.0.0.0'] },
  events: { type: 'string', values: ['<file.jsonl>'] },
  until: { type: 'string', values: ['<ISO time>'] },
  from: { type: 'string', values: ['<ISO time>'] },
  tick: { type: 'string', values: ['<duration>'] },
  out: { type: 'string', values: ['<file.json>'] },
  users: { type: 'string', values: ['<users.json>'] },
} as const satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof optionSpecs;

/** The specs as `util.parseArgs` takes them (type and short name only). */
const nodeOptions: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  Object.entries(optionSpecs).map(([name, spec]: [string, OptionSpec]) => [
    name,
    spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short },
  ]),
);

const optionList = Object.entries(optionSpecs)
  .map(([name, spec]: [string, OptionSpec]) =>
    spec.short ? `-${spec.short}, --${name}` : `--${name}`,
  )
  .join(', ');

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(optionSpecs, name);
}

/**
 * Reads the command line with node's `util.parseArgs`. Options may stand anywhere (before
 * or after the command); `--` ends the options, so a path may start with `-`. Throws a
 * {@link UsageError} for an unknown option, a missing or invalid value.
 *
 * @example
 * parseCliArgs(['validate', '--format', 'json', 'apps']);
 * // { command: 'validate', operands: ['apps'], format: 'json', help: false, … }
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { tokens } = parseArgs({
    args: [...argv],
    options: nodeOptions,
    // Not strict: unknown options and missing values are reported here, as RL9xxx codes.
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const values: Partial<Record<OptionName, string | true>> = {};
  let command: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (command === undefined) command = token.value;
      else positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    if (!isOptionName(token.name)) {
      throw new UsageError('RL9003', { option: token.rawName, options: optionList }, command);
    }
    const spec: OptionSpec = optionSpecs[token.name];
    if (spec.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError('RL9005', { option: token.rawName }, command);
      values[token.name] = true;
    } else {
      const allowed = (spec.values ?? []).join(', ');
      if (token.value === undefined) {
        throw new UsageError('RL9004', { option: token.rawName, allowed }, command);
      }
      values[token.name] = token.value;
    }
  }
  return {
    command,
    operands: positionals,
    help: values.help === true,
    version: values.version === true,
    lang: readLang(values.lang, command),
    format: readFormat(values.format, command),
    port: typeof values.port === 'string' ? values.port : undefined,
    host: typeof values.host === 'string' ? values.host : undefined,
    simulate: {
      events: stringValue(values.events),
      until: stringValue(values.until),
      from: stringValue(values.from),
      tick: stringValue(values.tick),
      out: stringValue(values.out),
      users: stringValue(values.users),
    },
  };
}

function stringValue(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function readLang(
  value: string | true | undefined,
  command: string | undefined,
): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const locale = parseLocale(value);
  if (!locale) throw invalidValue('--lang', value, optionSpecs.lang.values, command);
  return locale;
}

function readFormat(
  value: string | true | undefined,
  command: string | undefined,
): OutputFormat | undefined {
  if (typeof value !== 'string') return undefined;
  const format = outputFormats.find((candidate) => candidate === value.toLowerCase());
  if (!format) throw invalidValue('--format', value, outputFormats, command);
  return format;
}

function invalidValue(
  option: string,
  value: string,
  allowed: readonly string[],
  command: string | undefined,
): UsageError {
  return new UsageError(
    'RL9006',
    { option, value: JSON.stringify(value), allowed: allowed.join(', ') },
    command,
  );
}

/**
 * The language for messages before (or despite) a full parse, so that even a usage error
 * is reported in the language asked for: a valid `--lang` wins, else the environment.
 *
 * @example
 * localeOfCommandLine(['validate', '--lang=zh-CN', 'x.json'], {}); // 'zh-CN'
 */
export function localeOfCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--') break;
    const value =
      arg === '--lang' ? argv[index + 1] : arg?.startsWith('--lang=') ? arg.slice(7) : undefined;
    const locale = value === undefined ? undefined : parseLocale(value);
    if (locale) return locale;
  }
  return localeFromEnvironment(env);
}
