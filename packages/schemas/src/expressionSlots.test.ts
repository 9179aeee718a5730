import { describe, expect, test } from 'vitest';
import {
  allSchemas,
  definitionKinds,
  definitionSchemas,
  expressionSlots,
  schemaBaseUrl,
  type JsonSchemaDocument,
} from './index.js';

// Walks each kind's schema and lists the instance places (JSON pointer patterns, `*` for
// any index or key) where the expression schema is referenced. expressionSlots must list
// exactly these, so a new expression property cannot be missed by the engine's checks.

type Schema = Readonly<Record<string, unknown>>;
const EXPRESSION_ID = `${schemaBaseUrl}expression.schema.json`;
const documents = new Map<string, JsonSchemaDocument>(allSchemas.map((s) => [s.$id, s]));

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolve(ref: string, base: string): { schema: Schema; id: string; pointer: string } {
  const [file = '', fragment = ''] = ref.split('#');
  const id = file === '' ? base : `${schemaBaseUrl}${file}`;
  let schema: unknown = documents.get(id);
  for (const segment of fragment.split('/').filter(Boolean))
    schema = isObject(schema) ? schema[segment] : undefined;
  if (!isObject(schema)) throw new Error(`unresolvable $ref ${ref} from ${base}`);
  return { schema, id, pointer: fragment };
}

/** Instance patterns where `predicate` holds for a referenced schema id. */
function placesOf(
  schema: Schema,
  base: string,
  path: string,
  found: Set<string>,
  seen: Set<string>,
  depth = 0,
): void {
  if (depth > 60) throw new Error(`schema too deep at ${path}: a recursive definition?`);
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref, base);
    if (target.id === EXPRESSION_ID && target.pointer === '') found.add(path);
    else {
      const key = `${target.id}#${target.pointer}@${path}`;
      if (!seen.has(key)) {
        seen.add(key);
        placesOf(target.schema, target.id, path, found, seen, depth + 1);
      }
    }
  }
  const sub = (value: unknown, at: string): void => {
    if (isObject(value)) placesOf(value, base, at, found, seen, depth + 1);
  };
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((s) => sub(s, path));
  }
  sub(schema.then, path);
  sub(schema.else, path);
  if (isObject(schema.properties))
    for (const [name, s] of Object.entries(schema.properties)) sub(s, `${path}/${name}`);
  sub(schema.additionalProperties, `${path}/*`);
  sub(schema.items, `${path}/*`);
  if (Array.isArray(schema.prefixItems)) schema.prefixItems.forEach((s) => sub(s, `${path}/*`));
}

describe('expressionSlots', () => {
  test.each([...definitionKinds])(
    '%s lists every expression place of its schema, and only those',
    (kind) => {
      const found = new Set<string>();
      placesOf(definitionSchemas[kind], definitionSchemas[kind].$id, '', found, new Set());
      const listed = expressionSlots[kind]
        .filter((s) => s.syntax === 'expression')
        .map((s) => s.pattern);
      expect([...listed].sort()).toEqual([...found].sort());
      expect(new Set(listed).size).toBe(listed.length);
    },
  );

  test('formula text slots point at a string property', () => {
    const textSlots = definitionKinds.flatMap((kind) =>
      expressionSlots[kind]
        .filter((s) => s.syntax === 'formula-text')
        .map((s) => ({ kind, pattern: s.pattern })),
    );
    expect(textSlots).toEqual([{ kind: 'formula', pattern: '/text' }]);
    const properties = definitionSchemas.formula.properties as Record<string, Schema>;
    expect(properties.text?.type).toBe('string');
  });
});
