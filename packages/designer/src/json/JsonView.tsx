/**
 * Any definition as JSON in monaco, with the schema of its kind for completion and
 * validation. Edits that parse go to the store (one undo step per burst of typing); edits
 * from elsewhere (visual editors, undo) replace the text. Lazy-loaded: it pulls in monaco.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { Alert } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { modelUri, type monaco as Monaco } from '../monaco/setupMonaco.js';
import { pointerRange } from './pointerLocation.js';

/** Props of {@link JsonView}. */
export interface JsonViewProps {
  readonly path: string;
  readonly kind: string;
  readonly value: unknown;
  readonly onChange: (next: unknown) => void;
  readonly focusPointer?: string;
  readonly focusRequest?: number;
}

function format(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/**
 * The JSON view of one definition.
 *
 * @example
 * <JsonView path="forms/a.json" kind="form" value={form} onChange={(next) => store.setFile(path, next)} />
 */
export default function JsonView(props: JsonViewProps): ReactNode {
  const { t } = useI18n();
  const [text, setText] = useState(() => format(props.value));
  const [syntaxError, setSyntaxError] = useState<string>();
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor>(null);

  // A change from outside (visual editor, undo): show it, unless the text already says it.
  useEffect(() => {
    setText((current) => (sameJson(current, props.value) ? current : format(props.value)));
  }, [props.value]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || props.focusPointer === undefined) return;
    reveal(editor, props.focusPointer);
  }, [props.focusPointer, props.focusRequest]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    if (props.focusPointer !== undefined) reveal(editor, props.focusPointer);
  };

  return (
    <div className="json-view" data-testid="json-view">
      {syntaxError && (
        <Alert type="warning" showIcon title={t('jsonInvalid', { detail: syntaxError })} />
      )}
      <Editor
        height="100%"
        language="json"
        path={modelUri(props.kind, props.path)}
        value={text}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
        }}
        onMount={onMount}
        onChange={(next) => {
          const nextText = next ?? '';
          setText(nextText);
          try {
            const parsed: unknown = JSON.parse(nextText);
            setSyntaxError(undefined);
            if (!sameJson(format(props.value), parsed)) props.onChange(parsed);
          } catch (error) {
            setSyntaxError(error instanceof Error ? error.message : String(error));
          }
        }}
      />
    </div>
  );
}

function reveal(editor: Monaco.editor.IStandaloneCodeEditor, pointer: string): void {
  const model = editor.getModel();
  if (!model) return;
  const range = pointerRange(model.getValue(), pointer);
  if (!range) return;
  const start = model.getPositionAt(range.offset);
  const end = model.getPositionAt(range.offset + range.length);
  const selection = {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
  editor.setSelection(selection);
  editor.revealRangeInCenter(selection);
  editor.focus();
}
