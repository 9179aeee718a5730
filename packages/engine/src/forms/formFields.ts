import type { EntityField, FormDefinition, FormField } from '@ruleloom/schemas';
import type { AppIndex, CompiledEntity } from '../app/parts.js';
import { appendPointer, createDiagnostic } from '../diagnostics/diagnostic.js';
import type { LocalizedText } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import { localizedLabel } from '../entities/labels.js';
import { isListField } from '../entities/valueSchema.js';

/** A field as one form shows it: where it stands, its label, and when it shows and is required. */
export interface FormFieldPlan {
  readonly id: string;
  readonly field: EntityField;
  /** JSON pointer of the entry in the form file. */
  readonly pointer: string;
  /** The label on this form (the form's own, else the field's). */
  readonly label: LocalizedText;
  /** Required by the entity or by this form, whatever the data. */
  readonly required: boolean;
  readonly requiredWhen?: CompiledExpression;
  readonly visibleWhen?: CompiledExpression;
  /** The `visibleWhen` of the field's section. */
  readonly sectionVisibleWhen?: CompiledExpression;
  /** Form-level list limits (list fields only). */
  readonly minItems?: number;
  readonly maxItems?: number;
}

interface Entry {
  readonly value: FormField;
  readonly pointer: string;
  readonly sectionVisibleWhen?: CompiledExpression;
}

/** The form's entries in order, sections flattened, with their section's condition. */
function entriesOf(definition: FormDefinition, compile: Compiler): Entry[] {
  if (Array.isArray(definition.sections)) {
    const seen = new Set<string>();
    return definition.sections.flatMap((section, s) => {
      const pointer = `/sections/${s}`;
      if (typeof section !== 'object' || section === null) return [];
      if (typeof section.id === 'string') {
        if (seen.has(section.id)) compile.duplicate('section', section.id, `${pointer}/id`);
        seen.add(section.id);
      }
      const sectionVisibleWhen =
        section.visibleWhen === undefined
          ? undefined
          : compile.expression(section.visibleWhen, `${pointer}/visibleWhen`);
      const fields: readonly FormField[] = Array.isArray(section.fields) ? section.fields : [];
      return fields.map((value, i) => ({
        value,
        pointer: `${pointer}/fields/${i}`,
        ...(sectionVisibleWhen ? { sectionVisibleWhen } : {}),
      }));
    });
  }
  const fields: readonly FormField[] = Array.isArray(definition.fields) ? definition.fields : [];
  return fields.map((value, i) => ({ value, pointer: `/fields/${i}` }));
}

/** How the form's parts compile expressions and report, bound to the form's file. */
export interface Compiler {
  expression(logic: unknown, pointer: string): CompiledExpression | undefined;
  duplicate(what: 'section' | 'rule', id: string, pointer: string): void;
}

/**
 * Binds expression compiling and duplicate reports to a form's file and entity.
 *
 * @example
 * const compile = formCompiler(index, lead, 'forms/lead-create.json');
 * compile.expression({ '==': [{ var: 'source' }, 'website'] }, '/fields/3/visibleWhen');
 */
export function formCompiler(index: AppIndex, entity: CompiledEntity, file: string): Compiler {
  const labels: Record<'section' | 'rule', LocalizedText> = {
    section: { 'zh-CN': '分组', en: 'section' },
    rule: { 'zh-CN': '校验规则', en: 'rule' },
  };
  return {
    expression: (logic, pointer) => index.expression(logic, entity.id, file, pointer),
    duplicate: (what, id, pointer) =>
      index.report(createDiagnostic('RL5136', pointer, { what: labels[what], id }, { file })),
  };
}

/**
 * The fields of a form in order, checked against the entity: unknown fields (RL5131), a
 * field twice (RL5132), list limits on single values (RL5133) or contradicting (RL5123).
 * Their conditions are compiled (and type-checked) against the entity's fields.
 *
 * @example
 * planFormFields(definition, lead, index, compile, 'forms/lead-create.json').map((f) => f.id);
 * // ['name', 'company', 'phone', 'source', 'websiteForm', …]
 */
export function planFormFields(
  definition: FormDefinition,
  entity: CompiledEntity,
  index: AppIndex,
  compile: Compiler,
  file: string,
): FormFieldPlan[] {
  const plans: FormFieldPlan[] = [];
  const seen = new Set<string>();
  const known = [...entity.fields.keys()];
  for (const { value, pointer, sectionVisibleWhen } of entriesOf(definition, compile)) {
    const options = typeof value === 'object' && value !== null ? value : undefined;
    const id = options ? options.field : value;
    if (typeof id !== 'string') continue; // the schema check reports it
    const idPointer = options ? `${pointer}/field` : pointer;
    const field = entity.fields.get(id);
    if (!field) {
      index.report(
        createDiagnostic(
          'RL5131',
          idPointer,
          { entity: entity.id, field: id, known: known.slice(0, 20).join(', ') },
          { file },
        ),
      );
      continue;
    }
    if (seen.has(id)) {
      index.report(createDiagnostic('RL5132', idPointer, { field: id }, { file }));
      continue;
    }
    seen.add(id);
    const condition = (key: 'requiredWhen' | 'visibleWhen' | 'readOnlyWhen') =>
      options?.[key] === undefined
        ? undefined
        : compile.expression(options[key], appendPointer(pointer, key));
    const requiredWhen = condition('requiredWhen');
    const visibleWhen = condition('visibleWhen');
    // Not used when validating (what a person may edit is the caller's business), but an
    // unknown field in it is as wrong as anywhere else.
    condition('readOnlyWhen');
    for (const limit of ['minItems', 'maxItems'] as const) {
      if (options?.[limit] !== undefined && !isListField(field)) {
        index.report(
          createDiagnostic(
            'RL5133',
            `${pointer}/${limit}`,
            { field: id, property: limit },
            { file },
          ),
        );
      }
    }
    const list = isListField(field);
    const minItems = list ? options?.minItems : undefined;
    const maxItems = list ? options?.maxItems : undefined;
    if (minItems !== undefined && maxItems !== undefined && minItems > maxItems) {
      index.report(
        createDiagnostic(
          'RL5123',
          `${pointer}/minItems`,
          { field: id, low: `minItems ${minItems}`, high: `maxItems ${maxItems}` },
          { file },
        ),
      );
    }
    plans.push({
      id,
      field,
      pointer,
      label:
        options?.label === undefined ? entity.fieldLabel(id) : localizedLabel(options.label, id),
      required: field.required === true || options?.required === true,
      ...(requiredWhen ? { requiredWhen } : {}),
      ...(visibleWhen ? { visibleWhen } : {}),
      ...(sectionVisibleWhen ? { sectionVisibleWhen } : {}),
      ...(minItems === undefined ? {} : { minItems }),
      ...(maxItems === undefined ? {} : { maxItems }),
    });
  }
  return plans;
}
