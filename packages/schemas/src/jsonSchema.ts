/**
 * A JSON Schema document of ruleloom (draft 2020-12), as plain data.
 *
 * @example
 * const schema: JsonSchemaDocument = definitionSchemas.entity;
 * schema.$id; // 'https://ruleloom.dev/schemas/v1/entity.schema.json'
 */
export interface JsonSchemaDocument {
  readonly $schema: string;
  readonly $id: string;
  readonly title: string;
  readonly description?: string;
  readonly [keyword: string]: unknown;
}
