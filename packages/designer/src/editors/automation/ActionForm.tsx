import { Form, Input, InputNumber, Select } from 'antd';
import type { Action, LocalizedText, Party } from '@ruleloom/schemas';
import type { ReactElement, ReactNode } from 'react';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import { DurationInput } from '../common/DurationInput.js';
import { JsonInput } from '../common/JsonInput.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { PartyEditor, PartyListEditor } from '../common/PartyListEditor.js';
import { t } from '../i18n.js';
import type { ActionChoices } from './actionDefaults.js';

const CHANNELS = ['wecom', 'dingtalk', 'email', 'sms', 'in-app'] as const;
const COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'grey'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type Props = Readonly<Record<string, unknown>>;

/**
 * The small form of one action, typed by its `type` (action.schema.json): only the properties
 * that type takes, with pickers for fields, people, routings and timers.
 */
export function ActionForm(props: {
  readonly action: Action;
  readonly onChange: (next: Action) => void;
  readonly choices: ActionChoices;
}): ReactElement {
  const { action, onChange, choices } = props;
  const { locale, fields, parties } = choices;
  const a = action as unknown as Props;
  const set = (key: string, value: unknown): void => {
    const next: Record<string, unknown> = { ...a };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange(next as unknown as Action);
  };
  const fieldOptions = (keep: (type: string) => boolean = () => true) =>
    fields.filter((f) => keep(f.type)).map((f) => ({ value: f.id, label: `${f.label} (${f.id})` }));
  const item = (key: string, label: ReactNode, control: ReactNode): ReactElement => (
    <Form.Item key={key} label={label} style={{ marginBottom: 8 }}>
      {control}
    </Form.Item>
  );
  const text = (key: string, labelKey: Parameters<typeof t>[1], multiline = false) =>
    item(
      key,
      t(locale, labelKey),
      <LocalizedInput
        ariaLabel={t(locale, labelKey)}
        multiline={multiline}
        value={a[key] as LocalizedText | undefined}
        locale={locale}
        onChange={(v) => set(key, v)}
      />,
    );
  const select = (
    key: string,
    labelKey: Parameters<typeof t>[1],
    options: readonly { value: string; label: string }[],
    more: { allowClear?: boolean; multiple?: boolean } = {},
  ) => {
    const current = a[key];
    const known = new Set(options.map((o) => o.value));
    const extra = (Array.isArray(current) ? current : current === undefined ? [] : [current])
      .map(String)
      .filter((v) => !known.has(v))
      .map((v) => ({ value: v, label: v }));
    return item(
      key,
      t(locale, labelKey),
      <Select
        aria-label={t(locale, labelKey)}
        style={{ minWidth: 200 }}
        allowClear={more.allowClear}
        mode={more.multiple ? 'multiple' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        value={current as string | string[] | undefined}
        options={[...options, ...extra]}
        onChange={(v?: string | string[]) => set(key, v ?? undefined)}
      />,
    );
  };
  const recipients = (key: string, labelKey: Parameters<typeof t>[1]) =>
    item(
      key,
      t(locale, labelKey),
      <PartyListEditor
        ariaLabel={t(locale, labelKey)}
        value={a[key] as Party[] | undefined}
        choices={parties}
        locale={locale}
        onChange={(v) => set(key, v)}
      />,
    );
  const channel = () =>
    select(
      'channel',
      'actChannel',
      CHANNELS.map((c) => ({ value: c, label: t(locale, `channel.${c}`) })),
    );

  switch (action.type) {
    case 'setField':
      return (
        <>
          {select('field', 'field', fieldOptions())}
          {item(
            'value',
            t(locale, 'actValue'),
            <JsonInput
              ariaLabel={t(locale, 'actValue')}
              allowText
              value={action.value}
              locale={locale}
              onChange={(v) => set('value', v ?? '')}
            />,
          )}
        </>
      );
    case 'addTag':
    case 'removeTag':
      return (
        <>
          {item(
            'tag',
            t(locale, 'actTag'),
            <Input
              aria-label={t(locale, 'actTag')}
              value={action.tag}
              onChange={(e) => set('tag', e.target.value)}
            />,
          )}
          {select(
            'field',
            'actTagsField',
            fieldOptions((type) => type === 'tags'),
            {
              allowClear: true,
            },
          )}
        </>
      );
    case 'notify':
      return (
        <>
          {channel()}
          {recipients('recipients', 'actRecipients')}
          {text('title', 'actTitle')}
          {text('template', 'actTemplate', true)}
        </>
      );
    case 'createTask':
      return (
        <>
          {text('title', 'actTitle')}
          {text('details', 'actDetails', true)}
          {item(
            'assignee',
            t(locale, 'actAssignee'),
            <PartyEditor
              value={action.assignee}
              choices={parties}
              locale={locale}
              onChange={(v) => set('assignee', v)}
            />,
          )}
          {recipients('cc', 'actCc')}
          {item(
            'due',
            t(locale, 'actDue'),
            <DurationInput
              ariaLabel={t(locale, 'actDue')}
              value={action.due}
              locale={locale}
              onChange={(v) => set('due', v)}
            />,
          )}
          {select(
            'attachFields',
            'actAttachFields',
            fieldOptions((type) => type === 'attachment' || type === 'photo'),
            { multiple: true },
          )}
        </>
      );
    case 'assign':
      return (
        <>
          {select(
            'routing',
            'actRouting',
            choices.routings.map((id) => ({ value: id, label: id })),
          )}
          {select('field', 'field', parties.userFields, { allowClear: true })}
        </>
      );
    case 'startTimer':
    case 'cancelTimer':
      return select(
        'timer',
        'actTimer',
        choices.timers.map((id) => ({ value: id, label: id })),
      );
    case 'callWebhook':
      return (
        <>
          {select(
            'method',
            'actMethod',
            METHODS.map((m) => ({ value: m, label: m })),
            { allowClear: true },
          )}
          {item(
            'url',
            t(locale, 'actUrl'),
            <Input
              aria-label={t(locale, 'actUrl')}
              value={action.url}
              onChange={(e) => set('url', e.target.value)}
            />,
          )}
          {item(
            'headers',
            t(locale, 'actHeaders'),
            <JsonInput
              ariaLabel={t(locale, 'actHeaders')}
              value={action.headers}
              locale={locale}
              onChange={(v) => set('headers', v)}
            />,
          )}
          {item(
            'body',
            t(locale, 'actBody'),
            <JsonInput
              ariaLabel={t(locale, 'actBody')}
              rows={2}
              value={action.body}
              locale={locale}
              onChange={(v) => set('body', v)}
            />,
          )}
        </>
      );
    case 'mark':
      return (
        <>
          {select(
            'color',
            'actColor',
            COLORS.map((c) => ({ value: c, label: c })),
          )}
          {text('reason', 'actReason')}
        </>
      );
    case 'digest':
      return (
        <>
          {item(
            'filter',
            t(locale, 'actFilter'),
            <ConditionBuilder
              value={action.filter}
              fields={fields}
              locale={locale}
              ariaLabel={t(locale, 'actFilter')}
              onChange={(v) => set('filter', v)}
            />,
          )}
          {item(
            'rank',
            t(locale, 'actRank'),
            <JsonInput
              ariaLabel={t(locale, 'actRank')}
              value={action.rank}
              locale={locale}
              onChange={(v) => set('rank', v)}
            />,
          )}
          {item(
            'limit',
            t(locale, 'actLimit'),
            <InputNumber
              aria-label={t(locale, 'actLimit')}
              min={1}
              max={1000}
              precision={0}
              value={action.limit}
              onChange={(v) => set('limit', v ?? undefined)}
            />,
          )}
          {select('groupBy', 'actGroupBy', parties.userFields, { allowClear: true })}
          {recipients('recipients', 'actRecipients')}
          {channel()}
          {text('title', 'actTitle')}
          {text('template', 'actTemplate', true)}
          {text('itemTemplate', 'actItemTemplate')}
        </>
      );
  }
}
