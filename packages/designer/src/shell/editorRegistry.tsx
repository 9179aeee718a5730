/**
 * The visual editors of the other kinds, from `editors/<kind>/<Kind>Editor.tsx`, found at
 * build time and loaded lazily: a kind whose editor has not landed yet has none (the shell
 * shows its JSON view), and no editor's code is in the first screen's bundle.
 */
import type { DefinitionKind } from '@ruleloom/schemas';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { EditorProps } from '../editors/context.js';

const modules = import.meta.glob<Record<string, unknown>>('../editors/*/*Editor.tsx');

/** The module path and export name of each kind's editor. */
const EDITOR_FILES: Partial<Record<DefinitionKind, readonly [path: string, name: string]>> = {
  pipeline: ['../editors/pipeline/PipelineEditor.tsx', 'PipelineEditor'],
  automation: ['../editors/automation/AutomationEditor.tsx', 'AutomationEditor'],
  routing: ['../editors/routing/RoutingEditor.tsx', 'RoutingEditor'],
  table: ['../editors/table/TableEditor.tsx', 'TableEditor'],
  formula: ['../editors/formula/FormulaEditor.tsx', 'FormulaEditor'],
  timer: ['../editors/timer/TimerEditor.tsx', 'TimerEditor'],
};

/** A lazily loaded definition editor. */
export type LazyEditor = LazyExoticComponent<ComponentType<EditorProps<unknown>>>;

const cache = new Map<DefinitionKind, LazyEditor>();

/**
 * The visual editor of a kind, or undefined when it does not exist (yet).
 *
 * @example
 * const Editor = editorOf('pipeline'); // lazy PipelineEditor, once it exists
 */
export function editorOf(kind: DefinitionKind): LazyEditor | undefined {
  const cached = cache.get(kind);
  if (cached) return cached;
  const file = EDITOR_FILES[kind];
  const load = file ? modules[file[0]] : undefined;
  if (!file || !load) return undefined;
  const editor = lazy(async () => {
    const module = await load();
    const component = (module[file[1]] ?? module['default']) as
      ComponentType<EditorProps<unknown>> | undefined;
    if (!component) throw new Error(`${file[0]} exports no ${file[1]}`);
    return { default: component };
  });
  cache.set(kind, editor);
  return editor;
}

/** The kinds that have a visual editor in this build (for the docs and the report). */
export function kindsWithEditors(): DefinitionKind[] {
  return (Object.keys(EDITOR_FILES) as DefinitionKind[]).filter(
    (kind) => modules[EDITOR_FILES[kind]![0]] !== undefined,
  );
}
