export {
  definitionKinds,
  isDefinitionKind,
  kindOfSchemaId,
  schemaBaseUrl,
  schemaIdOf,
  type DefinitionKind,
} from './kinds.js';
export { definitionFolders, kindOfPath } from './paths.js';
export { allSchemas, definitionSchemas, sharedSchemas } from './schemas.js';
export type { JsonSchemaDocument } from './jsonSchema.js';
export { expressionSlots, type ExpressionSlot, type ExpressionSyntax } from './expressionSlots.js';
export {
  validateDefinitionSchema,
  type SchemaError,
  type SchemaValidationResult,
} from './validate.js';
export type * from './definitionTypes.js';
