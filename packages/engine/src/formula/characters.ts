/**
 * Which characters make up formula text. The lexer reads with these and the printer checks
 * with the same ones, so a name the printer writes bare is a name the lexer reads back whole.
 */

const IDENTIFIER_START = /^[\p{L}_]$/u;
const IDENTIFIER_PART = /^[\p{L}\p{N}\p{M}_]$/u;
const WHITESPACE = /^\s$/u;
const FIRST_SEGMENT = /^[\p{L}_][\p{L}\p{N}\p{M}_]*$/u;
const LATER_SEGMENT = /^[\p{L}\p{N}\p{M}_]+$/u;

/** Words that are literals rather than field names (case-insensitive). */
const KEYWORDS: ReadonlySet<string> = new Set(['TRUE', 'FALSE', 'NULL']);

/** Opening quotes of text in Chinese typography; any of them also closes such text. */
export const CHINESE_QUOTES: ReadonlySet<string> = new Set(['“', '”', '＂']);

/** Characters that open a bracketed name: `[`, and what a Chinese IME types for it. */
export const NAME_OPENERS: ReadonlySet<string> = new Set(['[', '【', '［']);

/** Characters that close a bracketed name; doubled, each stands for itself inside the name. */
export const NAME_CLOSERS: ReadonlySet<string> = new Set([']', '】', '］']);

/** True for a character that can start a bare name (a letter of any script, or `_`). */
export function isIdentifierStart(char: string): boolean {
  return IDENTIFIER_START.test(char);
}

/** True for a character that can continue a bare name (letters, digits, marks, `_`). */
export function isIdentifierPart(char: string): boolean {
  return IDENTIFIER_PART.test(char);
}

/** True for white space, including the ideographic space U+3000 and no-break spaces. */
export function isWhitespace(char: string): boolean {
  return WHITESPACE.test(char);
}

/** True for `TRUE`, `FALSE` and `NULL` in any letter case. */
export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word.toUpperCase());
}

/**
 * True when `text` can be written bare as one segment of a name; `first` for the segment
 * before the first dot, which may not start with a digit.
 */
export function isPlainSegment(text: string, first: boolean): boolean {
  return (first ? FIRST_SEGMENT : LATER_SEGMENT).test(text);
}

/**
 * Maps the punctuation a Chinese input method produces to the ASCII the grammar uses:
 * full-width forms (`（` `）` `，` `＞` `＝` `０`–`９` …, but not full-width letters, which
 * belong to names), `。` for `.`, `【】` for `[]`, `×` and `÷`. Applied outside text and
 * bracketed names only, so those keep every character as typed.
 */
export function normalizePunctuation(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e && !isIdentifierStart(char)) {
    return String.fromCodePoint(code - 0xfee0);
  }
  switch (char) {
    case '。':
      return '.';
    case '【':
      return '[';
    case '】':
      return ']';
    case '×':
      return '*';
    case '÷':
      return '/';
    default:
      return char;
  }
}
