import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { loadApp } from '../files/loadApp.js';
import { appFilePath, deleteDefinition, writeDefinition } from './serveFiles.js';
import { serveStatic } from './serveStatic.js';

/** Where and what `ruleloom serve` serves. */
export interface DesignerServerOptions {
  /** The app folder (holds app.json). */
  readonly appRoot: string;
  /** The built designer (`packages/designer/dist`). */
  readonly distDir: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/** A running designer server. */
export interface DesignerServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Largest request body accepted (a definition file). */
const MAX_BODY = 5 * 1024 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Hosts a request may name: the API answers only pages of this server (no DNS rebinding). */
function allowedHost(request: IncomingMessage, host: string): boolean {
  const header = request.headers.host ?? '';
  const name = header.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return ['localhost', '127.0.0.1', '::1', host].includes(name) || host === '0.0.0.0';
}

async function handleApi(
  options: DesignerServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  if (!allowedHost(request, options.host)) {
    sendJson(response, 403, { error: 'forbidden host' });
    return;
  }
  if (path === '/api/app') {
    if (request.method !== 'GET') {
      sendJson(response, 405, { error: 'use GET' });
      return;
    }
    const app = await loadApp(options.appRoot);
    sendJson(response, 200, {
      name: basename(options.appRoot),
      files: app.source.files,
      unreadable: app.source.unreadable ?? [],
    });
    return;
  }
  if (path.startsWith('/api/files/')) {
    let name: string;
    try {
      name = path
        .slice('/api/files/'.length)
        .split('/')
        .map((part) => decodeURIComponent(part))
        .join('/');
    } catch {
      sendJson(response, 400, { error: 'bad path' });
      return;
    }
    const absolute = appFilePath(options.appRoot, name);
    if (!absolute) {
      sendJson(response, 400, {
        error: `refused path "${name}": only .json files inside the app folder`,
      });
      return;
    }
    if (request.method === 'PUT') {
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(response, 415, { error: 'send application/json' });
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(await readBody(request)) as unknown;
      } catch (error) {
        sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) });
        return;
      }
      await writeDefinition(absolute, value);
      sendJson(response, 200, { ok: true, path: name });
      return;
    }
    if (request.method === 'DELETE') {
      await deleteDefinition(absolute);
      sendJson(response, 200, { ok: true, path: name });
      return;
    }
    sendJson(response, 405, { error: 'use PUT or DELETE' });
    return;
  }
  sendJson(response, 404, { error: 'not found' });
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the designer server: the built designer, and the JSON API on the app folder
 * (`GET /api/app`, `PUT` / `DELETE /api/files/<path>`). Rejects when it cannot listen.
 *
 * @example
 * const server = await startDesignerServer({ appRoot, distDir, host: '127.0.0.1', port: 0 });
 * console.log(server.url); await server.close();
 */
export function startDesignerServer(options: DesignerServerOptions): Promise<DesignerServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handled = path.startsWith('/api/')
      ? handleApi(options, request, response, path)
      : request.method === 'GET' || request.method === 'HEAD'
        ? serveStatic(options.distDir, path, response)
        : Promise.resolve(sendJson(response, 405, { error: 'use GET' }));
    handled.catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
      else response.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://${displayHost(options.host)}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
