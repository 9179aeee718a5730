/**
 * Statements: a formula evaluated over many lines (orders) with every part of each value and
 * the table row behind it, subtotals per group (distributor) and a total that reconcile to the
 * cent — the rebate statement finance exports, as CSV or JSON. See `docs/guides/rebates.md`.
 */
export { buildStatement } from './buildStatement.js';
export { componentsOf, type ComponentLookup } from './components.js';
export { statementToCsv, statementToJson, type StatementCsvOptions } from './csv.js';
export type {
  ComponentSource,
  Statement,
  StatementComponent,
  StatementGroup,
  StatementLine,
  StatementLineError,
  StatementLineInput,
  StatementOptions,
} from './types.js';
