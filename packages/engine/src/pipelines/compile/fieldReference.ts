/** Field references of a pipeline (gates, approvers, the stage field) checked against its entity. */
import type { EntityField } from '@ruleloom/schemas';
import type { CompileScope } from './CompileScope.js';

/**
 * The entity field a reference names, or undefined after reporting RL5209. A dotted path
 * (`customer.grade`) is checked by its first segment: the nested part is data, not schema.
 * Without an entity (already reported) nothing is checked.
 *
 * @example
 * fieldOf(scope, 'budgetRange', '/stages/2/entryGate/requiredFields/0'); // the enum field
 */
export function fieldOf(
  scope: CompileScope,
  path: string,
  pointer: string,
): EntityField | undefined {
  const fields = scope.entity?.fields;
  if (fields === undefined) return undefined;
  const field = fields.get(path) ?? fields.get(path.split('.')[0] ?? path);
  if (field === undefined) {
    scope.report('RL5209', pointer, { field: path, entity: scope.entityId });
  }
  return field;
}
