import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JsonReport } from '../output/index.js';
import { fixturesDir, run } from './runCapture.js';

// The shared fixtures of packages/schemas: every valid one passes; every invalid one fails
// with exactly the diagnostics fixtures/expectations.json lists (code and pointer), at the
// line and column written there, checked by hand against the files.

interface Expected {
  readonly code: string;
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

type Expectations = Record<string, readonly Expected[]>;

const expectations = JSON.parse(
  readFileSync(join(fixturesDir, 'expectations.json'), 'utf8'),
) as Expectations;

function files(group: 'valid' | 'invalid'): string[] {
  return readdirSync(join(fixturesDir, group))
    .sort()
    .flatMap((kind) =>
      readdirSync(join(fixturesDir, group, kind))
        .sort()
        .map((file) => `${group}/${kind}/${file}`),
    );
}

const byPlace = (a: Expected, b: Expected): number =>
  a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);

describe('valid fixtures', () => {
  test('the whole valid folder passes: exit 0, no diagnostics', async () => {
    const { code, stdout, stderr } = await run(['validate', 'valid']);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${files('valid').length} files, 0 errors, 0 warnings\n`);
    expect(code).toBe(0);
  });
});

describe('invalid fixtures', () => {
  test.each(files('invalid'))(
    '%s: exit 1 with the expected codes at the expected line:col',
    async (path) => {
      const expected = expectations[path];
      expect(expected, `${path} has no entry in fixtures/expectations.json`).toBeDefined();
      for (const entry of expected ?? []) {
        expect(
          [entry.line, entry.column].every((n) => Number.isInteger(n)),
          `${path} ${entry.code} ${entry.pointer}: add "line" and "column" to its entry (check them by hand)`,
        ).toBe(true);
      }

      const json = await run(['validate', '--format', 'json', path]);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as JsonReport;
      const actual = report.diagnostics.map(({ code, pointer, line, column }) => ({
        code,
        pointer,
        line,
        column,
      }));
      expect(actual).toEqual([...(expected ?? [])].sort(byPlace));
      expect(report.diagnostics.every((d) => d.file === path)).toBe(true);

      const text = await run(['validate', path]);
      expect(text.code).toBe(1);
      for (const { code, line, column } of expected ?? []) {
        expect(text.stdout).toContain(`${path}:${line}:${column}: error ${code} `);
      }
    },
  );

  test('the whole invalid folder: every file reported, exit 1', async () => {
    const { code, stdout } = await run(['validate', 'invalid']);
    const count = files('invalid').length;
    const errors = Object.values(expectations).flat().length;
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      `${count} files, ${errors} errors, 0 warnings`,
    );
    expect(code).toBe(1);
  });

  test('valid and invalid together still exit 1', async () => {
    expect((await run(['validate', 'valid', 'invalid/timer/bad-cron.json'])).code).toBe(1);
  });
});
