import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { parseNumberText, type CompiledTable, type TableResult } from '@ruleloom/engine';
import { useState, type ReactElement } from 'react';
import { t, type EditorLocale } from '../i18n.js';

/**
 * A typed try value: numbers as admins write them in cells (`0.9`, `90%`, `35万`,
 * `350,000`) and booleans as such, blank left out, anything else as text.
 *
 * @example
 * tryValue('90%'); // 0.9
 */
export function tryValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = parseNumberText(trimmed);
  if (number !== undefined) return number;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return text;
}

/**
 * The "try" row of a decision table: a value for each key the table reads, evaluated by the
 * engine; shows the matched rows and the outputs (or the engine's error). Reports the matched
 * row ids so the grid can highlight them.
 */
export function TableTry(props: {
  readonly table: CompiledTable | undefined;
  readonly locale: EditorLocale;
  readonly onMatched: (rowIds: readonly string[]) => void;
}): ReactElement {
  const { table, locale } = props;
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TableResult>();
  if (!table) return <Alert type="info" showIcon title={t(locale, 'tableNotCompiled')} />;
  const run = (): void => {
    const data: Record<string, unknown> = {};
    for (const key of table.reads) {
      const value = tryValue(inputs[key] ?? '');
      if (value !== undefined) data[key] = value;
    }
    const outcome = table.evaluate(data);
    setResult(outcome);
    props.onMatched(outcome.matched.map((m) => m.rowId));
  };
  const labelOf = (key: string): string =>
    table.inputs.find((c) => c.id === key)?.label[locale] ?? key;
  return (
    <Card size="small" title={t(locale, 'tableTryTitle')}>
      <Space wrap>
        {table.reads.map((key) => (
          <label key={key} style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            <span>{labelOf(key)}</span>
            <Input
              aria-label={`${t(locale, 'try')} ${key}`}
              style={{ width: 160 }}
              value={inputs[key] ?? ''}
              onChange={(e) => setInputs({ ...inputs, [key]: e.target.value })}
              onPressEnter={run}
            />
          </label>
        ))}
        <Button type="primary" onClick={run}>
          {t(locale, 'run')}
        </Button>
      </Space>
      {result && (
        <div className="rl-table-try-result" style={{ marginTop: 8 }}>
          {result.ok ? (
            <>
              <div>
                <Typography.Text strong>{t(locale, 'tableMatched')}: </Typography.Text>
                {result.matched.length === 0
                  ? t(locale, 'tableNoMatch')
                  : result.matched.map((m) => (
                      <Tag key={m.rowId} color="green">
                        {m.rowId}
                      </Tag>
                    ))}
              </div>
              <div>
                <Typography.Text strong>{t(locale, 'tableOutputsResult')}: </Typography.Text>
                <Typography.Text code>{JSON.stringify(result.outputs)}</Typography.Text>
              </div>
            </>
          ) : (
            <Alert
              type="error"
              showIcon
              title={`${result.error.code} ${result.error.message[locale]}`}
              description={result.error.hint[locale]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
