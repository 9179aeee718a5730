import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import type { Party } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { t, type EditorLocale } from '../i18n.js';

type PartyKind = 'role' | 'user' | 'field' | 'managerOf';
const KINDS: readonly PartyKind[] = ['role', 'user', 'field', 'managerOf'];

/** Which kind of party this is, and its value. */
export function partyKind(party: Party): [PartyKind, string] {
  for (const kind of KINDS) {
    const value = (party as Record<string, unknown>)[kind];
    if (typeof value === 'string') return [kind, value];
  }
  return ['role', ''];
}

/** Where the options of each party kind come from. */
export interface PartyChoices {
  /** Roles of app.json. */
  readonly roles: readonly { value: string; label: string }[];
  /** User fields of the entity (for `field` and `managerOf`). */
  readonly userFields: readonly { value: string; label: string }[];
}

/** One party: kind (role / user / field / manager of field) and its value. */
export function PartyEditor(props: {
  readonly value: Party;
  readonly onChange: (next: Party) => void;
  readonly choices: PartyChoices;
  readonly locale: EditorLocale;
}): ReactElement {
  const { value, onChange, choices, locale } = props;
  const [kind, id] = partyKind(value);
  const labels: Record<PartyKind, string> = {
    role: t(locale, 'role'),
    user: t(locale, 'user'),
    field: t(locale, 'fieldUser'),
    managerOf: t(locale, 'managerOf'),
  };
  const options = kind === 'role' ? choices.roles : choices.userFields;
  return (
    <Space.Compact>
      <Select
        aria-label={t(locale, 'type')}
        style={{ width: 170 }}
        value={kind}
        options={KINDS.map((k) => ({ value: k, label: labels[k] }))}
        onChange={(k: PartyKind) => onChange({ [k]: id } as Party)}
      />
      {kind === 'user' ? (
        <Input
          aria-label={labels.user}
          style={{ width: 180 }}
          value={id}
          onChange={(e) => onChange({ user: e.target.value })}
        />
      ) : (
        <Select
          aria-label={labels[kind]}
          style={{ width: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={id === '' ? undefined : id}
          options={
            id !== '' && !options.some((o) => o.value === id)
              ? [...options, { value: id, label: id }]
              : [...options]
          }
          onChange={(next: string) => onChange({ [kind]: next } as Party)}
        />
      )}
    </Space.Compact>
  );
}

/** A list of parties with add / remove; `onChange(undefined)` when the last one is removed. */
export function PartyListEditor(props: {
  readonly value: readonly Party[] | undefined;
  readonly onChange: (next: Party[] | undefined) => void;
  readonly choices: PartyChoices;
  readonly locale: EditorLocale;
  readonly ariaLabel: string;
}): ReactElement {
  const { value = [], onChange, choices, locale } = props;
  const first = choices.roles[0]?.value;
  return (
    <div role="group" aria-label={props.ariaLabel}>
      {value.map((party, index) => (
        <div key={index} style={{ display: 'flex', gap: 4, marginBottom: 4 }}>
          <PartyEditor
            value={party}
            choices={choices}
            locale={locale}
            onChange={(next) => onChange(value.map((p, i) => (i === index ? next : p)))}
          />
          <Button
            type="text"
            danger
            aria-label={t(locale, 'remove')}
            icon={<DeleteOutlined />}
            onClick={() => {
              const rest = value.filter((_, i) => i !== index);
              onChange(rest.length === 0 ? undefined : rest);
            }}
          />
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, first ? { role: first } : { field: 'owner' }])}
      >
        {t(locale, 'addParty')}
      </Button>
    </div>
  );
}
