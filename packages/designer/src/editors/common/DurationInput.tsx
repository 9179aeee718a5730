import { Input } from 'antd';
import type { ReactElement } from 'react';
import { t, type EditorLocale } from '../i18n.js';

/** The duration pattern of duration.schema.json. */
export const DURATION_PATTERN = /^(?:[0-9]{1,6}[mhdw]|[0-9]{1,6} (?:workdays?|business hours?))$/;

/** A duration (`48h`, `3 workdays`); shows the expected form when the text does not fit. */
export function DurationInput(props: {
  readonly value: string | undefined;
  readonly onChange: (next: string | undefined) => void;
  readonly locale: EditorLocale;
  readonly ariaLabel: string;
}): ReactElement {
  const { value, onChange, locale } = props;
  const invalid = value !== undefined && value !== '' && !DURATION_PATTERN.test(value);
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
      <Input
        aria-label={props.ariaLabel}
        style={{ width: 180 }}
        status={invalid ? 'error' : undefined}
        placeholder="48h / 3 workdays"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {invalid && (
        <span role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {t(locale, 'durationInvalid')}
        </span>
      )}
    </span>
  );
}
