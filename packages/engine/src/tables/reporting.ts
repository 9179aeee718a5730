import { tablesCatalogue, type TablesCode } from '../diagnostics/catalogue/tables.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { RuleloomError } from '../diagnostics/errors.js';
import { fillLocalized } from '../diagnostics/format.js';
import type { Diagnostic, DiagnosticParams, LocalizedText } from '../diagnostics/types.js';

/**
 * A failed evaluation as a value: tables and formulas return it (`{ ok: false, error }`)
 * instead of throwing. Codes are catalogue codes: RL54xx from tables and formulas, RL3xxx
 * from the expressions inside them.
 */
export interface EvaluationError {
  readonly code: string;
  readonly message: LocalizedText;
  readonly hint: LocalizedText;
  readonly params: DiagnosticParams;
  /** JSON pointer of the expression node that failed, inside `file`, when one did. */
  readonly pointer?: string;
  /** The definition file the failing part lives in. */
  readonly file?: string;
}

/**
 * Builds a diagnostic of the tables catalogue: `createDiagnostic` narrowed to the RL54xx codes.
 *
 * @example
 * tablesDiagnostic('RL5403', '/rows/0/when/budget', { row: 'tier-a', column: 'budget', known: 'paymentRate' }, { file: 'tables/rebate-tier.json' });
 */
export function tablesDiagnostic(
  code: TablesCode,
  pointer: string,
  params: DiagnosticParams,
  extras: { readonly file?: string | undefined; readonly column?: number } = {},
): Diagnostic {
  return createDiagnostic(code, pointer, params, {
    ...(extras.file === undefined ? {} : { file: extras.file }),
    ...(extras.column === undefined ? {} : { column: extras.column }),
  });
}

/**
 * An evaluation error of the tables catalogue.
 *
 * @example
 * tablesError('RL5420', { table: 'store-tier-rebate', rows: 'ka, ka-2' }).message.en;
 * // 'the table "store-tier-rebate" has hit policy unique, but several rows match: ka, ka-2'
 */
export function tablesError(
  code: TablesCode,
  params: DiagnosticParams,
  where: { readonly pointer?: string; readonly file?: string } = {},
): EvaluationError {
  const entry = tablesCatalogue[code];
  return {
    code,
    message: fillLocalized(entry.message, params),
    hint: fillLocalized(entry.hint, params),
    params,
    ...(where.pointer === undefined ? {} : { pointer: where.pointer }),
    ...(where.file === undefined ? {} : { file: where.file }),
  };
}

/**
 * Carries an {@link EvaluationError} through an expression evaluation: a custom operator
 * (a call to a table or formula) throws it, the expression engine lets ruleloom errors pass
 * unchanged, and {@link toEvaluationError} takes the original error back out.
 */
export class EvaluationFailure extends RuleloomError {
  constructor(
    readonly error: EvaluationError,
    operator: string,
  ) {
    super('RL3003', { operator, detail: error.message.en });
  }
}

/**
 * Any exception from evaluating a table's or formula's expressions as an error value:
 * ruleloom errors keep their code, message and pointer; anything else (which would be a
 * bug) becomes RL5453.
 */
export function toEvaluationError(
  thrown: unknown,
  owner: LocalizedText,
  file: string | undefined,
): EvaluationError {
  if (thrown instanceof EvaluationFailure) return thrown.error;
  const where = file === undefined ? {} : { file };
  if (thrown instanceof RuleloomError) {
    return {
      code: thrown.code,
      message: thrown.messages,
      hint: thrown.hint,
      params: thrown.params,
      ...(thrown.pointer === '' ? {} : { pointer: thrown.pointer }),
      ...where,
    };
  }
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return tablesError('RL5453', { owner, detail }, where);
}
