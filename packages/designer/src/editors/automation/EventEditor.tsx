import { Input, Select, Space } from 'antd';
import type { Event, PipelineDefinition } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import type { ConditionField } from '../condition/operators.js';
import { localize, t, type EditorLocale } from '../i18n.js';

/** Every event type of event.schema.json. */
export const EVENT_TYPES = [
  'record.created',
  'record.updated',
  'stage.entered',
  'stage.left',
  'approval.decided',
  'timer',
  'schedule',
] as const satisfies readonly Event['type'][];

/** What the event form offers: the entity's fields, the app's pipelines and timers. */
export interface EventChoices {
  readonly fields: readonly ConditionField[];
  readonly pipelines: readonly PipelineDefinition[];
  readonly timers: readonly string[];
  readonly locale: EditorLocale;
}

/** A new event of `type` with what the schema requires. */
export function newEvent(type: Event['type'], choices: EventChoices): Event {
  if (type === 'timer') return { type, timer: choices.timers[0] ?? 'timer' };
  if (type === 'schedule') return { type, cron: '0 9 * * 1-5' };
  return { type } as Event;
}

/**
 * One event with the options its type takes (event.schema.json): changed fields, pipeline and
 * stages, approval and decision, timer, or a cron schedule and zone.
 */
export function EventEditor(props: {
  readonly value: Event;
  readonly onChange: (next: Event) => void;
  readonly choices: EventChoices;
  /** Leave `schedule` out (timer start / cancel events). */
  readonly noSchedule?: boolean;
  readonly ariaLabel: string;
}): ReactElement {
  const { value, onChange, choices } = props;
  const { locale } = choices;
  const e = value as unknown as Readonly<Record<string, unknown>>;
  const set = (key: string, next: unknown): void => {
    const copy: Record<string, unknown> = { ...e };
    if (next === undefined || (Array.isArray(next) && next.length === 0)) delete copy[key];
    else copy[key] = next;
    onChange(copy as unknown as Event);
  };
  const types = EVENT_TYPES.filter((type) => !(props.noSchedule && type === 'schedule'));
  const pipeline =
    choices.pipelines.find((p) => p.id === e['pipeline']) ??
    (choices.pipelines.length === 1 ? choices.pipelines[0] : undefined);
  const pipelineSelect = (
    <Select
      aria-label={t(locale, 'autoPipeline')}
      placeholder={t(locale, 'autoPipeline')}
      allowClear
      style={{ width: 160 }}
      value={e['pipeline'] as string | undefined}
      options={choices.pipelines.map((p) => ({
        value: p.id,
        label: localize(p.label, locale, p.id),
      }))}
      onChange={(id?: string) => set('pipeline', id)}
    />
  );
  return (
    <Space wrap>
      <Select
        aria-label={props.ariaLabel}
        style={{ width: 170 }}
        value={value.type}
        options={types.map((type) => ({ value: type, label: t(locale, `event.${type}`) }))}
        onChange={(type: Event['type']) => onChange(newEvent(type, choices))}
      />
      {value.type === 'record.updated' && (
        <Select
          aria-label={t(locale, 'autoChangedFields')}
          placeholder={t(locale, 'autoChangedFields')}
          mode="multiple"
          style={{ minWidth: 220 }}
          value={value.changedFields ?? []}
          options={choices.fields.map((f) => ({ value: f.id, label: f.label }))}
          onChange={(ids: string[]) => set('changedFields', ids)}
        />
      )}
      {(value.type === 'stage.entered' || value.type === 'stage.left') && (
        <>
          {pipelineSelect}
          <Select
            aria-label={t(locale, 'autoStages')}
            placeholder={t(locale, 'autoStages')}
            mode="multiple"
            style={{ minWidth: 220 }}
            value={value.stages ?? []}
            options={(pipeline?.stages ?? []).map((s) => ({
              value: s.id,
              label: localize(s.label, locale, s.id),
            }))}
            onChange={(ids: string[]) => set('stages', ids)}
          />
        </>
      )}
      {value.type === 'approval.decided' && (
        <>
          {pipelineSelect}
          <Select
            aria-label={t(locale, 'autoApproval')}
            placeholder={t(locale, 'autoApproval')}
            allowClear
            style={{ width: 180 }}
            value={value.approval}
            options={(pipeline?.transitions ?? [])
              .flatMap((tr) => tr.approvals ?? [])
              .map((a) => ({ value: a.id, label: localize(a.label, locale, a.id) }))}
            onChange={(id?: string) => set('approval', id)}
          />
          <Select
            aria-label={t(locale, 'autoDecision')}
            placeholder={t(locale, 'autoDecision')}
            allowClear
            style={{ width: 120 }}
            value={value.decision}
            options={(['approved', 'rejected'] as const).map((d) => ({
              value: d,
              label: t(locale, `decision.${d}`),
            }))}
            onChange={(d?: string) => set('decision', d)}
          />
        </>
      )}
      {value.type === 'timer' && (
        <Select
          aria-label={t(locale, 'autoTimer')}
          style={{ width: 200 }}
          value={value.timer}
          options={[...new Set([value.timer, ...choices.timers])].map((id) => ({
            value: id,
            label: id,
          }))}
          onChange={(id: string) => set('timer', id)}
        />
      )}
      {value.type === 'schedule' && (
        <CronInput
          value={value.cron}
          locale={locale}
          onChange={(cron) => onChange({ type: 'schedule', cron })}
        />
      )}
    </Space>
  );
}

type Cron = Extract<Event, { type: 'schedule' }>['cron'];

/** A cron schedule: the expression, and a zone when it names its own. */
export function CronInput(props: {
  readonly value: Cron;
  readonly onChange: (next: Cron) => void;
  readonly locale: EditorLocale;
}): ReactElement {
  const { value, locale } = props;
  const expression = typeof value === 'string' ? value : value.expression;
  const zone = typeof value === 'string' ? undefined : value.zone;
  const write = (nextExpression: string, nextZone: string | undefined): void =>
    props.onChange(nextZone ? { expression: nextExpression, zone: nextZone } : nextExpression);
  return (
    <Space.Compact>
      <Input
        aria-label={t(locale, 'autoCron')}
        style={{ width: 160, fontFamily: 'monospace' }}
        value={expression}
        placeholder="0 17 * * 5"
        onChange={(ev) => write(ev.target.value, zone)}
      />
      <Input
        aria-label={t(locale, 'autoZone')}
        style={{ width: 150 }}
        value={zone ?? ''}
        placeholder="Asia/Shanghai"
        onChange={(ev) => write(expression, ev.target.value || undefined)}
      />
    </Space.Compact>
  );
}
