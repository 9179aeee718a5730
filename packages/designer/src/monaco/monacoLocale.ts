/**
 * Monaco's own texts (context menu, find box, the hover's "View Problem") in the designer's
 * language. Monaco reads them from a global table while its modules load, so setupMonaco.ts
 * imports this module first and loads monaco's modules only after it. English is monaco's
 * built-in text. A language switch after monaco has loaded shows in monaco on the next load.
 */
import 'monaco-editor/nls/lang/zh-cn';
import { initialLocale } from '../i18n/I18n.js';

if (initialLocale() === 'en') {
  (globalThis as { _VSCODE_NLS_MESSAGES?: unknown })._VSCODE_NLS_MESSAGES = undefined;
}
