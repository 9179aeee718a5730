/**
 * The shape every compiled action shares: a function that changes a draft of the record
 * (immer) and emits effects, plus the fields it may write.
 */
import type { Draft } from 'immer';
import type { DirectoryUser, Effect, EffectSource, Instant, RecordState } from '../../app/types.js';
import type { EvaluationContext } from '../../expr/types.js';
import type { DisplayEnv } from '../displayValue.js';

/** What an action sees when it runs. */
export interface ActionEnv extends DisplayEnv {
  readonly now: Instant;
  readonly users: readonly DirectoryUser[];
  /** Context for the action's expressions (`now`, `zone`). */
  readonly evaluation: EvaluationContext;
  /** The automation and the action's place in it, for effects and task ids. */
  readonly source: EffectSource & { readonly automation: string; readonly action: number };
  /** See `AutomationRunContext.firing`. */
  readonly firing: string;
  /** The record as the earlier actions left it (a plain copy, safe to read from). */
  snapshot(): RecordState;
  emit(effect: Effect): void;
}

/**
 * Runs one action on a draft of the record. Throws only `RuleloomError` (an expression
 * that cannot be evaluated); the caller then drops the whole draft.
 */
export type ActionRunner = (draft: Draft<RecordState>, env: ActionEnv) => void;

/** A checked action, ready to run. */
export interface CompiledAction {
  readonly run: ActionRunner;
  /** Fields of the record's values it may change (not tags kept on the record, not marks). */
  readonly writes: readonly string[];
}
