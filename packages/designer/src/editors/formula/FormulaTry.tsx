import { Alert, Button, Card, Input, Space, Tree, Typography } from 'antd';
import {
  parseNumberText,
  type CallTrace,
  type CompiledFormula,
  type FormulaResult,
  type TraceStep,
} from '@ruleloom/engine';
import { useState, type ReactElement, type ReactNode } from 'react';
import { t, type EditorLocale } from '../i18n.js';

const NUMERIC = new Set(['number', 'money', 'percent']);

/**
 * A typed try value of an input: numbers for numeric types as admins write them (the engine's
 * number text: `0.9`, `90%`, `35万`, `350,000`), booleans, else text; blank left out.
 */
export function inputValue(text: string, type: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = NUMERIC.has(type) ? parseNumberText(trimmed) : undefined;
  if (number !== undefined) return number;
  if (type === 'boolean') return trimmed === 'true' || trimmed === '是';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

interface TraceNode {
  key: string;
  title: ReactNode;
  children: TraceNode[];
}

function callTitle(call: CallTrace, locale: EditorLocale): string {
  if (call.kind === 'table') {
    return t(locale, 'formulaCall', {
      kind: 'TABLE',
      id: call.table,
      rows: call.matched.map((m) => m.rowId).join(', ') || '-',
    });
  }
  return t(locale, 'formulaCall', {
    kind: 'FORMULA',
    id: call.formula,
    rows: JSON.stringify(call.value),
  });
}

function traceNodes(steps: readonly TraceStep[], locale: EditorLocale, prefix = 't'): TraceNode[] {
  return steps.map((step, index) => {
    const key = `${prefix}-${index}`;
    const text = step.text ?? step.operator;
    const children = traceNodes(step.children, locale, key);
    if (step.call) {
      children.unshift({ key: `${key}-call`, title: callTitle(step.call, locale), children: [] });
    }
    return {
      key,
      title: (
        <span>
          <Typography.Text code>{text}</Typography.Text> = {JSON.stringify(step.value)}
        </span>
      ),
      children,
    };
  });
}

/** The "try it" panel: a value per input, evaluated by the engine; the value and its trace. */
export function FormulaTry(props: {
  readonly formula: CompiledFormula | undefined;
  readonly locale: EditorLocale;
}): ReactElement {
  const { formula, locale } = props;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [result, setResult] = useState<FormulaResult>();
  if (!formula) return <Alert type="info" showIcon title={t(locale, 'formulaNotCompiled')} />;
  const run = (): void => {
    const input: Record<string, unknown> = {};
    for (const info of formula.inputs) {
      const value = inputValue(texts[info.id] ?? '', info.type);
      if (value !== undefined) input[info.id] = value;
    }
    setResult(formula.evaluate(input));
  };
  return (
    <Card size="small" title={t(locale, 'formulaTry')}>
      <Space wrap>
        {formula.inputs.map((info) => (
          <label key={info.id} style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            <span>{info.label[locale] || info.id}</span>
            <Input
              aria-label={`${t(locale, 'try')} ${info.id}`}
              placeholder={info.default === undefined ? info.type : JSON.stringify(info.default)}
              style={{ width: 160 }}
              value={texts[info.id] ?? ''}
              onChange={(e) => setTexts({ ...texts, [info.id]: e.target.value })}
              onPressEnter={run}
            />
          </label>
        ))}
        <Button type="primary" onClick={run}>
          {t(locale, 'run')}
        </Button>
      </Space>
      {result && (
        <div className="rl-formula-result" style={{ marginTop: 8 }}>
          {result.ok ? (
            <div>
              <Typography.Text strong>{t(locale, 'formulaValue')}: </Typography.Text>
              <Typography.Text code data-testid="formula-value">
                {JSON.stringify(result.value)}
              </Typography.Text>
            </div>
          ) : (
            <Alert
              type="error"
              showIcon
              title={`${result.error.code} ${result.error.message[locale]}`}
              description={result.error.hint[locale]}
            />
          )}
          {result.trace.steps.length > 0 && (
            <>
              <Typography.Text strong>{t(locale, 'formulaTrace')}</Typography.Text>
              <Tree
                defaultExpandAll
                selectable={false}
                treeData={traceNodes(result.trace.steps, locale)}
              />
            </>
          )}
        </div>
      )}
    </Card>
  );
}
