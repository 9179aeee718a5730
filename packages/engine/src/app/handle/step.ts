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
  TraceEntry,
} from '../types.js';

/** The result of one event, not yet applied to the state. */
export interface EventStep {
  readonly outcome: HandleOutcome;
  /** The record after the event; absent when it did not change. */
  readonly record?: RecordState;
  /** True when `record` is new (a `record.create`). */
  readonly created?: boolean;
  readonly effects: readonly Effect[];
  readonly trace: readonly TraceEntry[];
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
