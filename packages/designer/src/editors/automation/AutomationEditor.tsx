import { Card, Form, Select, Space, Switch, Typography } from 'antd';
import type { Action, AutomationDefinition } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import type { EditorProps } from '../context.js';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { t } from '../i18n.js';
import { ActionList } from './ActionList.js';
import { EventEditor } from './EventEditor.js';
import { useAppChoices } from './useAppChoices.js';

type Actions = AutomationDefinition['actions'];

/**
 * The automation editor (automation.schema.json): when (the trigger event and its options),
 * only if (the condition builder), then (an ordered list of typed actions).
 */
export function AutomationEditor({
  value,
  onChange,
  context,
}: EditorProps<AutomationDefinition>): ReactElement {
  const { locale, files } = context;
  const choices = useAppChoices(files, value.entity, locale);
  const set = <K extends keyof AutomationDefinition>(
    key: K,
    next: AutomationDefinition[K] | undefined,
  ): void => {
    const copy = { ...value };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    onChange(copy);
  };
  return (
    <div
      className="rl-automation-editor"
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
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
            allowClear={value.trigger.type === 'schedule'}
            placeholder={t(locale, 'autoNoEntity')}
            value={value.entity}
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
      <Card size="small" title={t(locale, 'autoTrigger')}>
        <EventEditor
          ariaLabel={t(locale, 'autoEventType')}
          value={value.trigger}
          choices={choices}
          onChange={(trigger) => set('trigger', trigger)}
        />
        {value.trigger.type === 'schedule' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
            {t(locale, 'autoTriggerHint')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t(locale, 'autoCondition')}>
        <Form layout="vertical">
          <ConditionBuilder
            value={value.condition}
            fields={choices.fields}
            locale={locale}
            ariaLabel={t(locale, 'autoCondition')}
            onChange={(condition) => set('condition', condition)}
          />
        </Form>
      </Card>
      <Card size="small" title={t(locale, 'autoActions')}>
        <ActionList
          value={value.actions}
          choices={choices}
          diagnostics={context.diagnostics}
          pointer="/actions"
          {...(context.focusPointer ? { focusPointer: context.focusPointer } : {})}
          onChange={(actions: Action[]) => set('actions', actions as Actions)}
        />
      </Card>
    </div>
  );
}
