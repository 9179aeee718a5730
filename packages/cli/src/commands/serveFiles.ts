import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { applyEdits, modify, parse, type FormattingOptions, type JSONPath } from 'jsonc-parser';

/**
 * The absolute path of a file of the app folder named in an API request, or undefined when
 * the name is not allowed: absolute, escaping the folder (`..`), hidden, or not `.json`.
 *
 * @example
 * appFilePath('/apps/crm', 'forms/lead.json'); // '/apps/crm/forms/lead.json'
 * appFilePath('/apps/crm', '../secret.json'); // undefined
 */
export function appFilePath(root: string, path: string): string | undefined {
  if (path === '' || isAbsolute(path) || path.includes('\\') || path.includes('\0'))
    return undefined;
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.')))
    return undefined;
  if (!path.endsWith('.json') || parts.includes('node_modules')) return undefined;
  const absolute = resolve(root, ...parts);
  const inside = relative(root, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/') === path ? absolute : undefined;
}

const FORMAT: FormattingOptions = { tabSize: 2, insertSpaces: true, eol: '\n' };

/**
 * A definition as a new file: 2-space JSON, keys in their order, a final newline.
 *
 * @example
 * formatNewFile({ id: 'a' }); // '{\n  "id": "a"\n}\n'
 */
export function formatNewFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The text of `before` changed into `after` by the smallest edits: untouched parts keep their
 * formatting (so a git diff shows only what changed). Falls back to {@link formatNewFile} when
 * the edits do not give exactly `after` (e.g. keys reordered).
 *
 * @example
 * updateFileText('{ "a": 1, "b": [1, 2] }\n', { a: 2, b: [1, 2] }); // '{ "a": 2, "b": [1, 2] }\n'
 */
export function updateFileText(before: string, after: unknown): string {
  let text = before;
  const edit = (path: JSONPath, value: unknown, insert = false): void => {
    text = applyEdits(
      text,
      modify(text, path, value, { formattingOptions: FORMAT, isArrayInsertion: insert }),
    );
  };
  const visit = (path: JSONPath, old: unknown, next: unknown): void => {
    if (same(old, next)) return;
    if (isObject(old) && isObject(next)) {
      for (const key of Object.keys(old)) if (!(key in next)) edit([...path, key], undefined);
      for (const [key, value] of Object.entries(next)) {
        if (key in old) visit([...path, key], old[key], value);
        else edit([...path, key], value);
      }
      return;
    }
    if (Array.isArray(old) && Array.isArray(next)) {
      // Keep the common head and tail; replace, remove or insert only in between.
      let head = 0;
      while (head < old.length && head < next.length && same(old[head], next[head])) head += 1;
      let tail = 0;
      while (
        tail < old.length - head &&
        tail < next.length - head &&
        same(old[old.length - 1 - tail], next[next.length - 1 - tail])
      )
        tail += 1;
      const oldMiddle = old.length - head - tail;
      const newMiddle = next.length - head - tail;
      const common = Math.min(oldMiddle, newMiddle);
      for (let i = 0; i < common; i += 1) visit([...path, head + i], old[head + i], next[head + i]);
      for (let i = oldMiddle - 1; i >= common; i -= 1) edit([...path, head + i], undefined);
      for (let i = common; i < newMiddle; i += 1) edit([...path, head + i], next[head + i], true);
      return;
    }
    edit(path, next);
  };
  try {
    visit([], parse(before) as unknown, after);
  } catch {
    return formatNewFile(after);
  }
  if (JSON.stringify(parse(text)) !== JSON.stringify(after)) return formatNewFile(after);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Writes a definition to the app folder: an existing file changes by the smallest edits,
 * a new one is written as 2-space JSON. Folders are created as needed.
 *
 * @example
 * await writeDefinition('/apps/crm/forms/lead.json', form);
 */
export async function writeDefinition(absolute: string, value: unknown): Promise<void> {
  let before: string | undefined;
  try {
    before = await readFile(absolute, 'utf8');
  } catch {
    before = undefined;
  }
  let text: string;
  try {
    text = before === undefined ? formatNewFile(value) : updateFileText(before, value);
  } catch {
    text = formatNewFile(value);
  }
  if (text === before) return;
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, text, 'utf8');
}

/**
 * Deletes a definition file (a file that is already gone is fine).
 *
 * @example
 * await deleteDefinition('/apps/crm/forms/old.json');
 */
export async function deleteDefinition(absolute: string): Promise<void> {
  await rm(absolute, { force: true });
}
