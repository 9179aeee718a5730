import type { FormDefinition } from '@ruleloom/schemas';
import type { AppIndex, CompiledEntity } from '../app/parts.js';
import type { FieldError } from '../app/types.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { LocalizedText } from '../diagnostics/types.js';
import type { CompiledExpression, EvaluationResult } from '../expr/compile.js';
import { truthy } from '../expr/values.js';
import { localizedLabel } from '../entities/labels.js';
import type { Compiler } from './formFields.js';

/** A form validation rule, compiled. */
export interface FormRule {
  readonly id: string;
  /** Absent when the expression did not compile (the app then has an error anyway). */
  readonly expression?: CompiledExpression;
  readonly message: LocalizedText;
  readonly severity: 'error' | 'warning';
  /** The entity fields to highlight when it fails (unknown ones left out). */
  readonly fields: readonly string[];
}

/**
 * Compiles the form's validation rules against the entity: duplicate rule ids (RL5136) and
 * highlighted fields the entity does not have (RL5134) are reported.
 *
 * @example
 * compileFormRules(definition, visit, index, compile, 'forms/visit-checkin.json')[0].id; // 'gps-within-5km'
 */
export function compileFormRules(
  definition: FormDefinition,
  entity: CompiledEntity,
  index: AppIndex,
  compile: Compiler,
  file: string,
): FormRule[] {
  const seen = new Set<string>();
  const known = [...entity.fields.keys()];
  const rules: FormRule[] = [];
  const list = Array.isArray(definition.validations) ? definition.validations : [];
  list.forEach((rule, i) => {
    const pointer = `/validations/${i}`;
    if (typeof rule !== 'object' || rule === null || typeof rule.id !== 'string') return;
    if (seen.has(rule.id)) compile.duplicate('rule', rule.id, `${pointer}/id`);
    seen.add(rule.id);
    const fields: string[] = [];
    (Array.isArray(rule.fields) ? rule.fields : []).forEach((field, j) => {
      if (entity.fields.has(field)) fields.push(field);
      else {
        index.report(
          createDiagnostic(
            'RL5134',
            `${pointer}/fields/${j}`,
            { rule: rule.id, field: String(field), known: known.slice(0, 20).join(', ') },
            { file },
          ),
        );
      }
    });
    const expression = compile.expression(rule.expression, `${pointer}/expression`);
    rules.push({
      id: rule.id,
      ...(expression ? { expression } : {}),
      message: localizedLabel(rule.message, rule.id),
      severity: rule.severity === 'warning' ? 'warning' : 'error',
      fields,
    });
  });
  return rules;
}

/**
 * The errors of a failed rule, one per highlighted field (`field: ''` when it highlights
 * none: the message belongs to the whole form). A rule that cannot be evaluated on these
 * values counts as failed: it could not confirm what it guards.
 *
 * @example
 * ruleErrors(rule, rule.expression.safeEvaluate(values, context));
 * // [{ field: 'sitePhoto', code: 'RL5118', rule: 'gps-within-5km', severity: 'warning', … }]
 */
export function ruleErrors(rule: FormRule, outcome: EvaluationResult): FieldError[] {
  if (outcome.ok && truthy(outcome.value)) return [];
  const fields = rule.fields.length > 0 ? rule.fields : [''];
  return fields.map((field) => ({
    field,
    code: 'RL5118',
    message: rule.message,
    severity: rule.severity,
    rule: rule.id,
  }));
}
