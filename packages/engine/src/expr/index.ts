export {
  compileExpression,
  type CompileOptions,
  type CompiledExpression,
  type EvaluationResult,
} from './compile.js';
export {
  OperatorRegistry,
  builtinOperatorNames,
  defaultRegistry,
  type CustomOperator,
} from './registry.js';
export { defaultLimits } from './limits.js';
export { truthy } from './values.js';
export type { ValueType } from './valueTypes.js';
export type {
  EvaluationContext,
  ExpressionLimits,
  FieldInfo,
  FieldType,
  JsonLogic,
} from './types.js';
export { parseDuration, toInstant } from './domain/time.js';
