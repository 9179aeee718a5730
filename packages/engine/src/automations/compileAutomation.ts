/**
 * Compiling one automation file: every reference checked against the app (entity, fields,
 * pipelines, stages, roles, placeholders), every expression type-checked against the
 * entity, and the result ready to run.
 */
import type { Action, AutomationDefinition } from '@ruleloom/schemas';
import type { AppIndex, CompiledAutomation, DefinitionFile } from '../app/parts.js';
import { compileAction, type CompiledAction } from './actions/index.js';
import { checkCondition } from './checkCondition.js';
import { createCompileEnv, type AutomationCompileEnv } from './compileEnv.js';
import { compileDigest } from './digest/compileDigest.js';
import { runSchedule } from './digest/runSchedule.js';
import type { CompiledDigest } from './digest/types.js';
import { planActions } from './planActions.js';
import { checkTrigger } from './triggers.js';
import { isPlainObject } from './recordValues.js';
import { fieldsAffected } from './writes.js';

/**
 * Compiles an automation against the app. Diagnostics (RL53xx, and RL2xxx for its
 * expressions) go to `index.report`, located by file and JSON pointer; the result is
 * undefined when any of them is an error. Never throws.
 *
 * @example
 * const automation = compileAutomation(
 *   { file: 'automations/whitepaper-lead.json', definition: whitepaperLead },
 *   index,
 * );
 * automation?.writes; // Set { 'tags' } when lead declares a tags field
 */
export function compileAutomation(
  file: DefinitionFile<AutomationDefinition>,
  index: AppIndex,
): CompiledAutomation | undefined {
  const { definition } = file;
  // The schema check comes first (compileApp skips files that fail it); this only keeps a
  // caller who skipped it from a crash.
  if (
    !isPlainObject(definition) ||
    typeof definition.id !== 'string' ||
    !isPlainObject(definition.trigger)
  ) {
    return undefined;
  }
  const env = createCompileEnv(file, index);
  if (env.entityId !== '' && !env.entity) {
    env.report('RL5301', '/entity', {
      entity: env.entityId,
      known: [...index.entities.keys()].join(', ') || '-',
    });
  }
  checkTrigger(definition.trigger, '/trigger', env);
  const condition =
    definition.condition === undefined
      ? undefined
      : env.expression(definition.condition, '/condition');
  const actions = compileActions(definition, env);
  if (env.hasErrors() || !actions) return undefined;
  const ready = actions.filter((action): action is CompiledAction => 'run' in action);
  const digests = actions.filter((action): action is CompiledDigest => 'index' in action);
  const setting = {
    automation: definition.id,
    file: file.file,
    entity: env.entity,
    zone: index.zone,
  };
  return {
    id: definition.id,
    entity: env.entityId,
    file: file.file,
    definition,
    writes: fieldsAffected(
      ready.flatMap((action) => action.writes),
      env.entity,
    ),
    checkCondition: (record, ctx) => checkCondition(condition, record, ctx, setting),
    planActions: (record, ctx) => planActions(ready, record, ctx, setting),
    ...(definition.trigger.type === 'schedule'
      ? {
          runSchedule: (records, ctx) =>
            runSchedule(condition, digests, records, ctx, { ...setting, entityId: env.entityId }),
        }
      : {}),
  };
}

/**
 * The automation's actions, checked. A schedule has no record of its own, so it takes
 * digests only (RL5321) and they need the entity whose records they list (RL5322); a digest
 * anywhere else is RL5320. Undefined when any action cannot run.
 */
function compileActions(
  definition: AutomationDefinition,
  env: AutomationCompileEnv,
): (CompiledAction | CompiledDigest)[] | undefined {
  const list: unknown[] = Array.isArray(definition.actions) ? definition.actions : [];
  const scheduled = definition.trigger.type === 'schedule';
  // Said once for the automation; its digests are then not checked (every field would be
  // unknown without an entity, which adds noise, not help).
  const orphan =
    scheduled && env.entityId === '' && list.some((a) => isPlainObject(a) && a.type === 'digest');
  if (orphan) env.report('RL5322', '');
  const compiled = list.map((action, i) => {
    if (!isPlainObject(action)) return undefined;
    const pointer = `/actions/${i}`;
    const typed = action as Action;
    if (typed.type === 'digest') {
      if (scheduled) return orphan ? undefined : compileDigest(typed, pointer, i, env);
      env.report('RL5320', `${pointer}/type`, { trigger: String(definition.trigger.type) });
      return undefined;
    }
    if (scheduled) {
      env.report('RL5321', `${pointer}/type`, { type: String(typed.type) });
      return undefined;
    }
    return compileAction(typed, pointer, env);
  });
  return compiled.length > 0 && compiled.every((action) => action !== undefined)
    ? (compiled as (CompiledAction | CompiledDigest)[])
    : undefined;
}
