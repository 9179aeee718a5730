import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { Event } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { EventEditor, newEvent, type EventChoices } from '../automation/EventEditor.js';
import { t } from '../i18n.js';

/** A list of record events (a timer's start or cancel events); schedules are not offered. */
export function EventListEditor(props: {
  readonly value: readonly Event[];
  readonly onChange: (next: Event[]) => void;
  readonly choices: EventChoices;
  /** The list may not be emptied (a relative timer needs a start event). */
  readonly required: boolean;
  readonly ariaLabel: string;
}): ReactElement {
  const { value, onChange, choices } = props;
  return (
    <div role="group" aria-label={props.ariaLabel}>
      {value.map((event, index) => (
        <div key={index} style={{ display: 'flex', gap: 4, marginBottom: 4 }}>
          <EventEditor
            ariaLabel={`${props.ariaLabel} ${index + 1}`}
            noSchedule
            value={event}
            choices={choices}
            onChange={(next) => onChange(value.map((e, i) => (i === index ? next : e)))}
          />
          <Button
            type="text"
            danger
            aria-label={`${t(choices.locale, 'remove')} ${props.ariaLabel} ${index + 1}`}
            icon={<DeleteOutlined />}
            disabled={props.required && value.length <= 1}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...value, newEvent('record.updated', choices)])}
      >
        {t(choices.locale, 'timerAddEvent')}
      </Button>
    </div>
  );
}
