import type { LocalizedText } from '../diagnostics/types.js';
import type { FieldType } from '../expr/types.js';
import type { CompiledFormula } from '../formulas/types.js';
import type { CallTrace, FormulaTrace, TableCallTrace, TraceStep } from '../formulas/types.js';
import type { CompiledTable } from '../tables/types.js';
import type { ComponentSource, StatementComponent } from './types.js';

/** What the components are looked up in: the app's tables and formulas. */
export interface ComponentLookup {
  readonly tables: ReadonlyMap<string, CompiledTable>;
  readonly formulas: ReadonlyMap<string, CompiledFormula>;
}

/**
 * The parts of a formula's value, read from its trace: every table call (with the rows it
 * matched) and every formula call, outermost first, in the order they ran. A formula that is
 * nothing but one table lookup (`tier-coefficient` → `rebate-tier`) is one component naming
 * both, so finance sees the formula and the row on the same line.
 *
 * @example
 * componentsOf(app.evaluateFormula('quarterly-rebate', input).trace, app);
 * // [{ name: 'tiered-rebate', value: 32640, source: { formula: 'tiered-rebate' } },
 * //  { name: 'rebate-band.rate', value: 0.04, source: { table: 'rebate-band', row: 'band-3' } }, …]
 */
export function componentsOf(trace: FormulaTrace, lookup: ComponentLookup): StatementComponent[] {
  const found: StatementComponent[] = [];
  const seen = new Map<string, number>();
  const add = (component: StatementComponent) => {
    const times = (seen.get(component.name) ?? 0) + 1;
    seen.set(component.name, times);
    found.push(times === 1 ? component : { ...component, name: `${component.name}#${times}` });
  };
  const visitSteps = (steps: readonly TraceStep[]) => {
    for (const step of steps) {
      if (step.call) visitCall(step.call);
      visitSteps(step.children);
    }
  };
  const visitCall = (call: CallTrace) => {
    if (call.kind === 'table') {
      add(tableComponent(call, lookup));
      call.calls.forEach(visitCall);
      return;
    }
    const only = soleTableCall(call);
    const formula = lookup.formulas.get(call.formula);
    const type: FieldType = formula?.output.type ?? 'number';
    if (only) {
      add({
        name: call.formula,
        label: call.label,
        type,
        value: call.value,
        source: { formula: call.formula, ...rowSource(only) },
      });
      only.calls.forEach(visitCall);
      return;
    }
    add({
      name: call.formula,
      label: call.label,
      type,
      value: call.value,
      source: { formula: call.formula },
    });
    visitSteps(call.steps);
    call.unplacedCalls?.forEach(visitCall);
  };
  visitSteps(trace.steps);
  trace.unplacedCalls?.forEach(visitCall);
  return found;
}

/** The table call a formula consists of, when it is nothing else (`{"table": [...]}`). */
function soleTableCall(trace: FormulaTrace): TableCallTrace | undefined {
  if (trace.steps.length !== 1) return undefined;
  const call = trace.steps[0]?.call;
  return call?.kind === 'table' && Object.is(call.value, trace.value) ? call : undefined;
}

function tableComponent(call: TableCallTrace, lookup: ComponentLookup): StatementComponent {
  const column = call.column;
  const output = lookup.tables.get(call.table)?.outputs.find((o) => o.id === column);
  const label: LocalizedText = output?.label ?? call.label;
  return {
    name: column === undefined ? call.table : `${call.table}.${column}`,
    label,
    type: output?.type ?? 'text',
    value: call.value,
    source: rowSource(call),
  };
}

function rowSource(call: TableCallTrace): ComponentSource {
  const rows = call.matched.map((m) => m.rowId);
  const description = call.matched.length === 1 ? call.matched[0]?.description : undefined;
  return {
    table: call.table,
    ...(rows.length > 0 ? { row: rows.join(', ') } : {}),
    ...(description ? { rowDescription: description } : {}),
  };
}
