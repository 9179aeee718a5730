/**
 * What the checks of one automation file share: the app index, the file, the watched
 * entity, and a reporter that counts errors (an automation with errors does not compile).
 */
import type { AutomationDefinition, EntityField } from '@ruleloom/schemas';
import type { AppIndex, CompiledEntity, DefinitionFile } from '../app/parts.js';
import type { DiagnosticCode } from '../diagnostics/catalogue/index.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticParams } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';

/** The checks' view of the automation being compiled. */
export interface AutomationCompileEnv {
  readonly index: AppIndex;
  readonly file: string;
  readonly definition: AutomationDefinition;
  /** The watched entity's id ('' for an app-wide schedule). */
  readonly entityId: string;
  /** The watched entity, when it exists. */
  readonly entity: CompiledEntity | undefined;
  /** Reports a diagnostic located in this file. */
  report(code: DiagnosticCode, pointer: string, params?: DiagnosticParams): void;
  /**
   * The entity's field that a reference names (its first segment, for a dotted path into
   * nested data); RL5302 when there is none. Undefined, silently, when the entity itself is
   * unknown (RL5301 said so once already).
   */
  field(reference: string, pointer: string): EntityField | undefined;
  /** Compiles and type-checks an expression over the entity; undefined when it has errors. */
  expression(logic: unknown, pointer: string): CompiledExpression | undefined;
  /** True once any error was reported through this environment. */
  hasErrors(): boolean;
}

/**
 * The environment for one automation file.
 *
 * @example
 * const env = createCompileEnv(file, index);
 * env.field('owner', '/actions/0/recipients/0/field'); // the owner field, or RL5302
 */
export function createCompileEnv(
  file: DefinitionFile<AutomationDefinition>,
  index: AppIndex,
): AutomationCompileEnv {
  const { definition } = file;
  const entityId = typeof definition.entity === 'string' ? definition.entity : '';
  const entity = entityId === '' ? undefined : index.entities.get(entityId);
  let errors = false;

  const report = (code: DiagnosticCode, pointer: string, params: DiagnosticParams = {}): void => {
    const diagnostic = createDiagnostic(code, pointer, params, { file: file.file });
    if (diagnostic.severity === 'error') errors = true;
    index.report(diagnostic);
  };

  return {
    index,
    file: file.file,
    definition,
    entityId,
    entity,
    report,
    field(reference, pointer) {
      if (!entity) return undefined;
      const field =
        entity.fields.get(reference) ?? entity.fields.get(reference.split('.')[0] ?? '');
      if (!field) report('RL5302', pointer, { field: reference, entity: entityId });
      return field;
    },
    expression(logic, pointer) {
      const compiled = index.expression(logic, entity ? entityId : undefined, file.file, pointer);
      if (!compiled) errors = true;
      return compiled;
    },
    hasErrors: () => errors,
  };
}
