/**
 * What the checks of one routing file share: the file, the routed entity, the declared
 * roles, and a reporter that remembers whether an error was reported.
 */
import type { EntityField } from '@ruleloom/schemas';
import type { CompiledEntity } from '../app/parts.js';
import type { DiagnosticParams, LocalizedText } from '../diagnostics/types.js';
import { compileExpression, type CompiledExpression } from '../expr/compile.js';
import { routingDiagnostic, type RoutingCode } from './routingDiagnostic.js';
import type { CompileRoutingOptions } from './types.js';

/** The checks' view of the routing being compiled. */
export interface RoutingCompileEnv {
  readonly file: string;
  readonly entityId: string;
  /** The routed entity, when known. */
  readonly entity: CompiledEntity | undefined;
  readonly roles: ReadonlySet<string> | undefined;
  report(code: RoutingCode, pointer: string, params?: DiagnosticParams): void;
  /** RL5500 with a detail in both languages. */
  malformed(pointer: string, detail: LocalizedText): void;
  /** The entity's field a reference names (first segment of a dotted path); RL5502 if none. */
  field(reference: string, pointer: string): EntityField | undefined;
  /** Like `field`, and RL5503 unless it is a user field. */
  userField(reference: string, pointer: string): void;
  /** Compiles a condition, type-checked against the entity; undefined when it has errors. */
  condition(logic: unknown, pointer: string): CompiledExpression | undefined;
  hasErrors(): boolean;
}

/**
 * The environment for one routing file.
 *
 * @example
 * const env = createRoutingEnv('routing/lead-routing.json', 'lead', { report, entity: lead });
 * env.userField('owner', '/assignField'); // RL5503 unless owner is a user field
 */
export function createRoutingEnv(
  file: string,
  entityId: string,
  options: CompileRoutingOptions,
): RoutingCompileEnv {
  let errors = false;
  const report = (code: RoutingCode, pointer: string, params: DiagnosticParams = {}): void => {
    const diagnostic = routingDiagnostic(code, pointer, params, file);
    if (diagnostic.severity === 'error') errors = true;
    options.report(diagnostic);
  };
  let entity = options.entity;
  if (!entity && options.entities) {
    entity = options.entities.get(entityId);
    if (!entity) {
      report('RL5501', '/entity', {
        entity: entityId,
        known: [...options.entities.keys()].join(', ') || '-',
      });
    }
  }
  const field = (reference: string, pointer: string): EntityField | undefined => {
    if (!entity) return undefined;
    const found = entity.fields.get(reference) ?? entity.fields.get(reference.split('.')[0] ?? '');
    if (!found) {
      report('RL5502', pointer, {
        field: reference,
        entity: entity.id,
        known: [...entity.fields.keys()].join(', ') || '-',
      });
    }
    return found;
  };
  return {
    file,
    entityId,
    entity,
    roles: options.roles,
    report,
    malformed: (pointer, detail) => report('RL5500', pointer, { detail }),
    field,
    userField(reference, pointer) {
      const found = field(reference, pointer);
      if (found && found.type !== 'user') {
        report('RL5503', pointer, { field: reference, type: found.type });
      }
    },
    condition(logic, pointer) {
      const compiled = compileExpression(logic, {
        ...(entity ? { fields: entity.fieldInfos } : {}),
        pointer,
        file,
      });
      for (const diagnostic of compiled.diagnostics) {
        if (diagnostic.severity === 'error') errors = true;
        options.report(diagnostic);
      }
      return compiled.ok ? compiled : undefined;
    },
    hasErrors: () => errors,
  };
}
