import type { Action, EntityField } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import { isOperation } from '../../expr/values.js';
import {
  compatible,
  fieldValueType,
  literalType,
  valueTypeName,
  type ValueType,
} from '../../expr/valueTypes.js';
import type { AutomationCompileEnv } from '../compileEnv.js';
import { cloneJson } from '../recordValues.js';
import type { CompiledAction } from './types.js';

type SetFieldAction = Extract<Action, { type: 'setField' }>;

/**
 * What a value must be to go into a field. Looser than the field's own type where JsonLogic
 * is: numeric text reads as a number, and dates may be given as ISO text or epoch ms.
 */
function acceptedTypes(field: EntityField): readonly ValueType[] | undefined {
  const multiple = 'multiple' in field && field.multiple === true;
  switch (field.type) {
    case 'text':
    case 'enum':
      return ['string', 'number'];
    case 'user':
      return multiple ? ['array'] : ['string'];
    case 'date':
    case 'datetime':
      return ['date', 'string', 'number'];
    case 'ref':
    case 'attachment':
    case 'photo':
    case 'geo':
      // Shapes the type checker does not model: any value may go in.
      return undefined;
    default:
      return [fieldValueType[field.type]];
  }
}

/** A literal option id (or list of them) must be one of the field's options (RL5318). */
function checkOptions(
  field: EntityField,
  value: unknown,
  pointer: string,
  env: AutomationCompileEnv,
): void {
  if (field.type !== 'enum' && field.type !== 'multi-enum') return;
  if (isOperation(value)) return;
  const ids = field.options.map((option) => option.id);
  const given = Array.isArray(value) ? value : [value];
  for (const option of given) {
    if (typeof option === 'string' && !ids.includes(option)) {
      env.report('RL5318', pointer, { field: field.id, option, known: ids.join(', ') });
    }
  }
}

/**
 * `setField`: sets a field of the record to a literal or the value of an expression over the
 * record (as the earlier actions left it). The field must exist and not be computed; the
 * value's type must fit the field.
 *
 * @example
 * compileSetField({ type: 'setField', field: 'financeStatus', value: 'pending' }, '/actions/3', env);
 */
export function compileSetField(
  action: SetFieldAction,
  pointer: string,
  env: AutomationCompileEnv,
): CompiledAction | undefined {
  const fieldPointer = appendPointer(pointer, 'field');
  const valuePointer = appendPointer(pointer, 'value');
  const fieldId = action.field;
  const field = env.entity?.fields.get(fieldId);
  if (!field) {
    // Only whole fields are set: a dotted path would write inside a value the entity types.
    if (env.entity) env.report('RL5302', fieldPointer, { field: fieldId, entity: env.entityId });
    return undefined;
  }
  if (field.computed !== undefined) {
    env.report('RL5306', fieldPointer, { field: fieldId });
    return undefined;
  }
  const value = env.expression(action.value, valuePointer);
  if (!value) return undefined;
  const accepted = acceptedTypes(field);
  const actual = isOperation(action.value) ? value.resultType : literalType(action.value);
  if (accepted && !compatible(actual, accepted)) {
    env.report('RL5307', valuePointer, {
      field: fieldId,
      expected: valueTypeName(accepted[0] ?? 'any'),
      actual: valueTypeName(actual),
    });
    return undefined;
  }
  checkOptions(field, action.value, valuePointer, env);
  return {
    writes: [fieldId],
    run(draft, run) {
      const next = value.evaluate(run.snapshot().values, run.evaluation);
      // A copy: the value may be a part of the record or of the rule, which stay as they are.
      draft.values[fieldId] = cloneJson(next);
    },
  };
}
