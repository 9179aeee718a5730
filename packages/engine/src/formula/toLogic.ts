import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/catalogue/index.js';
import type { Diagnostic, DiagnosticParams } from '../diagnostics/types.js';
import { resolveName, type FieldDirectory } from './fields.js';
import {
  allFunctionNames,
  describeArity,
  functionKey,
  functionsNamed,
  type FormulaFunction,
} from './functionTable.js';
import {
  ACCUMULATOR_WORD,
  ITEM_WORD,
  RECORD_SCOPE,
  REDUCE_ACCUMULATOR,
  REDUCE_ITEM,
  type Scope,
} from './scope.js';
import { closest } from './similarity.js';
import type { CallNode, FormulaNode, NameNode } from './syntax.js';

const SUGGESTED_FUNCTIONS = 3;

/** Turns a syntax tree into JsonLogic, collecting every naming problem it finds. */
export class LogicBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly directory: FieldDirectory | undefined) {}

  /** The JsonLogic of `node` (a placeholder `null` where a diagnostic was reported). */
  build(node: FormulaNode, scope: Scope = RECORD_SCOPE): unknown {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'group':
        return this.build(node.inner, scope);
      case 'array':
        return node.items.map((item) => this.build(item, scope));
      case 'unary':
        return { [node.operator]: [this.build(node.operand, scope)] };
      case 'infix':
        return { [node.operator]: node.operands.map((operand) => this.build(operand, scope)) };
      case 'name': {
        const path = this.#path(node, scope);
        return path === undefined ? null : { var: path };
      }
      case 'call':
        return this.#call(node, scope);
    }
  }

  #report(code: DiagnosticCode, column: number, params: DiagnosticParams): void {
    this.diagnostics.push(createDiagnostic(code, '', { column, ...params }, { column }));
  }

  // The var path a name stands for, or undefined after reporting why it has none.
  #path(node: NameNode, scope: Scope): string | undefined {
    const written = node.segments.map((s) => (s.bracketed ? `[${s.text}]` : s.text)).join('.');
    if (scope.kind !== 'record') {
      const [head, ...rest] = node.segments;
      const word = head && !head.bracketed ? head.text.toLowerCase() : undefined;
      const inside = rest.map((s) => s.text);
      if (word === ITEM_WORD) {
        return scope.kind === 'reduce' ? [REDUCE_ITEM, ...inside].join('.') : inside.join('.');
      }
      if (word === ACCUMULATOR_WORD && scope.kind === 'reduce') {
        return [REDUCE_ACCUMULATOR, ...inside].join('.');
      }
      this.#report('RL4011', node.column, { field: written, function: scope.function });
      return undefined;
    }
    const resolution = resolveName(node.segments, this.directory);
    switch (resolution.kind) {
      case 'found':
        return resolution.path;
      case 'ambiguous':
        this.#report('RL4008', node.column, {
          field: resolution.label,
          candidates: resolution.ids.join(', '),
        });
        return undefined;
      case 'unknown':
        this.#report('RL4007', node.column, {
          field: written,
          known: this.directory?.describeKnown(written) ?? '—',
        });
        return undefined;
    }
  }

  #call(node: CallNode, scope: Scope): unknown {
    const readings = functionsNamed(node.name);
    const reading = readings.find(
      (f) => node.args.length >= f.arity[0] && node.args.length <= f.arity[1],
    );
    if (!reading) {
      if (readings.length === 0) {
        const suggestions = closest(node.name, allFunctionNames(), SUGGESTED_FUNCTIONS);
        this.#report('RL4005', node.column, {
          function: node.name,
          suggestions: suggestions.join(', '),
        });
      } else {
        const min = Math.min(...readings.map((f) => f.arity[0]));
        const max = Math.max(...readings.map((f) => f.arity[1]));
        this.#report('RL4006', node.column, {
          function: functionKey(node.name),
          expected: describeArity(min, max),
          actual: node.args.length,
        });
      }
      // Still look inside, so one pass reports every unknown field too.
      node.args.forEach((arg) => this.build(arg, scope));
      return null;
    }
    return {
      [reading.op]: node.args.map((arg, position) => this.#argument(reading, arg, position, scope)),
    };
  }

  #argument(reading: FormulaFunction, arg: FormulaNode, position: number, scope: Scope): unknown {
    if (reading.body && position === 1) {
      return this.build(arg, { kind: reading.body, function: functionKey(reading.name) });
    }
    if (reading.names === 'every' || reading.names === position) return this.#names(arg, scope);
    return this.build(arg, scope);
  }

  // At MISSING's arguments a bare name means the field's path as text, also inside a list.
  #names(arg: FormulaNode, scope: Scope): unknown {
    const inner = unwrap(arg);
    if (inner.kind === 'name') return this.#path(inner, scope) ?? null;
    if (inner.kind === 'array') {
      return inner.items.map((item) => {
        const element = unwrap(item);
        return element.kind === 'name'
          ? (this.#path(element, scope) ?? null)
          : this.build(item, scope);
      });
    }
    return this.build(arg, scope);
  }
}

// Brackets around a name or list change nothing: `MISSING((a))` is `MISSING(a)`.
function unwrap(node: FormulaNode): FormulaNode {
  let inner = node;
  while (inner.kind === 'group') inner = inner.inner;
  return inner;
}
