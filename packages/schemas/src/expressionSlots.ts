import type { DefinitionKind } from './kinds.js';

/**
 * What a slot holds: a JsonLogic `expression`, or Excel-like `formula-text` that parses to
 * JsonLogic.
 */
export type ExpressionSyntax = 'expression' | 'formula-text';

/** A place in a definition where an expression may appear. */
export interface ExpressionSlot {
  /**
   * JSON pointer pattern into the definition; `*` stands for any array index or any key.
   * The expression is the value at the pointer.
   */
  readonly pattern: string;
  readonly syntax: ExpressionSyntax;
}

const expression = (pattern: string): ExpressionSlot => ({ pattern, syntax: 'expression' });
const actionSlots = (prefix: string): ExpressionSlot[] => [
  expression(`${prefix}/actions/*/value`),
  expression(`${prefix}/actions/*/body/*`),
  expression(`${prefix}/actions/*/filter`),
  expression(`${prefix}/actions/*/rank`),
];
const formFieldSlots = (prefix: string): ExpressionSlot[] => [
  expression(`${prefix}/fields/*/requiredWhen`),
  expression(`${prefix}/fields/*/visibleWhen`),
  expression(`${prefix}/fields/*/readOnlyWhen`),
];

/**
 * Per kind, every place where an expression may appear. A test walks the schemas and fails
 * when a `$ref` to the expression schema is not listed here, or a slot points elsewhere, so
 * the list and the schemas cannot drift apart.
 *
 * @example
 * expressionSlots.routing; // [{ pattern: '/rules/*\/when', syntax: 'expression' }, …]
 * expressionSlots.formula.find((s) => s.syntax === 'formula-text'); // { pattern: '/text', … }
 */
export const expressionSlots: Readonly<Record<DefinitionKind, readonly ExpressionSlot[]>> = {
  entity: [expression('/fields/*/computed')],
  form: [
    ...formFieldSlots(''),
    expression('/sections/*/visibleWhen'),
    ...formFieldSlots('/sections/*'),
    expression('/validations/*/expression'),
  ],
  pipeline: [
    expression('/stages/*/entryGate/conditions/*/expression'),
    expression('/transitions/*/gate/conditions/*/expression'),
    expression('/transitions/*/approvals/*/when'),
    expression('/transitions/*/approvals/*/steps/*/when'),
  ],
  automation: [expression('/condition'), ...actionSlots('')],
  routing: [expression('/rules/*/when'), expression('/preferences/*/when')],
  table: [expression('/inputs/*/expression'), expression('/rows/*/when/*/expression')],
  formula: [expression('/expression'), { pattern: '/text', syntax: 'formula-text' }],
  timer: [expression('/condition'), ...actionSlots(''), ...actionSlots('/escalation/*')],
  app: [],
  test: [expression('/expect/*/expression')],
};
