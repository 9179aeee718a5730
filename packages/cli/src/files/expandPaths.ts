import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LocalizedText } from '@ruleloom/engine';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../usageError.js';

/** A file to check, as found from the command line. */
export interface FoundFile {
  /** Absolute path, for reading. */
  readonly absolute: string;
  /** Path relative to the working directory with `/` separators, for printing. */
  readonly display: string;
  /**
   * The folder the file was found from when no app folder holds it: for a folder operand
   * its parent (so the folder's own name still tells the kind, as in `entities/`), for a
   * file or pattern the working directory.
   */
  readonly base: string;
}

const ignore = ['**/node_modules/**'];

/**
 * Turns the operands of `ruleloom validate` into the files to check, each once, in the
 * order given (the files of one folder or pattern sorted by path): a file is taken as is;
 * a folder gives every `*.json` below it (not in `node_modules` or hidden folders); any
 * other operand is a glob pattern (tinyglobby) of which the `.json` files count. Throws a
 * {@link UsageError} for a path that does not exist or cannot be read, and for a folder or
 * pattern without JSON files.
 *
 * @example
 * await expandPaths(['examples/sales-crm', 'extra/*.json'], '/repo');
 */
export async function expandPaths(operands: readonly string[], cwd: string): Promise<FoundFile[]> {
  const files = new Map<string, FoundFile>();
  for (const operand of operands) {
    for (const file of await expandOperand(operand, cwd)) {
      if (!files.has(file.absolute)) files.set(file.absolute, file);
    }
  }
  return [...files.values()];
}

async function expandOperand(operand: string, cwd: string): Promise<FoundFile[]> {
  // An empty operand (a shell variable that was not set) is not the working directory.
  if (operand.trim() === '') throw new UsageError('RL9008', { path: operand }, 'validate');
  const absolute = resolve(cwd, operand);
  const found = await statOf(absolute);
  if (found.kind === 'file') return [foundFile(absolute, cwd, cwd)];
  if (found.kind === 'directory') {
    const matches = await glob('**/*.json', { cwd: absolute, absolute: true, ignore, dot: false });
    return nonEmpty(matches, operand).map((file) => foundFile(file, cwd, dirname(absolute)));
  }
  if (found.kind === 'other') {
    throw new UsageError('RL9010', { path: operand, detail: found.detail }, 'validate');
  }
  if (!isDynamicPattern(operand)) throw new UsageError('RL9008', { path: operand }, 'validate');
  const matches = await glob(operand, { cwd, absolute: true, ignore, dot: false });
  return nonEmpty(
    matches.filter((file) => file.toLowerCase().endsWith('.json')),
    operand,
  ).map((file) => foundFile(file, cwd, cwd));
}

function nonEmpty(files: readonly string[], operand: string): string[] {
  if (files.length === 0) throw new UsageError('RL9009', { pattern: operand }, 'validate');
  // Comparing paths as plain strings keeps the order the same on every machine.
  return files.map((file) => resolve(file)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function foundFile(absolute: string, cwd: string, base: string): FoundFile {
  return { absolute, display: displayPath(absolute, cwd), base };
}

/**
 * A path as printed: relative to the working directory (`../` when outside it; absolute
 * only on another drive), with `/` separators on every system.
 *
 * @example
 * displayPath('/repo/apps/a.json', '/repo'); // 'apps/a.json'
 */
export function displayPath(absolute: string, cwd: string): string {
  const relativePath = relative(cwd, absolute);
  const shown = relativePath === '' || isAbsolute(relativePath) ? absolute : relativePath;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

type Stat =
  | { kind: 'file' }
  | { kind: 'directory' }
  | { kind: 'missing' }
  | { kind: 'other'; detail: string | LocalizedText };

async function statOf(path: string): Promise<Stat> {
  try {
    const stats = await stat(path);
    if (stats.isFile()) return { kind: 'file' };
    if (stats.isDirectory()) return { kind: 'directory' };
    return {
      kind: 'other',
      detail: { 'zh-CN': '不是普通文件或文件夹', en: 'not a regular file or folder' },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
  }
}
