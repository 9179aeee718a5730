import type { Node } from 'jsonc-parser';

/** A place in a text file: 1-based line and 1-based column. */
export interface Position {
  readonly line: number;
  /** Counts characters (Unicode code points) from the start of the line, as formula columns do. */
  readonly column: number;
}

/**
 * A JSON file's text with what is needed to place things in it: where each line starts
 * and, for valid JSON, jsonc-parser's syntax tree (absent when the file could not be
 * parsed into one, e.g. nesting too deep for it).
 */
export interface JsonText {
  readonly text: string;
  readonly tree: Node | undefined;
  readonly lineStarts: readonly number[];
}

/**
 * The offsets where lines start; `\n`, `\r\n` and a lone `\r` end a line, as they do for
 * jsonc-parser and editors.
 *
 * @example
 * lineStartsOf('{\n  "a": 1\r\n}'); // [0, 2, 12]
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x0d && text.charCodeAt(index + 1) === 0x0a) index += 1;
    if (char === 0x0a || char === 0x0d) starts.push(index + 1);
  }
  return starts;
}

/**
 * The line and column of an offset (in UTF-16 code units, as JavaScript strings and
 * jsonc-parser count) in a text whose line starts are known.
 *
 * @example
 * positionAt('{\n  "a": 1\n}', lineStartsOf('{\n  "a": 1\n}'), 4); // { line: 2, column: 3 }
 */
export function positionAt(text: string, lineStarts: readonly number[], offset: number): Position {
  const target = Math.max(0, Math.min(offset, text.length));
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= target) low = middle;
    else high = middle - 1;
  }
  const start = lineStarts[low] ?? 0;
  return { line: low + 1, column: codePointsBetween(text, start, target) + 1 };
}

function codePointsBetween(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    // A surrogate pair is one character; count it once.
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff && index + 1 < end)
      index += 1;
    count += 1;
  }
  return count;
}

/**
 * Splits an RFC 6901 JSON pointer into unescaped segments; `''` is the whole document.
 *
 * @example
 * pointerSegments('/fields/0/a~1b'); // ['fields', '0', 'a/b']
 */
export function pointerSegments(pointer: string): string[] {
  if (!pointer.startsWith('/')) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The node a JSON pointer names, or the nearest of its ancestors that exists (a missing
 * property is reported on the object that lacks it). Object keys are matched exactly; of
 * duplicate keys the last one counts, as in `JSON.parse`.
 *
 * @example
 * nodeAtPointer(parseTree('{"a": [1, 2]}'), '/a/1')?.offset; // 10
 * nodeAtPointer(parseTree('{"a": {}}'), '/a/missing')?.offset; // 6
 */
export function nodeAtPointer(tree: Node | undefined, pointer: string): Node | undefined {
  let node = tree;
  for (const segment of pointerSegments(pointer)) {
    const child = node === undefined ? undefined : childNode(node, segment);
    if (child === undefined) return node;
    node = child;
  }
  return node;
}

function childNode(node: Node, segment: string): Node | undefined {
  const children = node.children ?? [];
  if (node.type === 'array') {
    return /^(?:0|[1-9]\d*)$/.test(segment) ? children[Number(segment)] : undefined;
  }
  if (node.type !== 'object') return undefined;
  for (let index = children.length - 1; index >= 0; index -= 1) {
    const property = children[index];
    if (property?.children?.[0]?.value === segment) return property.children[1];
  }
  return undefined;
}

/**
 * The offset in the file of the character at a 1-based code-point column of a string
 * value's content (formula text). Escapes (`\"`, `\n`, `\u4e2d`) count as the one
 * character they stand for; a column past the end gives the closing quote.
 *
 * @example
 * // text: {"f": "IF(a > 1, 2"}  — column 12 of the formula is the closing quote
 * offsetInString(text, stringNode, 12); // 19
 */
export function offsetInString(text: string, node: Node, column: number): number {
  const close = node.offset + node.length - 1;
  let offset = node.offset + 1;
  for (
    let remaining = Math.max(0, Math.floor(column) - 1);
    remaining > 0 && offset < close;
    remaining -= 1
  ) {
    offset = nextCharacter(text, offset);
  }
  return Math.min(offset, close);
}

/** The offset after the character (escape or not) of a JSON string's raw text at `offset`. */
function nextCharacter(text: string, offset: number): number {
  if (text[offset] !== '\\') {
    return isSurrogatePair(text.charCodeAt(offset), text.charCodeAt(offset + 1))
      ? offset + 2
      : offset + 1;
  }
  if (text[offset + 1] !== 'u') return offset + 2;
  const high = Number.parseInt(text.slice(offset + 2, offset + 6), 16);
  const follows = text.slice(offset + 6, offset + 8) === '\\u';
  const low = follows ? Number.parseInt(text.slice(offset + 8, offset + 12), 16) : Number.NaN;
  return isSurrogatePair(high, low) ? offset + 12 : offset + 6;
}

function isSurrogatePair(high: number, low: number): boolean {
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * Where a diagnostic belongs in a file: the value its JSON pointer names (for a missing
 * property, the object that lacks it); for a formula-text diagnostic that carries a
 * `column`, that character inside the string. Line 1, column 1 when the file has no tree.
 *
 * @example
 * locatePointer(jsonText('{\n  "id": 7\n}'), '/id'); // { line: 2, column: 9 }
 */
export function locatePointer(json: JsonText, pointer: string, formulaColumn?: number): Position {
  const node = nodeAtPointer(json.tree, pointer);
  if (node === undefined) return { line: 1, column: 1 };
  const offset =
    formulaColumn !== undefined && node.type === 'string'
      ? offsetInString(json.text, node, formulaColumn)
      : node.offset;
  return positionAt(json.text, json.lineStarts, offset);
}
