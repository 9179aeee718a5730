import { validateDefinitionSchema, type DefinitionKind } from '@ruleloom/schemas';
import { createDiagnostic, type DiagnosticExtras } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { FieldInfo } from '../expr/types.js';
import { checkExpressions } from './expressionChecks.js';
import { resolveKind } from './kind.js';
import { schemaDiagnostics } from './schemaDiagnostics.js';

/** Options of {@link validateDefinition}. */
export interface ValidateDefinitionOptions {
  /** The kind, when the document has no `$schema` (which wins when present). */
  readonly kind?: DefinitionKind;
  /**
   * The file's path in its app folder (`entities/lead.json`); the kind is inferred from it
   * when neither `$schema` nor `kind` gives one.
   */
  readonly path?: string;
  /** The file name copied onto every diagnostic. */
  readonly file?: string;
  /**
   * Fields of the record the definition's expressions run on (the entity of a form,
   * pipeline, automation, routing or timer). With them, expressions are type-checked and
   * unknown field ids reported; without them only the expressions' structure is checked.
   * An entity's computed fields and a formula's or table's own typed inputs are known from
   * the definition itself.
   */
  readonly fields?: readonly FieldInfo[];
  /**
   * Operators the definition's expressions may use besides the built-ins. Pass
   * `callOperators()` for tables and formulas, whose expressions may call other tables and
   * formulas (`{"table": [...]}`, `{"formula": [...]}`); without it those are unknown operators.
   */
  readonly operators?: OperatorRegistry;
}

/**
 * Checks one definition file's content: its kind, its schema (with diagnostics a business
 * admin can act on, each with the JSON pointer of the value to change), and every
 * expression and formula text in it. Never throws, whatever the input.
 *
 * @example
 * validateDefinition({
 *   $schema: 'https://ruleloom.dev/schemas/v1/automation.schema.json',
 *   id: 'tag-whitepaper', entity: 'lead',
 *   trigger: { type: 'record.created' },
 *   condition: { frobnicate: [1] },
 *   actions: [{ type: 'addTag', tag: '官网-白皮书下载' }],
 * }).map((d) => `${d.code} ${d.pointer}`);
 * // ['RL2001 /condition/frobnicate']
 *
 * @example
 * validateDefinition({ id: 'lead', fields: [] }, { path: 'entities/lead.json' }).map((d) => d.code);
 * // ['RL1006' (missing "$schema"), 'RL1021' (fields: at least 1 entry)]
 */
export function validateDefinition(
  value: unknown,
  options: ValidateDefinitionOptions = {},
): Diagnostic[] {
  const safe: ValidateDefinitionOptions =
    typeof options === 'object' && options !== null ? options : {};
  const extras: DiagnosticExtras = typeof safe.file === 'string' ? { file: safe.file } : {};
  try {
    const resolution = resolveKind(value, safe, extras);
    const { kind } = resolution;
    if (!kind) return [...resolution.diagnostics];
    const { errors } = validateDefinitionSchema(kind, value);
    return [
      ...resolution.diagnostics,
      ...schemaDiagnostics(errors, {
        kind,
        document: value,
        extras,
        ignoreSchemaProperty: resolution.unknownSchema,
      }),
      ...checkExpressions(
        kind,
        value,
        Array.isArray(safe.fields) ? safe.fields : undefined,
        extras,
        safe.operators,
      ),
    ];
  } catch (error) {
    // Nothing above should throw; if it does, the caller still gets a diagnostic, not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return [createDiagnostic('RL1024', '', { detail }, extras)];
  }
}
