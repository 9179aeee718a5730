/**
 * Compiling one timer file: its entity, date field, durations on the app calendar, cron in
 * the app zone, start and cancel events checked like automation triggers, and its actions
 * and escalation steps compiled by the automation compiler — a timer's firing runs the same
 * action set as an automation.
 */
import type {
  Action,
  AutomationDefinition,
  Event,
  EscalationStep,
  TimerDefinition,
} from '@ruleloom/schemas';
import type { AppIndex, CompiledAutomation, DefinitionFile } from '../app/parts.js';
import { compileAutomation } from '../automations/compileAutomation.js';
import { createCompileEnv } from '../automations/compileEnv.js';
import { isPlainObject } from '../automations/recordValues.js';
import { checkTrigger, triggerMatches } from '../automations/triggers.js';
import type { AutomationEvent } from '../automations/types.js';
import { addDuration, parseBusinessDuration } from '../calendar/duration.js';
import type { CompiledCalendar } from '../calendar/compile.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { toInstant } from '../expr/domain/time.js';
import { compileCron, type CompiledCron } from './cron.js';
import type { CompiledTimer } from './types.js';

const AUTOMATION_SCHEMA = 'https://ruleloom.dev/schemas/v1/automation.schema.json';
const DATE_TYPES = new Set(['date', 'datetime']);
/** How far ahead a schedule is looked for before it is called "never runs". */
const FIVE_YEARS_MS = 5 * 366 * 86_400_000;

/** What a timer compiles against besides the app index. */
export interface TimerCompileOptions {
  /** The app's business calendar: `workdays` and `business hours` count on it. */
  readonly calendar: CompiledCalendar;
}

type AnyTimer = TimerDefinition & {
  readonly after?: string;
  readonly start?: readonly Event[];
  readonly cancelOn?: readonly Event[];
  readonly restart?: boolean;
  readonly field?: string;
  readonly offset?: string;
  readonly direction?: 'before' | 'after';
  readonly time?: string;
  readonly cron?: unknown;
  readonly entity?: string;
  readonly escalation?: readonly EscalationStep[];
};

/**
 * Compiles a timer. Diagnostics go to `index.report` with the timer's file and JSON
 * pointers; undefined when any is an error. Never throws.
 *
 * @example
 * compileTimer({ file: 'timers/b-lead-48h.json', definition }, index, { calendar });
 * // { id: 'b-lead-48h', kind: 'relative', entity: 'lead', dueAt(record, now) … }
 */
export function compileTimer(
  file: DefinitionFile<TimerDefinition>,
  index: AppIndex,
  options: TimerCompileOptions,
): CompiledTimer | undefined {
  const definition = file.definition as AnyTimer;
  if (!isPlainObject(definition) || typeof definition.id !== 'string') return undefined;
  let errors = false;
  const report = (diagnostic: Diagnostic): void => {
    if (diagnostic.severity === 'error') errors = true;
    index.report(diagnostic);
  };
  const entityId = typeof definition.entity === 'string' ? definition.entity : '';
  const entity = entityId === '' ? undefined : index.entities.get(entityId);
  if (entityId !== '' && !entity) {
    report(
      createDiagnostic(
        'RL5005',
        '/entity',
        { entity: entityId, known: [...index.entities.keys()].join(', ') || '—' },
        { file: file.file },
      ),
    );
    return undefined;
  }

  // Start and cancel events: the same checks as an automation's trigger.
  const env = createCompileEnv(
    { file: file.file, definition: asAutomation(definition, [], undefined, entityId) },
    { ...index, report },
  );
  const events = (key: 'start' | 'cancelOn'): readonly Event[] => {
    const list = Array.isArray(definition[key]) ? (definition[key] as Event[]) : [];
    list.forEach((event, i) => {
      if (isPlainObject(event)) checkTrigger(event, `/${key}/${i}`, env);
    });
    return list.filter(isPlainObject);
  };
  const start = events('start');
  const cancelOn = events('cancelOn');

  // The field of an absolute timer.
  let field: string | undefined;
  if (definition.kind === 'absolute' && entity && typeof definition.field === 'string') {
    const id = definition.field.split('.')[0] ?? definition.field;
    const declared = entity.fields.get(id);
    const dateFields =
      [...entity.fields.values()]
        .filter((f) => DATE_TYPES.has(f.type))
        .map((f) => f.id)
        .join(', ') || '—';
    if (!declared) {
      report(
        createDiagnostic(
          'RL5601',
          '/field',
          { field: definition.field, entity: entityId, known: dateFields },
          { file: file.file },
        ),
      );
    } else if (!DATE_TYPES.has(declared.type)) {
      report(
        createDiagnostic(
          'RL5602',
          '/field',
          { field: definition.field, type: declared.type, known: dateFields },
          { file: file.file },
        ),
      );
    } else field = id;
  }

  // The schedule of a recurring timer.
  let cron: CompiledCron | undefined;
  if (definition.kind === 'recurring') {
    const compiled = compileCron(definition.cron, index.zone);
    const text = cronText(definition.cron);
    if ('detail' in compiled) {
      report(
        createDiagnostic(
          'RL5603',
          '/cron',
          { cron: text, detail: compiled.detail },
          { file: file.file },
        ),
      );
    } else {
      cron = compiled;
      const from = Date.UTC(2026, 0, 1);
      const next = compiled.next(from);
      if (next === undefined || next - from > FIVE_YEARS_MS) {
        report(createDiagnostic('RL5604', '/cron', { cron: text }, { file: file.file }));
      }
    }
    if (Array.isArray(definition.escalation) && definition.escalation.length > 0) {
      report(createDiagnostic('RL5605', '/escalation', {}, { file: file.file }));
    }
  }

  const escalation = Array.isArray(definition.escalation) ? definition.escalation : [];
  checkEscalationOrder(
    definition.kind === 'relative' ? definition.after : definition.offset,
    escalation,
    file.file,
    report,
  );
  const steps = compileSteps(definition, escalation, file.file, entityId, index, report);
  if (errors || !steps) return undefined;

  const { calendar } = options;
  const after = definition.after;
  const offset = parseBusinessDuration(definition.offset ?? '0d');
  const sign = definition.direction === 'before' ? -1 : 1;
  const time = typeof definition.time === 'string' ? definition.time : '09:00';
  const zone = index.zone;

  return {
    id: definition.id,
    file: file.file,
    definition,
    kind: definition.kind,
    entity: entityId,
    enabled: definition.enabled !== false,
    escalationSteps: definition.kind === 'recurring' ? 0 : escalation.length,
    restart: definition.restart !== false,
    ...(field ? { field } : {}),
    steps,
    digest: steps[0]?.runSchedule !== undefined,
    startsOn: (happened) => matchesAny(start, happened),
    cancelsOn: (happened) => matchesAny(cancelOn, happened),
    anchorAt(record, now) {
      if (definition.kind !== 'absolute') return now;
      return record && field ? fieldInstant(record.values[field], time, zone) : undefined;
    },
    dueAt(record, now) {
      switch (definition.kind) {
        case 'relative':
          return typeof after === 'string' ? addDuration(now, after, calendar) : undefined;
        case 'absolute': {
          if (!record || !field || !offset) return undefined;
          const at = fieldInstant(record.values[field], time, zone);
          return at === undefined
            ? undefined
            : addDuration(at, { amount: sign * offset.amount, unit: offset.unit }, calendar);
        }
        default:
          return cron?.next(now);
      }
    },
    escalationAt(baseAt, step) {
      const spec = escalation[step - 1];
      return spec && typeof spec.after === 'string'
        ? addDuration(baseAt, spec.after, calendar)
        : undefined;
    },
  };
}

/** The instant a date or datetime value stands for: a date at `time` in the app zone. */
function fieldInstant(value: unknown, time: string, zone: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? toInstant(`${value}T${time}`, zone)
    : toInstant(value, zone);
}

function cronText(cron: unknown): string {
  if (typeof cron === 'string') return cron;
  return isPlainObject(cron) && typeof cron['expression'] === 'string'
    ? cron['expression']
    : JSON.stringify(cron);
}

function matchesAny(triggers: readonly Event[], happened: readonly AutomationEvent[]): boolean {
  return triggers.some((trigger) => happened.some((event) => triggerMatches(trigger, event)));
}

/** Escalation steps should come later and later; same or earlier is a warning. */
function checkEscalationOrder(
  own: string | undefined,
  escalation: readonly EscalationStep[],
  file: string,
  report: (d: Diagnostic) => void,
): void {
  // Compared on a fixed ruler: clock units by length, business units by their nominal size.
  const nominal: Record<string, number> = {
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
    workdays: 86_400_000,
    'business hours': 3_600_000,
  };
  const first = parseBusinessDuration(own ?? '0d');
  let previous: { text: string; size: number } | undefined = first
    ? { text: own ?? '0d', size: first.amount * (nominal[first.unit] ?? 1) }
    : undefined;
  escalation.forEach((step, i) => {
    const parsed = parseBusinessDuration(step?.after);
    if (!parsed) return;
    const size = parsed.amount * (nominal[parsed.unit] ?? 1);
    if (previous && size <= previous.size) {
      report(
        createDiagnostic(
          'RL5607',
          `/escalation/${i}/after`,
          { step: i + 1, after: step.after, previous: previous.text },
          { file },
        ),
      );
    }
    previous = { text: String(step.after), size };
  });
}

/**
 * The timer itself and each escalation step as automations: a `timer` trigger, the timer's
 * condition (checked before every step), the step's actions. Their diagnostics are moved
 * back to where the timer file has them (`/escalation/1/actions/0/…`). An app-wide recurring
 * timer becomes a schedule (digests only).
 */
function compileSteps(
  definition: AnyTimer,
  escalation: readonly EscalationStep[],
  file: string,
  entityId: string,
  index: AppIndex,
  report: (d: Diagnostic) => void,
): CompiledAutomation[] | undefined {
  const ownActions: readonly Action[] = Array.isArray(definition.actions) ? definition.actions : [];
  // A recurring timer with digests is a schedule: its digests list the entity's records.
  const appWide =
    definition.kind === 'recurring' &&
    ownActions.some((a) => isPlainObject(a) && a.type === 'digest');
  if (definition.kind === 'recurring' && entityId === '' && !appWide) {
    const wrong = ownActions.findIndex((a) => isPlainObject(a) && a.type !== 'digest');
    if (wrong >= 0) {
      report(
        createDiagnostic(
          'RL5606',
          `/actions/${wrong}/type`,
          { action: wrong + 1, type: String(ownActions[wrong]?.type) },
          { file },
        ),
      );
      return undefined;
    }
  }
  const trigger: Event = appWide
    ? ({ type: 'schedule', cron: definition.cron } as Event)
    : ({ type: 'timer', timer: definition.id } as Event);
  const lists: { actions: readonly Action[]; at: string }[] = [
    { actions: Array.isArray(definition.actions) ? definition.actions : [], at: '' },
    ...(definition.kind === 'recurring'
      ? []
      : escalation.map((step, i) => ({
          actions: Array.isArray(step?.actions) ? step.actions : [],
          at: `/escalation/${i}`,
        }))),
  ];
  const compiled = lists.map(({ actions, at }, i) => {
    const moved: AppIndex = {
      ...index,
      report: (d) =>
        report(d.pointer.startsWith('/actions') ? { ...d, pointer: `${at}${d.pointer}` } : d),
      expression: (logic, entity, _file, pointer) =>
        index.expression(
          logic,
          entity,
          file,
          pointer.startsWith('/actions') ? `${at}${pointer}` : pointer,
        ),
    };
    // The condition is compiled once, with the timer itself; steps reuse it at run time.
    const condition = i === 0 ? definition.condition : undefined;
    return compileAutomation(
      { file, definition: asAutomation(definition, actions, condition, entityId, trigger) },
      moved,
    );
  });
  if (!compiled.every((step): step is CompiledAutomation => step !== undefined)) return undefined;
  const [own, ...rest] = compiled;
  // Every step checks the timer's condition ("while nothing happens").
  return own
    ? [own, ...rest.map((step) => ({ ...step, checkCondition: own.checkCondition }))]
    : undefined;
}

function asAutomation(
  definition: AnyTimer,
  actions: readonly Action[],
  condition: unknown,
  entityId: string,
  trigger: Event = { type: 'timer', timer: definition.id } as Event,
): AutomationDefinition {
  return {
    $schema: AUTOMATION_SCHEMA,
    id: definition.id,
    ...(entityId !== '' ? { entity: entityId } : {}),
    trigger,
    ...(condition !== undefined ? { condition } : {}),
    actions: actions as AutomationDefinition['actions'],
  } as AutomationDefinition;
}
