import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Badge, Button, Card, Form, Select, Space } from 'antd';
import type { Diagnostic } from '@ruleloom/engine';
import type { Action } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { diagnosticsWithin, pointerWithin } from '../common/pointers.js';
import { t } from '../i18n.js';
import { ACTION_TYPES, changeActionType, newAction, type ActionChoices } from './actionDefaults.js';
import { ActionForm } from './ActionForm.js';

/**
 * An ordered list of actions (automations, timers, escalation steps): each a card with its
 * type, label and typed form; add, remove and move up / down. The list keeps at least one
 * action (the schemas require one).
 */
export function ActionList(props: {
  readonly value: readonly Action[];
  readonly onChange: (next: Action[]) => void;
  readonly choices: ActionChoices;
  /** Diagnostics of the file, and the pointer of this list in it (e.g. `/actions`). */
  readonly diagnostics?: readonly Diagnostic[];
  readonly pointer?: string;
  /** The shell's focus pointer: the action it points into is outlined. */
  readonly focusPointer?: string;
  readonly ariaLabel?: string;
}): ReactElement {
  const { value, onChange, choices } = props;
  const { locale } = choices;
  const replace = (index: number, next: Action): void =>
    onChange(value.map((a, i) => (i === index ? next : a)));
  const move = (index: number, by: -1 | 1): void => {
    const next = [...value];
    const to = index + by;
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
  };
  return (
    <div
      className="rl-action-list"
      role="list"
      aria-label={props.ariaLabel ?? t(locale, 'autoActions')}
    >
      {value.map((action, index) => {
        const problems =
          props.diagnostics && props.pointer
            ? diagnosticsWithin(props.diagnostics, `${props.pointer}/${index}`)
            : [];
        const focused =
          props.pointer !== undefined &&
          props.focusPointer !== undefined &&
          pointerWithin(props.focusPointer, `${props.pointer}/${index}`);
        return (
          <Card
            key={index}
            role="listitem"
            size="small"
            className="rl-action"
            data-action-type={action.type}
            data-focused={focused}
            style={{
              marginBottom: 8,
              borderColor: problems.length ? '#ff4d4f' : focused ? '#1677ff' : undefined,
              boxShadow: focused ? '0 0 0 2px rgba(22,119,255,0.2)' : undefined,
            }}
            title={
              <Space>
                <span>{index + 1}.</span>
                <Select
                  aria-label={`${t(locale, 'actType')} ${index + 1}`}
                  style={{ width: 170 }}
                  value={action.type}
                  options={ACTION_TYPES.map((type) => ({
                    value: type,
                    label: t(locale, `action.${type}`),
                  }))}
                  onChange={(type: Action['type']) =>
                    replace(index, changeActionType(action, type, choices))
                  }
                />
                {problems.length > 0 && <Badge count={problems.length} />}
              </Space>
            }
            extra={
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  aria-label={`${t(locale, 'moveUp')} ${index + 1}`}
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                />
                <Button
                  type="text"
                  size="small"
                  aria-label={`${t(locale, 'moveDown')} ${index + 1}`}
                  icon={<ArrowDownOutlined />}
                  disabled={index === value.length - 1}
                  onClick={() => move(index, 1)}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  aria-label={`${t(locale, 'delete')} ${index + 1}`}
                  icon={<DeleteOutlined />}
                  disabled={value.length <= 1}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                />
              </Space>
            }
          >
            {problems.map((d, i) => (
              <div key={i} role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
                {d.code} {d.message[locale]}
              </div>
            ))}
            <Form layout="vertical" size="small">
              <Form.Item label={t(locale, 'label')} style={{ marginBottom: 8 }}>
                <LocalizedInput
                  ariaLabel={`${t(locale, 'label')} ${index + 1}`}
                  value={action.label}
                  locale={locale}
                  onChange={(label) => {
                    const { label: _old, ...rest } = action;
                    replace(index, (label === undefined ? rest : { ...rest, label }) as Action);
                  }}
                />
              </Form.Item>
              <ActionForm
                action={action}
                choices={choices}
                onChange={(next) => replace(index, next)}
              />
            </Form>
          </Card>
        );
      })}
      <Select
        aria-label={t(locale, 'autoAddAction')}
        placeholder={
          <span>
            <PlusOutlined /> {t(locale, 'autoAddAction')}
          </span>
        }
        style={{ width: 220 }}
        value={null}
        options={ACTION_TYPES.map((type) => ({ value: type, label: t(locale, `action.${type}`) }))}
        onChange={(type: Action['type']) => onChange([...value, newAction(type, choices)])}
      />
    </div>
  );
}
