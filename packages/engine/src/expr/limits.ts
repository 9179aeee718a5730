import { RuleloomError } from '../diagnostics/errors.js';
import type { EvaluationContext, ExpressionLimits } from './types.js';

/** A trace node being recorded (mutable while the evaluation runs). */
export interface TraceFrame {
  readonly operator: string;
  readonly pointer: string;
  value: unknown;
  readonly children: TraceFrame[];
}

/** Most operations one explanation records; loops over large lists are cut there. */
export const MAX_TRACE_NODES = 10_000;

/** Defaults chosen so a real sales rule never meets them and a hostile one stops quickly. */
export const defaultLimits: ExpressionLimits = Object.freeze({
  maxDepth: 64,
  maxNodes: 10_000,
  maxSteps: 1_000_000,
  maxResultSize: 1_000_000,
});

/**
 * Per-evaluation state: the context and the remaining work budget. Steps are counted where
 * work can grow with the data (each item of a loop, each element a collection operator
 * touches); a rule without loops is bounded by its node count, checked at compile time.
 */
export class Evaluation {
  steps = 0;
  /** The operation being recorded, when the evaluation explains itself. */
  trace: TraceFrame | undefined = undefined;
  traceCount = 0;
  constructor(
    readonly context: EvaluationContext,
    readonly limits: ExpressionLimits,
  ) {}

  /** Charges `count` steps; throws RL3001 when the budget is spent. */
  charge(count: number, pointer: string): void {
    this.steps += count;
    if (this.steps > this.limits.maxSteps) {
      throw new RuleloomError('RL3001', { limit: this.limits.maxSteps }, pointer);
    }
  }

  /** Throws RL3004 when a built string or array is longer than allowed. */
  checkSize(operator: string, size: number, pointer: string): void {
    if (size > this.limits.maxResultSize) {
      throw new RuleloomError(
        'RL3004',
        { operator, size, limit: this.limits.maxResultSize },
        pointer,
      );
    }
  }
}

/** Merges caller limits over the defaults, ignoring values that are not positive numbers. */
export function resolveLimits(partial: Partial<ExpressionLimits> | undefined): ExpressionLimits {
  if (!partial) return defaultLimits;
  const pick = (key: keyof ExpressionLimits): number => {
    const value = partial[key];
    return typeof value === 'number' && value > 0 ? value : defaultLimits[key];
  };
  return {
    maxDepth: pick('maxDepth'),
    maxNodes: pick('maxNodes'),
    maxSteps: pick('maxSteps'),
    maxResultSize: pick('maxResultSize'),
  };
}
