/**
 * Formula text: the Excel-like way business admins write expressions
 * (`IF(AND(回款率 >= 0.85, 新品采购额 >= 300000), 1.2, 1)`). It parses to JsonLogic, the
 * engine's expression format, and JsonLogic prints back to it. See
 * `docs/reference/formula-text.md`.
 */
export { parseFormula, type ParseFormulaOptions, type ParseFormulaResult } from './parseFormula.js';
export { printFormula, type PrintFormulaOptions, type PrintFormulaResult } from './printFormula.js';
export {
  formulaFunctions,
  infixOperators,
  type FormulaFunction,
  type InfixOperator,
} from './functionTable.js';
export { MAX_FORMULA_DEPTH } from './syntax.js';
