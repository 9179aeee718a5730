import type { FieldType } from '@ruleloom/schemas';

/** A JsonLogic rule: any JSON value; objects with one key are operations. */
export type JsonLogic = unknown;

/** Field types of the definition language: the entity schema's own type, so they cannot drift. */
export type { FieldType };

/** What the type checker and the formula parser know of one field. */
export interface FieldInfo {
  /** Stable id, used in `{"var": id}` (may be a dotted path for nested data). */
  readonly id: string;
  readonly type: FieldType;
  /** Display label(s): formula text may name the field by any of them. */
  readonly label?: string | Readonly<Partial<Record<'zh-CN' | 'en', string>>>;
}

/** Upper bounds that keep a hostile rule from hanging or overflowing the stack. */
export interface ExpressionLimits {
  /** Deepest nesting of operations accepted at compile time. Default 64. */
  readonly maxDepth: number;
  /** Most nodes in one expression. Default 10,000. */
  readonly maxNodes: number;
  /** Most operation steps in one evaluation (loops count each item). Default 1,000,000. */
  readonly maxSteps: number;
  /** Longest string or array an operation may build. Default 1,000,000. */
  readonly maxResultSize: number;
}

/** What `evaluate` receives besides the data. */
export interface EvaluationContext {
  /** The current instant, as UTC epoch milliseconds or an ISO 8601 string. Required by `now`, `age`, … */
  readonly now?: number | string;
  /** IANA zone used by date operators that need a calendar day. Default `Asia/Shanghai`. */
  readonly zone?: string;
  /** Anything else an embedding app's custom operators want (the acting user, outside facts). */
  readonly [key: string]: unknown;
}

/**
 * One evaluated operation in an explanation: which operator at which place in the rule
 * produced which value, and the operations it evaluated to get there (branches that were
 * not taken are absent).
 */
export interface TraceNode {
  readonly operator: string;
  /** JSON pointer of the operation inside its definition file. */
  readonly pointer: string;
  readonly value: unknown;
  readonly children: readonly TraceNode[];
}
