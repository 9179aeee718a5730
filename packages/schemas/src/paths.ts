import type { DefinitionKind } from './kinds.js';

/**
 * The folder of each kind inside an app folder (`app.json` itself sits at the root).
 *
 * @example
 * definitionFolders.entity; // 'entities'
 */
export const definitionFolders = {
  entity: 'entities',
  form: 'forms',
  pipeline: 'pipelines',
  automation: 'automations',
  routing: 'routing',
  table: 'tables',
  formula: 'formulas',
  timer: 'timers',
  test: 'tests',
} as const satisfies Record<Exclude<DefinitionKind, 'app'>, string>;

const kindOfFolder: ReadonlyMap<string, DefinitionKind> = new Map(
  Object.entries(definitionFolders).map(([kind, folder]) => [folder, kind as DefinitionKind]),
);

/**
 * Infers a definition's kind from where its file sits in an app folder: `app.json` is the
 * manifest, `entities/*.json` are entities, and `forms/`, `pipelines/`, `automations/`,
 * `routing/`, `tables/`, `formulas/`, `timers/`, `tests/` likewise. The file's own folder
 * decides, so a path with a prefix (`examples/sales-crm/entities/lead.json`, an absolute
 * path, Windows separators) works too. Anything else gives undefined.
 *
 * @example
 * kindOfPath('entities/lead.json'); // 'entity'
 * kindOfPath('examples/store-sales/app.json'); // 'app'
 * kindOfPath('sample-data/leads.json'); // undefined
 */
export function kindOfPath(relativePath: string): DefinitionKind | undefined {
  if (typeof relativePath !== 'string') return undefined;
  const segments = relativePath
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.');
  const file = segments.at(-1);
  if (file === undefined || !file.toLowerCase().endsWith('.json')) return undefined;
  const folder = segments.at(-2);
  const kind = folder === undefined ? undefined : kindOfFolder.get(folder);
  if (kind) return kind;
  return file === 'app.json' ? 'app' : undefined;
}
