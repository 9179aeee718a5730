import type { FormulaDefinition } from '@ruleloom/schemas';
import type { DefinitionFile } from '../app/parts.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import { localizedLabel } from '../entities/labels.js';
import { compileExpression, type CompiledExpression } from '../expr/compile.js';
import { isValidZone } from '../expr/domain/zone.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { FieldInfo, FieldType } from '../expr/types.js';
import { valueTypeName } from '../expr/valueTypes.js';
import { FORBIDDEN_SEGMENTS } from '../expr/values.js';
import { parseFormula } from '../formula/index.js';
import { columnKind, typeName } from '../tables/columns.js';
import { DEFAULT_ZONE } from '../tables/compileTable.js';
import { tablesDiagnostic } from '../tables/reporting.js';
import type { CompiledTable } from '../tables/types.js';
import { callOperators, type CallableFormula } from './calls.js';
import { checkCalls, type FormulaDraft } from './checkCalls.js';
import { Formula } from './formula.js';
import { inputReaders } from './inputs.js';
import type { RoundingMode } from './rounding.js';
import type { CompileFormulasOptions, CompiledFormula, FormulaOutputInfo } from './types.js';

const ID = /^[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u;
const ROUNDING: ReadonlySet<string> = new Set(['half-up', 'half-even', 'down', 'up']);

/** What each output kind must compute, for the compile-time type check. */
const EXPECTED_RESULT: Readonly<Record<string, string>> = {
  number: 'number',
  boolean: 'boolean',
  list: 'array',
};

/**
 * Compiles an app's formulas against its compiled tables: typed inputs, the calculation
 * (JsonLogic `expression`, or formula `text` that names inputs by id or label), output type
 * and rounding, and the calls between formulas and tables — unknown tables, formulas,
 * columns and inputs, and cycles (including through tables whose cells call formulas), each
 * reported where it is written. Returns the formulas that compiled, by id; a formula with
 * errors, or that calls one, is left out. Never throws.
 *
 * @example
 * const formulas = compileFormulas(
 *   [{ file: 'formulas/tier-coefficient.json', definition: tierCoefficient }],
 *   new Map(),
 *   { report: (d) => diagnostics.push(d) },
 * );
 * formulas.get('tier-coefficient')?.evaluate({ paymentRate: 0.9, newProductAmount: 350000 }).value; // 1.2
 */
export function compileFormulas(
  files: readonly DefinitionFile<FormulaDefinition>[],
  tables: ReadonlyMap<string, CompiledTable>,
  options: CompileFormulasOptions,
): Map<string, CompiledFormula> {
  const compiled = new Map<string, CompiledFormula>();
  const zone =
    typeof options.zone === 'string' && isValidZone(options.zone) ? options.zone : DEFAULT_ZONE;
  const operators = callOperators(options.operators);
  const drafts = new Map<string, FormulaDraft>();
  for (const file of Array.isArray(files) ? files : []) {
    try {
      const draft = draftFormula(file, operators, options.report, drafts);
      if (draft) drafts.set(draft.id, draft);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      options.report(createDiagnostic('RL1024', '', { detail }, { file: file?.file ?? '' }));
    }
  }
  try {
    checkCalls(drafts, tables, options.report);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    options.report(createDiagnostic('RL1024', '', { detail }, { file: '' }));
    return compiled;
  }
  const formulas = new Map<string, CallableFormula>();
  const targets = { tables, formulas };
  for (const draft of drafts.values()) {
    if (draft.failed || !draft.expression) continue;
    const formula = new Formula({
      file: draft.file,
      definition: draft.definition,
      label: draft.label,
      inputs: draft.inputs,
      output: draft.output,
      logic: draft.logic,
      base: draft.base,
      fields: draft.fields,
      expression: draft.expression,
      calls: draft.callIds,
      zone,
      targets,
    });
    formulas.set(formula.id, formula);
    compiled.set(formula.id, formula);
  }
  return compiled;
}

/** Reads and compiles one formula on its own; its calls are checked afterwards. */
function draftFormula(
  file: DefinitionFile<FormulaDefinition>,
  operators: OperatorRegistry,
  report: (diagnostic: Diagnostic) => void,
  drafts: ReadonlyMap<string, FormulaDraft>,
): FormulaDraft | undefined {
  const definition = file.definition;
  const where = { file: file.file };
  if (typeof definition !== 'object' || definition === null || typeof definition.id !== 'string') {
    report(createDiagnostic('RL1024', '', { detail: 'not a formula definition' }, where));
    return undefined;
  }
  const other = drafts.get(definition.id);
  if (other) {
    report(
      createDiagnostic(
        'RL5004',
        '/id',
        { kind: { 'zh-CN': '公式', en: 'formula' }, id: definition.id, other: other.file },
        where,
      ),
    );
    return undefined;
  }
  let failed = false;
  const fail = (diagnostic: Diagnostic): void => {
    if (diagnostic.severity === 'error') failed = true;
    report(diagnostic);
  };
  const declared = (Array.isArray(definition.inputs) ? definition.inputs : []).filter(
    (input, index) => checkInputId(input?.id, index, definition.inputs, fail, file.file),
  );
  const inputs = inputReaders(declared);
  const fields: FieldInfo[] = declared.map((input) => ({
    id: input.id,
    type: input.type as FieldType,
    ...(input.label === undefined ? {} : { label: input.label }),
  }));
  const output = outputInfo(definition.output);
  const { logic, base, expression } = compileLogic(definition, fields, operators, fail, file.file);
  if (expression) checkResultType(expression, output, fail, file.file, base);
  return {
    id: definition.id,
    file: file.file,
    definition,
    label: localizedLabel(definition.label, definition.id),
    inputs,
    fields,
    output,
    logic,
    base,
    ...(expression ? { expression } : {}),
    failed: failed || !expression,
    callIds: { tables: [], formulas: [] },
  };
}

function checkInputId(
  id: unknown,
  index: number,
  all: readonly { id?: unknown }[],
  report: (diagnostic: Diagnostic) => void,
  file: string,
): boolean {
  const pointer = `/inputs/${index}/id`;
  if (typeof id !== 'string' || !ID.test(id) || FORBIDDEN_SEGMENTS.has(id)) {
    report(
      createDiagnostic('RL1014', pointer, { value: JSON.stringify(id) ?? 'undefined' }, { file }),
    );
    return false;
  }
  if (all.findIndex((input) => input?.id === id) !== index) {
    report(
      tablesDiagnostic('RL5405', pointer, { kind: { 'zh-CN': '输入', en: 'input' }, id }, { file }),
    );
    return false;
  }
  return true;
}

/**
 * The output's type and rounding. Money is rounded to 2 decimals (half-up) unless the
 * formula says otherwise; other types only when `precision` is given.
 */
function outputInfo(output: FormulaDefinition['output'] | undefined): FormulaOutputInfo {
  const type = (typeof output?.type === 'string' ? output.type : 'number') as FieldType;
  const given = output?.precision;
  const precision =
    typeof given === 'number' && Number.isInteger(given) && given >= 0 && given <= 10
      ? given
      : type === 'money'
        ? 2
        : undefined;
  const rounding = (
    typeof output?.rounding === 'string' && ROUNDING.has(output.rounding)
      ? output.rounding
      : 'half-up'
  ) as RoundingMode;
  return {
    type,
    label: localizedLabel(output?.label, 'result'),
    rounding,
    ...(precision === undefined ? {} : { precision }),
  };
}

/** The calculation as JsonLogic, compiled; formula text is parsed first. */
function compileLogic(
  definition: FormulaDefinition,
  fields: readonly FieldInfo[],
  operators: OperatorRegistry,
  report: (diagnostic: Diagnostic) => void,
  file: string,
): { logic: unknown; base: string; expression?: CompiledExpression } {
  if (typeof definition.text === 'string') {
    const parsed = parseFormula(definition.text, { fields });
    // Neither has a place in the file below the text: every diagnostic points at it.
    const atText = (d: Diagnostic): Diagnostic => ({ ...d, pointer: '/text', file });
    if (!parsed.ok) {
      parsed.diagnostics.map(atText).forEach(report);
      return { logic: null, base: '' };
    }
    const expression = compileExpression(parsed.logic, { fields, operators });
    const seen = new Set<string>();
    for (const d of expression.diagnostics.map(atText)) {
      const key = `${d.code}\u0000${d.message.en}`;
      if (!seen.has(key)) report(d);
      seen.add(key);
    }
    return { logic: parsed.logic, base: '', ...(expression.ok ? { expression } : {}) };
  }
  if (!Object.hasOwn(definition, 'expression')) {
    report(
      createDiagnostic(
        'RL1024',
        '',
        { detail: 'the formula has neither expression nor text' },
        { file },
      ),
    );
    return { logic: null, base: '/expression' };
  }
  const expression = compileExpression(definition.expression, {
    fields,
    operators,
    pointer: '/expression',
    file,
  });
  expression.diagnostics.forEach(report);
  return {
    logic: definition.expression,
    base: '/expression',
    ...(expression.ok ? { expression } : {}),
  };
}

/** A calculation whose type is known and differs from the output's is an error. */
function checkResultType(
  expression: CompiledExpression,
  output: FormulaOutputInfo,
  report: (diagnostic: Diagnostic) => void,
  file: string,
  base: string,
): void {
  const expected = EXPECTED_RESULT[columnKind(output.type)];
  const actual = expression.resultType;
  if (!expected || actual === 'any' || actual === 'null' || actual === expected) return;
  const names: LocalizedText = typeName(output.type);
  report(
    tablesDiagnostic(
      'RL5438',
      base === '' ? '/text' : base,
      { actual: valueTypeName(actual), expected: names },
      { file },
    ),
  );
}
