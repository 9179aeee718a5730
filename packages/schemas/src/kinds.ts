/**
 * The kinds of definition files, in the order DESIGN.md lists them.
 *
 * @example
 * definitionKinds.includes('routing'); // true
 */
export const definitionKinds = [
  'entity',
  'form',
  'pipeline',
  'automation',
  'routing',
  'table',
  'formula',
  'timer',
  'app',
  'test',
] as const;

/** A kind of definition file: `entity`, `form`, `pipeline`, … */
export type DefinitionKind = (typeof definitionKinds)[number];

/**
 * Where every ruleloom schema lives; a schema's `$id` is this plus `<name>.schema.json`.
 *
 * @example
 * `${schemaBaseUrl}duration.schema.json`; // the $id of the shared duration schema
 */
export const schemaBaseUrl = 'https://ruleloom.dev/schemas/v1/';

/**
 * True when `value` names a definition kind.
 *
 * @example
 * isDefinitionKind('timer'); // true
 * isDefinitionKind('timers'); // false
 */
export function isDefinitionKind(value: unknown): value is DefinitionKind {
  return typeof value === 'string' && (definitionKinds as readonly string[]).includes(value);
}

/**
 * The `$id` of a kind's schema, which is also the `$schema` value of its definition files.
 *
 * @example
 * schemaIdOf('entity'); // 'https://ruleloom.dev/schemas/v1/entity.schema.json'
 */
export function schemaIdOf(kind: DefinitionKind): string {
  return `${schemaBaseUrl}${kind}.schema.json`;
}

/**
 * The kind whose schema has this `$id`, or undefined for any other value.
 *
 * @example
 * kindOfSchemaId('https://ruleloom.dev/schemas/v1/timer.schema.json'); // 'timer'
 * kindOfSchemaId('https://ruleloom.dev/schemas/v1/duration.schema.json'); // undefined (a shared part)
 */
export function kindOfSchemaId(id: unknown): DefinitionKind | undefined {
  if (typeof id !== 'string' || !id.startsWith(schemaBaseUrl) || !id.endsWith('.schema.json')) {
    return undefined;
  }
  const name = id.slice(schemaBaseUrl.length, -'.schema.json'.length);
  return isDefinitionKind(name) ? name : undefined;
}
