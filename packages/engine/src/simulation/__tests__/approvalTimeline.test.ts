/** The timeline says which approvals a rejection or a recall cancelled, in zh-CN and en. */
import { describe, expect, it } from 'vitest';
import {
  NOW,
  buildApp,
  context,
  opportunity,
  opportunityStages,
  users,
} from '../../automations/__tests__/harness.js';
import { handleEvent } from '../../app/handle.js';
import type { AppEvent, AppState, HandleContext } from '../../app/types.js';
import type { Locale } from '../../diagnostics/types.js';
import { formatTimeline } from '../formatTimeline.js';
import type { TimelineEntry } from '../types.js';

const definition = structuredClone(opportunityStages);
definition.transitions![1]!.approvals!.push({
  id: 'finance-check',
  steps: [{ id: 'finance', approvers: [{ role: 'finance' }] }],
});
const { app } = buildApp({ entities: [opportunity], pipelines: [definition], automations: [] });

const rep: HandleContext = context({ actor: { id: 'u-li', roles: ['sales-rep'] } });
const director: HandleContext = context({ actor: { id: 'u-director', roles: ['sales-director'] } });

/** The state with O1 in 方案 waiting for both approvals of 发送报价. */
function waiting(): AppState {
  let state: AppState = { records: {} };
  const events: AppEvent[] = [
    {
      type: 'record.create',
      entity: 'opportunity',
      recordId: 'O1',
      values: {
        title: '华东精密二期',
        customer: 'A-001',
        amount: 60000,
        budgetRange: 'from-50k-to-200k',
        decisionRole: 'decision-maker',
        owner: 'u-li',
      },
    },
    { type: 'stage.move', recordId: 'O1', to: 'proposal' },
    { type: 'stage.move', recordId: 'O1', to: 'quote' },
  ];
  for (const event of events) state = handleEvent(app, state, event, rep).state;
  return state;
}

/** The one timeline entry of `event`, as the simulator records it. */
function entryOf(event: AppEvent, ctx: HandleContext): TimelineEntry {
  const result = handleEvent(app, waiting(), event, ctx);
  return {
    at: NOW,
    kind: 'event',
    event,
    ...(ctx.actor === undefined ? {} : { actor: ctx.actor }),
    outcome: result.outcome,
    patches: result.patches,
    effects: result.effects,
    trace: result.trace,
  };
}

const lines = (entry: TimelineEntry, locale: Locale): string[] =>
  formatTimeline([entry], { locale, users }).trimEnd().split('\n');

describe('cancelled approvals in the timeline', () => {
  const rejection = entryOf(
    { type: 'approval.decide', recordId: 'O1', approval: 'large-quote', decision: 'reject' },
    director,
  );

  it('given a rejection that cancels a sibling, then the timeline says so in zh-CN', () => {
    const text = lines(rejection, 'zh-CN');
    expect(text[0]).toMatch(/驳回审批 large-quote（记录 O1）（周总监）$/);
    expect(text[1]?.trim()).toBe('审批 finance-check 已撤销（同一推进的 large-quote 被驳回）');
    expect(text[2]?.trim()).toMatch(/^通知 in-app → 赵敏、钱多多：「.*无需处理：finance-check/);
  });

  it('given a rejection that cancels a sibling, then the timeline says so in en', () => {
    expect(lines(rejection, 'en')[1]?.trim()).toBe(
      'approval finance-check cancelled (large-quote of the same move was rejected)',
    );
  });

  it('given a recall that cancels a sibling, then the timeline says it was recalled', () => {
    const recall = entryOf(
      { type: 'approval.recall', recordId: 'O1', approval: 'large-quote' },
      rep,
    );
    expect(lines(recall, 'zh-CN')[1]?.trim()).toBe(
      '审批 finance-check 已撤销（同一推进的 large-quote 被撤回）',
    );
    expect(lines(recall, 'en')[1]?.trim()).toBe(
      'approval finance-check cancelled (large-quote of the same move was recalled)',
    );
  });
});
