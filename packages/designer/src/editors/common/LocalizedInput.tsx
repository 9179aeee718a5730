import { Input } from 'antd';
import type { LocalizedText } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { localize, relocalize, type EditorLocale } from '../i18n.js';

/**
 * Edits the text of a localized text in the UI's language, keeping the other language.
 * `onChange(undefined)` when emptied.
 */
export function LocalizedInput(props: {
  readonly value: LocalizedText | undefined;
  readonly onChange: (next: LocalizedText | undefined) => void;
  readonly locale: EditorLocale;
  readonly ariaLabel: string;
  readonly placeholder?: string;
  readonly multiline?: boolean;
  /** `small` in dense grids (the decision table). */
  readonly size?: 'small' | 'middle';
}): ReactElement {
  const { value, onChange, locale, ariaLabel } = props;
  // Only the UI language's own text is edited; the other shows as placeholder.
  const own = typeof value === 'string' ? value : (value?.[locale] ?? '');
  const placeholder = props.placeholder ?? localize(value, locale === 'en' ? 'zh-CN' : 'en');
  const handle = (text: string): void => onChange(relocalize(value, locale, text));
  return props.multiline ? (
    <Input.TextArea
      aria-label={ariaLabel}
      size={props.size}
      autoSize={{ minRows: 1, maxRows: 4 }}
      value={own}
      placeholder={placeholder}
      onChange={(e) => handle(e.target.value)}
    />
  ) : (
    <Input
      aria-label={ariaLabel}
      size={props.size}
      value={own}
      placeholder={placeholder}
      onChange={(e) => handle(e.target.value)}
    />
  );
}
