import type { Action } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import type { AutomationCompileEnv } from '../compileEnv.js';
import type { CompiledAction } from './types.js';

type AssignAction = Extract<Action, { type: 'assign' }>;
type TimerAction = Extract<Action, { type: 'startTimer' | 'cancelTimer' }>;

/** The routing schema's default `assignField`, used when the action names no field. */
const DEFAULT_ASSIGN_FIELD = 'owner';

/**
 * `assign`: asks for a routing decision (lead routing lands with its own issue, so the
 * engine hands it over as an effect). The field, when named, must be a user field.
 *
 * @example
 * compileAssign({ type: 'assign', routing: 'lead-routing', field: 'owner' }, '/actions/0', env);
 */
export function compileAssign(
  action: AssignAction,
  pointer: string,
  env: AutomationCompileEnv,
): CompiledAction {
  const field = action.field ?? DEFAULT_ASSIGN_FIELD;
  if (action.field !== undefined) {
    const at = appendPointer(pointer, 'field');
    const declared = env.field(action.field, at);
    if (declared && declared.type !== 'user') {
      env.report('RL5308', at, { field: action.field, type: declared.type });
    }
  }
  return {
    writes: [],
    run(draft, run) {
      run.emit({
        type: 'assign',
        recordId: draft.id,
        routing: action.routing,
        field,
        source: run.source,
      });
    },
  };
}

/**
 * `startTimer` / `cancelTimer`: timers are kept by the caller (a virtual clock in the
 * simulator, the runtime's timer table later), so starting one is an effect.
 *
 * @example
 * compileTimer({ type: 'startTimer', timer: 'finance-review-72h' });
 */
export function compileTimer(action: TimerAction): CompiledAction {
  return {
    writes: [],
    run(draft, run) {
      run.emit({ type: action.type, recordId: draft.id, timer: action.timer, source: run.source });
    },
  };
}
