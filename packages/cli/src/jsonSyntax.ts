import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { LocalizedText } from '@ruleloom/engine';
import { lineStartsOf, positionAt, type JsonText, type Position } from './position.js';

/** A JSON syntax error: where it is and what is wrong, in every language. */
export interface JsonSyntaxError {
  readonly position: Position;
  readonly detail: LocalizedText;
}

/** The outcome of {@link readJsonText}. */
export interface ReadJson {
  readonly json: JsonText;
  /** The parsed value; absent when the text is not JSON. */
  readonly value?: unknown;
  /** The first syntax error, when the text is not JSON. */
  readonly syntaxError?: JsonSyntaxError;
}

/** Strict JSON: no comments, no trailing commas, no empty file. */
const strictJson = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** jsonc-parser's error names (its `ParseErrorCode` is a const enum, not importable here). */
type ErrorName = ReturnType<typeof printParseErrorCode>;

const details: Readonly<Partial<Record<ErrorName, LocalizedText>>> = {
  InvalidSymbol: { 'zh-CN': '这里不应出现 {found}', en: '{found} is not expected here' },
  InvalidNumberFormat: { 'zh-CN': '数字格式不正确', en: 'the number is not written correctly' },
  PropertyNameExpected: {
    'zh-CN': '这里应是用双引号括起的属性名',
    en: 'a property name in double quotes is expected here',
  },
  ValueExpected: { 'zh-CN': '这里缺少一个值', en: 'a value is expected here' },
  ColonExpected: {
    'zh-CN': '属性名后缺少冒号 :',
    en: 'a colon (:) is expected after the property name',
  },
  CommaExpected: { 'zh-CN': '这里缺少逗号', en: 'a comma is expected here' },
  CloseBraceExpected: { 'zh-CN': '缺少右花括号 }', en: 'a closing } is expected' },
  CloseBracketExpected: { 'zh-CN': '缺少右方括号 ]', en: 'a closing ] is expected' },
  EndOfFileExpected: {
    'zh-CN': 'JSON 值结束后不能再有内容',
    en: 'nothing may follow the end of the JSON value',
  },
  InvalidCommentToken: { 'zh-CN': 'JSON 中不能写注释', en: 'JSON allows no comments' },
  UnexpectedEndOfComment: { 'zh-CN': 'JSON 中不能写注释', en: 'JSON allows no comments' },
  UnexpectedEndOfString: {
    'zh-CN': '从这里开始的文本在本行没有结束的双引号（文本中的换行要写成 \\n）',
    en: 'the text that starts here has no closing double quote on its line (write a line break in text as \\n)',
  },
  UnexpectedEndOfNumber: { 'zh-CN': '数字不完整', en: 'the number is incomplete' },
  InvalidUnicode: {
    'zh-CN': '\\u 之后应是 4 位十六进制数',
    en: '\\u must be followed by 4 hexadecimal digits',
  },
  InvalidEscapeCharacter: {
    'zh-CN': '无效的转义符；文本中可用 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
    en: 'invalid escape; text allows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
  },
  InvalidCharacter: {
    'zh-CN': '文本中不能直接包含换行、制表符等控制字符，请写成 \\n、\\t',
    en: 'text cannot contain line breaks, tabs or other control characters; write \\n, \\t',
  },
};

const trailingComma: LocalizedText = {
  'zh-CN': '多余的逗号：JSON 不允许在 } 或 ] 前写逗号',
  en: 'trailing comma: JSON allows no comma before } or ]',
};
const emptyFile: LocalizedText = { 'zh-CN': '文件是空的', en: 'the file is empty' };
const singleQuote: LocalizedText = {
  'zh-CN': 'JSON 的文本和属性名要用双引号 " 括起，不能用单引号',
  en: 'JSON puts text and property names in double quotes ("), not single quotes',
};

/**
 * Reads a JSON file's text: its value (with `JSON.parse`, so keys such as `__proto__`
 * stay plain data), its syntax tree for placing diagnostics, or the first syntax error at
 * its exact line and column. A leading byte-order mark is ignored.
 *
 * @example
 * readJsonText('{"id": "lead",\n}').syntaxError?.position; // { line: 1, column: 14 } (the comma)
 */
export function readJsonText(source: string): ReadJson {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lineStarts = lineStartsOf(text);
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, strictJson);
  } catch {
    // jsonc-parser recurses; nesting deeper than the stack allows is left to JSON.parse.
    tree = undefined;
  }
  const first = errors[0];
  if (first) {
    const json = { text, tree: undefined, lineStarts };
    return { json, syntaxError: describe(text, lineStarts, first) };
  }
  try {
    return { json: { text, tree, lineStarts }, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      json: { text, tree: undefined, lineStarts },
      syntaxError: fromJsonParse(text, lineStarts, error),
    };
  }
}

function describe(text: string, lineStarts: readonly number[], error: ParseError): JsonSyntaxError {
  const at = (offset: number): Position => positionAt(text, lineStarts, offset);
  if (text.trim() === '') return { position: at(0), detail: emptyFile };
  const comma = trailingCommaBefore(text, error);
  if (comma !== undefined) return { position: at(comma), detail: trailingComma };
  if (text[error.offset] === "'") return { position: at(error.offset), detail: singleQuote };
  const mismatch = mismatchedBracket(text, error, at);
  if (mismatch) return { position: at(error.offset), detail: mismatch };
  const offset = refinedOffset(text, error);
  const found = JSON.stringify(
    text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20))),
  );
  const template = details[printParseErrorCode(error.error)] ?? details.InvalidSymbol ?? emptyFile;
  return {
    position: at(offset),
    detail: {
      'zh-CN': template['zh-CN'].replace('{found}', found),
      en: template.en.replace('{found}', found),
    },
  };
}

/** The comma's offset when the error is a `}` or `]` right after a comma. */
function trailingCommaBefore(text: string, error: ParseError): number | undefined {
  const name = printParseErrorCode(error.error);
  if (name !== 'PropertyNameExpected' && name !== 'ValueExpected') return undefined;
  const closing = text[error.offset];
  if (closing !== '}' && closing !== ']') return undefined;
  let index = error.offset - 1;
  while (index >= 0 && /\s/.test(text[index] ?? '')) index -= 1;
  return text[index] === ',' ? index : undefined;
}

/**
 * A `}` where a `]` should close an array (or the reverse) is reported by jsonc-parser as a
 * missing comma; say which bracket is open instead.
 */
function mismatchedBracket(
  text: string,
  error: ParseError,
  at: (offset: number) => Position,
): LocalizedText | undefined {
  const found = text[error.offset];
  if (printParseErrorCode(error.error) !== 'CommaExpected' || (found !== '}' && found !== ']'))
    return undefined;
  const open = innermostOpenBracket(text, error.offset);
  if (open === undefined) return undefined;
  const close = text[open] === '{' ? '}' : ']';
  if (close === found) return undefined;
  const { line, column } = at(open);
  return {
    'zh-CN': `这里应是 ${close}，用来结束第 ${line} 行第 ${column} 列的 ${text[open]}，却出现了 ${found}`,
    en: `a ${close} is expected here to close the ${text[open]} at line ${line}, column ${column}, but ${found} is found`,
  };
}

/** The offset of the innermost `{` or `[` still open at `end` (strings skipped). */
function innermostOpenBracket(text: string, end: number): number | undefined {
  const open: number[] = [];
  let inString = false;
  for (let index = 0; index < end; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') open.push(index);
    else if (char === '}' || char === ']') open.pop();
  }
  return open.at(-1);
}

/**
 * jsonc-parser reports a bad character or escape inside a string at the string's start;
 * point at the character itself.
 */
function refinedOffset(text: string, error: ParseError): number {
  const inside = text.slice(error.offset, error.offset + error.length);
  const name = printParseErrorCode(error.error);
  if (name === 'InvalidCharacter') {
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u001f]/.exec(inside);
    if (control) return error.offset + control.index;
  }
  if (name === 'InvalidEscapeCharacter' || name === 'InvalidUnicode') {
    const escape = /\\(?:u(?![0-9a-fA-F]{4})|[^"\\/bfnrtu])/.exec(inside);
    if (escape) return error.offset + escape.index;
  }
  return error.offset;
}

/** The rare text jsonc-parser accepts and `JSON.parse` does not: use V8's position. */
function fromJsonParse(
  text: string,
  lineStarts: readonly number[],
  error: unknown,
): JsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  return {
    position: positionAt(text, lineStarts, offset),
    detail: { 'zh-CN': message, en: message },
  };
}
