import type { EntityDefinition, EntityField } from '@ruleloom/schemas';
import { appendPointer, createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { ValueChecker } from './checkValues.js';

/**
 * What an entity definition can get wrong that its JSON Schema cannot see: ids used twice,
 * a title field that is not a field, limits no value can meet, defaults that do not fit.
 */

/** A field of the definition with its place in the file. */
export interface PlacedField {
  readonly field: EntityField;
  readonly pointer: string;
}

/** A limit as a number; NaN for anything else (a caller may pass objects without a prototype). */
function limitValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function limitPair(
  field: EntityField,
): [low: string, high: string, lowValue: number, highValue: number] | undefined {
  switch (field.type) {
    case 'number':
    case 'percent':
    case 'money':
      return field.min !== undefined && field.max !== undefined
        ? ['min', 'max', limitValue(field.min), limitValue(field.max)]
        : undefined;
    case 'multi-enum':
      return field.minSelected !== undefined && field.maxSelected !== undefined
        ? [
            'minSelected',
            'maxSelected',
            limitValue(field.minSelected),
            limitValue(field.maxSelected),
          ]
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Duplicate field and option ids (RL5120, RL5121) and contradicting limits (RL5123). Returns
 * the fields to compile: the first of each id.
 *
 * @example
 * checkFieldIds(definition, 'entities/lead.json').diagnostics; // [RL5120 the field id "phone" is used twice …]
 */
export function checkFieldIds(
  definition: EntityDefinition,
  file: string,
): { fields: PlacedField[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fields: PlacedField[] = [];
  const seen = new Set<string>();
  const list: readonly unknown[] = Array.isArray(definition?.fields) ? definition.fields : [];
  list.forEach((candidate, i) => {
    const field = candidate as EntityField;
    const pointer = `/fields/${i}`;
    // Malformed entries are the schema check's to report.
    if (typeof candidate !== 'object' || candidate === null || typeof field.id !== 'string') return;
    if (seen.has(field.id)) {
      diagnostics.push(createDiagnostic('RL5120', `${pointer}/id`, { field: field.id }, { file }));
      return;
    }
    seen.add(field.id);
    fields.push({ field, pointer });
    if (field.type === 'enum' || field.type === 'multi-enum') {
      const options = new Set<string>();
      (Array.isArray(field.options) ? field.options : []).forEach((option, j) => {
        if (typeof option?.id !== 'string') return;
        if (options.has(option.id)) {
          diagnostics.push(
            createDiagnostic(
              'RL5121',
              `${pointer}/options/${j}/id`,
              { field: field.id, option: option.id },
              { file },
            ),
          );
        }
        options.add(option.id);
      });
    }
    const limits = limitPair(field);
    if (limits && limits[2] > limits[3]) {
      diagnostics.push(
        createDiagnostic(
          'RL5123',
          appendPointer(pointer, limits[0]),
          { field: field.id, low: `${limits[0]} ${limits[2]}`, high: `${limits[1]} ${limits[3]}` },
          { file },
        ),
      );
    }
  });
  return { fields, diagnostics };
}

/**
 * The title field names a field (RL5122), and every default fits its field (RL5124).
 *
 * @example
 * checkTitleAndDefaults(definition, fields, checker, 'entities/lead.json'); // [RL5124 …]
 */
export function checkTitleAndDefaults(
  definition: EntityDefinition,
  fields: readonly PlacedField[],
  checker: ValueChecker,
  file: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ids = fields.map(({ field }) => field.id);
  if (typeof definition?.titleField === 'string' && !ids.includes(definition.titleField)) {
    diagnostics.push(
      createDiagnostic(
        'RL5122',
        '/titleField',
        { field: definition.titleField, known: ids.join(', ') },
        { file },
      ),
    );
  }
  for (const { field, pointer } of fields) {
    if (!('default' in field) || field.default === undefined) continue;
    const error = checker.checkField(field.id, field.default);
    if (error) {
      diagnostics.push(
        createDiagnostic(
          'RL5124',
          `${pointer}/default`,
          { field: field.id, detail: error.message },
          { file },
        ),
      );
    }
  }
  return diagnostics;
}
