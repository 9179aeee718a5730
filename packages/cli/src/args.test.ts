import { describe, expect, test } from 'vitest';
import { localeOfCommandLine, parseCliArgs } from './args.js';
import { isUsageError } from './usageError.js';

function usageCode(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (isUsageError(error)) return error.diagnostic.code;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseCliArgs', () => {
  test('command, operands and options in any order', () => {
    expect(parseCliArgs(['validate', 'a.json', '--format', 'json', 'dir', '--lang=zh-CN'])).toEqual(
      {
        command: 'validate',
        operands: ['a.json', 'dir'],
        help: false,
        version: false,
        lang: 'zh-CN',
        format: 'json',
        // `ruleloom simulate`'s options, none given.
        simulate: {},
      },
    );
    expect(parseCliArgs(['--lang', 'en', 'validate', '-f', 'github', 'x'])).toMatchObject({
      command: 'validate',
      operands: ['x'],
      lang: 'en',
      format: 'github',
    });
  });

  test('short flags and --', () => {
    expect(parseCliArgs(['-h'])).toMatchObject({ help: true, command: undefined });
    expect(parseCliArgs(['-v'])).toMatchObject({ version: true });
    expect(parseCliArgs(['validate', '--', '-odd.json', '--help'])).toMatchObject({
      operands: ['-odd.json', '--help'],
      help: false,
    });
  });

  test('values are read case-insensitively; zh and en-US are accepted', () => {
    expect(parseCliArgs(['validate', '--format=JSON', '--lang', 'zh'])).toMatchObject({
      format: 'json',
      lang: 'zh-CN',
    });
    expect(parseCliArgs(['--lang', 'en-US'])).toMatchObject({ lang: 'en' });
  });

  test.each([
    [['validate', '--frmat', 'json'], 'RL9003'],
    [['validate', '-x'], 'RL9003'],
    [['validate', '--format'], 'RL9004'],
    [['validate', 'a', '--lang'], 'RL9004'],
    [['--help=yes'], 'RL9005'],
    [['validate', '--format', 'xml', 'a'], 'RL9006'],
    [['validate', '--format='], 'RL9006'],
    [['validate', '--lang', 'fr', 'a'], 'RL9006'],
  ])('%j is a usage error %s', (argv, code) => {
    expect(usageCode(argv)).toBe(code);
  });
});

describe('localeOfCommandLine', () => {
  test('a valid --lang wins over the environment', () => {
    expect(localeOfCommandLine(['--lang', 'zh-CN'], { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeOfCommandLine(['--lang=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
  });

  test('an invalid or absent --lang falls back to LC_ALL, LC_MESSAGES, LANG', () => {
    expect(localeOfCommandLine(['--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeOfCommandLine([], { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US' })).toBe('zh-CN');
    expect(localeOfCommandLine([], { LC_ALL: '', LC_MESSAGES: 'C', LANG: 'zh_CN' })).toBe('en');
    expect(localeOfCommandLine([], {})).toBe('en');
  });

  test('arguments after -- are operands, not options', () => {
    expect(localeOfCommandLine(['validate', '--', '--lang', 'zh-CN'], {})).toBe('en');
  });
});

describe('parseCliArgs: the options of simulate', () => {
  test('reads --events, --until, --from, --tick, --out and --users as written', () => {
    expect(
      parseCliArgs([
        'simulate',
        'app',
        '--events',
        'log.jsonl',
        '--until=2026-03-31T00:00+08:00',
        '--from',
        '2026-03-01T00:00+08:00',
        '--tick',
        '1h',
        '--out',
        'out.json',
        '--users',
        'users.json',
      ]).simulate,
    ).toEqual({
      events: 'log.jsonl',
      until: '2026-03-31T00:00+08:00',
      from: '2026-03-01T00:00+08:00',
      tick: '1h',
      out: 'out.json',
      users: 'users.json',
    });
  });
});
