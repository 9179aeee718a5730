/**
 * The app compiled by the engine, as the admin edits it: `compileApp` runs on the files a
 * moment after the last edit (debounced), and every part of the shell reads the same
 * result (problems panel, editors' diagnostics, form preview, tests). The engine is loaded
 * after the first screen (a dynamic import), so the shell shows before it is parsed.
 */
import type { CompileAppResult } from '@ruleloom/engine';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useDesignerStore } from '../store/DesignerStore.js';

/** Wait this long after an edit before compiling again. */
export const COMPILE_DEBOUNCE_MS = 250;

/** The latest compile result and the files it was made from. */
export interface CompiledState {
  readonly result: CompileAppResult | undefined;
  readonly files: Readonly<Record<string, unknown>> | undefined;
}

const CompiledContext = createContext<CompiledState>({ result: undefined, files: undefined });

/**
 * Compiles the store's files after each edit and provides the result.
 *
 * @example
 * <CompiledAppProvider><ProblemsPanel /></CompiledAppProvider>
 */
export function CompiledAppProvider(props: { readonly children: ReactNode }): ReactNode {
  const { files, state } = useDesignerStore();
  const unreadable = state.unreadable;
  const [compiled, setCompiled] = useState<CompiledState>({ result: undefined, files: undefined });
  useEffect(() => {
    if (Object.keys(files).length === 0) {
      setCompiled({ result: undefined, files: undefined });
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      void import('@ruleloom/engine').then(({ compileApp }) => {
        if (!cancelled) setCompiled({ result: compileApp({ files, unreadable }), files });
      });
    }, COMPILE_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [files, unreadable]);
  return <CompiledContext.Provider value={compiled}>{props.children}</CompiledContext.Provider>;
}

/**
 * The latest compile result (undefined before the first compile).
 *
 * @example
 * const { result } = useCompiledApp(); result?.diagnostics.length;
 */
export function useCompiledApp(): CompiledState {
  return useContext(CompiledContext);
}
