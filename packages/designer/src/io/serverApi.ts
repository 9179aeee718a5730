/**
 * The JSON API of `ruleloom serve`: read the app folder, write and delete its files.
 * When the designer is not served by `ruleloom serve` (opened from a file or another
 * server) {@link fetchServedApp} returns undefined and the designer works offline.
 */

/** What GET /api/app answers. */
export interface ServedApp {
  readonly name: string;
  readonly files: Record<string, unknown>;
  readonly unreadable: readonly string[];
}

function isServedApp(value: unknown): value is ServedApp {
  const app = value as Partial<ServedApp> | null;
  return (
    typeof app === 'object' &&
    app !== null &&
    typeof app.name === 'string' &&
    typeof app.files === 'object' &&
    app.files !== null &&
    Array.isArray(app.unreadable)
  );
}

function apiUrl(path: string): string {
  return new URL(path, globalThis.location.href).toString();
}

/**
 * The app of `ruleloom serve`, or undefined when there is no such API.
 *
 * @example
 * const app = await fetchServedApp(); if (app) store.load(app.name, 'server', app.files);
 */
export async function fetchServedApp(): Promise<ServedApp | undefined> {
  try {
    const response = await fetch(apiUrl('api/app'), { headers: { accept: 'application/json' } });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    return isServedApp(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

let firstLoad: Promise<ServedApp | undefined> | undefined;

/**
 * The app of `ruleloom serve` as asked for once when the page starts: the request runs
 * while React renders the shell, and the store loads its answer.
 *
 * @example
 * void prefetchServedApp(); // in main.tsx, before rendering
 */
export function prefetchServedApp(): Promise<ServedApp | undefined> {
  firstLoad ??= fetchServedApp();
  return firstLoad;
}

function fileUrl(path: string): string {
  return apiUrl(`api/files/${path.split('/').map(encodeURIComponent).join('/')}`);
}

async function check(response: Response): Promise<void> {
  if (response.ok) return;
  let detail = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) detail = body.error;
  } catch {
    // Not JSON: keep the status line.
  }
  throw new Error(detail);
}

/**
 * Writes files (PUT) and deletes files (DELETE) through the API; stops at the first failure.
 *
 * @example
 * await saveToServer({ 'forms/a.json': form }, ['forms/old.json']);
 */
export async function saveToServer(
  writes: Readonly<Record<string, unknown>>,
  deletes: readonly string[],
): Promise<void> {
  for (const [path, value] of Object.entries(writes)) {
    await check(
      await fetch(fileUrl(path), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(value),
      }),
    );
  }
  for (const path of deletes) {
    await check(await fetch(fileUrl(path), { method: 'DELETE' }));
  }
}
