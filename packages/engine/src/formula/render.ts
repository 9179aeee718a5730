import { NAME_CLOSERS } from './characters.js';
import { infixOperatorFor, type InfixOperator } from './functionTable.js';
import {
  array,
  call,
  group,
  infix,
  unary,
  type FormulaNode,
  type InfixNode,
  type NameSegment,
} from './syntax.js';

/**
 * Adds the brackets the text needs, and only those: where precedence, left association,
 * chains (`a + b + c` is one operation) or the `-5` literal would otherwise make the parser
 * read a different tree. The result is exactly the tree the parser builds from the text.
 */
export function parenthesize(node: FormulaNode): FormulaNode {
  switch (node.kind) {
    case 'literal':
    case 'name':
      return node;
    case 'group':
      return group(parenthesize(node.inner));
    case 'array':
      return array(node.items.map(parenthesize));
    case 'call':
      return call(node.name, node.args.map(parenthesize));
    case 'unary': {
      const operand = parenthesize(node.operand);
      // -(5) is an operation on 5 while -5 is a number; -(-a) reads better than --a.
      const wrap =
        operand.kind === 'infix' ||
        operand.kind === 'unary' ||
        (operand.kind === 'literal' && typeof operand.value === 'number');
      return unary(node.operator, wrap ? group(operand) : operand);
    }
    case 'infix': {
      const operator = infixOperatorFor(node.operator);
      const operands = node.operands.map((operand, position) => {
        const inner = parenthesize(operand);
        return operator && needsBrackets(operator, inner, position) ? group(inner) : inner;
      });
      return infix(node.operator, operands);
    }
  }
}

function needsBrackets(parent: InfixOperator, child: FormulaNode, position: number): boolean {
  if (child.kind !== 'infix') return false;
  const operator = infixOperatorFor(child.operator);
  if (!operator) return true;
  if (parent.comparison && operator.comparison) return true;
  if (operator.precedence !== parent.precedence) return operator.precedence < parent.precedence;
  // Same level: operations associate to the left, and a chain would absorb its own operator.
  return position > 0 || (parent.flattens && child.operator === parent.op);
}

/** Formats a number so the lexer reads back the same number (also −0). */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * Quotes a text: `"` is doubled as in Excel; a backslash is doubled only where the lexer
 * would otherwise read it as an escape (before `"` or `\`, or at the end).
 */
export function quoteText(text: string): string {
  let quoted = '"';
  const chars = Array.from(text);
  chars.forEach((char, i) => {
    const next = chars[i + 1];
    if (char === '"') quoted += '""';
    else if (char === '\\' && (next === undefined || next === '"' || next === '\\'))
      quoted += '\\\\';
    else quoted += char;
  });
  return `${quoted}"`;
}

function formatSegment(segment: NameSegment): string {
  if (!segment.bracketed) return segment.text;
  let text = '';
  for (const char of segment.text) text += NAME_CLOSERS.has(char) ? char + char : char;
  return `[${text}]`;
}

/** Formats a name: bare segments as written, others in brackets, joined by dots. */
export function formatName(segments: readonly NameSegment[]): string {
  return segments.map(formatSegment).join('.');
}

/**
 * Writes a tree as text in the one stable layout: spaces around infix operators, `, `
 * between arguments, no other spaces. Brackets come only from group nodes.
 */
export function render(node: FormulaNode): string {
  switch (node.kind) {
    case 'literal':
      if (node.value === null) return 'NULL';
      if (typeof node.value === 'boolean') return node.value ? 'TRUE' : 'FALSE';
      return typeof node.value === 'number' ? formatNumber(node.value) : quoteText(node.value);
    case 'name':
      return formatName(node.segments);
    case 'group':
      return `(${render(node.inner)})`;
    case 'array':
      return `{${node.items.map(render).join(', ')}}`;
    case 'call':
      return `${node.name}(${node.args.map(render).join(', ')})`;
    case 'unary':
      return node.operator + render(node.operand);
    case 'infix':
      return renderInfix(node);
  }
}

function renderInfix(node: InfixNode): string {
  const symbol = infixOperatorFor(node.operator)?.symbol ?? node.operator;
  return node.operands.map(render).join(` ${symbol} `);
}
