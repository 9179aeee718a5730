/**
 * Monaco, bundled with the designer (never from a CDN): the editor and JSON workers come
 * from Vite `?worker` imports, `@monaco-editor/react` is pointed at this copy, and the
 * JSON language knows every ruleloom schema (by `$schema`, and by the folder of the file).
 *
 * Import this module only lazily (React.lazy / dynamic import): monaco is large and the
 * first screen must not wait for it.
 */
import { loader } from '@monaco-editor/react';
import { allSchemas, definitionKinds, schemaIdOf } from '@ruleloom/schemas';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

globalThis.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

loader.config({ monaco });

/** The URI of the in-memory model of a definition file of `kind` (`inmemory://ruleloom/form/forms/a.json`). */
export function modelUri(kind: string, path: string): string {
  return `inmemory://ruleloom/${kind}/${path}`;
}

monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: allSchemas.map((schema) => {
    const kind = definitionKinds.find((k) => schemaIdOf(k) === schema.$id);
    return {
      uri: schema.$id,
      schema,
      ...(kind ? { fileMatch: [`inmemory://ruleloom/${kind}/*`] } : {}),
    };
  }),
});

export { monaco };
