/**
 * The contract between the designer's shell (navigation, store, undo/redo, save) and its
 * editors (pipeline, condition builder, tables, formulas, routing, automations, timers).
 *
 * Every editor is a controlled React component: it renders `value` (one definition, the
 * same JSON the app folder holds) and reports each edit through `onChange(next)` with a
 * new object (never a mutated `value`: the shell records edits as immer patches for undo).
 * Editors never fetch, save or keep their own copy of the definition.
 */
import type { Diagnostic } from '@ruleloom/engine';

/** What an editor may read about the app around the definition it edits. */
export interface EditorContext {
  /** Every file of the app by path (`app.json`, `entities/lead.json`, …), as saved. */
  readonly files: Readonly<Record<string, unknown>>;
  /** The path of the file being edited, e.g. `pipelines/opportunity.json`. */
  readonly path: string;
  /** UI language. zh-CN first; en is the switch. */
  readonly locale: 'zh-CN' | 'en';
  /** Diagnostics of `compileApp` for this file (pointers are JSON pointers into `value`). */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * A JSON pointer the shell wants shown (a click in the problems panel): the editor
   * selects / scrolls to the element at or above that pointer when it can.
   */
  readonly focusPointer?: string;
}

/** Props of every definition editor. */
export interface EditorProps<T> {
  readonly value: T;
  readonly onChange: (next: T) => void;
  readonly context: EditorContext;
}
