/** The sales-crm example app's files, for editor tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repo root: the nearest folder up from the working directory that holds the examples. */
function repoRoot(from = process.cwd()): string {
  if (existsSync(join(from, 'examples/sales-crm/app.json'))) return from;
  const up = dirname(from);
  if (up === from) throw new Error('examples/sales-crm not found above the working directory');
  return repoRoot(up);
}

// jsdom tests see an http: import.meta.url, so the app is found from the working directory.
const APP = join(repoRoot(), 'examples/sales-crm');

/** One file of the example app, parsed. */
export function exampleFile<T>(path: string): T {
  return JSON.parse(readFileSync(join(APP, path), 'utf8')) as T;
}

/** Every JSON file of the example app by path, as `context.files` holds them. */
export function exampleFiles(): Record<string, unknown> {
  const files: Record<string, unknown> = { 'app.json': exampleFile('app.json') };
  for (const folder of ['entities', 'pipelines', 'tables', 'formulas', 'routing', 'automations']) {
    for (const name of readdirSync(join(APP, folder))) {
      if (name.endsWith('.json')) files[`${folder}/${name}`] = exampleFile(`${folder}/${name}`);
    }
  }
  return files;
}
