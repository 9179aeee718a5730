import type { TableDefinition } from '@ruleloom/schemas';
import type { DefinitionFile } from '../app/parts.js';
import { appendPointer, createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import { localizedLabel } from '../entities/labels.js';
import { compileExpression } from '../expr/compile.js';
import { isValidZone } from '../expr/domain/zone.js';
import type { FieldInfo, FieldType } from '../expr/types.js';
import { FORBIDDEN_SEGMENTS } from '../expr/values.js';
import { analyseRows, type AnalysedRow } from './analysis.js';
import { compileCell, type CellPredicate, type CellScope } from './cells.js';
import { columnKind, describeValue, typeName, UNFIT } from './columns.js';
import { DecisionTable, readColumn, type CompiledRow, type InputColumn } from './decisionTable.js';
import { ANY, type Domain } from './domains.js';
import {
  compileRowOutputs,
  outputLiteral,
  sameValue,
  type OutputColumn,
  type OutputScope,
} from './outputs.js';
import { tablesDiagnostic } from './reporting.js';
import type { CompileTableOptions, CompiledTable } from './types.js';

/** The zone date columns are read in when the caller names none (or an unknown one). */
export const DEFAULT_ZONE = 'Asia/Shanghai';

const ID = /^[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u;
const HIT_POLICIES: readonly string[] = [
  'first',
  'unique',
  'priority',
  'any',
  'collect',
  'rule-order',
];

/**
 * Compiles a decision table: its typed input columns, the unary tests of every cell, its
 * output columns (literals or expressions) and its hit policy. Reports every problem with a
 * JSON pointer to the row, cell or column (unreadable cells carry the character too), plus
 * the checks a table admits at compile time: overlapping rows under `unique` (and `any` with
 * different results), rows that can never match or are never reached, and values no row
 * covers. Returns undefined when any error was reported; never throws.
 *
 * @example
 * const table = compileTable(
 *   { file: 'tables/store-tier-rebate.json', definition: storeTierRebate },
 *   { report: (d) => diagnostics.push(d) },
 * );
 * table?.evaluate({ store: { type: 'ka' } }).outputs; // { rebateRate: 0.08 }
 */
export function compileTable(
  file: DefinitionFile<TableDefinition>,
  options: CompileTableOptions,
): CompiledTable | undefined {
  let failed = false;
  const report = (diagnostic: Diagnostic): void => {
    if (diagnostic.severity === 'error') failed = true;
    options.report(diagnostic);
  };
  try {
    const table = new TableCompiler(file, options, report).compile(() => failed);
    return failed ? undefined : table;
  } catch (error) {
    // Every step reports instead of throwing; this keeps the promise if one does not.
    const detail = error instanceof Error ? error.message : String(error);
    report(createDiagnostic('RL1024', '', { detail }, { file: file.file }));
    return undefined;
  }
}

class TableCompiler {
  private readonly definition: TableDefinition;
  private readonly zone: string;
  private readonly fileName: string;

  constructor(
    file: DefinitionFile<TableDefinition>,
    private readonly options: CompileTableOptions,
    private readonly report: (diagnostic: Diagnostic) => void,
  ) {
    this.definition = file.definition;
    this.fileName = file.file;
    this.zone =
      typeof options.zone === 'string' && isValidZone(options.zone) ? options.zone : DEFAULT_ZONE;
  }

  compile(hasErrors: () => boolean): CompiledTable | undefined {
    const definition = this.definition;
    if (
      typeof definition !== 'object' ||
      definition === null ||
      typeof definition.id !== 'string'
    ) {
      this.report(
        createDiagnostic(
          'RL1024',
          '',
          { detail: 'not a table definition' },
          { file: this.fileName },
        ),
      );
      return undefined;
    }
    if (!this.checkShape()) return undefined;
    const label = localizedLabel(definition.label, definition.id);
    const owner: LocalizedText = {
      'zh-CN': `决策表"${label['zh-CN']}"`,
      en: `the table "${label.en}"`,
    };
    const { inputs, reads, fields } = this.inputColumns();
    const outputs = this.outputColumns();
    const cellScopes = inputs.map((column): CellScope => ({
      columnId: column.id,
      type: column.type,
      label: column.label,
      file: this.fileName,
      zone: this.zone,
      fields,
      operators: this.options.operators,
      report: this.report,
    }));
    const outputScope: OutputScope = {
      file: this.fileName,
      zone: this.zone,
      owner,
      fields,
      operators: this.options.operators,
      report: this.report,
    };
    const rows: CompiledRow[] = [];
    const analysed: AnalysedRow[] = [];
    let needsRecord = false;
    const rowIds = new Set<string>();
    list(definition.rows).forEach((raw, index) => {
      const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<
        TableDefinition['rows'][number]
      >;
      const pointer = `/rows/${index}`;
      const id = this.checkId(row.id, `${pointer}/id`, rowIds, { 'zh-CN': '规则', en: 'row' });
      const when = isRecord(row.when) ? row.when : {};
      const cells: Domain[] = inputs.map(() => ANY);
      const tests: { column: number; test: CellPredicate }[] = [];
      for (const [key, cell] of Object.entries(when)) {
        const at = appendPointer(`${pointer}/when`, key);
        const c = inputs.findIndex((column) => column.id === key);
        if (c === -1) {
          this.report(
            tablesDiagnostic(
              'RL5403',
              at,
              { row: id, column: key, known: inputs.map((i) => i.id).join(', ') },
              { file: this.fileName },
            ),
          );
          continue;
        }
        if (isRecord(cell) && Object.hasOwn(cell, 'expression')) needsRecord = true;
        const compiled = compileCell(cell, at, cellScopes[c] as CellScope);
        if (!compiled) continue;
        cells[c] = compiled.domain;
        if (compiled.test) tests.push({ column: c, test: compiled.test });
      }
      const rowOutputs = compileRowOutputs(row.then, `${pointer}/then`, id, outputs, outputScope);
      if (!rowOutputs) return;
      if (!rowOutputs.fixed) needsRecord = true;
      if (definition.hitPolicy === 'priority' && rowOutputs.fixed) {
        this.checkRanked(rowOutputs.fixed, outputs, id, `${pointer}/then`);
      }
      const description =
        row.description === undefined ? undefined : localizedLabel(row.description, id);
      rows.push({ id, index, tests, outputs: rowOutputs, ...(description ? { description } : {}) });
      analysed.push({ id, index, cells, ...(rowOutputs.fixed ? { fixed: rowOutputs.fixed } : {}) });
    });
    this.checkAggregator(outputs);
    if (hasErrors()) return undefined;
    analyseRows(analysed, {
      hitPolicy: definition.hitPolicy,
      columns: inputs,
      defaultsCoverGaps: outputs.every((o) => o.hasDefault),
      file: this.fileName,
      zone: this.zone,
      report: this.report,
    });
    if (hasErrors()) return undefined;
    return new DecisionTable({
      file: this.fileName,
      definition,
      label,
      zone: this.zone,
      inputs,
      outputs,
      rows,
      reads,
      needsRecord,
    });
  }

  /** The parts the schema requires (checked again: callers may skip the schema). */
  private checkShape(): boolean {
    const definition = this.definition;
    const where = { file: this.fileName };
    let sound = true;
    if (!HIT_POLICIES.includes(definition.hitPolicy)) {
      sound = false;
      this.report(
        createDiagnostic(
          'RL1011',
          '/hitPolicy',
          { value: describeValue(definition.hitPolicy), allowed: HIT_POLICIES.join(', ') },
          where,
        ),
      );
    }
    for (const property of ['inputs', 'outputs', 'rows'] as const) {
      const value: unknown = definition[property];
      if (Array.isArray(value) && value.length > 0) continue;
      sound = false;
      this.report(createDiagnostic('RL1006', '', { property }, where));
    }
    return sound;
  }

  private inputColumns(): { inputs: InputColumn[]; reads: string[]; fields: FieldInfo[] } {
    const inputs: InputColumn[] = [];
    const reads = new Set<string>();
    const fields: FieldInfo[] = [];
    const ids = new Set<string>();
    list(this.definition.inputs).forEach((raw, index) => {
      const column = (isRecord(raw) ? raw : {}) as Partial<TableDefinition['inputs'][number]>;
      const pointer = `/inputs/${index}`;
      const id = this.checkId(column.id, `${pointer}/id`, ids, {
        'zh-CN': '输入列',
        en: 'input column',
      });
      const type = (typeof column.type === 'string' ? column.type : 'text') as FieldType;
      const label = localizedLabel(column.label, id);
      fields.push({ id, type, ...(column.label === undefined ? {} : { label: column.label }) });
      let read = readColumn(id);
      if (column.expression === undefined) {
        reads.add(id);
      } else {
        const { operators } = this.options;
        const expression = compileExpression(column.expression, {
          pointer: `${pointer}/expression`,
          file: this.fileName,
          ...(operators ? { operators } : {}),
        });
        expression.diagnostics.forEach(this.report);
        for (const path of expression.fieldsUsed) reads.add(path.split('.')[0] as string);
        read = (data, context) => expression.evaluate(data, context);
      }
      inputs.push({ id, type, label, read });
    });
    return { inputs, reads: [...reads], fields };
  }

  private outputColumns(): OutputColumn[] {
    const ids = new Set<string>();
    return list(this.definition.outputs).map((raw, index) => {
      const column = (isRecord(raw) ? raw : {}) as Partial<TableDefinition['outputs'][number]>;
      const pointer = `/outputs/${index}`;
      const id = this.checkId(column.id, `${pointer}/id`, ids, {
        'zh-CN': '输出列',
        en: 'output column',
      });
      const type = (typeof column.type === 'string' ? column.type : 'text') as FieldType;
      const label = localizedLabel(column.label, id);
      const literal = (value: unknown, at: string): unknown => {
        const normalized = outputLiteral(type, value, this.zone);
        if (normalized !== UNFIT) return normalized;
        this.report(
          tablesDiagnostic(
            'RL5402',
            at,
            { column: label, type: typeName(type), value: describeValue(value) },
            { file: this.fileName },
          ),
        );
        return null;
      };
      const hasDefault = Object.hasOwn(column, 'default');
      const fallback = hasDefault ? literal(column.default, `${pointer}/default`) : null;
      const ranked = Array.isArray(column.values)
        ? column.values.map((v, k) => literal(v, `${pointer}/values/${k}`))
        : undefined;
      return { id, type, label, fallback, hasDefault, ...(ranked ? { ranked } : {}) };
    });
  }

  private checkRanked(
    fixed: Readonly<Record<string, unknown>>,
    outputs: readonly OutputColumn[],
    rowId: string,
    pointer: string,
  ): void {
    for (const column of outputs) {
      const value = fixed[column.id];
      if (!column.ranked || column.ranked.some((r) => sameValue(r, value))) continue;
      this.report(
        tablesDiagnostic(
          'RL5412',
          appendPointer(pointer, column.id),
          {
            row: rowId,
            column: column.label,
            value: describeValue(value),
            values: column.ranked.map(describeValue).join(', '),
          },
          { file: this.fileName },
        ),
      );
    }
  }

  private checkAggregator(outputs: readonly OutputColumn[]): void {
    const { aggregator, hitPolicy } = this.definition;
    if (hitPolicy !== 'collect' || !aggregator || aggregator === 'count') return;
    for (const column of outputs) {
      if (columnKind(column.type) === 'number') continue;
      this.report(
        tablesDiagnostic(
          'RL5411',
          '/aggregator',
          { aggregator, column: column.label, type: typeName(column.type) },
          { file: this.fileName },
        ),
      );
    }
  }

  /** The id as given when it is a usable id (reported otherwise, and when used twice). */
  private checkId(value: unknown, pointer: string, seen: Set<string>, kind: LocalizedText): string {
    if (typeof value !== 'string' || !ID.test(value) || FORBIDDEN_SEGMENTS.has(value)) {
      this.report(
        createDiagnostic(
          'RL1014',
          pointer,
          { value: describeValue(value) },
          { file: this.fileName },
        ),
      );
      return `#${pointer}`;
    }
    if (seen.has(value)) {
      this.report(
        tablesDiagnostic('RL5405', pointer, { kind, id: value }, { file: this.fileName }),
      );
    }
    seen.add(value);
    return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
