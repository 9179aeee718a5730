import type { FormDefinition } from '@ruleloom/schemas';
import type { AppIndex, CompiledEntity, CompiledForm, DefinitionFile } from '../app/parts.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { JsonSchema } from '../entities/valueSchema.js';
import { localizedLabel } from '../entities/labels.js';
import { formCompiler, planFormFields, type FormFieldPlan } from './formFields.js';
import { compileFormRules } from './formRules.js';
import { buildFormSchema } from './formSchema.js';
import { validateFormData } from './validateForm.js';

/** A compiled form plus what the designer and API callers may want to show. */
export interface CompiledFormDetails extends CompiledForm {
  /** JSON Schema (draft 2020-12) of the form's fields. */
  readonly jsonSchema: JsonSchema;
  /** The form's field ids in order (sections flattened). */
  readonly fields: readonly string[];
}

/**
 * A create form must let a record be saved: every field the entity requires is on it, or
 * has a default, or is computed (RL5135).
 */
function reportMissingRequired(
  definition: FormDefinition,
  entity: CompiledEntity,
  plans: readonly FormFieldPlan[],
  index: AppIndex,
  file: string,
): void {
  if (definition.mode !== 'create') return;
  const onForm = new Set(plans.map((plan) => plan.id));
  const at = Array.isArray(definition.sections) ? '/sections' : '/fields';
  for (const [id, field] of entity.fields) {
    const filled =
      field.computed !== undefined || ('default' in field && field.default !== undefined);
    if (field.required === true && !onForm.has(id) && !filled) {
      index.report(createDiagnostic('RL5135', at, { field: id }, { file }));
    }
  }
}

/**
 * Compiles a form against its entity (which `index.entities` must hold): its fields in
 * order, their conditions and the form's rules type-checked against the entity's fields,
 * and the JSON Schema of its fields with its validator, built once. Problems are reported
 * to `index.report` with their place in the file; a form whose entity is unknown is
 * reported (RL5130) and gives `undefined`. Never throws.
 *
 * @example
 * const form = compileForm({ file: 'forms/lead-create.json', definition: leadCreate }, index);
 * form?.validate({ source: 'douyin' }, { now: '2026-03-02T10:00:00+08:00' }).errors[0].message['zh-CN'];
 * // '必填项未填写：联系人'
 */
export function compileForm(
  file: DefinitionFile<FormDefinition>,
  index: AppIndex,
): CompiledFormDetails | undefined {
  const definition = file.definition;
  const entity =
    typeof definition?.entity === 'string' ? index.entities.get(definition.entity) : undefined;
  if (!entity) {
    index.report(
      createDiagnostic(
        'RL5130',
        '/entity',
        { entity: String(definition?.entity), known: [...index.entities.keys()].join(', ') || '—' },
        { file: file.file },
      ),
    );
    return undefined;
  }
  const compile = formCompiler(index, entity, file.file);
  const plans = planFormFields(definition, entity, index, compile, file.file);
  const rules = compileFormRules(definition, entity, index, compile, file.file);
  reportMissingRequired(definition, entity, plans, index, file.file);
  const schema = buildFormSchema(
    plans,
    index.locale,
    localizedLabel(definition.label, typeof definition.id === 'string' ? definition.id : entity.id),
  );
  const validation = { definition, entity, zone: index.zone, plans, rules, schema };
  return {
    id: definition.id,
    entity: entity.id,
    file: file.file,
    definition,
    jsonSchema: schema.schema,
    fields: plans.map((plan) => plan.id),
    validate: (data, ctx) => validateFormData(validation, data, ctx),
  };
}
