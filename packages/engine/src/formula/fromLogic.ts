import { appendPointer, createDiagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/catalogue/index.js';
import type { Diagnostic, DiagnosticParams, Locale } from '../diagnostics/types.js';
import { isKeyword, isPlainSegment } from './characters.js';
import { resolveName, type FieldDirectory } from './fields.js';
import {
  describeArity,
  infixOperatorFor,
  printedFunctionFor,
  type FormulaFunction,
} from './functionTable.js';
import {
  MAX_FORMULA_DEPTH,
  array,
  call,
  infix,
  literal,
  name,
  unary,
  type FormulaNode,
  type NameSegment,
} from './syntax.js';
import {
  ACCUMULATOR_WORD,
  ITEM_WORD,
  RECORD_SCOPE,
  REDUCE_ACCUMULATOR,
  REDUCE_ITEM,
  type Scope,
} from './scope.js';

type Operands = readonly unknown[];

/** A segment as the lexer will read it back: bare when it can be, bracketed otherwise. */
function segment(text: string, first: boolean): NameSegment {
  return { text, bracketed: !isPlainSegment(text, first) };
}

// A bare TRUE/FALSE/NULL would read as a literal, so a field of that name is bracketed.
function guardKeyword(segments: NameSegment[]): NameSegment[] {
  const [only] = segments;
  if (segments.length === 1 && only && !only.bracketed && isKeyword(only.text)) {
    return [{ text: only.text, bracketed: true }];
  }
  return segments;
}

/** The segments of a dotted text, or one bracketed segment when a part would be empty. */
function dottedSegments(text: string, startsName: boolean): NameSegment[] {
  const parts = text.split('.');
  if (parts.some((p) => p === '')) return [{ text, bracketed: true }];
  return parts.map((part, i) => segment(part, startsName && i === 0));
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A short, language-neutral rendering of a value for a message. */
function preview(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'object': {
      if (value === null || !isPlainObject(value)) return Object.prototype.toString.call(value);
      const keys = Object.keys(value);
      const shown = keys.slice(0, 3).map((k) => JSON.stringify(k) + ': …');
      return `{${shown.join(', ')}${keys.length > 3 ? ', …' : ''}}`;
    }
    default:
      return typeof value;
  }
}

/**
 * Turns JsonLogic into the syntax tree the parser would build from the printed text,
 * collecting a diagnostic for every part that has no formula-text form. JsonLogic's
 * single-argument shorthand (`{"!": x}`) is read as its array form (`{"!": [x]}`).
 */
export class SyntaxBuilder {
  readonly diagnostics: Diagnostic[] = [];
  #tooDeep = false;

  constructor(
    readonly directory: FieldDirectory | undefined,
    readonly locale: Locale | false,
  ) {}

  /** The tree of `logic`, or undefined when some part cannot be written as text. */
  build(
    logic: unknown,
    pointer = '',
    scope: Scope = RECORD_SCOPE,
    level = 1,
  ): FormulaNode | undefined {
    if (level > MAX_FORMULA_DEPTH) {
      if (!this.#tooDeep) this.#report('RL4023', pointer, { limit: MAX_FORMULA_DEPTH });
      this.#tooDeep = true;
      return undefined;
    }
    if (logic === null || typeof logic === 'boolean' || typeof logic === 'string')
      return literal(logic);
    if (typeof logic === 'number' && Number.isFinite(logic)) return literal(logic);
    if (Array.isArray(logic)) {
      const items = this.#all(logic, (i) => appendPointer(pointer, i), scope, level + 1);
      return items && array(items);
    }
    if (typeof logic === 'object' && isPlainObject(logic)) {
      const keys = Object.keys(logic);
      const [op] = keys;
      if (keys.length === 1 && op !== undefined) {
        return this.#operation(op, (logic as Record<string, unknown>)[op], pointer, scope, level);
      }
    }
    this.#report('RL4022', pointer, { value: preview(logic) });
    return undefined;
  }

  #report(code: DiagnosticCode, pointer: string, params: DiagnosticParams): void {
    this.diagnostics.push(createDiagnostic(code, pointer, params));
  }

  // Builds every element (reporting all problems), or undefined when any failed.
  #all(
    values: Operands,
    pointerOf: (index: number) => string,
    scope: Scope,
    level: number,
  ): FormulaNode[] | undefined {
    const nodes = values.map((value, i) => this.build(value, pointerOf(i), scope, level));
    return nodes.every((n): n is FormulaNode => n !== undefined) ? nodes : undefined;
  }

  #operation(
    op: string,
    value: unknown,
    pointer: string,
    scope: Scope,
    level: number,
  ): FormulaNode | undefined {
    const at = appendPointer(pointer, op);
    if (op === 'var' && typeof value === 'string') return this.#name(value, at, scope);
    const operands: Operands = Array.isArray(value) ? value : [value];
    const pointerOf = (i: number): string => (Array.isArray(value) ? appendPointer(at, i) : at);
    const count = operands.length;
    const operator = infixOperatorFor(op);
    if (operator && count >= 2 && count <= operator.maxOperands) {
      const nodes = this.#all(operands, pointerOf, scope, level + 1);
      return nodes && infix(op, nodes);
    }
    if ((op === '-' || op === '+') && count === 1) {
      const operand = this.build(operands[0], pointerOf(0), scope, level + 1);
      return operand && unary(op, operand);
    }
    const formula = printedFunctionFor(op);
    if (formula && count >= formula.arity[0] && count <= formula.arity[1]) {
      const args = operands.map((arg, i) =>
        this.#argument(formula, arg, i, pointerOf(i), scope, level + 1),
      );
      return args.every((a): a is FormulaNode => a !== undefined)
        ? call(formula.name, args)
        : undefined;
    }
    if (operator || formula) {
      this.#report('RL4021', at, { operator: op, actual: count, expected: this.#forms(op) });
    } else {
      this.#report('RL4020', at, { operator: op });
    }
    return undefined;
  }

  // The argument counts an operator can be written with, for RL4021.
  #forms(op: string): string {
    const ranges: [number, number][] = [];
    const operator = infixOperatorFor(op);
    if (operator) ranges.push([2, operator.maxOperands]);
    if (op === '-' || op === '+') ranges.push([1, 1]);
    const formula = printedFunctionFor(op);
    if (formula) ranges.push([formula.arity[0], formula.arity[1]]);
    return describeArity(
      Math.min(...ranges.map((r) => r[0])),
      Math.max(...ranges.map((r) => r[1])),
    );
  }

  #argument(
    formula: FormulaFunction,
    arg: unknown,
    position: number,
    pointer: string,
    scope: Scope,
    level: number,
  ): FormulaNode | undefined {
    if (formula.body && position === 1) {
      return this.build(arg, pointer, { kind: formula.body, function: formula.name }, level);
    }
    if (formula.names === 'every' || formula.names === position) {
      if (!Array.isArray(arg)) return this.#nameText(arg, pointer, scope, level);
      if (level + 1 > MAX_FORMULA_DEPTH) return this.build(arg, pointer, scope, level);
      const items = arg.map((item, i) =>
        this.#nameText(item, appendPointer(pointer, i), scope, level + 1),
      );
      return items.every((n): n is FormulaNode => n !== undefined) ? array(items) : undefined;
    }
    return this.build(arg, pointer, scope, level);
  }

  // Where a bare name reads back as text (MISSING's arguments): a text that reads back the
  // same is written as a name, any other text as a quoted text.
  #nameText(value: unknown, pointer: string, scope: Scope, level: number): FormulaNode | undefined {
    if (typeof value === 'string') {
      const segments = this.#segmentsFor(value, scope);
      return segments ? name(segments) : literal(value);
    }
    const node = this.build(value, pointer, scope, level);
    if (node?.kind === 'name') {
      const path = (value as { var: string }).var;
      this.#report('RL4025', pointer, { path });
      return undefined;
    }
    return node;
  }

  // A field reference: the name that reads back as `path` where it stands.
  #name(path: string, pointer: string, scope: Scope): FormulaNode | undefined {
    const segments = this.#segmentsFor(path, scope);
    if (segments) return name(segments);
    if (scope.kind === 'record' && path !== '' && this.directory) {
      const idForm = guardKeyword(dottedSegments(path, true));
      if (resolveName(idForm, this.directory).kind === 'unknown') {
        this.#report('RL4024', pointer, { field: path, known: this.directory.describeKnown(path) });
        // Still printable by its id, so the text can be shown with the problem marked.
        return name(idForm);
      }
    }
    this.#report('RL4025', pointer, { path });
    return undefined;
  }

  #segmentsFor(path: string, scope: Scope): NameSegment[] | undefined {
    if (scope.kind === 'record') return this.#recordSegments(path);
    let word: string = ITEM_WORD;
    let inside: string | undefined = path;
    if (scope.kind === 'reduce') {
      // Inside REDUCE the data is {current, accumulator}: only paths under those are nameable.
      inside = undefined;
      for (const [key, text] of [
        [REDUCE_ITEM, ITEM_WORD],
        [REDUCE_ACCUMULATOR, ACCUMULATOR_WORD],
      ] as const) {
        if (path === key) inside = '';
        else if (path.startsWith(`${key}.`) && path.length > key.length + 1) {
          inside = path.slice(key.length + 1);
        } else continue;
        word = text;
      }
      if (inside === undefined) return undefined;
    }
    const head: NameSegment = { text: word, bracketed: false };
    return inside === '' ? [head] : [head, ...dottedSegments(inside, false)];
  }

  // Candidates best first (labels, then ids, each with the path inside the field after it,
  // then the path as written); the first that resolves back to `path` wins.
  #recordSegments(path: string): NameSegment[] | undefined {
    const labelled: NameSegment[][] = [];
    const byId: NameSegment[][] = [];
    const directory = this.directory;
    const parts = path.split('.');
    const longest = Math.min(parts.length, directory?.longestName ?? 0);
    for (let count = longest; directory && count > 0; count--) {
      const head = parts.slice(0, count).join('.');
      const rest = parts.slice(count);
      if (!directory.has(head) || (rest.length > 0 && rest.join('.') === '')) continue;
      const inside = rest.length > 0 ? dottedSegments(rest.join('.'), false) : [];
      for (const label of this.locale ? directory.labelsFor(head, this.locale) : []) {
        // A dotted label bare (客户.等级) if it reads back, else whole in brackets.
        if (label.split('.').every((p, i) => isPlainSegment(p, i === 0))) {
          labelled.push([...dottedSegments(label, true), ...inside]);
        }
        labelled.push([{ text: label, bracketed: true }, ...inside]);
      }
      byId.push([...dottedSegments(head, true), ...inside]);
    }
    const candidates = [...labelled, ...byId];
    if (path !== '') candidates.push(dottedSegments(path, true), [{ text: path, bracketed: true }]);
    return candidates.map(guardKeyword).find((segments) => {
      const resolution = resolveName(segments, directory);
      return resolution.kind === 'found' && resolution.path === path;
    });
  }
}
