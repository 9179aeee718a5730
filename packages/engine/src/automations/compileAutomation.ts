/**
 * Compiling one automation file: every reference checked against the app (entity, fields,
 * pipelines, stages, roles, placeholders), every expression type-checked against the
 * entity, and the result ready to run.
 */
import type { Action, AutomationDefinition } from '@ruleloom/schemas';
import type { AppIndex, CompiledAutomation, DefinitionFile } from '../app/parts.js';
import { compileAction, type CompiledAction } from './actions/index.js';
import { checkCondition } from './checkCondition.js';
import { createCompileEnv } from './compileEnv.js';
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
  const actions: (CompiledAction | undefined)[] = (
    Array.isArray(definition.actions) ? definition.actions : []
  ).map((action: Action, i) =>
    isPlainObject(action) ? compileAction(action, `/actions/${i}`, env) : undefined,
  );
  if (env.hasErrors() || actions.length === 0 || actions.some((action) => !action)) {
    return undefined;
  }
  const ready = actions as CompiledAction[];
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
  };
}
