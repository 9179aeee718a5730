/**
 * The condition builder's model and its two pure conversions: JsonLogic → tree
 * ({@link conditionFromLogic}) and tree → JsonLogic ({@link conditionToLogic}).
 *
 * Only a few canonical shapes become editable rows; anything else is kept verbatim as a
 * read-only `raw` node ("高级条件"), so opening and saving a condition never loses logic:
 * `conditionToLogic(conditionFromLogic(x))` deep-equals `x` for every JSON value `x`, except
 * that a top-level `{"and": [x]}` comes back as `x` (the same rule).
 */

/** How the rows of a group combine. */
export type Combinator = 'and' | 'or';

/** What a row tests. */
export type ConditionOperator =
  | '=='
  | '!='
  | '>'
  | '>='
  | '<'
  | '<='
  | 'in'
  | 'notIn'
  | 'contains'
  | 'hasAny'
  | 'isEmpty'
  | 'isNotEmpty'
  | 'isBlankList'
  | 'isFilledList';

/** A value a row compares with: what JsonLogic literals the builder edits. */
export type ConditionLiteral = string | number | boolean;

/** One row: field – operator – value. */
export interface ConditionRule {
  readonly kind: 'rule';
  readonly field: string;
  readonly operator: ConditionOperator;
  /** A literal for comparisons and `contains`; a list for `in`, `notIn`, `hasAny`; absent for the empty checks. */
  readonly value?: ConditionLiteral | readonly ConditionLiteral[];
}

/** AND / OR over rows and nested groups. */
export interface ConditionGroup {
  readonly kind: 'group';
  readonly combinator: Combinator;
  readonly children: readonly ConditionNode[];
}

/** Logic the builder cannot show as rows, kept as it was. */
export interface ConditionRaw {
  readonly kind: 'raw';
  readonly logic: unknown;
}

/** Any node of the tree. */
export type ConditionNode = ConditionRule | ConditionGroup | ConditionRaw;

/** Operators whose value is a list of literals. */
export const LIST_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['in', 'notIn', 'hasAny']);
/** Operators without a value. */
export const VALUELESS_OPERATORS: ReadonlySet<ConditionOperator> = new Set([
  'isEmpty',
  'isNotEmpty',
  'isBlankList',
  'isFilledList',
]);
const COMPARISONS = ['==', '!=', '>', '>=', '<', '<='] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isLiteral = (value: unknown): value is ConditionLiteral =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));

/** The single `[key, args]` of a JsonLogic operation, or undefined. */
function operation(logic: unknown): [string, unknown] | undefined {
  if (!isRecord(logic)) return undefined;
  const keys = Object.keys(logic);
  if (keys.length !== 1) return undefined;
  const key = keys[0] as string;
  return [key, logic[key]];
}

/** `{"var": "field"}` → `"field"`. */
function fieldOf(logic: unknown): string | undefined {
  const op = operation(logic);
  if (!op || op[0] !== 'var') return undefined;
  return typeof op[1] === 'string' && op[1] !== '' ? op[1] : undefined;
}

function literalList(value: unknown): ConditionLiteral[] | undefined {
  return Array.isArray(value) && value.every(isLiteral) ? [...value] : undefined;
}

/** `[{"var": f}, x]` → `[f, x]`. */
function fieldAndArg(args: unknown): [string, unknown] | undefined {
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const field = fieldOf(args[0]);
  return field === undefined ? undefined : [field, args[1]];
}

/** The one-element argument list of `!` / `!!`. */
function single(args: unknown): unknown {
  return Array.isArray(args) && args.length === 1 ? args[0] : undefined;
}

function ruleFromLogic(logic: unknown): ConditionRule | undefined {
  const op = operation(logic);
  if (!op) return undefined;
  const [key, args] = op;
  if ((COMPARISONS as readonly string[]).includes(key)) {
    const pair = fieldAndArg(args);
    if (pair && isLiteral(pair[1])) {
      return { kind: 'rule', field: pair[0], operator: key as ConditionOperator, value: pair[1] };
    }
    return undefined;
  }
  if (key === 'in' || key === 'has_any') {
    const pair = fieldAndArg(args);
    const list = pair && literalList(pair[1]);
    if (!pair || !list) return undefined;
    return { kind: 'rule', field: pair[0], operator: key === 'in' ? 'in' : 'hasAny', value: list };
  }
  if (key === 'contains') {
    const pair = fieldAndArg(args);
    if (pair && isLiteral(pair[1])) {
      return { kind: 'rule', field: pair[0], operator: 'contains', value: pair[1] };
    }
    return undefined;
  }
  if (key === 'missing') {
    // Canonical form only (`{"missing": ["field"]}`), as the gates of the examples write it.
    if (Array.isArray(args) && args.length === 1 && typeof args[0] === 'string' && args[0] !== '') {
      return { kind: 'rule', field: args[0], operator: 'isEmpty' };
    }
    return undefined;
  }
  if (key === '!') {
    const inner = single(args);
    const innerRule = ruleFromLogic(inner);
    if (innerRule?.operator === 'in') return { ...innerRule, operator: 'notIn' };
    if (innerRule?.operator === 'isEmpty') return { ...innerRule, operator: 'isNotEmpty' };
    const field = fieldOf(inner);
    if (field !== undefined) return { kind: 'rule', field, operator: 'isBlankList' };
    return undefined;
  }
  if (key === '!!') {
    const field = fieldOf(single(args));
    if (field !== undefined) return { kind: 'rule', field, operator: 'isFilledList' };
  }
  return undefined;
}

function nodeFromLogic(logic: unknown): ConditionNode {
  const op = operation(logic);
  if (op && (op[0] === 'and' || op[0] === 'or') && Array.isArray(op[1]) && op[1].length > 0) {
    return { kind: 'group', combinator: op[0], children: op[1].map(nodeFromLogic) };
  }
  return ruleFromLogic(logic) ?? { kind: 'raw', logic };
}

/**
 * Reads a JsonLogic condition as the builder's tree: always a group at the top (an empty AND
 * group for no condition).
 *
 * @example
 * conditionFromLogic({ '==': [{ var: 'intentGrade' }, 'B'] });
 * // { kind: 'group', combinator: 'and', children: [{ kind: 'rule', field: 'intentGrade', operator: '==', value: 'B' }] }
 */
export function conditionFromLogic(logic: unknown): ConditionGroup {
  if (logic === undefined) return { kind: 'group', combinator: 'and', children: [] };
  const node = nodeFromLogic(logic);
  return node.kind === 'group' ? node : { kind: 'group', combinator: 'and', children: [node] };
}

function ruleToLogic(rule: ConditionRule): unknown {
  const field = { var: rule.field };
  const value = rule.value;
  const list = Array.isArray(value) ? [...(value as ConditionLiteral[])] : [];
  switch (rule.operator) {
    case 'in':
      return { in: [field, list] };
    case 'notIn':
      return { '!': [{ in: [field, list] }] };
    case 'hasAny':
      return { has_any: [field, list] };
    case 'isEmpty':
      return { missing: [rule.field] };
    case 'isNotEmpty':
      return { '!': [{ missing: [rule.field] }] };
    case 'isBlankList':
      return { '!': [field] };
    case 'isFilledList':
      return { '!!': [field] };
    default:
      return { [rule.operator]: [field, Array.isArray(value) ? '' : (value ?? '')] };
  }
}

function nodeToLogic(node: ConditionNode): unknown {
  if (node.kind === 'raw') return node.logic;
  if (node.kind === 'rule') return ruleToLogic(node);
  return { [node.combinator]: node.children.filter(isWritten).map(nodeToLogic) };
}

/** A row still being filled in (no field yet) and a group of nothing are not written. */
function isWritten(node: ConditionNode): boolean {
  if (node.kind === 'rule') return node.field !== '';
  if (node.kind === 'group') return node.children.some(isWritten);
  return true;
}

/**
 * Writes the builder's tree as JsonLogic: undefined for no condition, the lone row itself for
 * an AND group of one, `{"and": […]}` / `{"or": […]}` otherwise. Empty sub-groups and rows without
 * a field yet are left out.
 *
 * @example
 * conditionToLogic({ kind: 'group', combinator: 'and', children: [
 *   { kind: 'rule', field: 'amount', operator: '>', value: 50000 },
 * ] }); // { '>': [{ var: 'amount' }, 50000] }
 */
export function conditionToLogic(root: ConditionGroup): unknown {
  const children = root.children.filter(isWritten);
  if (children.length === 0) return undefined;
  if (children.length === 1 && root.combinator === 'and') return nodeToLogic(children[0]!);
  return { [root.combinator]: children.map(nodeToLogic) };
}
