/**
 * What runs an automation needs and gives back: the events automations react to, the
 * context of one run, the verdict of a condition and the plan of the actions.
 */
import type { Actor, DirectoryUser, Effect, Instant, RecordState } from '../app/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { TraceNode } from '../expr/types.js';

/**
 * Something that happened to a record, as automation triggers see it. `app.handle` turns a
 * caller's command (`record.update`, `stage.move`, …) into these, and a cascade adds
 * `record.updated` for the fields the previous round changed.
 */
export type AutomationEvent =
  | { readonly type: 'record.created' }
  | {
      readonly type: 'record.updated';
      /** Field ids whose values differ (deep comparison), in the entity's field order. */
      readonly changedFields: readonly string[];
    }
  | {
      readonly type: 'stage.entered' | 'stage.left';
      readonly pipeline: string;
      readonly stage: string;
    }
  | {
      readonly type: 'approval.decided';
      readonly pipeline: string;
      readonly approval: string;
      readonly decision: 'approved' | 'rejected';
    }
  | {
      /** A timer definition of the record fired (its own actions ran first). */
      readonly type: 'timer';
      readonly timer: string;
    };

/** The context of one firing of an automation: outside facts, never a clock. */
export interface AutomationRunContext {
  /** When the event happens (already resolved to epoch ms). */
  readonly now: Instant;
  readonly actor?: Actor;
  /** The directory that role, manager and label look-ups go through. */
  readonly users: readonly DirectoryUser[];
  /**
   * Tells this firing apart from every other one (the record version, the cascade round and
   * the firing's place in it): task ids are built from it so they are stable across replays.
   */
  readonly firing: string;
}

/** Whether an automation's condition holds for a record, and why. */
export interface ConditionCheck {
  /** True when the condition is true (or there is none); false on an error as well. */
  readonly holds: boolean;
  /** The evaluated expression (empty without a condition). */
  readonly trace: readonly TraceNode[];
  /** Set when the condition could not be evaluated (its value is then not trusted). */
  readonly error?: Diagnostic;
}

/**
 * What an automation's actions do: the record as they leave it and the effects they ask
 * for, or the failure that stopped them (then none of them applies: actions are all or
 * nothing, so a half-run automation never leaves a record in between).
 */
export type ActionPlan =
  | {
      readonly ok: true;
      readonly record: RecordState;
      readonly effects: readonly Effect[];
    }
  | {
      readonly ok: false;
      /** Index of the action that failed. */
      readonly action: number;
      readonly error: Diagnostic;
    };
