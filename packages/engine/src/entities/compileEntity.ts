import type { EntityDefinition } from '@ruleloom/schemas';
import type { AppIndex, CompiledEntity, DefinitionFile } from '../app/parts.js';
import type { FieldInfo } from '../expr/types.js';
import { createValueChecker, type ValueChecker } from './checkValues.js';
import { applyComputed, planComputed, type ComputedOptions } from './computed.js';
import { checkFieldIds, checkTitleAndDefaults } from './definitionChecks.js';
import { localizedLabel } from './labels.js';
import { describeField, type FieldDescription } from './schemaErrors.js';
import { copyJson, copyValues, isRecordValues, ownValue, setValue } from './values.js';

/**
 * What compiling an entity needs of the app: where to report, and the zone that reads
 * dates without an offset. Entities compile first, so they see nothing else of the app.
 */
export type EntityCompileIndex = Pick<AppIndex, 'report' | 'zone'> & {
  /**
   * Lets computed fields call the app's tables and formulas (`{"formula": [...]}`): the
   * operators, and the context that binds them once the app is compiled.
   */
  readonly calls?: ComputedOptions;
};

/** A compiled entity plus the JSON Schema of its values (for the designer and API docs). */
export interface CompiledEntityDetails extends CompiledEntity {
  /** JSON Schema (draft 2020-12) of the entity's values, one property per field. */
  readonly jsonSchema: ValueChecker['schema'];
}

/**
 * Compiles an entity definition: field types for the expression type checker (with labels,
 * so formula text may name fields in Chinese), defaults, computed fields in dependency
 * order, and value checks per field type. Problems go to `index.report` as located
 * diagnostics; it never throws and always returns an entity (fields that could not be
 * compiled are left out).
 *
 * @example
 * const lead = compileEntity(
 *   { file: 'entities/lead.json', definition: leadDefinition },
 *   { zone: 'Asia/Shanghai', report: (d) => diagnostics.push(d) },
 * );
 * lead.checkValues({ intentGrade: 'D' })[0].message['zh-CN'];
 * // '"D" 不是意向等级的可选项（可选：A、B、C）'
 */
export function compileEntity(
  file: DefinitionFile<EntityDefinition>,
  index: EntityCompileIndex,
): CompiledEntityDetails {
  const definition = file.definition;
  const id = typeof definition?.id === 'string' ? definition.id : '';
  const label = localizedLabel(definition?.label, id);
  const { fields: placed, diagnostics } = checkFieldIds(definition, file.file);

  const descriptions = new Map<string, FieldDescription>();
  const fieldInfos: FieldInfo[] = [];
  for (const { field } of placed) {
    descriptions.set(field.id, describeField(field));
    fieldInfos.push(
      field.label === undefined
        ? { id: field.id, type: field.type }
        : { id: field.id, type: field.type, label: field.label },
    );
  }
  const checker = createValueChecker(label, descriptions, index.zone);
  const plan = planComputed(
    placed.filter(({ field }) => field.computed !== undefined),
    fieldInfos,
    file.file,
    index.calls ?? {},
  );
  diagnostics.push(
    ...plan.diagnostics,
    ...checkTitleAndDefaults(definition, placed, checker, file.file),
  );
  for (const diagnostic of diagnostics) index.report(diagnostic);

  const defaults = placed.filter(
    ({ field }) =>
      'default' in field && field.default !== undefined && field.computed === undefined,
  );
  return {
    id,
    file: file.file,
    definition,
    label,
    fields: new Map(placed.map(({ field }) => [field.id, field])),
    fieldInfos,
    jsonSchema: checker.schema,
    fieldLabel: (fieldId) => descriptions.get(fieldId)?.label ?? localizedLabel(undefined, fieldId),
    withDefaults(values) {
      const result = copyValues(isRecordValues(values) ? values : {});
      for (const { field } of defaults) {
        if (ownValue(result, field.id) === undefined)
          setValue(result, field.id, copyJson(field.default));
      }
      return result;
    },
    withComputed: (values, now) =>
      applyComputed(plan, values, now, index.zone, index.calls?.context?.()),
    checkValues: (values, options) => checker.check(values, options),
  };
}
