import type { Action } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import { addDuration, parseBusinessDuration } from '../../calendar/duration.js';
import { parseDuration } from '../../expr/domain/time.js';
import type { AutomationCompileEnv } from '../compileEnv.js';
import { checkParty, resolveParties } from '../parties.js';
import { cloneJson } from '../recordValues.js';
import { checkTemplate, renderTemplate } from '../templates.js';
import type { CompiledAction } from './types.js';

type CreateTaskAction = Extract<Action, { type: 'createTask' }>;

/** The files a field holds: a list, one file, or none. */
function files(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * When a task made at `now` is due: `due` after it on the app's business calendar (`72h`
 * elapsed, `3d` calendar days at the same wall-clock time, `3 workdays` skipping weekends and
 * holidays with 调休, `8 business hours` inside working hours). Undefined when there is no due
 * time or it cannot be counted (then the task has no due date rather than a wrong one).
 */
type DueAt = (now: number) => number | undefined;

const withDueAt = (at: number | undefined): { dueAt?: number } =>
  at === undefined ? {} : { dueAt: at };

function dueAtOf(due: string | undefined, pointer: string, env: AutomationCompileEnv): DueAt {
  const none: DueAt = () => undefined;
  if (due === undefined) return none;
  const parsed = parseBusinessDuration(due);
  const calendar = env.index.calendar;
  if (calendar !== undefined && parsed !== undefined) {
    return (now) => addDuration(now, parsed, calendar);
  }
  if (parsed?.unit === 'workdays' || parsed?.unit === 'business hours') {
    env.report('RL5313', pointer, { duration: due });
    return none;
  }
  const offset = parseDuration(due);
  return offset === undefined ? none : (now) => now + offset;
}

/**
 * `createTask`: a to-do for the assignee (cc kept informed), due a duration after now, with
 * the files of the attached fields (S12: the contract scan) and a task id that is stable
 * for the same record, automation, action and firing.
 *
 * @example
 * compileCreateTask({ type: 'createTask', title: '财务审核：{{title}}', assignee: { role: 'finance' },
 *   due: '72h', attachFields: ['contractScan'] }, '/actions/0', env);
 */
export function compileCreateTask(
  action: CreateTaskAction,
  pointer: string,
  env: AutomationCompileEnv,
): CompiledAction {
  checkParty(action.assignee, appendPointer(pointer, 'assignee'), env);
  (action.cc ?? []).forEach((party, i) =>
    checkParty(party, appendPointer(appendPointer(pointer, 'cc'), i), env),
  );
  checkTemplate(action.title, appendPointer(pointer, 'title'), env);
  checkTemplate(action.details, appendPointer(pointer, 'details'), env);
  const attachFields = action.attachFields ?? [];
  attachFields.forEach((reference, i) => {
    const at = appendPointer(appendPointer(pointer, 'attachFields'), i);
    const field = env.field(reference, at);
    if (field && field.type !== 'attachment' && field.type !== 'photo') {
      env.report('RL5311', at, { field: reference, type: field.type });
    }
  });
  const dueAt = dueAtOf(action.due, appendPointer(pointer, 'due'), env);
  return {
    writes: [],
    run(draft, run) {
      const record = run.snapshot();
      const cc = resolveParties(action.cc ?? [], record.values, run.users);
      run.emit({
        type: 'createTask',
        recordId: draft.id,
        taskId: `${draft.id}:${run.source.automation}:${action.id ?? run.source.action}:${run.firing}`,
        title: renderTemplate(action.title, record, run),
        ...(action.details === undefined
          ? {}
          : { details: renderTemplate(action.details, record, run) }),
        assignees: resolveParties([action.assignee], record.values, run.users),
        ...(cc.length > 0 ? { cc } : {}),
        ...withDueAt(dueAt(run.now)),
        attachments: attachFields.flatMap((field) =>
          files(Object.hasOwn(record.values, field) ? cloneJson(record.values[field]) : undefined),
        ),
        source: run.source,
      });
    },
  };
}
