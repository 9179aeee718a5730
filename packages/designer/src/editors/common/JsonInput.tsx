import { Input } from 'antd';
import { useState, type ReactElement } from 'react';
import { t, type EditorLocale } from '../i18n.js';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A JSON value typed as text. With `allowText`, text that is not JSON is the string itself
 * (a field value such as 已联系); otherwise invalid JSON is kept as a draft and flagged, and
 * only valid JSON is reported. Blank reports undefined.
 */
export function JsonInput(props: {
  readonly value: unknown;
  readonly onChange: (next: unknown) => void;
  readonly locale: EditorLocale;
  readonly ariaLabel: string;
  readonly allowText?: boolean;
  readonly rows?: number;
}): ReactElement {
  const { value, onChange, locale } = props;
  const shown = (v: unknown): string =>
    v === undefined ? '' : props.allowText && typeof v === 'string' ? v : JSON.stringify(v);
  const [draft, setDraft] = useState({ text: shown(value), value });
  let text = draft.text;
  if (!sameJson(draft.value, value)) {
    text = shown(value);
    setDraft({ text, value });
  }
  let invalid = false;
  if (!props.allowText && text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch {
      invalid = true;
    }
  }
  const edit = (next: string): void => {
    let parsed: unknown;
    let ok = true;
    if (next.trim() === '') parsed = undefined;
    else {
      try {
        parsed = JSON.parse(next);
      } catch {
        ok = Boolean(props.allowText);
        parsed = next;
      }
    }
    setDraft({ text: next, value: ok ? parsed : value });
    if (ok) onChange(parsed);
  };
  return (
    <span style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
      <Input.TextArea
        aria-label={props.ariaLabel}
        autoSize={{ minRows: props.rows ?? 1, maxRows: 8 }}
        status={invalid ? 'error' : undefined}
        value={text}
        onChange={(e) => edit(e.target.value)}
        style={{ fontFamily: 'monospace' }}
      />
      {invalid && (
        <span role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {t(locale, 'actJsonInvalid')}
        </span>
      )}
    </span>
  );
}
