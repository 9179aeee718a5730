/**
 * Opening and downloading an app without a server: a folder picked in the browser
 * (`<input webkitdirectory>`), a .zip (jszip), and a .zip download of the current files.
 */
import JSZip from 'jszip';

/** An app read in the browser. */
export interface LocalApp {
  readonly name: string;
  readonly files: Record<string, unknown>;
  /** JSON files that do not parse. */
  readonly unreadable: string[];
}

/** Serializes a definition as the app folder keeps it: 2-space JSON and a final newline. */
export function formatDefinition(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Builds an app from (path, text) pairs: finds the shallowest app.json and keeps the JSON
 * files below its folder, by path relative to it. Undefined when there is no app.json.
 *
 * @example
 * appFromTexts('crm', [['crm/app.json', '{}']]); // { name: 'crm', files: { 'app.json': {} }, … }
 */
export function appFromTexts(
  fallbackName: string,
  entries: readonly (readonly [path: string, text: string])[],
): LocalApp | undefined {
  const manifests = entries
    .map(([path]) => path)
    .filter((path) => path === 'app.json' || path.endsWith('/app.json'))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const manifest = manifests[0];
  if (manifest === undefined) return undefined;
  const prefix = manifest.slice(0, -'app.json'.length);
  const files: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const [path, text] of entries) {
    if (!path.startsWith(prefix) || !path.endsWith('.json')) continue;
    const relative = path.slice(prefix.length);
    if (relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
      continue;
    try {
      files[relative] = JSON.parse(text) as unknown;
    } catch {
      unreadable.push(relative);
    }
  }
  const folder = prefix.replace(/\/$/, '').split('/').pop();
  return { name: folder || fallbackName, files, unreadable };
}

/**
 * Reads a folder picked with `<input type="file" webkitdirectory>`.
 *
 * @example
 * const app = await readPickedFolder(input.files);
 */
export async function readPickedFolder(
  list: FileList | readonly File[],
): Promise<LocalApp | undefined> {
  const picked = [...list].filter((file) => file.name.endsWith('.json'));
  const entries = await Promise.all(
    picked.map(async (file) => [file.webkitRelativePath || file.name, await file.text()] as const),
  );
  return appFromTexts('app', entries);
}

/**
 * Reads an app from a .zip file.
 *
 * @example
 * const app = await readZip(file);
 */
export async function readZip(file: Blob, name = 'app'): Promise<LocalApp | undefined> {
  const zip = await JSZip.loadAsync(file);
  const entries = await Promise.all(
    Object.values(zip.files)
      .filter((entry) => !entry.dir && entry.name.endsWith('.json'))
      .map(async (entry) => [entry.name, await entry.async('string')] as const),
  );
  return appFromTexts(name.replace(/\.zip$/i, ''), entries);
}

/**
 * A .zip of the app's files (one folder named after the app), formatted as on disk.
 *
 * @example
 * const blob = await zipApp('sales-crm', files);
 */
export async function zipApp(
  name: string,
  files: Readonly<Record<string, unknown>>,
): Promise<Blob> {
  const zip = new JSZip();
  const folder = zip.folder(name) ?? zip;
  for (const [path, value] of Object.entries(files)) folder.file(path, formatDefinition(value));
  return zip.generateAsync({ type: 'blob' });
}

/**
 * Offers a blob as a download.
 *
 * @example
 * downloadBlob(await zipApp('crm', files), 'crm.zip');
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
