/**
 * Names the simulator shows, in one language: entities, fields, field values (an option's
 * label, a stage's label, a person's name), pipelines, stages, timers, automations, people and mark
 * colours, roles, routings and their rules and preferences — from the app's labels, falling back to ids.
 */
import type { CompiledApp, DirectoryUser, Locale } from '@ruleloom/engine';

/** What the simulator calls things. */
export interface SimulatorNames {
  entity(id: string): string;
  field(entity: string, field: string): string;
  value(entity: string, field: string, value: unknown): string;
  pipeline(id: string): string;
  stage(pipeline: string, stage: string): string;
  timer(id: string): string;
  automation(id: string): string;
  user(id: string): string;
  role(id: string): string;
  color(color: string): string;
  routing(id: string): string;
  /** A rule of a routing (`官网·20万以上·华东`). */
  routingRule(routing: string, rule: string): string;
  /** A preference of a routing (`官网大单优先张伟、李娜`). */
  routingPreference(routing: string, preference: string): string;
}

const COLORS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  red: ['红色', 'red'],
  orange: ['橙色', 'orange'],
  yellow: ['黄色', 'yellow'],
  green: ['绿色', 'green'],
  blue: ['蓝色', 'blue'],
  purple: ['紫色', 'purple'],
  gray: ['灰色', 'gray'],
  grey: ['灰色', 'grey'],
};

function textOf(value: unknown, locale: Locale, fallback: string): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return fallback;
  const texts = value as Partial<Record<Locale, unknown>>;
  const found = texts[locale] ?? texts[locale === 'zh-CN' ? 'en' : 'zh-CN'];
  return typeof found === 'string' && found !== '' ? found : fallback;
}

interface Labelled {
  readonly id: string;
  readonly label?: unknown;
}

function shortJson(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/**
 * The simulator's names for an app, its directory and a language.
 *
 * @example
 * const names = simulatorNames(app, users, 'zh-CN');
 * names.value('lead', 'status', 'new'); // '新线索'
 * names.user('zhoumin'); // '周敏'
 */
export function simulatorNames(
  app: CompiledApp,
  users: readonly DirectoryUser[],
  locale: Locale,
): SimulatorNames {
  const people = new Map(users.map((user) => [user.id, user]));
  const fieldOf = (entity: string, field: string) => app.entities.get(entity)?.fields.get(field);
  const user = (id: string): string => textOf(people.get(id)?.label, locale, id);
  const stageOfField = (entity: string, field: string, value: string): string | undefined => {
    for (const pipeline of app.pipelines.values()) {
      if (pipeline.entity !== entity || pipeline.stageField !== field) continue;
      const stage = pipeline.definition.stages.find((s) => s.id === value);
      if (stage) return textOf(stage.label, locale, stage.id);
    }
    return undefined;
  };
  const one = (entity: string, field: string, value: unknown): string => {
    const definition = fieldOf(entity, field) as
      { readonly type?: string; readonly options?: readonly Labelled[] } | undefined;
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'boolean') {
      return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'yes' : 'no';
    }
    if (typeof value !== 'string')
      return typeof value === 'number' ? String(value) : shortJson(value);
    const stage = stageOfField(entity, field, value);
    if (stage !== undefined) return stage;
    const option = definition?.options?.find((o) => o.id === value);
    if (option) return textOf(option.label, locale, value);
    if (definition?.type === 'user') return user(value);
    return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  };
  return {
    entity: (id) => textOf(app.entities.get(id)?.label, locale, id),
    field: (entity, field) => app.entities.get(entity)?.fieldLabel(field)[locale] ?? field,
    value: (entity, field, value) =>
      Array.isArray(value)
        ? value.length === 0
          ? '—'
          : value.map((item) => one(entity, field, item)).join(locale === 'zh-CN' ? '、' : ', ')
        : one(entity, field, value),
    pipeline: (id) => textOf(app.pipelines.get(id)?.definition.label, locale, id),
    stage: (pipeline, stage) => {
      const found = app.pipelines.get(pipeline)?.definition.stages.find((s) => s.id === stage);
      return found ? textOf(found.label, locale, stage) : stage;
    },
    timer: (id) => {
      const timer = app.timers.get(id);
      if (timer) return textOf(timer.definition.label, locale, id);
      return textOf(app.automations.find((a) => a.id === id)?.definition.label, locale, id);
    },
    automation: (id) =>
      textOf(app.automations.find((a) => a.id === id)?.definition.label, locale, id),
    user,
    role: (id) => textOf(app.manifest.roles?.find((r) => r.id === id)?.label, locale, id),
    color: (color) => COLORS[color]?.[locale === 'zh-CN' ? 0 : 1] ?? color,
    routing: (id) => textOf(app.routings.get(id)?.definition.label, locale, id),
    routingRule: (routing, rule) =>
      textOf(
        app.routings.get(routing)?.definition.rules.find((r) => r.id === rule)?.label,
        locale,
        rule,
      ),
    routingPreference: (routing, preference) =>
      textOf(
        app.routings.get(routing)?.definition.preferences?.find((p) => p.id === preference)?.label,
        locale,
        preference,
      ),
  };
}
