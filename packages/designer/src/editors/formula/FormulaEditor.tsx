import { Alert, Card, Spin, Typography } from 'antd';
import { parseFormula, printFormula, type Diagnostic } from '@ruleloom/engine';
import type { FormulaDefinition } from '@ruleloom/schemas';
import { lazy, Suspense, useMemo, useState, type ReactElement } from 'react';
import type { EditorProps } from '../context.js';
import { t } from '../i18n.js';
import { compileFormula, inputFields } from './compileFormula.js';
import { FormulaInputs, FormulaOutputEditor } from './FormulaInputs.js';
import { formulaCompletions, formulaMarkers } from './formulaLanguage.js';
import { FormulaTry } from './FormulaTry.js';

// monaco is heavy: it loads when a formula is first shown, never with the shell.
const FormulaTextEditor = lazy(() => import('./FormulaTextEditor.js'));

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What the formula is stored as, and its text. */
function storedText(
  value: FormulaDefinition,
  fields: ReturnType<typeof inputFields>,
  locale: 'zh-CN' | 'en',
): { mode: 'text' | 'expression'; text: string | undefined } {
  if (typeof value.text === 'string') return { mode: 'text', text: value.text };
  if (value.expression === undefined) return { mode: 'text', text: '' };
  const printed = printFormula(value.expression, { fields, useLabels: locale });
  return { mode: 'expression', text: printed.ok ? printed.text : undefined };
}

/**
 * The formula editor: inputs, output, and the calculation as Excel-like formula text in
 * monaco (highlighting, completion of inputs and functions, the engine's diagnostics as you
 * type), plus a "try it" panel evaluated by the engine with its trace.
 *
 * A formula stored as `text` is saved as text, even with errors (the diagnostics say what is
 * wrong). A formula stored as JsonLogic `expression` is shown printed as text and saved as
 * JsonLogic again whenever the text parses; JsonLogic that has no text form is shown read-only.
 *
 * The default export is this component, so the shell can `React.lazy` this module.
 */
export function FormulaEditor({
  value,
  onChange,
  context,
}: EditorProps<FormulaDefinition>): ReactElement {
  const { locale } = context;
  const fields = useMemo(() => inputFields(value), [value]);
  const stored = storedText(value, fields, locale);
  const source = stored.mode === 'text' ? value.text : value.expression;
  // The text being typed: for a JsonLogic formula, text that does not parse yet is kept here.
  const [draft, setDraft] = useState({ text: stored.text ?? '', source });
  let text = draft.text;
  if (draft.source !== source && !sameJson(draft.source, source)) {
    text = stored.text ?? '';
    setDraft({ text, source });
  }
  const parsed = useMemo(() => parseFormula(text, { fields }), [text, fields]);
  const compiled = useMemo(
    () => compileFormula(value, context.path, context.files),
    [value, context.path, context.files],
  );
  const completions = useMemo(
    () => formulaCompletions(value.inputs, locale),
    [value.inputs, locale],
  );

  const edit = (next: string): void => {
    if (stored.mode === 'text') {
      setDraft({ text: next, source: next });
      const { expression: _none, ...rest } = value;
      onChange({ ...rest, text: next });
      return;
    }
    const result = parseFormula(next, { fields });
    if (result.ok) {
      setDraft({ text: next, source: result.logic });
      onChange({ ...value, expression: result.logic });
    } else {
      setDraft({ text: next, source });
    }
  };

  const problems: readonly Diagnostic[] = parsed.ok ? compiled.diagnostics : parsed.diagnostics;
  return (
    <div className="rl-formula-editor" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Card size="small" title={t(locale, 'formulaInputs')}>
        <FormulaInputs value={value} onChange={onChange} locale={locale} />
      </Card>
      <Card size="small" title={t(locale, 'formulaOutput')}>
        <FormulaOutputEditor
          value={value.output}
          locale={locale}
          onChange={(output) => onChange({ ...value, output })}
        />
      </Card>
      <Card size="small" title={t(locale, 'formulaText')}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t(locale, 'formulaTextHint')}
        </Typography.Paragraph>
        {stored.mode === 'expression' && stored.text !== undefined && (
          <Typography.Paragraph type="secondary">
            {t(locale, 'formulaFromLogic')}
          </Typography.Paragraph>
        )}
        {stored.text === undefined ? (
          <>
            <Alert type="info" showIcon title={t(locale, 'formulaNotPrintable')} />
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {JSON.stringify(value.expression)}
            </Typography.Text>
          </>
        ) : (
          <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
            <Suspense fallback={<Spin description={t(locale, 'formulaLoading')} />}>
              <FormulaTextEditor
                value={text}
                onChange={edit}
                completions={completions}
                markers={formulaMarkers(text, parsed.diagnostics, locale)}
                path={context.path}
                locale={locale}
              />
            </Suspense>
          </div>
        )}
        <div className="rl-formula-problems" style={{ marginTop: 4 }}>
          {problems.length === 0 ? (
            <Typography.Text type="success">{t(locale, 'formulaOk')}</Typography.Text>
          ) : (
            problems.map((d, i) => (
              <div
                key={i}
                role="alert"
                style={{ color: d.severity === 'error' ? '#ff4d4f' : '#faad14' }}
                title={d.hint[locale]}
              >
                {d.code} {d.message[locale]}
              </div>
            ))
          )}
        </div>
      </Card>
      <FormulaTry formula={compiled.formula} locale={locale} />
    </div>
  );
}

export default FormulaEditor;
