import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Switch } from 'antd';
import type { Action, EscalationStep, Event, TimerDefinition } from '@ruleloom/schemas';
import { useMemo, type ReactElement } from 'react';
import type { EditorProps } from '../context.js';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import { ActionList } from '../automation/ActionList.js';
import { CronInput } from '../automation/EventEditor.js';
import { useAppChoices } from '../automation/useAppChoices.js';
import { DurationInput } from '../common/DurationInput.js';
import { findEntity } from '../common/entityFields.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { localize, t } from '../i18n.js';
import { freshId } from '../pipeline/pipelineEdits.js';
import { EventListEditor } from './EventListEditor.js';
import { changeTimerKind } from './timerKinds.js';
import { timerSentence } from './timerSentence.js';

type Steps = NonNullable<TimerDefinition['escalation']>;
type Actions = TimerDefinition['actions'];

/**
 * The timer editor (timer.schema.json): the rule in plain words above the form; kind
 * (relative / absolute / recurring) with its own parts (after + start events, a date field +
 * offset, or a cron schedule); cancel events; the condition checked when due; the actions
 * (the automation editor's action list); and escalation steps.
 */
export function TimerEditor({
  value,
  onChange,
  context,
}: EditorProps<TimerDefinition>): ReactElement {
  const { locale, files } = context;
  const choices = useAppChoices(files, value.entity, locale);
  const entity = findEntity(files, value.entity);
  const sentenceLabels = useMemo(() => {
    const stages: Record<string, string> = {};
    for (const pipeline of choices.pipelines) {
      for (const stage of pipeline.stages)
        stages[stage.id] = localize(stage.label, locale, stage.id);
    }
    const roles = Object.fromEntries(
      choices.parties.roles.map((r) => [r.value, r.label.replace(/ \(.*\)$/, '')]),
    );
    return {
      ...(entity ? { entity: localize(entity.label, locale, entity.id) } : {}),
      fields: choices.fields,
      stages,
      roles,
    };
  }, [choices, entity, locale]);
  const v = value as unknown as Readonly<Record<string, unknown>>;
  const set = (key: string, next: unknown): void => {
    const copy: Record<string, unknown> = { ...v };
    if (next === undefined || (Array.isArray(next) && next.length === 0)) delete copy[key];
    else copy[key] = next;
    onChange(copy as unknown as TimerDefinition);
  };
  const dateFields = choices.fields
    .filter((f) => f.type === 'date' || f.type === 'datetime')
    .map((f) => ({ value: f.id, label: `${f.label} (${f.id})` }));

  return (
    <div className="rl-timer-editor" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Alert
        className="rl-timer-sentence"
        type="info"
        showIcon
        title={t(locale, 'timerSentenceTitle')}
        description={timerSentence(value, locale, sentenceLabels)}
      />
      <Card size="small">
        <Space wrap>
          <LocalizedInput
            ariaLabel={t(locale, 'label')}
            value={value.label}
            locale={locale}
            onChange={(label) => set('label', label)}
          />
          <span>{t(locale, 'entity')}</span>
          <Select
            aria-label={t(locale, 'entity')}
            style={{ width: 160 }}
            value={value.entity}
            allowClear={value.kind === 'recurring'}
            options={[
              ...new Set([...(value.entity ? [value.entity] : []), ...choices.entities]),
            ].map((id) => ({ value: id, label: id }))}
            onChange={(id?: string) => set('entity', id)}
          />
          <Switch
            aria-label={t(locale, 'enabled')}
            checked={value.enabled ?? true}
            onChange={(on) => set('enabled', on ? undefined : false)}
          />
          <span>{t(locale, 'enabled')}</span>
        </Space>
      </Card>
      <Card size="small" title={t(locale, 'timerKind')}>
        <Form layout="vertical" size="small">
          <Form.Item label={t(locale, 'timerKind')}>
            <Select
              aria-label={t(locale, 'timerKind')}
              style={{ width: 220 }}
              value={value.kind}
              options={(['relative', 'absolute', 'recurring'] as const).map((k) => ({
                value: k,
                label: t(locale, `kind.${k}`),
              }))}
              onChange={(kind: TimerDefinition['kind']) =>
                onChange(changeTimerKind(value, kind, dateFields[0]?.value))
              }
            />
          </Form.Item>
          {value.kind === 'relative' && (
            <>
              <Form.Item label={t(locale, 'timerStart')}>
                <EventListEditor
                  ariaLabel={t(locale, 'timerStart')}
                  required
                  value={value.start}
                  choices={choices}
                  onChange={(start: Event[]) => set('start', start)}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item label={t(locale, 'timerAfter')}>
                  <DurationInput
                    ariaLabel={t(locale, 'timerAfter')}
                    value={value.after}
                    locale={locale}
                    onChange={(after) => set('after', after ?? '')}
                  />
                </Form.Item>
                <Form.Item label={t(locale, 'timerRestart')}>
                  <Switch
                    aria-label={t(locale, 'timerRestart')}
                    checked={value.restart ?? true}
                    onChange={(on) => set('restart', on ? undefined : false)}
                  />
                </Form.Item>
              </Space>
            </>
          )}
          {value.kind === 'absolute' && (
            <Space wrap>
              <Form.Item label={t(locale, 'timerField')}>
                <Select
                  aria-label={t(locale, 'timerField')}
                  style={{ width: 200 }}
                  value={value.field}
                  options={
                    dateFields.some((f) => f.value === value.field)
                      ? dateFields
                      : [...dateFields, { value: value.field, label: value.field }]
                  }
                  onChange={(field: string) => set('field', field)}
                />
              </Form.Item>
              <Form.Item label={t(locale, 'timerDirection')}>
                <Select
                  aria-label={t(locale, 'timerDirection')}
                  style={{ width: 100 }}
                  value={value.direction ?? 'after'}
                  options={(['before', 'after'] as const).map((d) => ({
                    value: d,
                    label: t(locale, `direction.${d}`),
                  }))}
                  onChange={(d: 'before' | 'after') =>
                    set('direction', d === 'after' ? undefined : d)
                  }
                />
              </Form.Item>
              <Form.Item label={t(locale, 'timerOffset')}>
                <DurationInput
                  ariaLabel={t(locale, 'timerOffset')}
                  value={value.offset}
                  locale={locale}
                  onChange={(offset) => set('offset', offset)}
                />
              </Form.Item>
              <Form.Item label={t(locale, 'timerTime')}>
                <Input
                  aria-label={t(locale, 'timerTime')}
                  style={{ width: 100 }}
                  placeholder="09:00"
                  value={value.time ?? ''}
                  status={
                    value.time && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(value.time)
                      ? 'error'
                      : undefined
                  }
                  onChange={(e) => set('time', e.target.value || undefined)}
                />
              </Form.Item>
            </Space>
          )}
          {value.kind === 'recurring' && (
            <Form.Item label={t(locale, 'timerCron')}>
              <CronInput
                value={value.cron}
                locale={locale}
                onChange={(cron) => set('cron', cron)}
              />
            </Form.Item>
          )}
          {value.kind !== 'recurring' && (
            <Form.Item label={t(locale, 'timerCancelOn')}>
              <EventListEditor
                ariaLabel={t(locale, 'timerCancelOn')}
                required={false}
                value={value.cancelOn ?? []}
                choices={choices}
                onChange={(cancelOn: Event[]) => set('cancelOn', cancelOn)}
              />
            </Form.Item>
          )}
        </Form>
      </Card>
      <Card size="small" title={t(locale, 'timerCondition')}>
        <ConditionBuilder
          value={value.condition}
          fields={choices.fields}
          locale={locale}
          ariaLabel={t(locale, 'timerCondition')}
          onChange={(condition) => set('condition', condition)}
        />
      </Card>
      <Card size="small" title={t(locale, 'timerActions')}>
        <ActionList
          value={value.actions}
          choices={choices}
          diagnostics={context.diagnostics}
          pointer="/actions"
          {...(context.focusPointer ? { focusPointer: context.focusPointer } : {})}
          onChange={(actions: Action[]) => set('actions', actions)}
        />
      </Card>
      <Card size="small" title={t(locale, 'timerEscalation')}>
        {(value.escalation ?? []).map((step, index) => {
          const steps = value.escalation ?? [];
          const replace = (next: EscalationStep): void =>
            set(
              'escalation',
              steps.map((s, i) => (i === index ? next : s)),
            );
          return (
            <Card
              key={index}
              size="small"
              type="inner"
              style={{ marginBottom: 8 }}
              title={
                <Space>
                  <Input
                    size="small"
                    aria-label={`${t(locale, 'id')} ${index + 1}`}
                    style={{ width: 160 }}
                    value={step.id ?? ''}
                    onChange={(e) => {
                      const { id: _old, ...rest } = step;
                      replace(e.target.value ? { ...rest, id: e.target.value } : rest);
                    }}
                  />
                  <span>{t(locale, 'timerEscalationAfter')}</span>
                  <DurationInput
                    ariaLabel={`${t(locale, 'timerEscalationAfter')} ${index + 1}`}
                    value={step.after}
                    locale={locale}
                    onChange={(after) => replace({ ...step, after: after ?? '' })}
                  />
                </Space>
              }
              extra={
                <Button
                  type="text"
                  danger
                  aria-label={`${t(locale, 'delete')} ${t(locale, 'timerNewStep')} ${index + 1}`}
                  icon={<DeleteOutlined />}
                  onClick={() =>
                    set(
                      'escalation',
                      steps.filter((_, i) => i !== index),
                    )
                  }
                />
              }
            >
              <ActionList
                value={step.actions}
                choices={choices}
                diagnostics={context.diagnostics}
                pointer={`/escalation/${index}/actions`}
                {...(context.focusPointer ? { focusPointer: context.focusPointer } : {})}
                onChange={(actions: Action[]) => replace({ ...step, actions: actions as Actions })}
              />
            </Card>
          );
        })}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            set('escalation', [
              ...(value.escalation ?? []),
              {
                id: freshId(
                  'escalate',
                  (value.escalation ?? []).map((s) => s.id ?? ''),
                ),
                label: t(locale, 'timerNewStep'),
                after: '24h',
                actions: value.actions,
              },
            ] as Steps)
          }
        >
          {t(locale, 'timerAddEscalation')}
        </Button>
      </Card>
    </div>
  );
}
