import {
  definitionKinds,
  isDefinitionKind,
  kindOfPath,
  kindOfSchemaId,
  type DefinitionKind,
} from '@ruleloom/schemas';
import { createDiagnostic, type DiagnosticExtras } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { isJsonObject } from './pointer.js';
import { displayValue } from './schemaMessages.js';

/** What is known about a document's kind before its schema is checked. */
export interface KindResolution {
  /** The kind to validate against; undefined when it cannot be told. */
  readonly kind?: DefinitionKind;
  /** True when `$schema` is present but names no ruleloom kind (its schema errors are noise). */
  readonly unknownSchema: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** Where the kind may come from besides `$schema`. */
export interface KindHints {
  readonly kind?: DefinitionKind;
  readonly path?: string;
}

/**
 * Decides the kind of a definition: its `$schema` first, else the caller's `kind`, else the
 * file's place in the app folder. A `$schema` that disagrees with the caller or the folder
 * is a warning (RL1005); a `$schema` that names no kind is RL1004; no kind at all is RL1003.
 *
 * @example
 * resolveKind({ $schema: 'https://ruleloom.dev/schemas/v1/timer.schema.json' }, {}).kind; // 'timer'
 * resolveKind({ id: 'x' }, { path: 'forms/x.json' }).kind; // 'form'
 */
export function resolveKind(
  value: unknown,
  hints: KindHints,
  extras: DiagnosticExtras = {},
): KindResolution {
  const diagnostics: Diagnostic[] = [];
  const given = isDefinitionKind(hints.kind) ? hints.kind : undefined;
  const located = typeof hints.path === 'string' ? kindOfPath(hints.path) : undefined;
  const fallback = given ?? located;
  const declared =
    isJsonObject(value) && Object.hasOwn(value, '$schema') ? value.$schema : undefined;

  if (declared === undefined) {
    if (fallback) return { kind: fallback, unknownSchema: false, diagnostics };
    diagnostics.push(createDiagnostic('RL1003', '', {}, extras));
    return { unknownSchema: false, diagnostics };
  }

  const kind = kindOfSchemaId(declared);
  if (!kind) {
    diagnostics.push(
      createDiagnostic(
        'RL1004',
        '/$schema',
        { value: displayValue(declared), kinds: definitionKinds.join(', ') },
        extras,
      ),
    );
    if (!fallback) diagnostics.push(createDiagnostic('RL1003', '', {}, extras));
    return { ...(fallback ? { kind: fallback } : {}), unknownSchema: true, diagnostics };
  }
  if (fallback && fallback !== kind) {
    diagnostics.push(createDiagnostic('RL1005', '/$schema', { kind, expected: fallback }, extras));
  }
  return { kind, unknownSchema: false, diagnostics };
}
