import type { Diagnostic, Locale } from '../diagnostics/types.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { FieldInfo } from '../expr/types.js';
import { FieldDirectory } from './fields.js';
import { SyntaxBuilder } from './fromLogic.js';
import { parenthesize, render } from './render.js';
import { MAX_FORMULA_DEPTH, type FormulaNode } from './syntax.js';

/** Options of {@link printFormula}. */
export interface PrintFormulaOptions {
  /**
   * The fields the logic refers to. When given, every referenced field must be in the list
   * (RL4024 otherwise) and the text is checked to read back as the same field.
   */
  readonly fields?: readonly FieldInfo[];
  /**
   * Name fields by their label in this locale (falling back to another label, then to the
   * id, when a label would not read back as the same field). Default `false`: ids.
   */
  readonly useLabels?: Locale | false;
}

/** The outcome of {@link printFormula}. */
export interface PrintFormulaResult {
  /** True when the whole logic was written as text, with no diagnostic. */
  readonly ok: boolean;
  /**
   * The formula text. Also present when `ok` is false only because a field is not in the
   * field list: it is then written by its id, so the text can be shown with the problem.
   */
  readonly text?: string;
  /** Why (parts of) the logic cannot be written as text, with JSON pointers into it. */
  readonly diagnostics: Diagnostic[];
}

/** Builds the tree `text` is rendered from, brackets included. */
export function printSyntax(
  logic: unknown,
  options: PrintFormulaOptions = {},
): { node?: FormulaNode; diagnostics: Diagnostic[] } {
  const directory = options.fields ? new FieldDirectory(options.fields) : undefined;
  const builder = new SyntaxBuilder(directory, options.useLabels ?? false);
  const built = builder.build(logic);
  if (!built) return { diagnostics: builder.diagnostics };
  const node = parenthesize(built);
  // Brackets add levels too; the parser counts them, so the printer must as well.
  if (node.depth > MAX_FORMULA_DEPTH) {
    return { diagnostics: [createDiagnostic('RL4023', '', { limit: MAX_FORMULA_DEPTH })] };
  }
  return { node, diagnostics: builder.diagnostics };
}

/**
 * Writes JsonLogic as formula text, with the fewest brackets and one stable layout. Never
 * throws: an operation or value with no formula-text form gives a diagnostic instead.
 * Whatever prints reads back to the same logic:
 * `parseFormula(printFormula(logic).text).logic` deep-equals `logic`.
 *
 * @example
 * printFormula({ if: [{ '>=': [{ var: 'paymentRate' }, 0.85] }, 1.2, 1] }).text;
 * // 'IF(paymentRate >= 0.85, 1.2, 1)'
 *
 * @example
 * const fields = [{ id: 'paymentRate', type: 'percent', label: { 'zh-CN': '回款率' } }] as const;
 * printFormula({ '>=': [{ var: 'paymentRate' }, 0.85] }, { fields, useLabels: 'zh-CN' }).text;
 * // '回款率 >= 0.85'
 */
export function printFormula(
  logic: unknown,
  options: PrintFormulaOptions = {},
): PrintFormulaResult {
  const { node, diagnostics } = printSyntax(logic, options);
  if (!node) return { ok: false, diagnostics };
  return { ok: diagnostics.length === 0, text: render(node), diagnostics };
}
