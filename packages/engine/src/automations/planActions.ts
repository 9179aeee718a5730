/**
 * Running an automation's actions: in order, on one immer draft of the record, so each
 * action sees what the earlier ones did and a failure drops them all.
 */
import { current, isDraft, produce, type Draft } from 'immer';
import type { CompiledEntity } from '../app/parts.js';
import type { Effect, RecordState } from '../app/types.js';
import { FORBIDDEN_SEGMENTS } from '../expr/values.js';
import type { ActionEnv, CompiledAction } from './actions/index.js';
import { errorDiagnostic } from './failures.js';
import { cloneJson, isPlainObject, jsonEqual } from './recordValues.js';
import type { ActionPlan, AutomationRunContext } from './types.js';

/** What the actions of one automation share, fixed when it compiled. */
export interface PlanSetting {
  readonly automation: string;
  readonly file: string;
  readonly entity: CompiledEntity | undefined;
  readonly zone: string;
}

function plain<T>(value: T): T {
  return isDraft(value) ? (current(value as Draft<T>) as T) : value;
}

/** Brings computed fields up to date after an action changed values. */
function recompute(draft: Draft<RecordState>, entity: CompiledEntity, now: number): void {
  const values = plain(draft.values);
  const next = entity.withComputed(values, now);
  for (const key of Object.keys(next)) {
    if (FORBIDDEN_SEGMENTS.has(key) || jsonEqual(values[key], next[key])) continue;
    draft.values[key] = cloneJson(next[key]);
  }
}

/**
 * The record after the actions and the effects they emit, or the failure of the first
 * action that failed (then no change and no effect applies).
 *
 * @example
 * planActions(actions, record, { now, users, firing: '3.0.0' }, setting);
 * // { ok: true, record: { …, tags: ['官网-白皮书下载'] }, effects: [{ type: 'notify', … }] }
 */
export function planActions(
  actions: readonly CompiledAction[],
  record: RecordState,
  ctx: AutomationRunContext,
  setting: PlanSetting,
): ActionPlan {
  const effects: Effect[] = [];
  let index = 0;
  try {
    const next = produce(record, (draft) => {
      for (index = 0; index < actions.length; index++) {
        const action = actions[index] as CompiledAction;
        const env: ActionEnv = {
          entity: setting.entity,
          users: ctx.users,
          zone: setting.zone,
          now: ctx.now,
          evaluation: { now: ctx.now, zone: setting.zone },
          source: { automation: setting.automation, action: index },
          firing: ctx.firing,
          snapshot: () => plain(draft) as RecordState,
          emit: (effect) => effects.push(effect),
        };
        action.run(draft, env);
        if (action.writes.length > 0 && setting.entity && isPlainObject(plain(draft.values))) {
          recompute(draft, setting.entity, ctx.now);
        }
      }
    });
    return { ok: true, record: next, effects };
  } catch (error) {
    return {
      ok: false,
      action: index,
      error: errorDiagnostic(error, setting.file, {
        automation: setting.automation,
        action: index,
        pointer: `/actions/${index}`,
      }),
    };
  }
}
