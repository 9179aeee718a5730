/**
 * Entities: the fields of a kind of record, their types, defaults, computed values and
 * value checks; and the migration check for field ids (S7b).
 */
export {
  compileEntity,
  type CompiledEntityDetails,
  type EntityCompileIndex,
} from './compileEntity.js';
export { detectFieldRenames } from './fieldRenames.js';
export { fieldValueSchema, type JsonSchema } from './valueSchema.js';
export { isEmptyValue } from './values.js';
