import type { Evaluation } from '../limits.js';
import type { Evaluator, OperationSite } from '../operators/spec.js';

/** The implementation of an operator that takes its arguments already evaluated. */
export type EagerImpl = (
  args: readonly unknown[],
  evaluation: Evaluation,
  site: OperationSite,
) => unknown;

/** Builds an evaluator that evaluates every argument, then calls `impl`. */
export function eager(impl: EagerImpl) {
  return (args: readonly Evaluator[], site: OperationSite): Evaluator => {
    const [a, b] = args;
    if (args.length === 0) return (_d, e) => impl([], e, site);
    if (args.length === 1 && a) return (d, e) => impl([a(d, e)], e, site);
    if (args.length === 2 && a && b) return (d, e) => impl([a(d, e), b(d, e)], e, site);
    return (d, e) =>
      impl(
        args.map((arg) => arg(d, e)),
        e,
        site,
      );
  };
}
