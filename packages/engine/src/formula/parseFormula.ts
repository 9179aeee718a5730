import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { FieldInfo } from '../expr/types.js';
import { FieldDirectory } from './fields.js';
import { FormulaSyntaxError } from './lexer.js';
import { FormulaParser } from './parser.js';
import type { FormulaNode } from './syntax.js';
import { LogicBuilder } from './toLogic.js';

/** Options of {@link parseFormula}. */
export interface ParseFormulaOptions {
  /**
   * The fields the formula may name. When given, a name is looked up as a field id first,
   * then as a label in any locale; unknown and ambiguous names are diagnostics. Without
   * it, every name is taken as a field id.
   */
  readonly fields?: readonly FieldInfo[];
}

/** The outcome of {@link parseFormula}. */
export interface ParseFormulaResult {
  /** True when there is no error; `logic` is then present. */
  readonly ok: boolean;
  /** The JsonLogic the text stands for. */
  readonly logic?: unknown;
  /** Problems found, each with the 1-based `column` (in code points) where it is. */
  readonly diagnostics: Diagnostic[];
}

/** Reads text into a syntax tree; the syntax error, if any, as a diagnostic. */
export function parseSyntax(text: string): { node?: FormulaNode; diagnostics: Diagnostic[] } {
  try {
    return { node: new FormulaParser(text).parse(), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    const diagnostic = createDiagnostic(error.code, '', error.params, { column: error.column });
    return { diagnostics: [diagnostic] };
  }
}

/**
 * Parses Excel-like formula text into JsonLogic. Never throws: any string gives either the
 * logic or diagnostics that say what is wrong and at which column.
 *
 * @example
 * const fields = [
 *   { id: 'paymentRate', type: 'percent', label: { 'zh-CN': '回款率' } },
 *   { id: 'newProductAmount', type: 'money', label: { 'zh-CN': '新品采购额' } },
 * ] as const;
 * parseFormula('IF(AND(回款率 >= 0.85, 新品采购额 >= 300000), 1.2, 1)', { fields }).logic;
 * // {"if": [{"and": [{">=": [{"var": "paymentRate"}, 0.85]},
 * //                  {">=": [{"var": "newProductAmount"}, 300000]}]}, 1.2, 1]}
 *
 * @example
 * parseFormula('IF(a > 1, 2').diagnostics[0]?.code; // 'RL4003' (missing ")" at column 12)
 */
export function parseFormula(text: string, options: ParseFormulaOptions = {}): ParseFormulaResult {
  const syntax = parseSyntax(typeof text === 'string' ? text : String(text));
  if (!syntax.node) return { ok: false, diagnostics: syntax.diagnostics };
  const builder = new LogicBuilder(options.fields ? new FieldDirectory(options.fields) : undefined);
  const logic = builder.build(syntax.node);
  if (builder.diagnostics.length > 0) return { ok: false, diagnostics: builder.diagnostics };
  return { ok: true, logic, diagnostics: [] };
}
