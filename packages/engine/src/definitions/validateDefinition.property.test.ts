import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { definitionKinds, schemaIdOf } from '@ruleloom/schemas';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validateDefinition } from './index.js';

// validateDefinition must never throw and never fail internally (RL1024), whatever JSON it
// is given: untrusted definitions reach it from files, the designer and HTTP.

const fixturesDir = join(
  dirname(createRequire(import.meta.url).resolve('@ruleloom/schemas/package.json')),
  'fixtures',
);
const validFixtures = readdirSync(join(fixturesDir, 'valid')).flatMap((kind) =>
  readdirSync(join(fixturesDir, 'valid', kind)).map(
    (file) => JSON.parse(readFileSync(join(fixturesDir, 'valid', kind, file), 'utf8')) as unknown,
  ),
);

const hostileKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'type',
  'kind',
  '$schema',
  'var',
  'fields',
  'if',
  'then',
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), hostileKeys), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Replaces the value at a random path of a document with `replacement`. */
function mutate(document: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof document !== 'object' || document === null) return replacement;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(document)) {
    if (document.length === 0) return replacement;
    const index = step % document.length;
    return document.map((item, i) => (i === index ? mutate(item, rest, replacement) : item));
  }
  const keys = Object.keys(document);
  if (keys.length === 0) return replacement;
  const key = keys[step % keys.length] as string;
  return {
    ...(document as Record<string, unknown>),
    [key]: mutate((document as Record<string, unknown>)[key], rest, replacement),
  };
}

function expectWellFormed(
  value: unknown,
  options?: Parameters<typeof validateDefinition>[1],
): void {
  const diagnostics = validateDefinition(value, options);
  expect(Array.isArray(diagnostics)).toBe(true);
  for (const d of diagnostics) {
    expect(d.code).not.toBe('RL1024');
    expect(typeof d.pointer).toBe('string');
    expect(d.pointer === '' || d.pointer.startsWith('/')).toBe(true);
  }
}

describe('validateDefinition never throws', () => {
  test('on arbitrary JSON, with any kind', () => {
    fc.assert(
      fc.property(
        json,
        fc.option(fc.constantFrom(...definitionKinds), { nil: undefined }),
        (value, kind) => {
          expectWellFormed(value, kind ? { kind } : {});
        },
      ),
      { numRuns: 400 },
    );
  });

  test('on arbitrary objects that claim a kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...definitionKinds),
        fc.dictionary(fc.oneof(fc.string(), hostileKeys), json, { maxKeys: 6 }),
        (kind, body) => {
          expectWellFormed({ ...body, $schema: schemaIdOf(kind) });
        },
      ),
      { numRuns: 400 },
    );
  });

  test('on valid definitions with one part replaced by arbitrary JSON', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...validFixtures),
        fc.array(fc.nat(), { maxLength: 7 }),
        json,
        (fixture, path, replacement) => {
          expectWellFormed(mutate(fixture, path, replacement));
        },
      ),
      { numRuns: 600 },
    );
  });

  test('with odd options', () => {
    const doc = validFixtures[0];
    for (const options of [
      null,
      42,
      'entity',
      { kind: 'nope' },
      { fields: 'x' },
      { fields: [null, 1, {}] },
      { path: 7 },
    ]) {
      expectWellFormed(doc, options as never);
    }
  });
});
