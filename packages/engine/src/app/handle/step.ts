/**
 * What handling one event comes to before it is committed to the state: the outcome, the
 * record as it is afterwards (when it changed), the effects and the trace.
 */
import type { DiagnosticCode } from '../../diagnostics/catalogue/index.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticParams } from '../../diagnostics/types.js';
import type {
  Effect,
  FieldError,
  GateResult,
  HandleOutcome,
  RecordState,
  TimerState,
  TraceEntry,
} from '../types.js';
import type { AutomationEvent } from '../../automations/types.js';

/** The result of one event, not yet applied to the state. */
export interface EventStep {
  readonly outcome: HandleOutcome;
  /** The record after the event; absent when it did not change. */
  readonly record?: RecordState;
  /** True when `record` is new (a `record.create`). */
  readonly created?: boolean;
  readonly effects: readonly Effect[];
  readonly trace: readonly TraceEntry[];
  /**
   * What happened to records, for the timers to start and cancel on: each record's events of
   * every cascade round, and its state afterwards.
   */
  readonly happened?: readonly Happening[];
  /** Further records the event changed (a recurring timer that runs for many records). */
  readonly more?: readonly { readonly record: RecordState; readonly created: boolean }[];
  /** Timer instances to set (by id) or to remove (`null`), applied with the records. */
  readonly timers?: Readonly<Record<string, TimerState | null>>;
}

/** What happened to one record while an event was handled. */
export interface Happening {
  readonly record: RecordState;
  readonly events: readonly AutomationEvent[];
}

/** Why an event was refused, with what explains it. */
export interface Refusal {
  readonly gate?: GateResult;
  readonly errors?: readonly FieldError[];
  readonly trace?: readonly TraceEntry[];
}

/**
 * An event that changes nothing: the outcome's message comes from the catalogue.
 *
 * @example
 * refuse('not-found', 'RL5340', { record: 'L9' });
 */
export function refuse(
  reason: Extract<HandleOutcome, { ok: false }>['reason'],
  code: DiagnosticCode,
  params: DiagnosticParams,
  refusal: Refusal = {},
): EventStep {
  return {
    outcome: {
      ok: false,
      reason,
      message: createDiagnostic(code, '', params).message,
      ...(refusal.gate ? { gate: refusal.gate } : {}),
      ...(refusal.errors ? { errors: refusal.errors } : {}),
    },
    effects: [],
    trace: refusal.trace ?? [],
  };
}
