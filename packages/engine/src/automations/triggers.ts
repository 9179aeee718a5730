/**
 * Triggers: the event an automation reacts to. Checked against the entity and its
 * pipelines when compiled; matched against what happened to a record when it runs.
 */
import type { Event } from '@ruleloom/schemas';
import type { CompiledPipeline } from '../app/parts.js';
import { appendPointer } from '../diagnostics/diagnostic.js';
import type { AutomationCompileEnv } from './compileEnv.js';
import type { AutomationEvent } from './types.js';

/** The pipelines of the watched entity, in the index's order. */
function pipelinesOf(env: AutomationCompileEnv): CompiledPipeline[] | undefined {
  const all = env.index.pipelines;
  if (!all || !env.entity) return undefined;
  return [...all.values()].filter((pipeline) => pipeline.entity === env.entityId);
}

/**
 * The pipelines a stage or approval trigger can mean: the named one, or all of the entity's
 * when it names none. Reports a named pipeline the entity does not have.
 */
function triggerPipelines(
  trigger: { readonly pipeline?: string },
  pointer: string,
  env: AutomationCompileEnv,
): CompiledPipeline[] | undefined {
  const pipelines = pipelinesOf(env);
  if (!pipelines) return undefined;
  if (trigger.pipeline === undefined) return pipelines;
  const named = pipelines.find((pipeline) => pipeline.id === trigger.pipeline);
  if (!named) {
    env.report('RL5303', appendPointer(pointer, 'pipeline'), {
      pipeline: trigger.pipeline,
      entity: env.entityId,
    });
    return [];
  }
  return [named];
}

function checkStages(
  trigger: Extract<Event, { type: 'stage.entered' | 'stage.left' }>,
  pointer: string,
  env: AutomationCompileEnv,
): void {
  const pipelines = triggerPipelines(trigger, pointer, env);
  if (!pipelines) return;
  if (trigger.pipeline === undefined) {
    if (pipelines.length === 0) {
      env.report('RL5316', pointer, { entity: env.entityId });
      return;
    }
    if (pipelines.length > 1) {
      env.report('RL5317', pointer, {
        entity: env.entityId,
        known: pipelines.map((pipeline) => pipeline.id).join(', '),
      });
      return;
    }
  }
  const [pipeline] = pipelines;
  if (!pipeline) return;
  const stages = pipeline.definition.stages.map((stage) => stage.id);
  (trigger.stages ?? []).forEach((stage, i) => {
    if (!stages.includes(stage)) {
      env.report('RL5304', appendPointer(appendPointer(pointer, 'stages'), i), {
        stage,
        pipeline: pipeline.id,
        known: stages.join(', '),
      });
    }
  });
}

function checkApproval(
  trigger: Extract<Event, { type: 'approval.decided' }>,
  pointer: string,
  env: AutomationCompileEnv,
): void {
  const pipelines = triggerPipelines(trigger, pointer, env);
  if (!pipelines || trigger.approval === undefined) return;
  const approvals = pipelines.flatMap((pipeline) =>
    (pipeline.definition.transitions ?? []).flatMap((transition) =>
      (transition.approvals ?? []).map((approval) => approval.id),
    ),
  );
  if (pipelines.length > 0 && !approvals.includes(trigger.approval)) {
    env.report('RL5305', appendPointer(pointer, 'approval'), {
      approval: trigger.approval,
      pipeline: pipelines.map((pipeline) => pipeline.id).join(', '),
      known: approvals.join(', ') || '-',
    });
  }
}

/**
 * Reports trigger references that point nowhere: changed fields the entity lacks (RL5302),
 * pipelines, stages and approvals its pipelines do not declare (RL5303–RL5305, RL5316,
 * RL5317). Stage and approval references are checked only when the index has pipelines.
 *
 * @example
 * checkTrigger({ type: 'stage.entered', stages: ['qoute'] }, '/trigger', env); // RL5304
 */
export function checkTrigger(trigger: Event, pointer: string, env: AutomationCompileEnv): void {
  switch (trigger.type) {
    case 'record.updated':
      (trigger.changedFields ?? []).forEach((field, i) =>
        env.field(field, appendPointer(appendPointer(pointer, 'changedFields'), i)),
      );
      return;
    case 'stage.entered':
    case 'stage.left':
      checkStages(trigger, pointer, env);
      return;
    case 'approval.decided':
      checkApproval(trigger, pointer, env);
      return;
    default:
      return;
  }
}

/**
 * The top-level fields a `record.updated` trigger watches; undefined when it watches every
 * field (or is another kind of trigger, which no field change starts).
 *
 * @example
 * watchedFields({ type: 'record.updated', changedFields: ['status', 'customer.grade'] }); // ['status', 'customer']
 */
export function watchedFields(trigger: Event): readonly string[] | undefined {
  if (trigger.type !== 'record.updated' || trigger.changedFields === undefined) return undefined;
  return trigger.changedFields.map((field) => field.split('.')[0] ?? field);
}

/**
 * Does the trigger react to what happened? Stages, pipeline, approval and decision narrow
 * their events when given; `changedFields` needs one of its fields among the changed ones.
 *
 * @example
 * triggerMatches({ type: 'stage.entered', stages: ['quote'] },
 *   { type: 'stage.entered', pipeline: 'opportunity', stage: 'quote' }); // true
 */
export function triggerMatches(trigger: Event, event: AutomationEvent): boolean {
  switch (event.type) {
    case 'record.created':
      return trigger.type === 'record.created';
    case 'record.updated': {
      if (trigger.type !== 'record.updated' || event.changedFields.length === 0) return false;
      const watched = watchedFields(trigger);
      return watched === undefined || watched.some((field) => event.changedFields.includes(field));
    }
    case 'stage.entered':
    case 'stage.left':
      return (
        trigger.type === event.type &&
        (trigger.pipeline === undefined || trigger.pipeline === event.pipeline) &&
        (trigger.stages === undefined || trigger.stages.includes(event.stage))
      );
    case 'approval.decided':
      return (
        trigger.type === 'approval.decided' &&
        (trigger.pipeline === undefined || trigger.pipeline === event.pipeline) &&
        (trigger.approval === undefined || trigger.approval === event.approval) &&
        (trigger.decision === undefined || trigger.decision === event.decision)
      );
    case 'timer':
      return trigger.type === 'timer' && trigger.timer === event.timer;
    default:
      return false;
  }
}
