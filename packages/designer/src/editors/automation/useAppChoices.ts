/** What the automation and timer forms offer, read from the app's files for one entity. */
import type { PipelineDefinition } from '@ruleloom/schemas';
import { useMemo } from 'react';
import { roleOptions } from '../common/appInfo.js';
import { conditionFields, definitionIds, findEntity } from '../common/entityFields.js';
import type { EditorLocale } from '../i18n.js';
import type { ActionChoices } from './actionDefaults.js';
import type { EventChoices } from './EventEditor.js';

/** The choices of the action and event forms for records of `entityId`. */
export function useAppChoices(
  files: Readonly<Record<string, unknown>>,
  entityId: string | undefined,
  locale: EditorLocale,
): ActionChoices & EventChoices & { readonly entities: readonly string[] } {
  return useMemo(() => {
    const fields = conditionFields(findEntity(files, entityId), locale);
    const pipelines = Object.entries(files)
      .filter(([path]) => path.startsWith('pipelines/'))
      .map(([, file]) => file as PipelineDefinition)
      .filter((p) => typeof p?.id === 'string' && (!entityId || p.entity === entityId));
    return {
      locale,
      fields,
      pipelines,
      routings: definitionIds(files, 'routing'),
      timers: definitionIds(files, 'timers'),
      entities: definitionIds(files, 'entities'),
      parties: {
        roles: roleOptions(files, locale),
        userFields: fields
          .filter((f) => f.type === 'user')
          .map((f) => ({ value: f.id, label: `${f.label} (${f.id})` })),
      },
    };
  }, [files, entityId, locale]);
}
