/**
 * Names for a timeline reader: entities, fields, stages, timers, automations and users by
 * their labels in one language, falling back to ids when there is no app or no label.
 */
import type { CompiledApp } from '../app/compiledApp.js';
import type { DirectoryUser, DisplayText } from '../app/types.js';
import type { Locale } from '../diagnostics/types.js';

/** What the formatter calls things, in one language. */
export interface TimelineNames {
  readonly locale: Locale;
  entity(id: string): string;
  field(entity: string | undefined, field: string): string;
  stage(entity: string | undefined, stage: string): string;
  timer(id: string): string;
  automation(id: string): string;
  user(id: string): string;
  /** A field value as text, with an option's label for enum fields. */
  value(entity: string | undefined, field: string, value: unknown): string;
}

/**
 * Display text in `locale`: one string serves both; a missing language falls back to the
 * other, then to `fallback`.
 *
 * @example
 * textIn({ 'zh-CN': '合同', en: 'Contract' }, 'en', 'contract'); // 'Contract'
 */
export function textIn(text: DisplayText | undefined, locale: Locale, fallback: string): string {
  if (typeof text === 'string') return text;
  if (text === undefined || text === null || typeof text !== 'object') return fallback;
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return text[locale] ?? text[other] ?? fallback;
}

interface Labelled {
  readonly id: string;
  readonly label?: DisplayText;
}

function find<T extends Labelled>(items: readonly T[] | undefined, id: string): T | undefined {
  return items?.find((item) => item.id === id);
}

/** A value as a short text: strings as they are, the rest as JSON. */
export function shortValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '—';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/**
 * The names the formatter uses, from the app's definitions and the users' labels.
 *
 * @example
 * namesFor('zh-CN', app, users).entity('contract'); // '合同'
 */
export function namesFor(
  locale: Locale,
  app: CompiledApp | undefined,
  users: readonly DirectoryUser[] = [],
): TimelineNames {
  const people = new Map(users.map((user) => [user.id, user]));
  const fieldOf = (entity: string | undefined, field: string) =>
    entity === undefined ? undefined : app?.entities.get(entity)?.fields.get(field);
  return {
    locale,
    entity: (id) => textIn(app?.entities.get(id)?.label, locale, id),
    field: (entity, field) => textIn(fieldOf(entity, field)?.label, locale, field),
    stage: (entity, stage) => {
      for (const pipeline of app?.pipelines.values() ?? []) {
        if (entity !== undefined && pipeline.entity !== entity) continue;
        const found = find(pipeline.definition.stages, stage);
        if (found) return textIn(found.label, locale, stage);
      }
      return stage;
    },
    timer: (id) => {
      const timer = app?.timers.get(id);
      if (timer) return textIn(timer.definition.label, locale, id);
      const automation = app?.automations.find((candidate) => candidate.id === id);
      return textIn(automation?.definition.label, locale, id);
    },
    automation: (id) =>
      textIn(
        app?.automations.find((candidate) => candidate.id === id)?.definition.label,
        locale,
        id,
      ),
    user: (id) => textIn(people.get(id)?.label, locale, id),
    value: (entity, field, value) => {
      const pipeline = [...(app?.pipelines.values() ?? [])].find(
        (candidate) => candidate.entity === entity && candidate.stageField === field,
      );
      const stage =
        typeof value === 'string' ? find(pipeline?.definition.stages, value) : undefined;
      if (stage) return textIn(stage.label, locale, stage.id);
      const definition = fieldOf(entity, field) as
        { readonly options?: readonly Labelled[] } | undefined;
      const option =
        typeof value === 'string' ? find(definition?.options, value)?.label : undefined;
      return option === undefined ? shortValue(value) : textIn(option, locale, String(value));
    },
  };
}
