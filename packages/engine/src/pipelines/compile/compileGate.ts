/** Gates checked and compiled: required fields, required attachments, conditions. */
import type { Gate } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import { fieldTypeName, toLocalized } from '../text.js';
import type { CompiledGate, GateConditionCheck, GateField } from '../types.js';
import type { CompileScope } from './CompileScope.js';
import { fieldOf } from './fieldReference.js';

const FILE_TYPES: ReadonlySet<string> = new Set(['attachment', 'photo']);

/**
 * Checks a gate against the entity and compiles its conditions. Unknown fields are RL5209,
 * required attachments that are not attachment or photo fields RL5210; condition
 * expressions are type-checked against the entity.
 *
 * @example
 * compileGate(scope, stage.entryGate, '/stages/2/entryGate');
 */
export function compileGate(scope: CompileScope, gate: Gate, pointer: string): CompiledGate {
  const label = (field: string): GateField => ({
    field,
    label: scope.entity?.fieldLabel(field) ?? toLocalized(undefined, field),
  });

  const requiredFields = (gate.requiredFields ?? []).map((field, i) => {
    fieldOf(scope, field, appendPointer(`${pointer}/requiredFields`, i));
    return label(field);
  });

  const requiredAttachments = (gate.requiredAttachments ?? []).map((field, i) => {
    const at = appendPointer(`${pointer}/requiredAttachments`, i);
    const found = fieldOf(scope, field, at);
    if (found !== undefined && !FILE_TYPES.has(found.type)) {
      scope.report('RL5210', at, { field, type: fieldTypeName(found.type) });
    }
    return label(field);
  });

  const conditions: GateConditionCheck[] = [];
  (gate.conditions ?? []).forEach((condition, i) => {
    const at = appendPointer(`${pointer}/conditions`, i);
    const expression = scope.expression(condition.expression, `${at}/expression`);
    if (expression === undefined) return;
    conditions.push({
      id: condition.id ?? at,
      message: toLocalized(condition.message, condition.id ?? at),
      severity: condition.severity ?? 'error',
      expression,
    });
  });

  return { requiredFields, requiredAttachments, conditions };
}
