import type { DiagnosticCode } from '../diagnostics/catalogue/index.js';
import type { DiagnosticParams } from '../diagnostics/types.js';
import {
  CHINESE_QUOTES,
  NAME_CLOSERS,
  NAME_OPENERS,
  isIdentifierPart,
  isIdentifierStart,
  isWhitespace,
  normalizePunctuation,
} from './characters.js';
import type { NameSegment } from './syntax.js';

/** Where a token sits: 1-based code-point columns of its first and last character. */
interface Span {
  readonly column: number;
  readonly end: number;
}

/** A token of formula text. */
export type Token =
  | (Span & { readonly type: 'number'; readonly value: number })
  | (Span & { readonly type: 'string'; readonly value: string })
  | (Span & { readonly type: 'name'; readonly segments: readonly NameSegment[] })
  | (Span & { readonly type: 'punct'; readonly text: '(' | ')' | ',' | '{' | '}' })
  | (Span & { readonly type: 'operator'; readonly text: string })
  | (Span & { readonly type: 'eof' });

/**
 * A problem that stops reading the formula. The parser turns it into the one diagnostic it
 * reports; it never escapes `parseFormula`.
 */
export class FormulaSyntaxError extends Error {
  constructor(
    readonly code: DiagnosticCode,
    readonly column: number,
    readonly params: DiagnosticParams = {},
  ) {
    super(code);
  }
}

const DIGIT = /^[0-9]$/;
const PUNCTUATION = new Set(['(', ')', ',', '{', '}']);
// Comparison signs typed as one character.
const MATH_SIGNS: Readonly<Record<string, string>> = { '≥': '>=', '≤': '<=', '≠': '!=' };

/**
 * Splits formula text into tokens on demand, so the first problem in reading order is the
 * one reported. Columns count Unicode code points, as an editor shows them.
 */
export class Lexer {
  readonly #chars: readonly string[];
  #index = 0;

  constructor(text: string) {
    this.#chars = Array.from(text);
  }

  /** Reads the next token; throws {@link FormulaSyntaxError} on text it cannot read. */
  next(): Token {
    this.#skipWhitespace();
    const start = this.#index;
    const column = start + 1;
    const raw = this.#chars[start];
    if (raw === undefined) return { type: 'eof', column, end: column };
    if (isIdentifierStart(raw) || NAME_OPENERS.has(raw)) return this.#name();
    if (raw === '"' || CHINESE_QUOTES.has(raw)) return this.#string();
    const char = this.#normalized(start);
    if (DIGIT.test(char) || (char === '.' && DIGIT.test(this.#normalized(start + 1)))) {
      return this.#number();
    }
    if (PUNCTUATION.has(char)) {
      this.#index++;
      return { type: 'punct', text: char as '(' | ')' | ',' | '{' | '}', column, end: column };
    }
    const sign = MATH_SIGNS[char];
    if (sign !== undefined) return this.#operator(sign, 1);
    const following = this.#normalized(start + 1);
    switch (char) {
      case '+':
      case '-':
      case '*':
      case '/':
      case '&':
        return this.#operator(char, 1);
      case '=':
        return following === '=' ? this.#operator('==', 2) : this.#operator('=', 1);
      case '<':
        if (following === '=') return this.#operator('<=', 2);
        return following === '>' ? this.#operator('<>', 2) : this.#operator('<', 1);
      case '>':
        return following === '=' ? this.#operator('>=', 2) : this.#operator('>', 1);
      case '!':
        if (following === '=') return this.#operator('!=', 2);
        break;
      case '%':
        throw new FormulaSyntaxError('RL4017', column, { column });
    }
    throw new FormulaSyntaxError('RL4016', column, { column, char: raw });
  }

  #normalized(index: number): string {
    const char = this.#chars[index];
    return char === undefined ? '' : normalizePunctuation(char);
  }

  #skipWhitespace(): void {
    while (this.#index < this.#chars.length && isWhitespace(this.#chars[this.#index] ?? '')) {
      this.#index++;
    }
  }

  #operator(text: string, width: number): Token {
    const column = this.#index + 1;
    this.#index += width;
    return { type: 'operator', text, column, end: column + width - 1 };
  }

  // digits [. digits] [e [+-] digits] [%], or . digits …; full-width digits count as digits.
  #number(): Token {
    const start = this.#index;
    let mantissa = '';
    let exponent = '';
    const digits = (): string => {
      let text = '';
      while (DIGIT.test(this.#normalized(this.#index))) text += this.#normalized(this.#index++);
      return text;
    };
    mantissa += digits();
    if (this.#normalized(this.#index) === '.') {
      this.#index++;
      mantissa += '.' + digits();
    }
    const e = this.#normalized(this.#index);
    if (e === 'e' || e === 'E' || e === 'ｅ' || e === 'Ｅ') {
      const sign = this.#normalized(this.#index + 1);
      const signed = sign === '+' || sign === '-';
      if (DIGIT.test(this.#normalized(this.#index + (signed ? 2 : 1)))) {
        this.#index += signed ? 2 : 1;
        exponent = (sign === '-' ? '-' : '') + digits();
      }
    }
    let value: number;
    if (this.#normalized(this.#index) === '%') {
      this.#index++;
      // Shift the decimal point in the text rather than divide, so 85% is exactly 0.85.
      value = Number(`${mantissa}e${Number(exponent || '0') - 2}`);
    } else {
      value = Number(exponent ? `${mantissa}e${exponent}` : mantissa);
    }
    const column = start + 1;
    if (!Number.isFinite(value)) {
      const number = this.#chars.slice(start, this.#index).join('');
      throw new FormulaSyntaxError('RL4010', column, { column, number });
    }
    return { type: 'number', value, column, end: this.#index };
  }

  // "…" with "" or \" for a quote and \\ for a backslash; “…” (any Chinese quote closes it).
  #string(): Token {
    const start = this.#index;
    const opener = this.#chars[start] ?? '"';
    const chinese = opener !== '"';
    const isCloser = (c: string): boolean => (chinese ? CHINESE_QUOTES.has(c) : c === '"');
    let value = '';
    let index = start + 1;
    for (;;) {
      const char = this.#chars[index];
      if (char === undefined) {
        throw new FormulaSyntaxError('RL4002', start + 1, { column: start + 1 });
      }
      const following = this.#chars[index + 1];
      if (char === '\\' && following !== undefined && (following === '\\' || isCloser(following))) {
        value += following;
        index += 2;
      } else if (isCloser(char)) {
        if (!chinese && following === '"') {
          value += '"';
          index += 2;
        } else {
          index++;
          break;
        }
      } else {
        value += char;
        index++;
      }
    }
    this.#index = index;
    return { type: 'string', value, column: start + 1, end: index };
  }

  // Segments joined by dots: bare ones (letters, digits, _) or bracketed ones ([any text]).
  #name(): Token {
    const start = this.#index;
    const segments: NameSegment[] = [];
    for (;;) {
      const raw = this.#chars[this.#index] ?? '';
      if (NAME_OPENERS.has(raw)) {
        segments.push({ text: this.#bracketed(), bracketed: true });
      } else {
        let text = raw;
        this.#index++;
        while (isIdentifierPart(this.#chars[this.#index] ?? '')) text += this.#chars[this.#index++];
        segments.push({ text, bracketed: false });
      }
      const after = this.#chars[this.#index + 1] ?? '';
      const continues = isIdentifierPart(after) || NAME_OPENERS.has(after);
      if (this.#normalized(this.#index) !== '.' || !continues) break;
      this.#index++;
    }
    return { type: 'name', segments, column: start + 1, end: this.#index };
  }

  #bracketed(): string {
    const open = this.#index;
    let text = '';
    let index = open + 1;
    for (;;) {
      const char = this.#chars[index];
      if (char === undefined) {
        const column = index + 1;
        throw new FormulaSyntaxError('RL4003', column, {
          column,
          close: ']',
          open: this.#chars[open] ?? '[',
          openColumn: open + 1,
        });
      }
      if (NAME_CLOSERS.has(char)) {
        if (this.#chars[index + 1] === char) {
          text += char;
          index += 2;
          continue;
        }
        index++;
        break;
      }
      text += char;
      index++;
    }
    if (text === '') throw new FormulaSyntaxError('RL4018', open + 1, { column: open + 1 });
    this.#index = index;
    return text;
  }
}
