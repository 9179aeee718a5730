export type {
  Diagnostic,
  DiagnosticParams,
  Locale,
  LocalizedText,
  Severity,
  CatalogueEntry,
} from './types.js';
export { catalogue, type DiagnosticCode } from './catalogue/index.js';
export {
  createDiagnostic,
  hasErrors,
  formatDiagnostic,
  appendPointer,
  type DiagnosticExtras,
} from './diagnostic.js';
export { RuleloomError, isRuleloomError } from './errors.js';
export { fillTemplate } from './format.js';
