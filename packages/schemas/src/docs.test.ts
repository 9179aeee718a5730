import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { definitionKinds, definitionSchemas, validateDefinitionSchema } from './index.js';

// docs/reference/definitions.md is written by hand; these checks keep it from falling
// behind the schemas: every property of a kind is documented in the kind's section, and
// the section's example is a valid definition.

const reference = readFileSync(
  join(import.meta.dirname, '../../../docs/reference/definitions.md'),
  'utf8',
);

function sectionOf(kind: string): string {
  const start = reference.indexOf(`\n## ${kind}\n`);
  const end = reference.indexOf('\n## ', start + 1);
  return start < 0 ? '' : reference.slice(start, end < 0 ? undefined : end);
}

function propertiesOf(schema: Readonly<Record<string, unknown>>): string[] {
  const own = Object.keys((schema.properties as object | undefined) ?? {});
  const variants = (
    (schema.allOf as { then?: { properties?: object } }[] | undefined) ?? []
  ).flatMap((branch) => Object.keys(branch.then?.properties ?? {}));
  return [...new Set([...own, ...variants])];
}

describe('docs/reference/definitions.md', () => {
  test.each([...definitionKinds])('documents every property of %s', (kind) => {
    const section = sectionOf(kind);
    expect(section, `no "## ${kind}" section`).not.toBe('');
    for (const property of propertiesOf(definitionSchemas[kind])) {
      expect(section, `${kind}.${property} is not documented`).toContain(`\`${property}\``);
    }
  });

  test.each([...definitionKinds])('shows a valid complete example of %s', (kind) => {
    const example = /### Example\n\n```json\n([\s\S]*?)\n```/.exec(sectionOf(kind))?.[1];
    expect(example).toBeDefined();
    expect(validateDefinitionSchema(kind, JSON.parse(example ?? 'null')).errors).toEqual([]);
  });
});
