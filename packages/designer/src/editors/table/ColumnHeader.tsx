import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Select, Tooltip } from 'antd';
import type { Diagnostic } from '@ruleloom/engine';
import type { TableInput, TableOutput } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { t, type EditorLocale } from '../i18n.js';
import { cellText, textToCell } from './tableEdits.js';

/** The field types a column may have (field-type.schema.json). */
export const COLUMN_TYPES = [
  'text',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'enum',
  'multi-enum',
  'boolean',
  'user',
  'ref',
  'tags',
] as const;

/**
 * The head of one column: label, id, type, and for outputs the default and (under `priority`)
 * the ranked values.
 */
export function ColumnHeader(props: {
  readonly side: 'inputs' | 'outputs';
  readonly column: TableInput | TableOutput;
  readonly onChange: (next: TableInput | TableOutput) => void;
  readonly onDelete: (() => void) | undefined;
  readonly showValues: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly locale: EditorLocale;
}): ReactElement {
  const { column, onChange, locale } = props;
  const output = props.side === 'outputs' ? (column as TableOutput) : undefined;
  const set = (key: string, value: unknown): void => {
    const next: Record<string, unknown> = { ...column };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next as unknown as TableInput | TableOutput);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 150 }}>
      <div style={{ display: 'flex', gap: 2 }}>
        <LocalizedInput
          ariaLabel={`${t(locale, 'label')} ${column.id}`}
          value={column.label}
          locale={locale}
          onChange={(label) => set('label', label)}
        />
        {props.onDelete && (
          <Tooltip title={t(locale, 'tableDeleteColumn')}>
            <Button
              size="small"
              type="text"
              danger
              aria-label={`${t(locale, 'tableDeleteColumn')} ${column.id}`}
              icon={<DeleteOutlined />}
              onClick={props.onDelete}
            />
          </Tooltip>
        )}
      </div>
      <div style={{ display: 'flex', gap: 2 }}>
        <Input
          size="small"
          aria-label={`${t(locale, 'id')} ${column.id}`}
          value={column.id}
          onChange={(e) => set('id', e.target.value)}
        />
        <Select
          size="small"
          aria-label={`${t(locale, 'type')} ${column.id}`}
          style={{ width: 100 }}
          value={column.type}
          options={COLUMN_TYPES.map((type) => ({ value: type, label: type }))}
          onChange={(type: string) => set('type', type)}
        />
      </div>
      {output && (
        <Input
          size="small"
          aria-label={`${t(locale, 'tableColumnDefault')} ${column.id}`}
          placeholder={t(locale, 'tableColumnDefault')}
          value={cellText(output.default)}
          onChange={(e) => set('default', textToCell(e.target.value, column.type))}
        />
      )}
      {output && props.showValues && (
        <Input
          size="small"
          aria-label={`${t(locale, 'tableColumnValues')} ${column.id}`}
          placeholder={t(locale, 'tableColumnValues')}
          value={(output.values ?? []).map((v) => cellText(v)).join(', ')}
          onChange={(e) => {
            const values = e.target.value
              .split(/[,，]/)
              .map((v) => v.trim())
              .filter((v) => v !== '')
              .map((v) => textToCell(v, column.type));
            set('values', values.length === 0 ? undefined : values);
          }}
        />
      )}
      {props.diagnostics.map((d, i) => (
        <span key={i} role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {d.message[locale]}
        </span>
      ))}
    </div>
  );
}
