/**
 * Monaco, bundled with the designer (never from a CDN) and cut down to what the designer
 * uses: the editor core with its features (find, suggest, hover, folding, …), the JSON
 * language (the JSON view, with every ruleloom schema by `$schema` and by the folder of the
 * file) and, registered by the formula editor, the formula language. Two workers: the editor
 * worker and the JSON worker (Vite `?worker` imports). `monaco-editor`'s main entry would add
 * some 80 other languages and the TypeScript, CSS and HTML workers (~8.5 MB) that nothing
 * here opens, so this module never imports it. Monaco's own texts (menus, the find box, the
 * hover) follow the UI language (./monacoLocale.ts).
 *
 * Import this module only lazily (React.lazy / dynamic import): monaco is large and the
 * first screen must not wait for it. Once it has loaded, `@monaco-editor/react` uses this
 * monaco; its types are `monaco` here.
 */
import './monacoLocale.js';
import { loader } from '@monaco-editor/react';
import { allSchemas, definitionKinds, schemaIdOf } from '@ruleloom/schemas';
import type * as MonacoApi from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

/** The types of the monaco API (`monaco.editor.IStandaloneCodeEditor`, …). */
export type * as monaco from 'monaco-editor/editor/editor.api';

globalThis.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};

// Monaco's modules read their texts while they load: they are imported only now, after
// ./monacoLocale.ts has run (static imports would run first, whatever their order).
const monaco: typeof MonacoApi = await import('monaco-editor/editor/editor.api');
await import('./editorFeatures.js');
const { jsonDefaults } = await import('monaco-editor/languages/features/json/register');

loader.config({ monaco });

/** The URI of the in-memory model of a definition file of `kind` (`inmemory://ruleloom/form/forms/a.json`). */
export function modelUri(kind: string, path: string): string {
  return `inmemory://ruleloom/${kind}/${path}`;
}

jsonDefaults.setDiagnosticsOptions({
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
