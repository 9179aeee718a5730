/**
 * The kinds of definition file the designer lists, in the order of the navigation, with
 * the folder of app.json `files` each lives in (`tests` is app.json's own list).
 */
import type { DefinitionKind } from '@ruleloom/schemas';

/** A list of app.json that names definition files. */
export type AppList =
  | 'entities'
  | 'forms'
  | 'pipelines'
  | 'automations'
  | 'routing'
  | 'tables'
  | 'formulas'
  | 'timers'
  | 'tests';

/** One navigation group: the app.json list, the folder new files go to, and the kind. */
export interface KindInfo {
  readonly list: AppList;
  readonly kind: DefinitionKind;
  /** Folder new files are created in (`entities/`). */
  readonly folder: string;
}

/** Every navigation group, in order. */
export const KINDS: readonly KindInfo[] = [
  { list: 'entities', kind: 'entity', folder: 'entities' },
  { list: 'forms', kind: 'form', folder: 'forms' },
  { list: 'pipelines', kind: 'pipeline', folder: 'pipelines' },
  { list: 'automations', kind: 'automation', folder: 'automations' },
  { list: 'routing', kind: 'routing', folder: 'routing' },
  { list: 'tables', kind: 'table', folder: 'tables' },
  { list: 'formulas', kind: 'formula', folder: 'formulas' },
  { list: 'timers', kind: 'timer', folder: 'timers' },
  { list: 'tests', kind: 'test', folder: 'tests' },
];

/** The manifest, as far as the designer reads it. */
export interface ManifestLike {
  readonly id?: string;
  readonly name?: unknown;
  readonly files?: Partial<Record<Exclude<AppList, 'tests'>, string[]>>;
  readonly tests?: string[];
}

/**
 * The manifest of an app's files (undefined when app.json is missing or not an object).
 *
 * @example
 * manifestOf({ 'app.json': { id: 'crm' } })?.id; // 'crm'
 */
export function manifestOf(files: Readonly<Record<string, unknown>>): ManifestLike | undefined {
  const manifest = files['app.json'];
  return typeof manifest === 'object' && manifest !== null && !Array.isArray(manifest)
    ? (manifest as ManifestLike)
    : undefined;
}

/**
 * The paths app.json lists for one navigation group.
 *
 * @example
 * listedPaths(files, 'forms'); // ['forms/lead-create.json', …]
 */
export function listedPaths(files: Readonly<Record<string, unknown>>, list: AppList): string[] {
  const manifest = manifestOf(files);
  const paths = list === 'tests' ? manifest?.tests : manifest?.files?.[list];
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * The navigation group a path is listed under (app.json itself: undefined).
 *
 * @example
 * kindOfListedPath(files, 'forms/lead-create.json')?.kind; // 'form'
 */
export function kindOfListedPath(
  files: Readonly<Record<string, unknown>>,
  path: string,
): KindInfo | undefined {
  return (
    KINDS.find((info) => listedPaths(files, info.list).includes(path)) ??
    KINDS.find((info) => path.startsWith(`${info.folder}/`))
  );
}
