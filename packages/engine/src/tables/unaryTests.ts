import type { LocalizedText } from '../diagnostics/types.js';

/**
 * Unary tests as admins type them into a cell of a number, money, percent or date column —
 * DMN's syntax, with the units and punctuation a Chinese keyboard gives:
 *
 * - `-` any value;
 * - `[5万..20万)` a range: `[` `]` include the end, `(` `)` (or DMN's outward `]a..b[`) exclude it;
 * - `>= 300000`, `< 85%`, `≥ 30万`, `!= 0` a comparison; `5万` alone is "equal to";
 * - `1, 2, 3` or `<0，>100` a list: any of the tests;
 * - `not(…)` negation of a test or list.
 *
 * Numbers take the units 万 千 亿 k w % ‰ (and 元); dates are ISO (`2026-03-31`,
 * `2026-03-31T18:00`).
 */

/** A comparison operator of a unary test. */
export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** An end of a range or the operand of a comparison. */
export interface Endpoint {
  readonly value: number;
  /** Written with `%` or `‰`. */
  readonly percent: boolean;
  /** The text as written. */
  readonly text: string;
  /** 1-based position (in characters) in the cell text. */
  readonly position: number;
}

/** One test of a list. */
export type TestItem =
  | {
      readonly kind: 'range';
      readonly lo: Endpoint;
      readonly hi: Endpoint;
      readonly loClosed: boolean;
      readonly hiClosed: boolean;
    }
  | { readonly kind: 'compare'; readonly op: Comparison; readonly value: Endpoint };

/** A parsed cell. */
export type UnaryTest =
  | { readonly kind: 'any' }
  | { readonly kind: 'tests'; readonly negated: boolean; readonly items: readonly TestItem[] };

/** Reads the value at the start of a text: how much it took, or undefined when no value starts there. */
export type EndpointReader = (
  text: string,
) => { readonly value: number; readonly length: number; readonly percent: boolean } | undefined;

/** The outcome of {@link parseUnaryTest}. */
export type UnaryTestParse =
  | { readonly ok: true; readonly test: UnaryTest }
  | { readonly ok: false; readonly detail: LocalizedText; readonly position: number };

/** Longest cell text read; longer text is refused rather than scanned. */
export const MAX_CELL_TEXT = 2000;

const ANY_TEXTS: ReadonlySet<string> = new Set(['-', '－', '—', '–']);

/** Characters a Chinese IME types for the ASCII ones the syntax uses (same length: one character each). */
const WIDE: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '，': ',',
  '、': ',',
  '＜': '<',
  '＞': '>',
  '＝': '=',
  '！': '!',
  '。': '.',
  '\u3000': ' ',
};

/** Comparison spellings, longest first. */
const COMPARISONS: readonly (readonly [string, Comparison])[] = [
  ['<=', '<='],
  ['>=', '>='],
  ['!=', '!='],
  ['<>', '!='],
  ['==', '='],
  ['≤', '<='],
  ['≥', '>='],
  ['≠', '!='],
  ['<', '<'],
  ['>', '>'],
  ['=', '='],
];

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

class UnaryTestError {
  constructor(
    readonly detail: LocalizedText,
    readonly position: number,
  ) {}
}

class UnaryTestParser {
  private readonly chars: readonly string[];
  private i = 0;

  constructor(
    source: string,
    private readonly read: EndpointReader,
    private readonly valueName: LocalizedText,
  ) {
    this.chars = Array.from(source, (c) => WIDE[c] ?? c);
  }

  parse(): UnaryTest {
    this.skipSpace();
    const rest = this.rest().trim();
    if (ANY_TEXTS.has(rest)) return { kind: 'any' };
    if (rest === '') throw this.error(text('条件是空的', 'the test is empty'));
    const negation = /^(?:not|非)\s*\(/iu.exec(rest);
    if (negation) {
      this.i += Array.from(negation[0]).length;
      const items = this.list(')');
      this.expect(')', text('缺少与 not( 配对的 ")"', 'missing ")" to close not('));
      this.end();
      return { kind: 'tests', negated: true, items };
    }
    const items = this.list(undefined);
    this.end();
    return { kind: 'tests', negated: false, items };
  }

  private list(closer: string | undefined): TestItem[] {
    const items = [this.item()];
    for (;;) {
      this.skipSpace();
      if (this.peek() !== ',') break;
      this.i++;
      this.skipSpace();
      if (this.atEnd() || this.peek() === closer) {
        throw this.error(text('逗号后面缺少条件', 'a test is missing after the comma'));
      }
      items.push(this.item());
    }
    return items;
  }

  private item(): TestItem {
    this.skipSpace();
    const c = this.peek();
    if (c === '[' || c === '(' || c === ']') return this.range();
    for (const [spelling, op] of COMPARISONS) {
      if (this.lookingAt(spelling)) {
        this.i += spelling.length;
        this.skipSpace();
        return { kind: 'compare', op, value: this.endpoint() };
      }
    }
    return { kind: 'compare', op: '=', value: this.endpoint() };
  }

  private range(): TestItem {
    const start = this.i;
    const loClosed = this.peek() === '[';
    this.i++;
    this.skipSpace();
    const lo = this.endpoint();
    this.skipSpace();
    if (this.lookingAt('..')) this.i += 2;
    else if (this.peek() === '…') this.i += 1;
    else {
      throw this.error(
        text(
          '区间的两端之间应写 ".."，如 [5万..20万)',
          'write ".." between the ends of a range, as in [5万..20万)',
        ),
      );
    }
    this.skipSpace();
    const hi = this.endpoint();
    this.skipSpace();
    const close = this.peek();
    if (close !== ']' && close !== ')' && close !== '[') {
      throw this.error(
        text(
          '区间应以 "]"（含端点）或 ")"（不含端点）结束',
          'close the range with "]" (end included) or ")" (end excluded)',
        ),
      );
    }
    this.i++;
    const hiClosed = close === ']';
    if (lo.value > hi.value || (lo.value === hi.value && !(loClosed && hiClosed))) {
      throw new UnaryTestError(
        lo.value > hi.value
          ? text('区间的起点大于终点', 'the range starts after it ends')
          : text('区间不含任何值', 'the range holds no value'),
        start + 1,
      );
    }
    return { kind: 'range', lo, hi, loClosed, hiClosed };
  }

  private endpoint(): Endpoint {
    const position = this.i + 1;
    const rest = this.rest();
    const read = this.read(rest);
    if (!read) {
      const found = /^[^\s,()[\]]*/u.exec(rest)?.[0] ?? '';
      throw this.error(
        found === ''
          ? text(`这里应是${this.valueName['zh-CN']}`, `${this.valueName.en} is expected here`)
          : text(
              `"${found}" 不是${this.valueName['zh-CN']}`,
              `"${found}" is not ${this.valueName.en}`,
            ),
      );
    }
    const written = rest.slice(0, read.length);
    this.i += Array.from(written).length;
    return { value: read.value, percent: read.percent, text: written.trim(), position };
  }

  private end(): void {
    this.skipSpace();
    if (!this.atEnd()) {
      throw this.error(
        text('多余的内容；多个条件之间用逗号分隔', 'unexpected text; separate tests with commas'),
      );
    }
  }

  private expect(char: string, detail: LocalizedText): void {
    this.skipSpace();
    if (this.peek() !== char) throw this.error(detail);
    this.i++;
  }

  private error(detail: LocalizedText): UnaryTestError {
    return new UnaryTestError(detail, this.i + 1);
  }

  private skipSpace(): void {
    while (this.i < this.chars.length && /\s/u.test(this.chars[this.i] as string)) this.i++;
  }

  private peek(): string | undefined {
    return this.chars[this.i];
  }

  private atEnd(): boolean {
    return this.i >= this.chars.length;
  }

  private lookingAt(spelling: string): boolean {
    return this.chars.slice(this.i, this.i + spelling.length).join('') === spelling;
  }

  private rest(): string {
    return this.chars.slice(this.i).join('');
  }
}

/**
 * Parses the text of a cell. Never throws: a text that cannot be read gives the reason and
 * the 1-based position (in characters) where reading stopped.
 *
 * @example
 * parseUnaryTest('[5万..20万)', scanNumber, { 'zh-CN': '数字', en: 'a number' });
 * // { ok: true, test: { kind: 'tests', negated: false, items: [{ kind: 'range', lo: 50000…, hi: 200000…, loClosed: true, hiClosed: false }] } }
 */
export function parseUnaryTest(
  source: string,
  read: EndpointReader,
  valueName: LocalizedText,
): UnaryTestParse {
  if (source.length > MAX_CELL_TEXT) {
    return {
      ok: false,
      detail: text(
        `条件超过 ${MAX_CELL_TEXT} 个字符`,
        `the test is longer than ${MAX_CELL_TEXT} characters`,
      ),
      position: MAX_CELL_TEXT,
    };
  }
  try {
    return { ok: true, test: new UnaryTestParser(source, read, valueName).parse() };
  } catch (error) {
    if (error instanceof UnaryTestError) {
      return { ok: false, detail: error.detail, position: error.position };
    }
    throw error;
  }
}
