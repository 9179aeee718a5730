import type { FormulaDefinition } from '@ruleloom/schemas';
import { appendPointer, createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, DiagnosticParams, LocalizedText } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import type { FieldInfo } from '../expr/types.js';
import { tablesDiagnostic } from '../tables/reporting.js';
import type { CompiledTable } from '../tables/types.js';
import { findCalls, TABLE_OPERATOR, type FoundCall } from './calls.js';
import { findCycles, type CallEdge } from './cycles.js';
import type { InputReader } from './inputs.js';
import type { CompiledFormula, FormulaOutputInfo } from './types.js';

/** A formula read and compiled on its own, before its calls are checked. */
export interface FormulaDraft {
  readonly id: string;
  readonly file: string;
  readonly definition: FormulaDefinition;
  readonly label: LocalizedText;
  readonly inputs: readonly InputReader[];
  readonly fields: readonly FieldInfo[];
  readonly output: FormulaOutputInfo;
  readonly logic: unknown;
  readonly base: string;
  readonly expression?: CompiledExpression;
  failed: boolean;
  callIds: { tables: string[]; formulas: string[] };
}

const KIND = {
  table: { 'zh-CN': '决策表', en: 'table' },
  formula: { 'zh-CN': '公式', en: 'formula' },
} as const;

const LISTED = 12;

/**
 * Checks every call of the formulas (and of the tables' cells and outputs): the target
 * exists and compiled, the output column exists, the inputs passed are ones it reads and
 * the required ones are there, and calls listed in `uses`. Then finds cycles and leaves out
 * formulas in one or calling one with errors (marking their drafts failed).
 */
export function checkCalls(
  drafts: ReadonlyMap<string, FormulaDraft>,
  tables: ReadonlyMap<string, CompiledTable>,
  report: (diagnostic: Diagnostic) => void,
): void {
  const edges: CallEdge[] = [];
  for (const draft of drafts.values()) {
    const checker = new CallChecker(drafts, tables, report, draft.file, draft);
    const calls = findCalls(draft.logic, draft.base);
    for (const call of calls) {
      const target = checker.check(call);
      if (target === undefined) continue;
      const edge = {
        from: `formula:${draft.id}`,
        to: target,
        file: draft.file,
        pointer: call.pointer,
      };
      edges.push(edge);
    }
    if (checker.failed) draft.failed = true;
    draft.callIds = checker.called();
    checker.checkUses();
  }
  for (const table of tables.values()) {
    const checker = new CallChecker(drafts, tables, report, table.file, undefined);
    for (const call of tableCalls(table)) {
      const target = checker.check(call);
      if (target !== undefined) {
        edges.push({
          from: `table:${table.id}`,
          to: target,
          file: table.file,
          pointer: call.pointer,
        });
      }
    }
  }

  const order = [...drafts.keys()].map((id) => `formula:${id}`);
  const inCycles = new Set<string>();
  for (const cycle of findCycles(order, edges)) {
    const first = cycle.edges[0];
    if (!first) continue;
    const names = [...cycle.nodes, cycle.nodes[0] as string].map(nodeName);
    report(
      tablesDiagnostic(
        'RL5434',
        first.pointer,
        {
          cycle: {
            'zh-CN': names.map((n) => n['zh-CN']).join(' → '),
            en: names.map((n) => n.en).join(' → '),
          },
        },
        { file: first.file },
      ),
    );
    for (const node of cycle.nodes) {
      inCycles.add(node);
      const draft = node.startsWith('formula:') ? drafts.get(node.slice(8)) : undefined;
      if (draft) draft.failed = true;
    }
  }

  // What calls something left out is left out too (a table stays, but says so), each said
  // once, where the call is written.
  const broken = new Set([
    ...inCycles,
    ...[...drafts.values()].filter((draft) => draft.failed).map((draft) => `formula:${draft.id}`),
  ]);
  for (let changed = true; changed;) {
    changed = false;
    for (const edge of edges) {
      if (!broken.has(edge.to) || broken.has(edge.from)) continue;
      broken.add(edge.from);
      changed = true;
      const caller = edge.from.startsWith('formula:') ? drafts.get(edge.from.slice(8)) : undefined;
      if (caller) caller.failed = true;
      const [kind, ...id] = edge.to.split(':');
      report(
        tablesDiagnostic(
          'RL5439',
          edge.pointer,
          { kind: kind === 'table' ? KIND.table : KIND.formula, id: id.join(':') },
          { file: edge.file },
        ),
      );
    }
  }
}

function nodeName(node: string): LocalizedText {
  const [kind, ...rest] = node.split(':');
  const id = rest.join(':');
  return kind === 'table'
    ? { 'zh-CN': `决策表 ${id}`, en: `table ${id}` }
    : { 'zh-CN': `公式 ${id}`, en: `formula ${id}` };
}

/** The calls written in a table's expressions (input columns, cells, outputs). */
function tableCalls(table: CompiledTable): FoundCall[] {
  const found: FoundCall[] = [];
  const definition = table.definition;
  (Array.isArray(definition.inputs) ? definition.inputs : []).forEach((input, i) => {
    if (input?.expression !== undefined) {
      found.push(...findCalls(input.expression, `/inputs/${i}/expression`));
    }
  });
  (Array.isArray(definition.rows) ? definition.rows : []).forEach((row, r) => {
    for (const [column, cell] of Object.entries(row?.when ?? {})) {
      if (isObject(cell) && Object.hasOwn(cell, 'expression')) {
        found.push(
          ...findCalls(
            cell.expression,
            appendPointer(appendPointer(`/rows/${r}/when`, column), 'expression'),
          ),
        );
      }
    }
    for (const [column, value] of Object.entries((row?.then ?? {}) as Record<string, unknown>)) {
      if (
        isObject(value) &&
        Object.keys(value).length === 1 &&
        Object.hasOwn(value, 'expression')
      ) {
        found.push(
          ...findCalls(
            value.expression,
            appendPointer(appendPointer(`/rows/${r}/then`, column), 'expression'),
          ),
        );
      }
    }
  });
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the calls written in one file (a formula's, or a table's when `caller` is undefined). */
/** What a call needs to know of the formula it calls. */
interface CallTarget {
  readonly inputs: readonly Pick<InputReader, 'id' | 'required' | 'hasDefault'>[];
}

/**
 * Checks the table and formula calls of an expression outside tables and formulas (a
 * computed field of an entity): the ids exist, the names passed are inputs of the target,
 * required inputs are passed. Diagnostics go to `report` under `file` and the pointers of
 * the calls (below `pointer`).
 *
 * @example
 * checkCallsFrom({ formula: ['order-rebate', 'amount', { var: 'amount' }] }, '/fields/9/computed',
 *   'entities/order.json', formulas, tables, report);
 */
export function checkCallsFrom(
  logic: unknown,
  pointer: string,
  file: string,
  formulas: ReadonlyMap<string, CompiledFormula>,
  tables: ReadonlyMap<string, CompiledTable>,
  report: (diagnostic: Diagnostic) => void,
): void {
  const targets = new Map<string, CallTarget>();
  for (const [id, formula] of formulas) {
    const declared = Array.isArray(formula.definition.inputs) ? formula.definition.inputs : [];
    targets.set(id, {
      inputs: formula.inputs.map((input) => ({
        id: input.id,
        required: input.required,
        hasDefault: declared.some((d) => d.id === input.id && Object.hasOwn(d, 'default')),
      })),
    });
  }
  const checker = new CallChecker(targets, tables, report, file, undefined);
  for (const call of findCalls(logic, pointer)) checker.check(call);
}

class CallChecker {
  failed = false;
  private readonly tablesCalled = new Set<string>();
  private readonly formulasCalled = new Set<string>();
  private readonly callPointers = new Map<string, string>();

  constructor(
    private readonly drafts: ReadonlyMap<string, CallTarget>,
    private readonly tables: ReadonlyMap<string, CompiledTable>,
    private readonly report: (diagnostic: Diagnostic) => void,
    private readonly file: string,
    private readonly caller: FormulaDraft | undefined,
  ) {}

  /** Checks one call; returns the graph node it calls when the target exists. */
  check(call: FoundCall): string | undefined {
    const [id] = call.args;
    if (typeof id !== 'string') {
      this.error('RL5432', call.argPointer(0), { operator: call.operator });
      return undefined;
    }
    const start = call.operator === TABLE_OPERATOR ? 2 : 1;
    const pairs = this.pairs(call, start);
    if (!this.caller && call.args.length <= start) {
      this.error('RL5440', call.pointer, { operator: call.operator });
    }
    return call.operator === TABLE_OPERATOR
      ? this.checkTable(call, id, pairs)
      : this.checkFormula(call, id, pairs);
  }

  private checkTable(
    call: FoundCall,
    id: string,
    given: readonly Given[] | undefined,
  ): string | undefined {
    const table = this.tables.get(id);
    if (!table) {
      this.unknown(call, 'table', id, [...this.tables.keys()]);
      return undefined;
    }
    this.tablesCalled.add(id);
    this.callPointers.set(`table:${id}`, call.pointer);
    const column = call.args[1];
    if (call.args.length >= 2 && column !== null && typeof column !== 'string') {
      this.error('RL5433', call.argPointer(1), {
        operator: call.operator,
        detail: {
          'zh-CN': '第二个参数是输出列 ID（文本）或 null',
          en: 'the second argument is an output column id (text) or null',
        },
      });
    } else if (typeof column === 'string' && !table.outputs.some((o) => o.id === column)) {
      this.error('RL5430', call.argPointer(1), {
        table: id,
        column,
        known: table.outputs.map((o) => o.id).join(', '),
      });
    }
    const target = { 'zh-CN': `决策表"${id}"`, en: `the table "${id}"` };
    for (const { name, pointer } of given ?? []) {
      if (!table.reads.includes(name)) {
        this.error('RL5431', pointer, { target, input: name, known: table.reads.join(', ') });
      }
    }
    const passed = this.passed(given);
    for (const read of table.reads) {
      if (passed && !passed.has(read)) {
        this.report(
          tablesDiagnostic('RL5436', call.pointer, { table: id, input: read }, { file: this.file }),
        );
      }
    }
    return `table:${id}`;
  }

  private checkFormula(
    call: FoundCall,
    id: string,
    given: readonly Given[] | undefined,
  ): string | undefined {
    const callee = this.drafts.get(id);
    if (!callee) {
      this.unknown(call, 'formula', id, [...this.drafts.keys()]);
      return undefined;
    }
    this.formulasCalled.add(id);
    this.callPointers.set(`formula:${id}`, call.pointer);
    const target = { 'zh-CN': `公式"${id}"`, en: `the formula "${id}"` };
    for (const { name, pointer } of given ?? []) {
      if (!callee.inputs.some((input) => input.id === name)) {
        this.error('RL5431', pointer, {
          target,
          input: name,
          known: callee.inputs.map((input) => input.id).join(', ') || '—',
        });
      }
    }
    const passed = this.passed(given);
    for (const input of callee.inputs) {
      if (input.required && !input.hasDefault && passed && !passed.has(input.id)) {
        this.error('RL5435', call.pointer, { formula: id, input: input.id });
      }
    }
    return `formula:${id}`;
  }

  /** The names a call passes: its pairs, or (without pairs) the calling formula's inputs. */
  private passed(given: readonly Given[] | undefined): ReadonlySet<string> | undefined {
    if (given) return new Set(given.map((g) => g.name));
    return this.caller ? new Set(this.caller.inputs.map((input) => input.id)) : undefined;
  }

  /** The name / value pairs of a call (undefined: none, the caller's inputs are passed). */
  private pairs(call: FoundCall, start: number): Given[] | undefined {
    if (call.args.length <= start) return undefined;
    const rest = call.args.length - start;
    if (rest % 2 !== 0) {
      this.error('RL5433', call.pointer, {
        operator: call.operator,
        detail: {
          'zh-CN': '每个输入名后面都要跟一个值',
          en: 'every input name needs a value after it',
        },
      });
    }
    const given: Given[] = [];
    for (let i = start; i < call.args.length; i += 2) {
      const name = call.args[i];
      if (typeof name !== 'string') {
        this.error('RL5433', call.argPointer(i), {
          operator: call.operator,
          detail: { 'zh-CN': '输入名要写成文本', en: 'input names are written as text' },
        });
        continue;
      }
      given.push({ name, pointer: call.argPointer(i) });
    }
    return given;
  }

  private unknown(
    call: FoundCall,
    kind: 'table' | 'formula',
    id: string,
    known: readonly string[],
  ): void {
    this.failed = true;
    this.report(
      createDiagnostic(
        'RL5008',
        call.argPointer(0),
        {
          kind: KIND[kind],
          id,
          known: known.slice(0, LISTED).join(', ') + (known.length > LISTED ? ', …' : '') || '—',
        },
        { file: this.file },
      ),
    );
  }

  private error(
    code: 'RL5430' | 'RL5431' | 'RL5432' | 'RL5433' | 'RL5435' | 'RL5440',
    pointer: string,
    params: DiagnosticParams,
  ): void {
    this.failed = true;
    this.report(tablesDiagnostic(code, pointer, params, { file: this.file }));
  }

  called(): { tables: string[]; formulas: string[] } {
    return { tables: [...this.tablesCalled], formulas: [...this.formulasCalled] };
  }

  /** A formula's `uses`: listed ids exist, and what it calls is listed. */
  checkUses(): void {
    const uses = this.caller?.definition.uses;
    if (!uses || typeof uses !== 'object') return;
    const check = (
      kind: 'table' | 'formula',
      listed: readonly string[] | undefined,
      known: ReadonlyMap<string, unknown>,
      called: ReadonlySet<string>,
      key: 'tables' | 'formulas',
    ): void => {
      const ids = Array.isArray(listed) ? listed : [];
      ids.forEach((id, i) => {
        if (typeof id === 'string' && !known.has(id)) {
          this.failed = true;
          this.report(
            createDiagnostic(
              'RL5008',
              `/uses/${key}/${i}`,
              { kind: KIND[kind], id, known: [...known.keys()].slice(0, LISTED).join(', ') || '—' },
              { file: this.file },
            ),
          );
        }
      });
      for (const id of called) {
        if (ids.includes(id)) continue;
        this.report(
          tablesDiagnostic(
            'RL5437',
            this.callPointers.get(`${kind}:${id}`) ?? '',
            { kind: KIND[kind], id },
            { file: this.file },
          ),
        );
      }
    };
    check('table', uses.tables, this.tables, this.tablesCalled, 'tables');
    check('formula', uses.formulas, this.drafts, this.formulasCalled, 'formulas');
    if (this.failed && this.caller) this.caller.failed = true;
  }
}

/** An input name a call passes, and where it is written. */
interface Given {
  readonly name: string;
  readonly pointer: string;
}
