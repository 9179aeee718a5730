/**
 * The monaco part of the formula editor: formula text with highlighting, completion of the
 * formula's inputs and the engine's functions, and the engine's diagnostics as markers.
 * Imports monaco, so it is only ever loaded lazily (see `FormulaEditor`).
 */
import Editor, { type Monaco } from '@monaco-editor/react';
import { useEffect, useRef, type ReactElement } from 'react';
// The shell's monaco setup: the cut-down monaco (no CDN, local workers), one for all editors.
import type { monaco } from '../../monaco/setupMonaco.js';
import '../../monaco/setupMonaco.js';
import type { EditorLocale } from '../i18n.js';
import {
  FORMULA_LANGUAGE,
  formulaTokens,
  type FormulaCompletion,
  type FormulaMarker,
} from './formulaLanguage.js';

/** Completions by model URI: the provider is global, the inputs belong to one editor. */
const completionsByModel = new Map<string, readonly FormulaCompletion[]>();
let registered = false;

function registerLanguage(m: Monaco): void {
  if (registered) return;
  registered = true;
  m.languages.register({ id: FORMULA_LANGUAGE });
  m.languages.setMonarchTokensProvider(
    FORMULA_LANGUAGE,
    formulaTokens() as unknown as monaco.languages.IMonarchLanguage,
  );
  m.languages.setLanguageConfiguration(FORMULA_LANGUAGE, {
    brackets: [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '{', close: '}' },
      { open: '"', close: '"' },
    ],
  });
  m.languages.registerCompletionItemProvider(FORMULA_LANGUAGE, {
    triggerCharacters: ['(', ',', ' ', '['],
    provideCompletionItems(model: monaco.editor.ITextModel, position: monaco.Position) {
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const entries = completionsByModel.get(model.uri.toString()) ?? [];
      return {
        suggestions: entries.map((entry) => ({
          label: entry.label,
          insertText: entry.insertText,
          detail: entry.detail,
          // The formula's own inputs first, then the functions.
          sortText: `${entry.kind === 'field' ? '0' : '1'}${entry.label}`,
          kind:
            entry.kind === 'function'
              ? m.languages.CompletionItemKind.Function
              : m.languages.CompletionItemKind.Field,
          range,
        })),
      };
    },
  });
}

/** Props of {@link FormulaTextEditor}. */
export interface FormulaTextEditorProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly completions: readonly FormulaCompletion[];
  readonly markers: readonly FormulaMarker[];
  /** A stable name of the model (the formula file's path). */
  readonly path: string;
  readonly locale: EditorLocale;
  readonly height?: number;
}

/** Formula text in monaco. */
export default function FormulaTextEditor(props: FormulaTextEditorProps): ReactElement {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  // The editor is uncontrolled while typing: re-rendering it with each keystroke's value loses
  // keys typed in between. Only a change from outside (undo, the JSON view) is written back.
  // Renders can lag behind typing, so any text this editor emitted is its own, not outside.
  const emitted = useRef(new Set([props.value]));
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || emitted.current.has(props.value) || props.value === editor.getValue()) return;
    emitted.current = new Set([props.value]);
    editor.setValue(props.value);
  }, [props.value]);
  const uri = `inmemory://ruleloom/${props.path}.formula`;

  useEffect(() => {
    completionsByModel.set(uri, props.completions);
    return () => void completionsByModel.delete(uri);
  }, [uri, props.completions]);

  const applyMarkers = (): void => {
    const model = editorRef.current?.getModel();
    const m = monacoRef.current;
    if (!model || !m) return;
    m.editor.setModelMarkers(
      model,
      'ruleloom',
      props.markers.map((marker) => ({
        ...marker,
        severity: marker.severity === 'error' ? m.MarkerSeverity.Error : m.MarkerSeverity.Warning,
      })),
    );
  };
  useEffect(applyMarkers);

  return (
    <Editor
      height={props.height ?? 160}
      language={FORMULA_LANGUAGE}
      path={uri}
      defaultValue={props.value}
      beforeMount={registerLanguage}
      onMount={(editor, m) => {
        editorRef.current = editor;
        monacoRef.current = m;
        applyMarkers();
      }}
      onChange={(text) => {
        if (emitted.current.size > 500) emitted.current.clear();
        emitted.current.add(text ?? '');
        props.onChange(text ?? '');
      }}
      options={{
        minimap: { enabled: false },
        // Below the line: above it, a hover would cover the card's title and hint.
        hover: { above: false },
        lineNumbers: 'off',
        wordWrap: 'on',
        fontSize: 14,
        scrollBeyondLastLine: false,
        automaticLayout: true,
      }}
    />
  );
}
