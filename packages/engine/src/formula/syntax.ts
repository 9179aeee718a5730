/**
 * The syntax tree of formula text: what the parser builds from text, and what the printer
 * builds from JsonLogic before writing it out. Both directions meet here, which is what makes
 * text → JsonLogic → text round-trip.
 */

/**
 * Deepest nesting a formula may have, counted on this tree (a value is 1 level, every call,
 * list, operator and pair of brackets around it adds one). It matches the engine's default
 * `maxDepth`, and it bounds the parser's recursion so no input can overflow the stack.
 */
export const MAX_FORMULA_DEPTH = 64;

/** One dot-separated part of a name: `customer` and `grade` in `customer.grade`. */
export interface NameSegment {
  readonly text: string;
  /** Written as `[text]`, so any character is allowed. */
  readonly bracketed: boolean;
}

/** Where a node came from in the text (1-based code-point column; 0 when printed from logic). */
interface Located {
  readonly column: number;
  /** Levels of nesting of this node and everything inside it (see {@link MAX_FORMULA_DEPTH}). */
  readonly depth: number;
}

/** A number, text, TRUE/FALSE or NULL. */
export interface LiteralNode extends Located {
  readonly kind: 'literal';
  readonly value: null | boolean | number | string;
}

/** A field reference, or `item`/`acc` inside a list function. */
export interface NameNode extends Located {
  readonly kind: 'name';
  readonly segments: readonly NameSegment[];
}

/** A list: `{1, 2, 3}`. */
export interface ArrayNode extends Located {
  readonly kind: 'array';
  readonly items: readonly FormulaNode[];
}

/** A function call; `name` as written (the function table resolves it, case-insensitively). */
export interface CallNode extends Located {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly FormulaNode[];
}

/** `-x` or `+x`. */
export interface UnaryNode extends Located {
  readonly kind: 'unary';
  readonly operator: '-' | '+';
  readonly operand: FormulaNode;
}

/**
 * An infix operation with its JsonLogic operator (`+`, `cat`, `==`, …). Chains of a
 * flattening operator (`a + b + c`) and between-comparisons (`a < b < c`) hold more than
 * two operands.
 */
export interface InfixNode extends Located {
  readonly kind: 'infix';
  readonly operator: string;
  readonly operands: readonly FormulaNode[];
}

/** Brackets written around an expression; kept so chains stop at them. */
export interface GroupNode extends Located {
  readonly kind: 'group';
  readonly inner: FormulaNode;
}

/** Any node of the syntax tree. */
export type FormulaNode =
  LiteralNode | NameNode | ArrayNode | CallNode | UnaryNode | InfixNode | GroupNode;

function deepest(nodes: readonly FormulaNode[]): number {
  let depth = 0;
  for (const node of nodes) if (node.depth > depth) depth = node.depth;
  return depth;
}

/** Builds a literal node. */
export function literal(value: LiteralNode['value'], column = 0): LiteralNode {
  return { kind: 'literal', value, column, depth: 1 };
}

/** Builds a name node. */
export function name(segments: readonly NameSegment[], column = 0): NameNode {
  return { kind: 'name', segments, column, depth: 1 };
}

/** Builds a list node. */
export function array(items: readonly FormulaNode[], column = 0): ArrayNode {
  return { kind: 'array', items, column, depth: 1 + deepest(items) };
}

/** Builds a call node. */
export function call(callee: string, args: readonly FormulaNode[], column = 0): CallNode {
  return { kind: 'call', name: callee, args, column, depth: 1 + deepest(args) };
}

/** Builds a unary node. */
export function unary(operator: '-' | '+', operand: FormulaNode, column = 0): UnaryNode {
  return { kind: 'unary', operator, operand, column, depth: 1 + operand.depth };
}

/** Builds an infix node. */
export function infix(operator: string, operands: readonly FormulaNode[], column = 0): InfixNode {
  return { kind: 'infix', operator, operands, column, depth: 1 + deepest(operands) };
}

/** Builds a group (brackets) node. */
export function group(inner: FormulaNode, column = 0): GroupNode {
  return { kind: 'group', inner, column, depth: 1 + inner.depth };
}
