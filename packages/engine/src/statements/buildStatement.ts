import Big from 'big.js';
import { RuleloomError } from '../diagnostics/errors.js';
import type { LocalizedText } from '../diagnostics/types.js';
import type { CompiledApp } from '../app/compiledApp.js';
import type { EvaluationContext } from '../expr/types.js';
import type { CompiledFormula } from '../formulas/types.js';
import { componentsOf } from './components.js';
import type {
  Statement,
  StatementGroup,
  StatementLine,
  StatementLineError,
  StatementLineInput,
  StatementOptions,
} from './types.js';

/**
 * Builds a statement — the monthly or quarterly rebate statement finance exports: one line per
 * order with the formula's value and the parts it is made of (every table row and nested
 * formula, read from the trace), subtotals per group (distributor) and the total. Sums are
 * exact decimals (big.js), so the total is the sum of the subtotals and of the lines, to the
 * cent. Never throws: a line whose formula fails carries its `error` and is left out of the
 * totals (counted in `failed`); an unknown formula fails every line.
 *
 * @example
 * const statement = buildStatement(app, {
 *   formula: 'quarterly-rebate',
 *   lines: [{ id: 'SO-2026-0103', group: '绍兴康达医疗器械有限公司', input: { orderAmount: 680000, … } }],
 * });
 * statement.lines[0].components; // [{ name: 'tiered-rebate', value: 32640, … }, …]
 * statement.groups; // [{ group: '绍兴康达医疗器械有限公司', total: 43440, count: 1, failed: 0 }]
 */
export function buildStatement(app: CompiledApp, options: StatementOptions): Statement {
  const lineInputs = Array.isArray(options.lines) ? options.lines : [];
  const formula = app.formulas.get(options.formula);
  const context = withZone(options.context, app.zone);
  const lines = formula
    ? options.components === 'none'
      ? fastLines(formula, lineInputs, context)
      : tracedLines(app, formula, lineInputs, context)
    : lineInputs.map((line) => failed(line, unknownFormula(app, options.formula)));
  return {
    formula: options.formula,
    label: formula?.label ?? { 'zh-CN': options.formula, en: options.formula },
    output: formula
      ? { type: formula.output.type, label: formula.output.label }
      : { type: 'number', label: { 'zh-CN': options.formula, en: options.formula } },
    inputs: formula ? formula.inputs.map(({ id, type, label }) => ({ id, type, label })) : [],
    lines,
    ...totals(lines),
  };
}

/** Each line evaluated with its trace, the components read from it. */
function tracedLines(
  app: CompiledApp,
  formula: CompiledFormula,
  lines: readonly StatementLineInput[],
  context: EvaluationContext,
): StatementLine[] {
  return lines.map((line) => {
    const result = formula.evaluate(line?.input, context);
    const components = componentsOf(result.trace, app);
    if (!result.ok) return { ...failed(line, result.error), components };
    const error = notAmount(result.value);
    if (error) return { ...failed(line, error), components };
    return { ...identity(line), value: result.value as number, components };
  });
}

/** Values only, on the formula's batch path (no traces). */
function fastLines(
  formula: CompiledFormula,
  lines: readonly StatementLineInput[],
  context: EvaluationContext,
): StatementLine[] {
  const { values, failures } = formula.evaluateBatch(
    lines.map((line) => line?.input),
    context,
  );
  const errors = new Map(failures.map((f) => [f.index, f.error]));
  const none: readonly never[] = [];
  const result = new Array<StatementLine>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const value = values[i];
    const error = errors.get(i) ?? notAmount(value);
    result[i] = error
      ? failed(line, error)
      : { ...identity(line), value: value as number, components: none };
  }
  return result;
}

/** Subtotals per group (first appearance order) and the total, exactly. */
function totals(
  lines: readonly StatementLine[],
): Pick<Statement, 'groups' | 'total' | 'count' | 'failed'> {
  const groups = new Map<string, { sum: ExactSum; count: number; failed: number }>();
  for (const line of lines) {
    let group = groups.get(line.group);
    if (!group) {
      group = { sum: new ExactSum(), count: 0, failed: 0 };
      groups.set(line.group, group);
    }
    if (line.value === undefined) group.failed++;
    else {
      group.sum.add(line.value);
      group.count++;
    }
  }
  let total = new Big(0);
  let count = 0;
  let failedLines = 0;
  const list: StatementGroup[] = [];
  for (const [name, group] of groups) {
    const sum = group.sum.value();
    total = total.plus(sum);
    count += group.count;
    failedLines += group.failed;
    list.push({ group: name, total: sum.toNumber(), count: group.count, failed: group.failed });
  }
  return { groups: list, total: total.toNumber(), count, failed: failedLines };
}

/** Below this many cents an integer sum stays exact in a double. */
const SAFE_CENTS = Number.MAX_SAFE_INTEGER / 4;

/**
 * An exact decimal sum. Amounts in whole cents (all money values are) add up as integers —
 * exact and fast; anything else, or a sum grown past what a double holds exactly, goes to
 * big.js.
 */
class ExactSum {
  #cents = 0;
  #rest: Big | undefined;

  add(value: number): void {
    const cents = Math.round(value * 100);
    // `cents / 100 === value` says the value is the decimal `cents / 100` exactly.
    if (
      cents / 100 === value &&
      Math.abs(cents) < SAFE_CENTS &&
      Math.abs(this.#cents) < SAFE_CENTS
    ) {
      this.#cents += cents;
    } else {
      this.#rest = (this.#rest ?? new Big(0)).plus(value);
    }
  }

  value(): Big {
    const cents = new Big(this.#cents).div(100);
    return this.#rest ? cents.plus(this.#rest) : cents;
  }
}

function identity(
  line: StatementLineInput | undefined,
): Pick<StatementLine, 'id' | 'group' | 'input'> {
  const input = line?.input;
  return {
    id: String(line?.id ?? ''),
    group: String(line?.group ?? ''),
    input: typeof input === 'object' && input !== null ? input : {},
  };
}

function failed(
  line: StatementLineInput | undefined,
  error: { readonly code?: string; readonly message: LocalizedText },
): StatementLine {
  const reported: StatementLineError =
    error.code === undefined
      ? { message: error.message }
      : { code: error.code, message: error.message };
  return { ...identity(line), components: [], error: reported };
}

/** A value a statement cannot add up: blank, text, not finite. */
function notAmount(value: unknown): StatementLineError | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return undefined;
  const shown = value === undefined ? 'undefined' : JSON.stringify(value);
  return {
    message: {
      'zh-CN': `公式结果 ${shown} 不是金额，未计入合计`,
      en: `the formula gave ${shown}, not an amount; left out of the totals`,
    },
  };
}

function unknownFormula(app: CompiledApp, id: string): StatementLineError {
  const error = new RuleloomError('RL5008', {
    kind: { 'zh-CN': '公式', en: 'formula' },
    id: String(id),
    known: [...app.formulas.keys()].join(', ') || '—',
  });
  return { code: error.code, message: error.messages };
}

function withZone(context: EvaluationContext | undefined, zone: string): EvaluationContext {
  const given = typeof context === 'object' && context !== null ? context : {};
  return given.zone === undefined ? { ...given, zone } : given;
}
