import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  definitionKinds,
  isDefinitionKind,
  schemaIdOf,
  validateDefinitionSchema,
  type DefinitionKind,
} from './index.js';

// The fixtures are shared by these schema tests, the engine's validateDefinition tests and
// the CLI tests: valid/<kind>/*.json must be accepted, invalid/<kind>/*.json rejected, and
// fixtures/expectations.json says which diagnostics each invalid one produces.

const fixturesDir = join(import.meta.dirname, '..', 'fixtures');
const expectations = JSON.parse(
  readFileSync(join(fixturesDir, 'expectations.json'), 'utf8'),
) as Record<string, { code: string; pointer: string }[]>;

function fixtures(
  group: 'valid' | 'invalid',
): { path: string; kind: DefinitionKind; text: string }[] {
  return readdirSync(join(fixturesDir, group))
    .sort()
    .flatMap((kind) => {
      if (!isDefinitionKind(kind)) throw new Error(`fixtures/${group}/${kind} is not a kind`);
      return readdirSync(join(fixturesDir, group, kind))
        .sort()
        .map((file) => ({
          path: `${group}/${kind}/${file}`,
          kind,
          text: readFileSync(join(fixturesDir, group, kind, file), 'utf8'),
        }));
    });
}

const valid = fixtures('valid');
const invalid = fixtures('invalid');

describe('valid fixtures', () => {
  test.each(valid.map((f) => [f.path, f] as const))('%s is valid', (_path, fixture) => {
    const value = JSON.parse(fixture.text) as { $schema?: unknown };
    expect(value.$schema).toBe(schemaIdOf(fixture.kind));
    const result = validateDefinitionSchema(fixture.kind, value);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('every kind has at least two', () => {
    for (const kind of definitionKinds)
      expect(valid.filter((f) => f.kind === kind).length).toBeGreaterThanOrEqual(2);
  });
});

describe('invalid fixtures', () => {
  test.each(invalid.map((f) => [f.path, f] as const))(
    '%s fails as expectations.json says',
    (path, fixture) => {
      const expected = expectations[path];
      expect(expected, `${path} has no entry in fixtures/expectations.json`).toBeDefined();
      const codes = (expected ?? []).map((d) => d.code);
      if (codes.includes('RL1002')) {
        expect(() => JSON.parse(fixture.text)).toThrow();
        return;
      }
      const result = validateDefinitionSchema(fixture.kind, JSON.parse(fixture.text));
      // Mistakes inside expressions and formula text are the engine's to find: those files
      // must pass the schema, so that the layers stay separate.
      const schemaLevel = codes.some((code) => code.startsWith('RL1'));
      expect(result.valid).toBe(!schemaLevel);
    },
  );

  test('every kind has at least two', () => {
    for (const kind of definitionKinds)
      expect(invalid.filter((f) => f.kind === kind).length).toBeGreaterThanOrEqual(2);
  });

  test('expectations.json lists exactly the invalid fixtures', () => {
    expect(Object.keys(expectations).sort()).toEqual(invalid.map((f) => f.path).sort());
  });

  test('all name their $schema except the one that tests inferring the kind', () => {
    const without = invalid.filter((f) => {
      try {
        return !Object.hasOwn(JSON.parse(f.text) as object, '$schema');
      } catch {
        return false;
      }
    });
    expect(without.map((f) => f.path)).toEqual(['invalid/form/missing-schema.json']);
  });

  test('include broken JSON, an unknown operator and a __proto__ path', () => {
    const all = Object.values(expectations)
      .flat()
      .map((d) => d.code);
    expect(all).toEqual(expect.arrayContaining(['RL1002', 'RL2001', 'RL2002']));
  });
});
