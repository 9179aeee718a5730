import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Locale } from '@ruleloom/engine';
import type { CliIo } from '../io.js';
import { UsageError } from '../usageError.js';
import { startDesignerServer, type DesignerServer } from './serveServer.js';

/** What `ruleloom serve` was asked to do. */
export interface ServeCommand {
  /** The app folder (one). */
  readonly operands: readonly string[];
  /** `--port` as written; default 5178, 0 picks a free port. */
  readonly port: string | undefined;
  /** `--host`; default 127.0.0.1 (this machine only). */
  readonly host: string | undefined;
  readonly locale: Locale;
}

/** The port `ruleloom serve` uses when none is given. */
export const DEFAULT_PORT = 5178;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the built designer is: `RULELOOM_DESIGNER_DIST`, else the `dist/` of the
 * `@ruleloom/designer` package next to this CLI (the monorepo's packages/designer/dist).
 *
 * @example
 * designerDistDir({}); // '/repo/packages/designer/dist'
 */
export function designerDistDir(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env['RULELOOM_DESIGNER_DIST'];
  if (configured) return resolve(configured);
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@ruleloom/designer/package.json')), 'dist');
  } catch {
    // Not installed as a package: the CLI runs from the monorepo (src/ or dist/).
    return resolve(import.meta.dirname, '..', '..', '..', 'designer', 'dist');
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65535) {
    throw new UsageError('RL9016', { value: JSON.stringify(value) }, 'serve');
  }
  return port;
}

/**
 * Starts `ruleloom serve <app-dir>` and returns the running server (the caller decides
 * when it stops). Prints `ruleloom designer: <url>` on stdout. Throws a {@link UsageError}
 * for a missing or wrong app folder, a bad port, a designer that is not built, or a port
 * it cannot listen on.
 *
 * @example
 * const server = await startServeCommand({ operands: ['examples/sales-crm'], port: '0', host: undefined, locale: 'en' }, io);
 */
export async function startServeCommand(command: ServeCommand, io: CliIo): Promise<DesignerServer> {
  const operand = command.operands[0];
  if (operand === undefined || command.operands.length > 1) {
    throw new UsageError('RL9018', { count: command.operands.length }, 'serve');
  }
  const appRoot = resolve(io.cwd, operand);
  if (!(await exists(join(appRoot, 'app.json')))) {
    throw new UsageError('RL9013', { path: operand }, 'serve');
  }
  const port = parsePort(command.port);
  const host = command.host ?? '127.0.0.1';
  const distDir = designerDistDir(io.env);
  if (!(await exists(join(distDir, 'index.html')))) {
    throw new UsageError('RL9015', { path: join(distDir, 'index.html') });
  }
  let server: DesignerServer;
  try {
    server = await startDesignerServer({ appRoot, distDir, host, port });
  } catch (error) {
    throw new UsageError('RL9017', {
      address: `${host}:${port}`,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  io.stdout(`ruleloom designer: ${server.url}\n`);
  io.stdout(
    command.locale === 'zh-CN'
      ? `应用文件夹：${appRoot}\n按 Ctrl+C 停止。\n`
      : `app folder: ${appRoot}\nPress Ctrl+C to stop.\n`,
  );
  return server;
}

/**
 * Runs `ruleloom serve <app-dir>` until the process is interrupted (Ctrl+C or SIGTERM);
 * exit code 0 after a clean stop.
 *
 * @example
 * process.exitCode = await runServeCommand({ operands: ['examples/sales-crm'], port: undefined, host: undefined, locale: 'zh-CN' }, processIo());
 */
export async function runServeCommand(command: ServeCommand, io: CliIo): Promise<number> {
  const server = await startServeCommand(command, io);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
