import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AppSource } from '@ruleloom/engine';
import { readJsonText } from '../jsonSyntax.js';
import type { JsonText } from '../position.js';

/** One JSON file of an app folder, read. */
export interface AppFileText {
  /** Path relative to the app folder, `/`-separated (`entities/lead.json`). */
  readonly path: string;
  readonly absolute: string;
  /** The parsed text with its syntax tree, for placing diagnostics; absent when unreadable. */
  readonly json?: JsonText;
  /** The syntax error, when the text is not JSON. */
  readonly syntaxError?: NonNullable<ReturnType<typeof readJsonText>['syntaxError']>;
  /** The read error, when the file could not be read. */
  readonly readError?: string;
}

/** An app folder read from disk: what the engine compiles, and the texts behind it. */
export interface LoadedApp {
  readonly root: string;
  readonly source: AppSource;
  readonly files: ReadonlyMap<string, AppFileText>;
}

async function jsonFilesUnder(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const absolute = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await jsonFilesUnder(root, absolute)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(absolute);
  }
  return found;
}

/**
 * Reads every JSON file of an app folder (the folder holding `app.json`), parsing each with
 * its positions. Files that cannot be read or parsed are listed as unreadable, so the
 * engine does not call them missing.
 *
 * @example
 * const app = await loadApp('examples/sales-crm');
 * compileApp(app.source);
 */
export async function loadApp(root: string): Promise<LoadedApp> {
  const files = new Map<string, AppFileText>();
  const values: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const absolute of await jsonFilesUnder(root, root)) {
    const path = relative(root, absolute).split(sep).join('/');
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      files.set(path, {
        path,
        absolute,
        readError: error instanceof Error ? error.message : String(error),
      });
      unreadable.push(path);
      continue;
    }
    const { json, value, syntaxError } = readJsonText(text);
    if (syntaxError) {
      files.set(path, { path, absolute, syntaxError });
      unreadable.push(path);
      continue;
    }
    files.set(path, { path, absolute, json });
    values[path] = value;
  }
  return { root, source: { files: values, unreadable }, files };
}
