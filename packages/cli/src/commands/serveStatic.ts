import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, relative, resolve, isAbsolute } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves a file of the built designer (`dist/`) for a URL path; paths that are not files
 * get `index.html` (the designer is one page). Hashed assets are cached for a year.
 *
 * @example
 * await serveStatic('/repo/packages/designer/dist', '/assets/index-abc.js', response);
 */
export async function serveStatic(
  distDir: string,
  urlPath: string,
  response: ServerResponse,
): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '/';
  }
  const candidate = resolve(distDir, `.${decoded}`);
  const inside = relative(distDir, candidate);
  const safe = !inside.startsWith('..') && !isAbsolute(inside);
  const file =
    safe && inside !== '' && (await isFile(candidate)) ? candidate : resolve(distDir, 'index.html');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, {
    'content-type': type,
    'cache-control': file.includes(`${resolve(distDir, 'assets')}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(response);
}
