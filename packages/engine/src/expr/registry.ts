import { RuleloomError } from '../diagnostics/errors.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { collectionOperators } from './domain/collections.js';
import { dateOperators } from './domain/dates.js';
import { eager } from './domain/eager.js';
import { geoOperators } from './domain/geo.js';
import { moneyOperators } from './domain/money.js';
import { textOperators } from './domain/text.js';
import { arithmeticOperators } from './operators/arithmetic.js';
import { arrayOperators } from './operators/arrays.js';
import { compareOperators } from './operators/compare.js';
import { compileMissing, compileMissingSome, compileVar } from './operators/data.js';
import { logicOperators } from './operators/logic.js';
import type { OperatorSpec, OperatorTable } from './operators/spec.js';
import { stringOperators } from './operators/strings.js';
import type { EvaluationContext } from './types.js';
import type { ValueType } from './valueTypes.js';
import { FORBIDDEN_SEGMENTS } from './values.js';

/** The operators of JsonLogic, with json-logic-js 2.x semantics. */
export const jsonLogicOperators: OperatorTable = {
  var: { compileSelf: compileVar },
  missing: { compileSelf: compileMissing },
  missing_some: { compileSelf: compileMissingSome },
  ...logicOperators,
  ...compareOperators,
  ...arithmeticOperators,
  ...arrayOperators,
  ...stringOperators,
};

/** ruleloom's domain operators: money, dates, text, collections, geo. */
export const domainOperators: OperatorTable = {
  ...moneyOperators,
  ...dateOperators,
  ...textOperators,
  ...collectionOperators,
  ...geoOperators,
};

/** Every built-in operator. */
export const builtinOperators: OperatorTable = Object.freeze({
  ...jsonLogicOperators,
  ...domainOperators,
});

/**
 * Operator names refused whatever the registry says: `method` would call functions on data,
 * and the prototype names could reach into JavaScript objects.
 */
export const forbiddenOperators: ReadonlySet<string> = new Set(['method', ...FORBIDDEN_SEGMENTS]);

/** An operator an embedding app adds. It receives evaluated arguments and must be pure. */
export interface CustomOperator {
  /** Computes the result from the evaluated arguments and the evaluation context. */
  readonly evaluate: (args: readonly unknown[], context: EvaluationContext) => unknown;
  /** Fewest and most arguments, checked at compile time. */
  readonly arity?: readonly [min: number, max: number];
  /** The result type, for the type checker (default `any`). */
  readonly result?: ValueType;
  /** What it does, for the designer's completion. */
  readonly description?: LocalizedText;
}

const OPERATOR_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * The operators one compile can use: the built-ins plus the embedding app's own.
 *
 * @example
 * const operators = new OperatorRegistry().register('credit_limit', {
 *   evaluate: ([grade]) => (grade === 'A' ? 500000 : 100000),
 *   arity: [1, 1],
 *   result: 'number',
 * });
 * compileExpression({ '>': [{ var: 'amount' }, { credit_limit: [{ var: 'grade' }] }] }, { operators });
 */
export class OperatorRegistry {
  readonly #custom = new Map<string, OperatorSpec>();
  readonly #descriptions = new Map<string, CustomOperator>();

  /** Adds an operator. Throws RL2010 for a built-in or forbidden name or a non-function. */
  register(name: string, operator: CustomOperator): this {
    const fail = (detail: string): never => {
      throw new RuleloomError('RL2010', { operator: name, detail });
    };
    if (typeof name !== 'string' || !OPERATOR_NAME.test(name))
      fail('names are letters, digits and _');
    if (Object.prototype.hasOwnProperty.call(builtinOperators, name))
      fail('a built-in operator has this name');
    if (forbiddenOperators.has(name)) fail('this name is reserved');
    if (typeof operator?.evaluate !== 'function') fail('evaluate must be a function');
    const impl = operator.evaluate;
    this.#custom.set(name, {
      ...(operator.arity ? { arity: operator.arity } : {}),
      result: operator.result ?? 'any',
      build: eager((args, evaluation) => impl(args, evaluation.context)),
    });
    this.#descriptions.set(name, operator);
    return this;
  }

  /** The spec of an operator, built-in or custom; `undefined` when unknown. */
  lookup(name: string): OperatorSpec | undefined {
    if (Object.prototype.hasOwnProperty.call(builtinOperators, name)) return builtinOperators[name];
    return this.#custom.get(name);
  }

  /** Names of the custom operators. */
  customNames(): string[] {
    return [...this.#custom.keys()];
  }
}

/** The registry used when a compile names none: the built-ins only. */
export const defaultRegistry = new OperatorRegistry();

/** Names of every built-in operator, for completion and docs. */
export const builtinOperatorNames: readonly string[] = Object.freeze(Object.keys(builtinOperators));
