import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { generateAll, loadSchemas, packageRoot, typeNameOfKind } from '../scripts/generate.js';
import type { DefinitionByKind } from './generated/types.js';
import { definitionKinds, type DefinitionKind } from './kinds.js';

describe('generated files', () => {
  test('are up to date with the schemas', async () => {
    const files = await generateAll();
    for (const [relative, content] of Object.entries(files)) {
      const current = readFileSync(join(packageRoot, relative), 'utf8');
      expect(
        current === content,
        `${relative} is stale: run npm run build -w @ruleloom/schemas`,
      ).toBe(true);
    }
  });

  test('the validators run without eval or CommonJS', () => {
    const source = readFileSync(join(packageRoot, 'src/generated/validators.js'), 'utf8');
    expect(source).not.toMatch(/\bnew Function\b|\beval\(|\brequire\(/);
  });

  test('there is one schema per kind, named after it', () => {
    const kinds = loadSchemas()
      .map((s) => s.kind)
      .filter((k) => k !== undefined);
    expect(kinds.sort()).toEqual([...definitionKinds].sort());
  });

  test('the generated types cover every kind', () => {
    expectTypeOf<keyof DefinitionByKind>().toEqualTypeOf<DefinitionKind>();
    const types = readFileSync(join(packageRoot, 'src/generated/types.ts'), 'utf8');
    for (const kind of definitionKinds) expect(types).toContain(`${typeNameOfKind(kind)}`);
  });
});
