import * as validators from './generated/validators.js';
import type { GeneratedValidationError, GeneratedValidator } from './generated/validators.js';
import type { DefinitionKind } from './kinds.js';

/**
 * One schema error, in ajv's `ErrorObject` shape: `instancePath` is the JSON pointer of the
 * offending value, `keyword` the failed schema keyword, `params` its details.
 */
export type SchemaError = GeneratedValidationError;

/** The outcome of {@link validateDefinitionSchema}. */
export interface SchemaValidationResult {
  readonly valid: boolean;
  /** Empty when valid. Every error ajv found (it runs with allErrors). */
  readonly errors: readonly SchemaError[];
}

const byKind: Readonly<Record<DefinitionKind, GeneratedValidator>> = validators;

/**
 * Validates a definition against its kind's schema with the precompiled validator: no
 * `eval` or `new Function` at runtime, so it is safe for untrusted definitions and for
 * browsers with a strict Content-Security-Policy. It only checks the schema; the engine's
 * `validateDefinition` adds expression checks and readable diagnostics.
 *
 * @example
 * const { valid, errors } = validateDefinitionSchema('timer', { id: 'x' });
 * valid; // false
 * errors[0]; // { instancePath: '', keyword: 'required', params: { missingProperty: '$schema' }, … }
 */
export function validateDefinitionSchema(
  kind: DefinitionKind,
  value: unknown,
): SchemaValidationResult {
  const validator = byKind[kind];
  if (validator(value)) return { valid: true, errors: [] };
  // The validator keeps its errors on itself until the next call: copy them out.
  return { valid: false, errors: [...(validator.errors ?? [])] };
}
