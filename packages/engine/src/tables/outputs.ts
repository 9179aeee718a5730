import { appendPointer } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import { compileExpression, type CompiledExpression } from '../expr/compile.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { EvaluationContext, FieldInfo } from '../expr/types.js';
import { columnKind, describeValue, normalizeValue, typeName, UNFIT } from './columns.js';
import { EvaluationFailure, tablesDiagnostic, tablesError } from './reporting.js';
import type { TableColumn, TableOutputValues } from './types.js';

/** An output column as compiled: its default and, for `priority`, its ranked values. */
export interface OutputColumn extends TableColumn {
  /** The value when no row matches (null without a `default`). */
  readonly fallback: unknown;
  readonly hasDefault: boolean;
  /** The `values` list, most important first. */
  readonly ranked?: readonly unknown[];
}

/** A row's outputs: fixed (every value a literal) or computed by expressions from the inputs. */
export type RowOutputs =
  | { readonly fixed: TableOutputValues }
  | {
      readonly fixed?: undefined;
      compute(
        record: Readonly<Record<string, unknown>>,
        context: EvaluationContext | undefined,
      ): TableOutputValues;
    };

/** What compiling outputs needs to know. */
export interface OutputScope {
  readonly file: string | undefined;
  readonly zone: string;
  readonly owner: LocalizedText;
  /** The table's input columns, for output expressions. */
  readonly fields: readonly FieldInfo[];
  readonly operators: OperatorRegistry | undefined;
  report(diagnostic: Diagnostic): void;
}

/**
 * A literal of an output column in the form results carry (`"8%"` → 0.08 in a percent
 * column), or {@link UNFIT}. Blank is null.
 */
export function outputLiteral(type: string, value: unknown, zone: string): unknown {
  if (value === null) return null;
  if (columnKind(type) === 'list') {
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : UNFIT;
  }
  if (value === '' && columnKind(type) === 'text') return value;
  return normalizeValue(type, value, zone, false);
}

/** True when two output values are the same (deep for lists). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compiles one row's `then`: a literal per output column, or `{"expression": …}` computed
 * from the input columns. Columns the row leaves out take their default (warning when there
 * is none). Returns undefined after reporting errors.
 */
export function compileRowOutputs(
  then: unknown,
  pointer: string,
  rowId: string,
  columns: readonly OutputColumn[],
  scope: OutputScope,
): RowOutputs | undefined {
  const given = typeof then === 'object' && then !== null && !Array.isArray(then) ? then : {};
  const byId = new Map(columns.map((c) => [c.id, c]));
  let failed = false;
  for (const key of Object.keys(given)) {
    if (byId.has(key)) continue;
    failed = true;
    scope.report(
      tablesDiagnostic(
        'RL5404',
        appendPointer(pointer, key),
        { row: rowId, column: key, known: columns.map((c) => c.id).join(', ') },
        { file: scope.file },
      ),
    );
  }
  const fixed: Record<string, unknown> = {};
  const computed: {
    id: string;
    type: string;
    label: LocalizedText;
    expression: CompiledExpression;
  }[] = [];
  for (const column of columns) {
    const at = appendPointer(pointer, column.id);
    if (!Object.hasOwn(given, column.id)) {
      if (!column.hasDefault) {
        scope.report(
          tablesDiagnostic(
            'RL5413',
            pointer,
            { row: rowId, column: column.label },
            { file: scope.file },
          ),
        );
      }
      fixed[column.id] = column.fallback;
      continue;
    }
    const raw = (given as Record<string, unknown>)[column.id];
    if (isExpressionCell(raw)) {
      const expression = compileExpression(raw.expression, {
        fields: scope.fields,
        pointer: appendPointer(at, 'expression'),
        ...(scope.operators ? { operators: scope.operators } : {}),
        ...(scope.file === undefined ? {} : { file: scope.file }),
      });
      expression.diagnostics.forEach((d) => scope.report(d));
      if (!expression.ok) failed = true;
      computed.push({ id: column.id, type: column.type, label: column.label, expression });
      continue;
    }
    const value = outputLiteral(column.type, raw, scope.zone);
    if (value === UNFIT) {
      failed = true;
      scope.report(
        tablesDiagnostic(
          'RL5402',
          at,
          { column: column.label, type: typeName(column.type), value: describeValue(raw) },
          { file: scope.file },
        ),
      );
      continue;
    }
    fixed[column.id] = value;
  }
  if (failed) return undefined;
  if (computed.length === 0) return { fixed: Object.freeze(fixed) };
  return {
    compute(record, context) {
      const out: Record<string, unknown> = {};
      for (const column of columns) out[column.id] = fixed[column.id];
      for (const { id, type, label, expression } of computed) {
        const value = expression.evaluate(record, context);
        const normalized = outputLiteral(type, value ?? null, scope.zone);
        if (normalized === UNFIT) {
          throw new EvaluationFailure(
            tablesError(
              'RL5423',
              {
                owner: scope.owner,
                output: label,
                type: typeName(type),
                value: describeValue(value),
              },
              scope.file === undefined ? {} : { file: scope.file },
            ),
            'table',
          );
        }
        out[id] = normalized;
      }
      return Object.freeze(out);
    },
  };
}

/** True for `{"expression": …}`, the form of a computed output. */
function isExpressionCell(value: unknown): value is { expression: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    Object.hasOwn(value, 'expression')
  );
}
