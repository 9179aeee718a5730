import { MAX_TRACE_NODES, type TraceFrame } from './limits.js';
import type { Evaluator, OperationSite } from './operators/spec.js';

/**
 * Wraps an operation's evaluator so that, when the evaluation records a trace, the
 * operation adds its frame under the current one and the operations it evaluates nest
 * below it. Only operations actually evaluated appear, so an `if` shows the branch taken.
 */
export function traced(fn: Evaluator, site: OperationSite): Evaluator {
  return (data, evaluation) => {
    const parent = evaluation.trace;
    if (!parent || evaluation.traceCount >= MAX_TRACE_NODES) return fn(data, evaluation);
    evaluation.traceCount++;
    const frame: TraceFrame = {
      operator: site.operator,
      pointer: site.pointer,
      value: undefined,
      children: [],
    };
    parent.children.push(frame);
    evaluation.trace = frame;
    try {
      frame.value = fn(data, evaluation);
      return frame.value;
    } finally {
      evaluation.trace = parent;
    }
  };
}
