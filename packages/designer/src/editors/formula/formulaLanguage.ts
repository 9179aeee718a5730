/**
 * Formula text as an editor language, without monaco: the tokens to highlight, the
 * completions (the formula's inputs by id and label, the engine's functions), and the
 * markers of the engine's parse diagnostics. The monaco part (`FormulaTextEditor`) turns
 * these into monaco objects, so this module stays cheap to import and to test.
 */
import { formulaFunctions, type Diagnostic } from '@ruleloom/engine';
import type { FormulaInput } from '@ruleloom/schemas';
import { localize, type EditorLocale } from '../i18n.js';

/** The monaco language id of formula text. */
export const FORMULA_LANGUAGE = 'ruleloom-formula';

/** Every function name the parser reads (names and aliases, upper case first). */
export function functionNames(): string[] {
  const names = new Set<string>();
  for (const fn of formulaFunctions) {
    names.add(fn.name);
    for (const alias of fn.aliases) names.add(alias);
  }
  return [...names];
}

/**
 * The Monarch grammar of formula text: functions, TRUE/FALSE/NULL, numbers (with `%`, 万,
 * 亿), strings (straight and curly quotes), bracketed names, operators.
 */
export function formulaTokens(): Record<string, unknown> {
  return {
    ignoreCase: true,
    // Names are 汉字 as often as Latin: the \p{L} classes need unicode regexps.
    unicode: true,
    functions: functionNames(),
    constants: ['TRUE', 'FALSE', 'NULL'],
    tokenizer: {
      root: [
        [/"[^"]*"|“[^”]*”|'[^']*'/, 'string'],
        [/\[[^\]]*\]|【[^】]*】|［[^］]*］/, 'variable'],
        [/\d+(?:\.\d+)?(?:%|万|亿)?/, 'number'],
        [
          /[\p{L}_][\p{L}\p{M}\p{N}_.]*(?=\s*[(（])/u,
          { cases: { '@functions': 'keyword', '@default': 'invalid' } },
        ],
        [
          /[\p{L}_][\p{L}\p{M}\p{N}_.]*/u,
          { cases: { '@constants': 'constant', '@default': 'identifier' } },
        ],
        [/<>|!=|==|>=|<=|[=<>+\-*/&×÷≥≤＞＜＝]/, 'operator'],
        [/[(),，（）{}]/, 'delimiter'],
      ],
    },
  };
}

/** One completion: what is shown, inserted, and its kind. */
export interface FormulaCompletion {
  readonly label: string;
  readonly insertText: string;
  readonly kind: 'function' | 'field';
  readonly detail: string;
}

/** A name as formula text writes it: bracketed when it is not a plain name (`[预计 金额]`). */
function nameText(name: string): string {
  return /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u.test(name) ? name : `[${name.replace(/]/g, ']]')}]`;
}

/** The completions of a formula: its inputs (label and id) and every function. */
export function formulaCompletions(
  inputs: readonly FormulaInput[],
  locale: EditorLocale,
): FormulaCompletion[] {
  const fields = inputs.flatMap((input) => {
    const label = localize(input.label, locale, '');
    const entries: FormulaCompletion[] = [
      { label: input.id, insertText: nameText(input.id), kind: 'field', detail: input.type },
    ];
    if (label && label !== input.id) {
      entries.unshift({
        label,
        insertText: nameText(label),
        kind: 'field',
        detail: `${input.id} · ${input.type}`,
      });
    }
    return entries;
  });
  const functions = formulaFunctions
    .filter((fn) => fn.printed)
    .map((fn) => ({
      label: fn.name,
      insertText: `${fn.name}(`,
      kind: 'function' as const,
      detail: fn.summary[locale],
    }));
  return [...fields, ...functions];
}

/** A place in the text as an editor counts it: 1-based line and UTF-16 column. */
export interface TextPosition {
  readonly lineNumber: number;
  readonly column: number;
}

/**
 * Where the engine's 1-based code-point `column` (counted over the whole text, line breaks
 * included) is in the editor.
 *
 * @example
 * positionAt('IF(a > 1,\n  😀)', 13); // { lineNumber: 2, column: 3 }
 */
export function positionAt(text: string, column: number): TextPosition {
  let lineNumber = 1;
  let lineStart = 0;
  let offset = 0;
  let seen = 1;
  for (const char of text) {
    if (seen >= column) break;
    offset += char.length;
    seen++;
    if (char === '\n') {
      lineNumber++;
      lineStart = offset;
    }
  }
  return { lineNumber, column: offset - lineStart + 1 };
}

/** A marker for the editor. */
export interface FormulaMarker {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * The markers of parse diagnostics: each underlines from its column to the end of the word
 * there (at least one character); a diagnostic without a column marks the whole first line.
 * The message is the diagnostic's code and message, and its hint (the fix) on a second line,
 * as the hover over the underline shows them.
 */
export function formulaMarkers(
  text: string,
  diagnostics: readonly Diagnostic[],
  locale: EditorLocale,
): FormulaMarker[] {
  const lines = text.split('\n');
  return diagnostics.map((d) => {
    const severity = d.severity === 'error' ? 'error' : 'warning';
    const hint = d.hint[locale];
    const message = `${d.code} ${d.message[locale]}${hint ? `\n${hint}` : ''}`;
    if (d.column === undefined) {
      return {
        startLineNumber: 1,
        startColumn: 1,
        endLineNumber: 1,
        endColumn: (lines[0]?.length ?? 0) + 1,
        message,
        severity,
      };
    }
    const start = positionAt(text, d.column);
    const line = lines[start.lineNumber - 1] ?? '';
    const word = /^[\p{L}\p{M}\p{N}_.]+/u.exec(line.slice(start.column - 1))?.[0].length ?? 1;
    return {
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: start.lineNumber,
      endColumn: start.column + Math.max(1, word),
      message,
      severity,
    };
  });
}
