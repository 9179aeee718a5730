/**
 * What the editors read about entities from the app's files: the fields of an entity, as
 * condition-builder fields and as engine field infos.
 */
import type { EntityDefinition, EntityField } from '@ruleloom/schemas';
import type { FieldInfo } from '@ruleloom/engine';
import { localize, type EditorLocale } from '../i18n.js';
import type { ConditionField } from '../condition/operators.js';

/** The entity definition `entities/<id>.json` (or any file declaring that id), if the app has it. */
export function findEntity(
  files: Readonly<Record<string, unknown>>,
  id: string | undefined,
): EntityDefinition | undefined {
  if (!id) return undefined;
  const direct = files[`entities/${id}.json`];
  if (isEntity(direct) && direct.id === id) return direct;
  return Object.values(files).find(
    (file): file is EntityDefinition => isEntity(file) && file.id === id,
  );
}

function isEntity(file: unknown): file is EntityDefinition {
  return (
    typeof file === 'object' &&
    file !== null &&
    Array.isArray((file as { fields?: unknown }).fields) &&
    typeof (file as { id?: unknown }).id === 'string' &&
    String((file as { $schema?: unknown }).$schema ?? '').endsWith('/entity.schema.json')
  );
}

/** The fields of an entity (none when it is missing). */
export function entityFields(entity: EntityDefinition | undefined): readonly EntityField[] {
  return Array.isArray(entity?.fields) ? entity.fields : [];
}

/** The entity's fields as condition-builder fields, labels in `locale`. */
export function conditionFields(
  entity: EntityDefinition | undefined,
  locale: EditorLocale,
): ConditionField[] {
  return entityFields(entity).map((field) => {
    const options = 'options' in field && Array.isArray(field.options) ? field.options : undefined;
    return {
      id: field.id,
      label: localize(field.label, locale, field.id),
      type: field.type,
      ...(options
        ? { options: options.map((o) => ({ value: o.id, label: localize(o.label, locale, o.id) })) }
        : {}),
    };
  });
}

/** The entity's fields as the engine's field infos (for formula text and type checks). */
export function fieldInfos(entity: EntityDefinition | undefined): FieldInfo[] {
  return entityFields(entity).map((field) => ({
    id: field.id,
    type: field.type,
    ...(field.label === undefined ? {} : { label: field.label }),
  }));
}

/** Ids of the definitions of one kind in the app (e.g. every `timers/*.json` id). */
export function definitionIds(files: Readonly<Record<string, unknown>>, folder: string): string[] {
  return Object.entries(files)
    .filter(([path]) => path.startsWith(`${folder}/`))
    .map(([, file]) => (file as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string');
}
