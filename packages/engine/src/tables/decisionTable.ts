import type { TableDefinition } from '@ruleloom/schemas';
import type { LocalizedText } from '../diagnostics/types.js';
import type { EvaluationContext } from '../expr/types.js';
import { readProperty } from '../expr/values.js';
import type { CellPredicate } from './cells.js';
import { describeValue, normalizeValue, typeName, UNFIT } from './columns.js';
import { combine, countedRows, type PolicyScope } from './hitPolicies.js';
import type { OutputColumn, RowOutputs } from './outputs.js';
import { EvaluationFailure, tablesError, toEvaluationError } from './reporting.js';
import type {
  Aggregator,
  CompiledTable,
  HitPolicy,
  TableColumn,
  TableMatch,
  TableOutputValues,
  TableResult,
} from './types.js';

/** An input column as evaluated: how its raw value is read from the data. */
export interface InputColumn extends TableColumn {
  /** The raw value from the data (its id, or its expression). */
  read(data: unknown, context: EvaluationContext | undefined): unknown;
}

/** A row as evaluated. */
export interface CompiledRow {
  readonly id: string;
  readonly index: number;
  readonly description?: LocalizedText;
  /** The tests of the columns the row tests (columns it leaves as "any" have none). */
  readonly tests: readonly { readonly column: number; readonly test: CellPredicate }[];
  readonly outputs: RowOutputs;
}

/** Everything a compiled table is made of. */
export interface TableParts {
  readonly file: string;
  readonly definition: TableDefinition;
  readonly label: LocalizedText;
  readonly zone: string;
  readonly inputs: readonly InputColumn[];
  readonly outputs: readonly OutputColumn[];
  readonly rows: readonly CompiledRow[];
  readonly reads: readonly string[];
  /** True when cells or outputs have expressions, which read every column by id. */
  readonly needsRecord: boolean;
}

/** Working arrays of one evaluation, reused by the fast path. */
interface Scratch {
  readonly values: unknown[];
  readonly record: Record<string, unknown>;
  readonly matches: number[];
  context: EvaluationContext | undefined;
  /** The outputs of a row for this scratch's record and context (bound once). */
  readonly outputsOf: (index: number) => TableOutputValues;
  busy: boolean;
}

/** A compiled decision table (see {@link CompiledTable}). */
export class DecisionTable implements CompiledTable {
  readonly id: string;
  readonly file: string;
  readonly definition: TableDefinition;
  readonly label: LocalizedText;
  readonly hitPolicy: HitPolicy;
  readonly aggregator?: Aggregator;
  readonly inputs: readonly TableColumn[];
  readonly outputs: readonly TableColumn[];
  readonly shape: 'single' | 'list';
  readonly reads: readonly string[];
  readonly #parts: TableParts;
  readonly #policy: PolicyScope;
  readonly #owner: LocalizedText;
  readonly #scratch: Scratch = this.#newScratch();

  constructor(parts: TableParts) {
    const { definition } = parts;
    this.id = definition.id;
    this.file = parts.file;
    this.definition = definition;
    this.label = parts.label;
    this.hitPolicy = definition.hitPolicy;
    if (definition.aggregator) this.aggregator = definition.aggregator;
    this.inputs = parts.inputs.map(({ id, type, label }) => ({ id, type, label }));
    this.outputs = parts.outputs.map(({ id, type, label }) => ({ id, type, label }));
    this.shape =
      this.hitPolicy === 'rule-order' || (this.hitPolicy === 'collect' && !this.aggregator)
        ? 'list'
        : 'single';
    this.reads = parts.reads;
    this.#parts = parts;
    this.#owner = {
      'zh-CN': `决策表"${parts.label['zh-CN']}"`,
      en: `the table "${parts.label.en}"`,
    };
    const defaults: Record<string, unknown> = {};
    for (const column of parts.outputs) defaults[column.id] = column.fallback;
    const rows = parts.rows;
    this.#policy = {
      hitPolicy: this.hitPolicy,
      aggregator: this.aggregator,
      outputs: parts.outputs,
      defaults: Object.freeze(defaults),
      owner: { 'zh-CN': parts.label['zh-CN'], en: parts.label.en },
      file: parts.file,
      rowId: (index) => rows[index]?.id ?? String(index),
    };
  }

  evaluate(input: unknown, context?: EvaluationContext): TableResult {
    const values: unknown[] = [];
    const record: Record<string, unknown> = {};
    const matches: number[] = [];
    let inputsRead = false;
    try {
      this.#read(input, context, values, record, true);
      inputsRead = true;
      this.#match(values, record, context, matches);
      // Computed outputs are worked out once per row, however often the policy looks.
      const computed = new Map<number, TableOutputValues>();
      const outputsOf = (index: number): TableOutputValues => {
        let outputs = computed.get(index);
        if (!outputs) {
          outputs = this.#rowOutputs(index, record, context);
          computed.set(index, outputs);
        }
        return outputs;
      };
      const outputs = combine(this.#policy, matches, outputsOf);
      const counted = countedRows(this.#policy, matches, outputsOf);
      return {
        ok: true,
        table: this.id,
        inputs: record,
        outputs,
        matched: counted.map((index) => this.#matchOf(index, outputsOf(index))),
      };
    } catch (thrown) {
      const matched: TableMatch[] = [];
      // The rows involved in a conflict are part of the explanation; outputs of rows whose
      // expressions failed are left out.
      for (const index of matches) {
        try {
          matched.push(this.#matchOf(index, this.#rowOutputs(index, record, context)));
        } catch {
          // ignored: the error below says what failed
        }
      }
      return {
        ok: false,
        table: this.id,
        ...(inputsRead ? { inputs: record } : {}),
        matched,
        error: toEvaluationError(thrown, this.#owner, this.file),
      };
    }
  }

  decide(input: unknown, context: EvaluationContext | undefined, column?: string): unknown {
    const scratch = this.#scratch;
    // A table evaluated again while it is evaluating (through a call in one of its cells)
    // gets its own working arrays.
    const own = scratch.busy ? this.#newScratch() : scratch;
    own.busy = true;
    own.matches.length = 0;
    own.context = context;
    try {
      this.#read(input, context, own.values, own.record, this.#parts.needsRecord);
      this.#match(own.values, own.record, context, own.matches);
      const outputs = combine(this.#policy, own.matches, own.outputsOf);
      if (column === undefined) return outputs;
      return Array.isArray(outputs)
        ? outputs.map((o: TableOutputValues) => o[column])
        : (outputs as TableOutputValues)[column];
    } catch (thrown) {
      // Errors of the table's own expressions name the table's file, not the caller's.
      if (thrown instanceof EvaluationFailure) throw thrown;
      throw new EvaluationFailure(toEvaluationError(thrown, this.#owner, this.file), 'table');
    } finally {
      own.context = undefined;
      if (own === scratch) scratch.busy = false;
    }
  }

  #newScratch(): Scratch {
    const scratch: Scratch = {
      values: [],
      record: {},
      matches: [],
      context: undefined,
      outputsOf: (index) => this.#rowOutputs(index, scratch.record, scratch.context),
      busy: false,
    };
    return scratch;
  }

  #read(
    input: unknown,
    context: EvaluationContext | undefined,
    values: unknown[],
    record: Record<string, unknown>,
    fillRecord: boolean,
  ): void {
    const data = typeof input === 'object' && input !== null ? input : undefined;
    const { inputs, zone } = this.#parts;
    for (let c = 0; c < inputs.length; c++) {
      const column = inputs[c] as InputColumn;
      const raw = column.read(data, context);
      const value = normalizeValue(column.type, raw, zone, true);
      if (value === UNFIT) {
        throw new EvaluationFailure(
          tablesError(
            'RL5422',
            {
              owner: this.#owner,
              input: column.label,
              type: typeName(column.type),
              value: describeValue(raw),
            },
            { file: this.file },
          ),
          'table',
        );
      }
      values[c] = value;
      if (fillRecord) record[column.id] = value;
    }
  }

  #match(
    values: readonly unknown[],
    record: Readonly<Record<string, unknown>>,
    context: EvaluationContext | undefined,
    matches: number[],
  ): void {
    const { rows } = this.#parts;
    const firstOnly = this.hitPolicy === 'first';
    for (let r = 0; r < rows.length; r++) {
      const tests = (rows[r] as CompiledRow).tests;
      let ok = true;
      for (let t = 0; t < tests.length; t++) {
        const { column, test } = tests[t] as CompiledRow['tests'][number];
        if (!test(values[column], record, context)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      matches.push(r);
      if (firstOnly) return;
    }
  }

  #rowOutputs(
    index: number,
    record: Readonly<Record<string, unknown>>,
    context: EvaluationContext | undefined,
  ): TableOutputValues {
    const outputs = (this.#parts.rows[index] as CompiledRow).outputs;
    return outputs.fixed ?? outputs.compute(record, context);
  }

  #matchOf(index: number, outputs: TableOutputValues): TableMatch {
    const row = this.#parts.rows[index] as CompiledRow;
    return {
      rowId: row.id,
      index: row.index,
      outputs,
      ...(row.description ? { description: row.description } : {}),
    };
  }
}

/** Reads a column by id from the data (own values only, as expressions do). */
export function readColumn(id: string): InputColumn['read'] {
  return (data) => readProperty(data, id);
}
