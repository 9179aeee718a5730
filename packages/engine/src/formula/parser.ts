import { isKeyword } from './characters.js';
import { infixOperatorForToken, type InfixOperator } from './functionTable.js';
import { FormulaSyntaxError, Lexer, type Token } from './lexer.js';
import {
  MAX_FORMULA_DEPTH,
  array,
  call,
  group,
  infix,
  literal,
  name,
  unary,
  type FormulaNode,
} from './syntax.js';

const CLOSING: Readonly<Record<string, string>> = { ')': '(', '}': '{' };

/** How a token reads in a message: its text, as typed. */
function tokenText(token: Token): string {
  switch (token.type) {
    case 'number':
      return String(token.value);
    case 'string':
      return `"${token.value}"`;
    case 'name':
      return token.segments.map((s) => (s.bracketed ? `[${s.text}]` : s.text)).join('.');
    case 'punct':
    case 'operator':
      return token.text;
    case 'eof':
      return '';
  }
}

/**
 * Reads formula text into a syntax tree by precedence climbing. Syntax errors stop it at
 * the first problem (thrown as {@link FormulaSyntaxError}); what names mean is decided later.
 * Nesting is bounded by {@link MAX_FORMULA_DEPTH}, so recursion stays shallow on any input.
 */
export class FormulaParser {
  readonly #lexer: Lexer;
  #token: Token;
  #previousEnd = 0;
  #nesting = 0;

  constructor(text: string) {
    this.#lexer = new Lexer(text);
    this.#token = this.#lexer.next();
  }

  /** Parses the whole text. */
  parse(): FormulaNode {
    // A leading `=` is how Excel formulas start; accept it so pasted formulas work.
    if (this.#token.type === 'operator' && this.#token.text === '=') this.#advance();
    if (this.#token.type === 'eof') {
      throw new FormulaSyntaxError('RL4013', 1, { column: 1 });
    }
    const node = this.#expression(1);
    // Read through a method: TypeScript would keep the narrowing from before the call.
    const token = this.#current();
    if (token.type === 'eof') return node;
    if (token.type === 'punct' && token.text in CLOSING) {
      throw this.#error('RL4004', token, { close: token.text, open: CLOSING[token.text] ?? '' });
    }
    if (token.type === 'punct' && token.text === ',') throw this.#error('RL4001', token);
    throw this.#error('RL4015', token);
  }

  #current(): Token {
    return this.#token;
  }

  #advance(): Token {
    const token = this.#token;
    this.#previousEnd = token.end;
    this.#token = this.#lexer.next();
    return token;
  }

  #error(code: 'RL4001' | 'RL4004' | 'RL4015', token: Token, params: Record<string, string> = {}) {
    return new FormulaSyntaxError(code, token.column, {
      column: token.column,
      found: tokenText(token),
      ...params,
    });
  }

  #enter(token: Token): void {
    if (++this.#nesting > MAX_FORMULA_DEPTH) this.#tooDeep(token.column);
  }

  #tooDeep(column: number): never {
    throw new FormulaSyntaxError('RL4009', column, { column, limit: MAX_FORMULA_DEPTH });
  }

  // Every open bracket or operator is an ancestor of a value inside it, so a value under
  // MAX_FORMULA_DEPTH of them is too deep: report it there, where the limit is crossed.
  #leaf<T extends FormulaNode>(node: T): T {
    if (this.#nesting + node.depth > MAX_FORMULA_DEPTH) this.#tooDeep(node.column);
    return node;
  }

  #checked<T extends FormulaNode>(node: T, column: number): T {
    if (node.depth > MAX_FORMULA_DEPTH) this.#tooDeep(column);
    return node;
  }

  #infixAhead(minPrecedence: number): InfixOperator | undefined {
    const token = this.#token;
    if (token.type !== 'operator') return undefined;
    const operator = infixOperatorForToken(token.text);
    return operator && operator.precedence >= minPrecedence ? operator : undefined;
  }

  #expression(minPrecedence: number): FormulaNode {
    let left = this.#unary();
    for (;;) {
      const operator = this.#infixAhead(minPrecedence);
      if (!operator) return left;
      const token = this.#advance();
      const operands = [left, this.#expression(operator.precedence + 1)];
      // Same-operator chains stay one operation: a + b + c, and the between-form a < b < c.
      for (;;) {
        const next = this.#infixAhead(minPrecedence);
        if (next !== operator || operands.length >= operator.maxOperands) break;
        this.#advance();
        operands.push(this.#expression(operator.precedence + 1));
      }
      left = this.#checked(infix(operator.op, operands, token.column), token.column);
      const after = this.#infixAhead(minPrecedence);
      if (operator.comparison && after?.comparison) {
        throw new FormulaSyntaxError('RL4012', this.#token.column, { column: this.#token.column });
      }
    }
  }

  #unary(): FormulaNode {
    const token = this.#token;
    if (token.type !== 'operator' || (token.text !== '-' && token.text !== '+')) {
      return this.#primary();
    }
    this.#advance();
    const operand = this.#token;
    // `-5` is the number −5; `-(5)` and `-x` are the operation.
    if (token.text === '-' && operand.type === 'number') {
      this.#advance();
      return this.#leaf(literal(-operand.value, token.column));
    }
    this.#enter(token);
    // The operand is another unary or a primary: unary binds tighter than any infix operator
    // (UNARY_PRECEDENCE), as in Excel, so -a * b is (-a) * b.
    const node = unary(token.text, this.#unary(), token.column);
    this.#nesting--;
    return this.#checked(node, token.column);
  }

  #primary(): FormulaNode {
    const token = this.#token;
    switch (token.type) {
      case 'number':
      case 'string':
        this.#advance();
        return this.#leaf(literal(token.value, token.column));
      case 'name':
        return this.#nameOrCall(token);
      case 'punct':
        if (token.text === '(') return this.#group(token);
        if (token.text === '{') return this.#array(token);
        throw this.#error('RL4001', token);
      case 'operator':
        throw this.#error('RL4001', token);
      case 'eof':
        throw new FormulaSyntaxError('RL4014', this.#previousEnd + 1, {
          column: this.#previousEnd + 1,
        });
    }
  }

  #nameOrCall(token: Token & { type: 'name' }): FormulaNode {
    this.#advance();
    const [first] = token.segments;
    const bare = token.segments.length === 1 && first !== undefined && !first.bracketed;
    if (this.#token.type === 'punct' && this.#token.text === '(' && first && !first.bracketed) {
      // `a.b(` is a call too: the function table reports the unknown name.
      const callee = token.segments.map((s) => s.text).join('.');
      const args = this.#list(this.#advance(), ')');
      return this.#checked(call(callee, args, token.column), token.column);
    }
    if (bare && isKeyword(first.text)) {
      const word = first.text.toUpperCase();
      return this.#leaf(literal(word === 'NULL' ? null : word === 'TRUE', token.column));
    }
    return this.#leaf(name(token.segments, token.column));
  }

  #group(open: Token): FormulaNode {
    this.#advance();
    this.#enter(open);
    const inner = this.#expression(1);
    this.#close(open, ')');
    this.#nesting--;
    return this.#checked(group(inner, open.column), open.column);
  }

  #array(open: Token): FormulaNode {
    const items = this.#list(this.#advance(), '}');
    return this.#checked(array(items, open.column), open.column);
  }

  // Comma-separated expressions after an opening bracket, up to the closing one.
  #list(open: Token, close: ')' | '}'): FormulaNode[] {
    this.#enter(open);
    const items: FormulaNode[] = [];
    if (this.#token.type === 'punct' && this.#token.text === close) {
      this.#advance();
    } else {
      for (;;) {
        items.push(this.#expression(1));
        if (this.#token.type === 'punct' && this.#token.text === ',') {
          this.#advance();
          continue;
        }
        this.#close(open, close);
        break;
      }
    }
    this.#nesting--;
    return items;
  }

  #close(open: Token, close: ')' | '}'): void {
    const token = this.#token;
    if (token.type === 'punct' && token.text === close) {
      this.#advance();
      return;
    }
    const missing = token.type === 'eof' || (token.type === 'punct' && token.text in CLOSING);
    if (missing) {
      // Report the place right after the last token, where the bracket belongs.
      const column = token.type === 'eof' ? this.#previousEnd + 1 : token.column;
      throw new FormulaSyntaxError('RL4003', column, {
        column,
        close,
        open: CLOSING[close] ?? '',
        openColumn: open.column,
      });
    }
    if (token.type === 'punct' && token.text === ',') throw this.#error('RL4001', token);
    throw this.#error('RL4015', token);
  }
}
