/**
 * The designer's state and its reducer: the app's files with their undo history, what was
 * last saved, where the app came from, and what is selected.
 */
import type { Draft } from 'immer';
import type { AppFiles } from '../app/fileOps.js';
import { recordEdit, redo, undo, type History } from './history.js';

/** Where the open app lives: a `ruleloom serve` folder, or a folder / zip opened in the browser. */
export type AppOrigin = 'server' | 'folder' | 'zip' | 'none';

/** Everything the shell shows. */
export interface DesignerState {
  readonly appName: string;
  readonly origin: AppOrigin;
  readonly history: History;
  /** The files as last loaded or saved (to know what changed). */
  readonly savedFiles: AppFiles;
  /** Files of the folder that are not JSON (listed, never compiled). */
  readonly unreadable: readonly string[];
  /** The open file. */
  readonly selected?: string;
  /** Where in the open file to look (a problem was clicked). */
  readonly focusPointer?: string;
  /** Bumps on every focus request, so the same pointer can be focused twice. */
  readonly focusRequest: number;
}

/** What can happen to the state. */
export type DesignerAction =
  | {
      readonly type: 'load';
      readonly appName: string;
      readonly origin: AppOrigin;
      readonly files: AppFiles;
      readonly unreadable?: readonly string[];
    }
  | {
      readonly type: 'edit';
      readonly recipe: (draft: Draft<AppFiles>) => void;
      readonly coalesceKey?: string;
      readonly at: number;
      /** Select this file after the edit (a file was added or renamed). */
      readonly select?: string;
    }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'saved'; readonly files: AppFiles }
  | { readonly type: 'select'; readonly path: string | undefined; readonly focusPointer?: string };

/** The state before any app is open. */
export const initialDesignerState: DesignerState = {
  appName: '',
  origin: 'none',
  history: { files: {}, past: [], future: [] },
  savedFiles: {},
  unreadable: [],
  focusRequest: 0,
};

/**
 * The reducer of the designer's store.
 *
 * @example
 * const next = designerReducer(state, { type: 'undo' });
 */
export function designerReducer(state: DesignerState, action: DesignerAction): DesignerState {
  switch (action.type) {
    case 'load':
      return {
        ...initialDesignerState,
        appName: action.appName,
        origin: action.origin,
        history: { files: action.files, past: [], future: [] },
        savedFiles: action.files,
        unreadable: action.unreadable ?? [],
        selected: firstSelection(action.files),
      };
    case 'edit': {
      const history = recordEdit(state.history, action.recipe, action.coalesceKey, action.at);
      const selected = action.select ?? state.selected;
      return {
        ...state,
        history,
        selected: selected !== undefined && selected in history.files ? selected : undefined,
      };
    }
    case 'undo':
    case 'redo': {
      const history = action.type === 'undo' ? undo(state.history) : redo(state.history);
      const selected =
        state.selected !== undefined && state.selected in history.files
          ? state.selected
          : undefined;
      return { ...state, history, selected };
    }
    case 'saved':
      return { ...state, savedFiles: action.files };
    case 'select':
      return {
        ...state,
        selected: action.path,
        focusPointer: action.focusPointer,
        focusRequest: state.focusRequest + 1,
      };
  }
}

function firstSelection(files: AppFiles): string | undefined {
  const manifest = files['app.json'] as { files?: { forms?: string[] } } | undefined;
  const form = manifest?.files?.forms?.[0];
  if (form !== undefined && form in files) return form;
  return 'app.json' in files ? 'app.json' : Object.keys(files)[0];
}
