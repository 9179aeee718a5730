import type { AppDefinition } from '@ruleloom/schemas';

/**
 * An app as data: the parsed JSON of every file of its folder, by path relative to the
 * folder (`app.json`, `entities/lead.json`, …). The CLI reads a folder into this; the
 * designer keeps it in memory; tests write it inline.
 */
export interface AppSource {
  readonly files: Readonly<Record<string, unknown>>;
  /**
   * Files that exist but could not be parsed (the reader reported them): not reported again
   * as missing.
   */
  readonly unreadable?: readonly string[];
}

/** The folders of `files` in app.json, in the order their kinds compile. */
export const APP_FOLDERS = [
  'entities',
  'forms',
  'pipelines',
  'automations',
  'routing',
  'tables',
  'formulas',
  'timers',
] as const satisfies readonly (keyof NonNullable<AppDefinition['files']>)[];

/** A folder of app.json's `files`. */
export type AppFolder = (typeof APP_FOLDERS)[number];

/** The manifest's file lists, as data (a missing list is empty). */
export function listedFiles(manifest: AppDefinition): ReadonlyMap<AppFolder, readonly string[]> {
  const files = manifest.files ?? {};
  return new Map(APP_FOLDERS.map((folder) => [folder, [...(files[folder] ?? [])]]));
}
