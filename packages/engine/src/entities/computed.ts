import type { EntityField } from '@ruleloom/schemas';
import type { Instant } from '../app/types.js';
import { appendPointer, createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { compileExpression, type CompiledExpression } from '../expr/compile.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { EvaluationContext, FieldInfo } from '../expr/types.js';
import { copyValues, isRecordValues, setValue, type RecordValues } from './values.js';

/** A computed field ready to evaluate (its expression is absent when it did not compile). */
interface ComputedStep {
  readonly id: string;
  readonly expression: CompiledExpression | undefined;
}

/** The computed fields of an entity in evaluation order, and the diagnostics found planning it. */
export interface ComputedPlan {
  /** Every computed field, each after the computed fields it reads. */
  readonly steps: readonly ComputedStep[];
  /** Computed fields caught in a cycle: they stay null. */
  readonly cyclic: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** What computed fields may use besides the built-in operators. */
export interface ComputedOptions {
  /** Operators such as `table` and `formula` (calls into the app's tables and formulas). */
  readonly operators?: OperatorRegistry;
  /**
   * The context those operators need at run time (the app's tables and formulas), asked
   * for at evaluation: it exists only once the whole app is compiled.
   */
  readonly context?: () => EvaluationContext | undefined;
}

/** Where a computed field stands in the definition, for diagnostics. */
export interface ComputedSource {
  readonly field: EntityField;
  /** JSON pointer of the field (`/fields/7`). */
  readonly pointer: string;
}

/**
 * Strongly connected components of the "reads" graph (Tarjan). A component is emitted after
 * every component it reads, so the emission order is an evaluation order. Iterative, because
 * an entity may have many computed fields and recursion depth is not ours to spend.
 */
function components(nodes: readonly string[], reads: ReadonlyMap<string, readonly string[]>) {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = reads.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        out.push(component.reverse());
      }
    }
  }
  return out;
}

/**
 * Compiles the computed fields of an entity against its fields and orders them so that each
 * runs after the computed fields it reads. A cycle (a field that reads itself, or A reads B
 * reads A) is a diagnostic at the first field's expression; its fields stay null.
 *
 * @example
 * planComputed([{ field: weightedAmount, pointer: '/fields/7' }], fieldInfos, 'entities/opportunity.json');
 * // { steps: [{ id: 'weightedAmount', … }], cyclic: Set {}, diagnostics: [] }
 */
export function planComputed(
  sources: readonly ComputedSource[],
  fields: readonly FieldInfo[],
  file: string,
  options: ComputedOptions = {},
): ComputedPlan {
  const diagnostics: Diagnostic[] = [];
  const compiled = new Map<string, CompiledExpression | undefined>();
  const pointers = new Map<string, string>();
  for (const { field, pointer } of sources) {
    const at = appendPointer(pointer, 'computed');
    const expression = compileExpression(field.computed, {
      fields,
      pointer: at,
      file,
      ...(options.operators ? { operators: options.operators } : {}),
    });
    diagnostics.push(...expression.diagnostics);
    compiled.set(field.id, expression.ok ? expression : undefined);
    pointers.set(field.id, at);
  }
  const ids = [...compiled.keys()];
  const reads = new Map<string, string[]>();
  for (const [id, expression] of compiled) {
    const heads = (expression?.fieldsUsed ?? []).map((path) => path.split('.')[0] as string);
    reads.set(
      id,
      [...new Set(heads)].filter((head) => compiled.has(head)),
    );
  }
  const cyclic = new Set<string>();
  const steps: ComputedStep[] = [];
  for (const component of components(ids, reads)) {
    const first = component[0] as string;
    if (component.length > 1 || (reads.get(first) ?? []).includes(first)) {
      for (const id of component) cyclic.add(id);
      diagnostics.push(
        createDiagnostic(
          'RL5125',
          pointers.get(first) ?? '',
          { cycle: [...component, first].join(' → ') },
          { file },
        ),
      );
    }
    for (const id of component) steps.push({ id, expression: compiled.get(id) });
  }
  return { steps, cyclic, diagnostics };
}

/**
 * The values with every computed field (re)computed in plan order. A computed field whose
 * expression fails on these values (or did not compile, or sits in a cycle) is null: a
 * record with odd data still saves, and the failure shows as an empty value, not a crash.
 *
 * @example
 * applyComputed(plan, { amount: 100000, probability: 0.3 }, now, 'Asia/Shanghai');
 * // { amount: 100000, probability: 0.3, weightedAmount: 30000 }
 */
export function applyComputed(
  plan: ComputedPlan,
  values: RecordValues,
  now: Instant,
  zone: string,
  extra?: EvaluationContext,
): Record<string, unknown> {
  const result = copyValues(isRecordValues(values) ? values : {});
  const context = extra ? { ...extra, now, zone } : { now, zone };
  for (const { id, expression } of plan.steps) {
    let value: unknown = null;
    if (expression && !plan.cyclic.has(id)) {
      const outcome = expression.safeEvaluate(result, context);
      value = outcome.ok && outcome.value !== undefined ? outcome.value : null;
    }
    setValue(result, id, value);
  }
  return result;
}
