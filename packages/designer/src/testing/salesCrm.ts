/**
 * The example app examples/sales-crm as the designer holds it (every JSON file by path),
 * read from disk, for tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The folder of the example app. */
export const salesCrmDir = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'examples',
  'sales-crm',
);

function jsonFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/**
 * Every JSON file of examples/sales-crm, parsed, by path relative to the app folder.
 *
 * @example
 * const files = salesCrmFiles(); compileApp({ files }).ok; // true
 */
export function salesCrmFiles(): Record<string, unknown> {
  return Object.fromEntries(
    jsonFiles(salesCrmDir).map((path) => [
      relative(salesCrmDir, path).split(sep).join('/'),
      JSON.parse(readFileSync(path, 'utf8')) as unknown,
    ]),
  );
}
