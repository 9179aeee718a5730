/** Switching a timer between relative, absolute and recurring, keeping what they share. */
import type { TimerDefinition } from '@ruleloom/schemas';

/** The timer as another kind: its common parts kept, the new kind's required parts added. */
export function changeTimerKind(
  timer: TimerDefinition,
  kind: TimerDefinition['kind'],
  dateField: string | undefined,
): TimerDefinition {
  if (timer.kind === kind) return timer;
  const common = {
    $schema: timer.$schema,
    id: timer.id,
    ...(timer.label === undefined ? {} : { label: timer.label }),
    ...(timer.description === undefined ? {} : { description: timer.description }),
    ...(timer.enabled === undefined ? {} : { enabled: timer.enabled }),
    ...(timer.condition === undefined ? {} : { condition: timer.condition }),
    actions: timer.actions,
    ...(timer.escalation === undefined ? {} : { escalation: timer.escalation }),
  };
  const entity = timer.entity ?? 'record';
  const cancelOn = timer.kind === 'recurring' ? undefined : timer.cancelOn;
  if (kind === 'relative') {
    return {
      ...common,
      kind,
      entity,
      after: '48h',
      start: [{ type: 'record.created' }],
      ...(cancelOn ? { cancelOn } : {}),
    };
  }
  if (kind === 'absolute') {
    return {
      ...common,
      kind,
      entity,
      field: dateField ?? 'dueDate',
      ...(cancelOn ? { cancelOn } : {}),
    };
  }
  return {
    ...common,
    kind,
    ...(timer.entity ? { entity: timer.entity } : {}),
    cron: '0 9 * * 1-5',
  };
}
