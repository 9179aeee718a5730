import { compileApp, createDiagnostic, type Diagnostic } from '@ruleloom/engine';
import type { LoadedApp } from '../files/loadApp.js';
import type { LocatedDiagnostic } from '../output/types.js';
import { locatePointer } from '../position.js';

/**
 * Checks a whole app folder: each file's JSON, then `compileApp` (schemas, references across
 * files, types of expressions against their entity, stages, loops). Every diagnostic is
 * placed at the line and column of the value its pointer names, in the file it is about.
 * `compiled` is the app's compile result when the caller has it already.
 *
 * @example
 * checkApp(await loadApp('examples/sales-crm'), (path) => `examples/sales-crm/${path}`);
 */
export function checkApp(
  app: LoadedApp,
  display: (path: string) => string,
  compiled: { readonly diagnostics: readonly Diagnostic[] } = compileApp(app.source),
): LocatedDiagnostic[] {
  const located: LocatedDiagnostic[] = [];
  for (const file of app.files.values()) {
    if (file.syntaxError) {
      const { position, detail } = file.syntaxError;
      const diagnostic = createDiagnostic(
        'RL1002',
        '',
        { ...position, detail },
        { file: display(file.path) },
      );
      located.push({ file: display(file.path), ...position, diagnostic });
    }
  }
  for (const diagnostic of compiled.diagnostics) {
    const path = diagnostic.file ?? 'app.json';
    const json = app.files.get(path)?.json;
    const position = json
      ? locatePointer(json, diagnostic.pointer, diagnostic.column)
      : { line: 1, column: 1 };
    located.push({
      file: display(path),
      ...position,
      diagnostic: { ...diagnostic, file: display(path) },
    });
  }
  return located.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}
