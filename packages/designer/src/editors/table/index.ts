/** The decision-table grid editor, its try panel and its pure edits. */
export { TableEditor } from './TableEditor.js';
export { TableTry } from './TableTry.js';
export {
  addColumn,
  addRow,
  cellText,
  moveRow,
  removeColumn,
  removeRow,
  setHitPolicy,
  setThen,
  setWhen,
  textToCell,
} from './tableEdits.js';
