/**
 * Helpers for the digest tests: a scheduled automation over the opportunity fixture
 * (probability, expectedCloseDate, owner), records put straight into a state, and
 * `schedule.due` handled at {@link NOW}.
 */
import type { Action, AutomationDefinition } from '@ruleloom/schemas';
import { handleEvent } from '../../app/handle.js';
import type { AppState, HandleContext, HandleResult, RecordState } from '../../app/types.js';
import {
  NOW,
  automation,
  buildApp,
  context,
  contract,
  lead,
  opportunity,
  opportunityStages,
} from './harness.js';

type DigestAction = Extract<Action, { type: 'digest' }>;

/** A digest ranked by probability, grouped by owner, with both languages. */
export function digestAction(overrides: Partial<DigestAction> = {}): DigestAction {
  return {
    type: 'digest',
    rank: { var: 'probability' },
    groupBy: 'owner',
    channel: 'wecom',
    title: { 'zh-CN': '今日TOP{{count}}', en: 'Top {{count}} today' },
    template: {
      'zh-CN': '{{user}}：{{count}}/{{total}}\n{{items}}',
      en: '{{user}}: {{count}} of {{total}}\n{{items}}',
    },
    itemTemplate: '{{position}}. {{title}} ({{rank}})',
    ...overrides,
  } as DigestAction;
}

/** A scheduled automation on opportunities with the given actions. */
export function scheduled(
  actions: readonly Action[],
  extra: Partial<AutomationDefinition> = {},
): AutomationDefinition {
  return automation({
    id: 'daily',
    entity: 'opportunity',
    trigger: { type: 'schedule', cron: '0 9 * * *' },
    actions: actions as AutomationDefinition['actions'],
    ...extra,
  });
}

/** The app of a digest test: the harness entities and pipeline plus the automations given. */
export function digestApp(...automations: AutomationDefinition[]) {
  return buildApp({
    entities: [lead, contract, opportunity],
    pipelines: [opportunityStages],
    automations,
  });
}

/** An opportunity as it would be stored (values as given: no defaults, no checks). */
export function opportunityRecord(id: string, values: Record<string, unknown>): RecordState {
  return {
    id,
    entity: 'opportunity',
    values: { title: id, ...values },
    tags: [],
    stageHistory: {},
    approvals: [],
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

/** A state holding these records. */
export function stateOf(...records: RecordState[]): AppState {
  return { records: Object.fromEntries(records.map((record) => [record.id, record])) };
}

/** Handles `schedule.due` for the automation at {@link NOW}. */
export function fire(
  app: ReturnType<typeof digestApp>['app'],
  state: AppState,
  id = 'daily',
  ctx: HandleContext = context(),
): HandleResult {
  return handleEvent(app, state, { type: 'schedule.due', automation: id }, ctx);
}
