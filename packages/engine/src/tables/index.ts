/**
 * Decision tables, as in DMN: typed input columns tested by unary tests (`[5万..20万)`,
 * `>= 85%`, lists, `-`, expressions), output columns, and a hit policy (first, unique,
 * priority, any, collect with sum / min / max / count, rule order). Compile once with
 * {@link compileTable}; evaluate many times, with the rows behind every result. See
 * `docs/reference/tables-and-formulas.md`.
 */
export { compileTable, DEFAULT_ZONE } from './compileTable.js';
export type {
  Aggregator,
  CompileTableOptions,
  CompiledTable,
  HitPolicy,
  TableColumn,
  TableFailure,
  TableMatch,
  TableOutputs,
  TableOutputValues,
  TableResult,
  TableSuccess,
} from './types.js';
export { EvaluationFailure, type EvaluationError } from './reporting.js';
export {
  parseUnaryTest,
  type UnaryTest,
  type UnaryTestParse,
  type TestItem,
} from './unaryTests.js';
export { parseNumberText } from './numbers.js';
