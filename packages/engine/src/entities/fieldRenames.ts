import type { EntityDefinition, EntityField } from '@ruleloom/schemas';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { localizedLabel } from './labels.js';
import { optionsOf } from './valueSchema.js';

/**
 * S7b: field ids are what data is stored under, so renaming one is a migration, not an edit.
 * The entity schema has no way to declare a rename (no `renamedFrom`), so the change is
 * found by comparing the definition before and after.
 */

function fieldsOf(
  definition: EntityDefinition,
): Map<string, { field: EntityField; index: number }> {
  const fields = new Map<string, { field: EntityField; index: number }>();
  const list: readonly unknown[] = Array.isArray(definition?.fields) ? definition.fields : [];
  list.forEach((candidate, index) => {
    const field = candidate as EntityField;
    if (
      typeof candidate === 'object' &&
      candidate !== null &&
      typeof field.id === 'string' &&
      !fields.has(field.id)
    ) {
      fields.set(field.id, { field, index });
    }
  });
  return fields;
}

/** True when two fields carry the same label in some language (ids do not count). */
function sameLabel(a: EntityField, b: EntityField): boolean {
  const left = localizedLabel(a.label, '');
  const right = localizedLabel(b.label, '');
  return (
    (left['zh-CN'] !== '' && left['zh-CN'] === right['zh-CN']) ||
    (left.en !== '' && left.en === right.en)
  );
}

function optionIds(field: EntityField): string[] {
  return optionsOf(field).map((option) => option.id);
}

/**
 * Compares an entity definition with its previous version and reports what would strand
 * data: removed field ids (RL5126), a removed id that looks renamed — one added field with
 * the same label and type (RL5127) —, a field whose type changed (RL5128) and removed
 * option ids (RL5129). All are warnings: the change may be intended, but existing records
 * need a migration. Pointers point into `next`.
 *
 * @example
 * detectFieldRenames(
 *   { …order, fields: [{ id: 'amount', label: '订单金额', type: 'money' }] },
 *   { …order, fields: [{ id: 'order_value', label: '订单金额', type: 'money' }] },
 * );
 * // [RL5127 the field id "amount" seems renamed to "order_value" (same label and type) …]
 */
export function detectFieldRenames(
  previous: EntityDefinition,
  next: EntityDefinition,
  file?: string,
): Diagnostic[] {
  const extras = file === undefined ? {} : { file };
  const before = fieldsOf(previous);
  const after = fieldsOf(next);
  const added = [...after.values()].filter(({ field }) => !before.has(field.id));
  const diagnostics: Diagnostic[] = [];
  for (const [id, { field }] of before) {
    const now = after.get(id);
    if (!now) {
      const likely = added.filter(
        (candidate) => candidate.field.type === field.type && sameLabel(candidate.field, field),
      );
      const only = likely.length === 1 ? likely[0] : undefined;
      diagnostics.push(
        only
          ? createDiagnostic(
              'RL5127',
              `/fields/${only.index}/id`,
              { from: id, to: only.field.id },
              extras,
            )
          : createDiagnostic('RL5126', '/fields', { field: id }, extras),
      );
      continue;
    }
    if (now.field.type !== field.type) {
      diagnostics.push(
        createDiagnostic(
          'RL5128',
          `/fields/${now.index}/type`,
          { field: id, from: String(field.type), to: String(now.field.type) },
          extras,
        ),
      );
      continue;
    }
    const kept = new Set(optionIds(now.field));
    for (const option of optionIds(field).filter((option) => !kept.has(option))) {
      diagnostics.push(
        createDiagnostic('RL5129', `/fields/${now.index}/options`, { field: id, option }, extras),
      );
    }
  }
  return diagnostics;
}
