import { createDiagnostic, validateDefinition } from '@ruleloom/engine';
import { readJsonText } from '../jsonSyntax.js';
import type { LocatedDiagnostic } from '../output/types.js';
import { locatePointer } from '../position.js';

/** Where a definition's text came from. */
export interface DefinitionSource {
  /** The path printed with each diagnostic (relative to the working directory). */
  readonly file: string;
  /**
   * The path the kind is inferred from when the file has no `$schema`: relative to its app
   * folder (`entities/lead.json`), else to the folder it was found from.
   */
  readonly path: string;
}

/**
 * Checks the text of one definition file and places every diagnostic at its line and
 * column: a JSON syntax error (RL1002) where parsing stopped, the engine's diagnostics at
 * the value their JSON pointer names. Sorted by line and column. No file system access.
 *
 * @example
 * checkDefinitionText('{\n  "id": "lead",\n}', { file: 'lead.json', path: 'entities/lead.json' });
 * // [{ file: 'lead.json', line: 2, column: 15, diagnostic: { code: 'RL1002', … } }]
 */
export function checkDefinitionText(text: string, source: DefinitionSource): LocatedDiagnostic[] {
  const { json, value, syntaxError } = readJsonText(text);
  if (syntaxError) {
    const { position, detail } = syntaxError;
    const diagnostic = createDiagnostic(
      'RL1002',
      '',
      { ...position, detail },
      { file: source.file },
    );
    return [{ file: source.file, ...position, diagnostic }];
  }
  const located = validateDefinition(value, { path: source.path, file: source.file }).map(
    (diagnostic) => ({
      file: source.file,
      ...locatePointer(json, diagnostic.pointer, diagnostic.column),
      diagnostic,
    }),
  );
  // Array.prototype.sort is stable: diagnostics at one place keep the engine's order.
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}
