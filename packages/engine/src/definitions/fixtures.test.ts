import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDefinitionText, validateDefinition } from './index.js';

// The shared fixtures of @ruleloom/schemas, checked the way the CLI will check files: parse
// the text, then validate with the path (relative to the fixtures folder) as a hint.

const fixturesDir = join(
  dirname(createRequire(import.meta.url).resolve('@ruleloom/schemas/package.json')),
  'fixtures',
);
const expectations = JSON.parse(
  readFileSync(join(fixturesDir, 'expectations.json'), 'utf8'),
) as Record<string, { code: string; pointer: string }[]>;

function files(group: 'valid' | 'invalid'): string[] {
  return readdirSync(join(fixturesDir, group))
    .sort()
    .flatMap((kind) =>
      readdirSync(join(fixturesDir, group, kind))
        .sort()
        .map((file) => `${group}/${kind}/${file}`),
    );
}

function check(path: string): { code: string; pointer: string; severity: string }[] {
  const parsed = parseDefinitionText(readFileSync(join(fixturesDir, path), 'utf8'), { file: path });
  const diagnostics =
    parsed.diagnostics.length > 0
      ? parsed.diagnostics
      : validateDefinition(parsed.value, { path, file: path });
  for (const d of diagnostics) expect(d.file).toBe(path);
  return diagnostics.map(({ code, pointer, severity }) => ({ code, pointer, severity }));
}

describe('fixtures', () => {
  test.each(files('valid'))('%s has no diagnostics', (path) => {
    expect(check(path)).toEqual([]);
  });

  test.each(files('invalid'))('%s gives exactly the expected diagnostics', (path) => {
    const actual = check(path).map(({ code, pointer }) => ({ code, pointer }));
    // Entries also carry the line and column the CLI prints; the engine speaks in pointers.
    const expected = (expectations[path] ?? []).map(({ code, pointer }) => ({ code, pointer }));
    expect(actual).toEqual(expected);
  });
});
