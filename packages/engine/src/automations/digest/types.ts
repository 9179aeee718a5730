/**
 * What a scheduled automation's digests are made of once compiled, and what running them
 * gives back. A digest is not a per-record action: it reads every record of the entity at
 * once, so it has its own shape beside `CompiledAction`.
 */
import type { Action } from '@ruleloom/schemas';
import type { CompiledEntity } from '../../app/parts.js';
import type {
  DigestTrace,
  DirectoryUser,
  Effect,
  Instant,
  RecordState,
  TraceEntry,
} from '../../app/types.js';
import type { CompiledExpression } from '../../expr/compile.js';

/** A `digest` action as the schema gives it. */
export type DigestAction = Extract<Action, { type: 'digest' }>;

/** A checked digest, ready to run. */
export interface CompiledDigest {
  /** The action's index in the automation (effect source, trace, pointers). */
  readonly index: number;
  readonly action: DigestAction;
  readonly filter: CompiledExpression | undefined;
  readonly rank: CompiledExpression | undefined;
}

/** What running a schedule needs besides the records: outside facts, never a clock. */
export interface ScheduleContext {
  readonly now: Instant;
  readonly users: readonly DirectoryUser[];
}

/** What the digests of one automation share when they run. */
export interface DigestSetting {
  readonly automation: string;
  readonly file: string;
  readonly entity: CompiledEntity | undefined;
  readonly zone: string;
}

/** A record a digest selected, with its rank when the digest ranks. */
export interface RankedRecord {
  readonly record: RecordState;
  readonly rank?: number;
}

/** What one digest gives: its messages, its part of the trace, and the records it left out. */
export interface DigestRun {
  readonly effects: readonly Effect[];
  readonly trace: DigestTrace;
  /** One `automation` error entry per record whose filter or rank could not be evaluated. */
  readonly errors: readonly TraceEntry[];
}

/** What a `schedule.due` gives back: the messages, and the trace (summary first). */
export interface ScheduleRun {
  readonly effects: readonly Effect[];
  readonly trace: readonly TraceEntry[];
}
