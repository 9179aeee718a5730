/**
 * The designer's store as React context: one reducer (./designerState) and the commands
 * every part of the shell uses. Every change of the files goes through `edit`, so every
 * change can be undone.
 */
import type { Draft } from 'immer';
import { createContext, useContext, useMemo, useReducer, type ReactNode } from 'react';
import { changedPaths, type AppFiles } from '../app/fileOps.js';
import {
  designerReducer,
  initialDesignerState,
  type AppOrigin,
  type DesignerState,
} from './designerState.js';

/** Options of an edit. */
export interface EditOptions {
  /** Edits with the same key in quick succession are one undo step (typing). */
  readonly coalesceKey?: string;
  /** Select this file after the edit. */
  readonly select?: string;
}

/** The store: state, derived facts, and commands. */
export interface DesignerStore {
  readonly state: DesignerState;
  readonly files: AppFiles;
  /** Paths changed since the last load or save. */
  readonly changed: readonly string[];
  readonly dirty: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  load(appName: string, origin: AppOrigin, files: AppFiles, unreadable?: readonly string[]): void;
  edit(recipe: (draft: Draft<AppFiles>) => void, options?: EditOptions): void;
  /** Replaces one file's content (an editor's `onChange`). */
  setFile(path: string, value: unknown, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  select(path: string | undefined, focusPointer?: string): void;
  /** Records that `files` are now what is saved. */
  markSaved(files: AppFiles): void;
}

const StoreContext = createContext<DesignerStore | undefined>(undefined);

/**
 * Provides the designer's store to the components below.
 *
 * @example
 * <DesignerStoreProvider><Shell /></DesignerStoreProvider>
 */
export function DesignerStoreProvider(props: {
  readonly children: ReactNode;
  readonly initial?: DesignerState;
}): ReactNode {
  const [state, dispatch] = useReducer(designerReducer, props.initial ?? initialDesignerState);
  const files = state.history.files;
  const changed = useMemo(() => changedPaths(files, state.savedFiles), [files, state.savedFiles]);
  // The commands only dispatch: they never change, so effects may depend on them.
  const commands = useMemo(
    () => ({
      load: (
        appName: string,
        origin: AppOrigin,
        loaded: AppFiles,
        unreadable?: readonly string[],
      ): void => dispatch({ type: 'load', appName, origin, files: loaded, unreadable }),
      edit: (recipe: (draft: Draft<AppFiles>) => void, options: EditOptions = {}): void =>
        dispatch({
          type: 'edit',
          recipe,
          coalesceKey: options.coalesceKey,
          select: options.select,
          at: Date.now(),
        }),
      setFile: (path: string, value: unknown, options: EditOptions = {}): void =>
        dispatch({
          type: 'edit',
          recipe: (draft) => {
            draft[path] = value;
          },
          coalesceKey: options.coalesceKey,
          select: options.select,
          at: Date.now(),
        }),
      undo: (): void => dispatch({ type: 'undo' }),
      redo: (): void => dispatch({ type: 'redo' }),
      select: (path: string | undefined, focusPointer?: string): void =>
        dispatch({ type: 'select', path, focusPointer }),
      markSaved: (saved: AppFiles): void => dispatch({ type: 'saved', files: saved }),
    }),
    [],
  );
  const store = useMemo<DesignerStore>(
    () => ({
      ...commands,
      state,
      files,
      changed,
      dirty: changed.length > 0,
      canUndo: state.history.past.length > 0,
      canRedo: state.history.future.length > 0,
    }),
    [commands, state, files, changed],
  );
  return <StoreContext.Provider value={store}>{props.children}</StoreContext.Provider>;
}

/**
 * The designer's store (inside {@link DesignerStoreProvider}).
 *
 * @example
 * const { files, edit, undo } = useDesignerStore();
 */
export function useDesignerStore(): DesignerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useDesignerStore outside DesignerStoreProvider');
  return store;
}
