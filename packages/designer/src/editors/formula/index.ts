/**
 * The formula editor. `FormulaEditor` itself does not import monaco (its text editor loads
 * lazily); the module's default export is the same component, for `React.lazy`.
 */
export { FormulaEditor } from './FormulaEditor.js';
export { FormulaTry } from './FormulaTry.js';
export { compileFormula, inputFields } from './compileFormula.js';
export {
  FORMULA_LANGUAGE,
  formulaCompletions,
  formulaMarkers,
  formulaTokens,
  positionAt,
  type FormulaCompletion,
  type FormulaMarker,
} from './formulaLanguage.js';
