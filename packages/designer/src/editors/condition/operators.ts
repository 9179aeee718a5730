import type { ConditionLiteral, ConditionOperator, ConditionRule } from './conditionTree.js';
import { LIST_OPERATORS, VALUELESS_OPERATORS } from './conditionTree.js';

/** A field the condition builder offers: its id, display label, type and enum options. */
export interface ConditionField {
  readonly id: string;
  readonly label: string;
  /** A field type of the definition language (`text`, `number`, `money`, `enum`, …). */
  readonly type: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

const LIST_TYPES = new Set(['multi-enum', 'tags', 'attachment', 'photo']);
const NUMERIC = ['==', '!=', '>', '>=', '<', '<=', 'isEmpty', 'isNotEmpty'] as const;

/** The operators offered for a field type, most common first. */
export function operatorsFor(type: string | undefined): readonly ConditionOperator[] {
  switch (type) {
    case 'number':
    case 'money':
    case 'percent':
      return NUMERIC;
    case 'date':
    case 'datetime':
      return ['>', '>=', '<', '<=', '==', '!=', 'isEmpty', 'isNotEmpty'];
    case 'enum':
      return ['==', '!=', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];
    case 'multi-enum':
    case 'tags':
      return ['contains', 'hasAny', 'isFilledList', 'isBlankList'];
    case 'attachment':
    case 'photo':
      return ['isFilledList', 'isBlankList'];
    case 'boolean':
      return ['==', '!=', 'isEmpty', 'isNotEmpty'];
    case 'geo':
      return ['isNotEmpty', 'isEmpty'];
    case 'text':
      return ['==', '!=', 'contains', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];
    case 'user':
    case 'ref':
      return ['==', '!=', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];
    default:
      return [
        '==',
        '!=',
        '>',
        '>=',
        '<',
        '<=',
        'in',
        'notIn',
        'contains',
        'hasAny',
        'isEmpty',
        'isNotEmpty',
      ];
  }
}

/** The value a new row or a row whose operator changed starts with. */
function defaultValue(
  field: ConditionField | undefined,
  operator: ConditionOperator,
): ConditionLiteral | ConditionLiteral[] | undefined {
  if (VALUELESS_OPERATORS.has(operator)) return undefined;
  if (LIST_OPERATORS.has(operator)) return [];
  switch (field?.type) {
    case 'number':
    case 'money':
    case 'percent':
      return 0;
    case 'boolean':
      return true;
    case 'enum':
    case 'multi-enum':
      return field.options?.[0]?.value ?? '';
    default:
      return '';
  }
}

/** A new row on `field` with the field type's first operator. */
export function newRule(field: ConditionField | undefined): ConditionRule {
  const operator = LIST_TYPES.has(field?.type ?? '')
    ? 'isFilledList'
    : (operatorsFor(field?.type)[0] ?? '==');
  return withValue({ kind: 'rule', field: field?.id ?? '', operator }, field);
}

function withValue(
  rule: ConditionRule,
  field: ConditionField | undefined,
  value = defaultValue(field, rule.operator),
): ConditionRule {
  const { value: _old, ...rest } = rule;
  return value === undefined ? rest : { ...rest, value };
}

/** `rule` on another field: the operator is kept when the new type offers it. */
export function changeField(rule: ConditionRule, field: ConditionField | undefined): ConditionRule {
  if (!field) return { ...rule, field: '' };
  const operators = operatorsFor(field.type);
  if (!operators.includes(rule.operator)) return newRule(field);
  return withValue({ ...rule, field: field.id }, field);
}

/** `rule` with another operator: the value is kept when its shape still fits. */
export function changeOperator(
  rule: ConditionRule,
  operator: ConditionOperator,
  field: ConditionField | undefined,
): ConditionRule {
  const next: ConditionRule = { ...rule, operator };
  const wasList = LIST_OPERATORS.has(rule.operator);
  const isList = LIST_OPERATORS.has(operator);
  if (VALUELESS_OPERATORS.has(operator)) return withValue(next, field, undefined);
  if (rule.value !== undefined && wasList === isList) return next;
  if (isList && rule.value !== undefined && !Array.isArray(rule.value)) {
    return withValue(next, field, [rule.value as ConditionLiteral]);
  }
  if (!isList && Array.isArray(rule.value) && rule.value.length > 0) {
    return withValue(next, field, rule.value[0] as ConditionLiteral);
  }
  return withValue(next, field);
}
