import { sharedSchemas, type DefinitionKind, type ExpressionSlot } from '@ruleloom/schemas';
import type { FieldInfo, FieldType } from '../expr/types.js';
import { isJsonObject } from './pointer.js';

const FIELD_TYPES: ReadonlySet<unknown> = new Set(
  Array.isArray(sharedSchemas['field-type'].enum) ? sharedSchemas['field-type'].enum : [],
);

/**
 * Slots whose expressions read typed values the definition declares itself, and the
 * property that declares them: an entity's computed fields read its fields, a formula
 * reads its inputs, a table row's condition reads the table's input columns.
 */
const declaringProperty: Partial<Record<DefinitionKind, Readonly<Record<string, string>>>> = {
  entity: { '/fields/*/computed': 'fields' },
  formula: { '/expression': 'inputs', '/text': 'inputs' },
  table: { '/rows/*/when/*/expression': 'inputs' },
};

/** Field infos of a list of `{ id, type, label }` declarations; malformed entries are skipped (the schema reports them). */
function fieldInfos(declarations: unknown): FieldInfo[] {
  if (!Array.isArray(declarations)) return [];
  const infos: FieldInfo[] = [];
  for (const declaration of declarations) {
    if (
      !isJsonObject(declaration) ||
      typeof declaration.id !== 'string' ||
      !FIELD_TYPES.has(declaration.type)
    )
      continue;
    const label = declaration.label;
    const info: FieldInfo = { id: declaration.id, type: declaration.type as FieldType };
    infos.push(
      typeof label === 'string' || isJsonObject(label)
        ? { ...info, label: label as FieldInfo['label'] }
        : info,
    );
  }
  return infos;
}

/**
 * The fields an expression in `slot` is type-checked against: the ones the document
 * declares for that slot (followed by the caller's, for an entity's record fields), else
 * the caller's, else none (then only the expression's structure is checked).
 *
 * @example
 * fieldsForSlot('formula', { pattern: '/text', syntax: 'formula-text' }, formula, undefined);
 * // [{ id: 'paymentRate', type: 'percent', label: … }, …]
 */
export function fieldsForSlot(
  kind: DefinitionKind,
  slot: ExpressionSlot,
  document: unknown,
  given: readonly FieldInfo[] | undefined,
): readonly FieldInfo[] | undefined {
  const property = declaringProperty[kind]?.[slot.pattern];
  if (property === undefined || !isJsonObject(document)) return given;
  const declared = fieldInfos(document[property]);
  if (kind !== 'entity' || !given) return declared;
  const ids = new Set(declared.map((field) => field.id));
  return [...declared, ...given.filter((field) => !ids.has(field.id))];
}
