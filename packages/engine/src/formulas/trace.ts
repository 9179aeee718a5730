import type { FieldInfo, TraceNode } from '../expr/types.js';
import { printFormula } from '../formula/index.js';
import { FORMULA_OPERATOR, TABLE_OPERATOR } from './calls.js';
import type { CallTrace, TraceStep } from './types.js';

/**
 * Turns the operations an explanation recorded into trace steps, placing each recorded
 * call on the operation that made it. A call operation finishes right after its call runs,
 * so the calls, in the order they ran, belong to the call operations in the order they
 * finished (children before parents).
 */
export function buildSteps(
  nodes: readonly TraceNode[],
  calls: readonly CallTrace[],
  textOf: (pointer: string) => string | undefined,
): { readonly steps: TraceStep[]; readonly unplaced?: readonly CallTrace[] } {
  const callNodes = countCallNodes(nodes);
  const place = callNodes === calls.length;
  let next = 0;
  const convert = (node: TraceNode): TraceStep => {
    const children = node.children.map(convert);
    const text = textOf(node.pointer);
    const isCall = node.operator === TABLE_OPERATOR || node.operator === FORMULA_OPERATOR;
    const call = place && isCall ? calls[next++] : undefined;
    return {
      operator: node.operator,
      pointer: node.pointer,
      value: node.value,
      ...(text === undefined ? {} : { text }),
      children,
      ...(call ? { call } : {}),
    };
  };
  const steps = nodes.map(convert);
  return place || calls.length === 0 ? { steps } : { steps, unplaced: calls };
}

function countCallNodes(nodes: readonly TraceNode[]): number {
  let count = 0;
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as TraceNode;
    if (node.operator === TABLE_OPERATOR || node.operator === FORMULA_OPERATOR) count++;
    stack.push(...node.children);
  }
  return count;
}

/**
 * The formula text of each operation of `logic`, by the pointer the trace gives it
 * (`<base>/…/<operator>`), worked out once per operation and kept. Operations with no
 * formula-text form (calls, for one) have none.
 */
export function stepTexts(
  logic: unknown,
  base: string,
  fields: readonly FieldInfo[],
): (pointer: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (pointer) => {
    if (cache.has(pointer)) return cache.get(pointer);
    let text: string | undefined;
    if (pointer.startsWith(base)) {
      const segments = pointer
        .slice(base.length)
        .split('/')
        .slice(1, -1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const operation = resolve(logic, segments);
      if (operation !== undefined) {
        const printed = printFormula(operation, { fields, useLabels: 'zh-CN' });
        text = printed.ok ? printed.text : undefined;
      }
    }
    cache.set(pointer, text);
    return text;
  };
}

function resolve(node: unknown, segments: readonly string[]): unknown {
  let current = node;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
