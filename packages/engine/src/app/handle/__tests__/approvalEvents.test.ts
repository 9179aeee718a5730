/**
 * handleEvent and approvals that cannot go on: a step nobody can decide refuses the move
 * (RL5266); a rejection or recall cancels the other approvals of the same request.
 */
import type { PipelineDefinition } from '@ruleloom/schemas';
import { applyPatches, enablePatches } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  NOW,
  automation,
  buildApp,
  context,
  contract,
  lead,
  opportunity,
  opportunityStages,
} from '../../../automations/__tests__/harness.js';
import { handleEvent } from '../../handle.js';
import type { AppEvent, AppState, HandleContext, HandleResult } from '../../types.js';

enablePatches();

/**
 * 发送报价 waits for 大额报价审批 (the director, over 50,000) and 财务审核 (both finance staff,
 * unanimous); over 1,000,000 also for 经理审批 (the owner's manager).
 */
function pipeline(): PipelineDefinition {
  const definition = structuredClone(opportunityStages);
  definition.transitions![1]!.approvals!.push(
    {
      id: 'finance-check',
      label: '财务审核',
      steps: [
        { id: 'finance', label: '财务确认', mode: 'unanimous', approvers: [{ role: 'finance' }] },
      ],
    },
    {
      id: 'manager-check',
      label: '经理审批',
      when: { '>': [{ var: 'amount' }, 1000000] },
      steps: [{ id: 'manager', label: '总监审批', approvers: [{ managerOf: 'owner' }] }],
    },
  );
  return definition;
}

const built = buildApp({
  entities: [lead, contract, opportunity],
  pipelines: [pipeline()],
  automations: [
    automation({
      id: 'decided',
      entity: 'opportunity',
      trigger: { type: 'approval.decided' },
      actions: [{ type: 'addTag', tag: '审批有结果' }],
    }),
  ],
});
const { app } = built;

const rep: HandleContext = context({ actor: { id: 'u-li', roles: ['sales-rep'] } });
const as = (id: string, roles: string[]): HandleContext => context({ actor: { id, roles } });
const director = as('u-director', ['sales-director']);
const zhao = as('u-zhao', ['finance']);
const qian = as('u-qian', ['finance']);

/** Handles events in turn, checking each result's patches on the way. */
function run(events: readonly [AppEvent, HandleContext?][], state: AppState = { records: {} }) {
  let result: HandleResult | undefined;
  for (const [event, ctx] of events) {
    result = handleEvent(app, state, event, ctx ?? context());
    expect(applyPatches(state, result.patches)).toEqual(result.state);
    state = result.state;
  }
  return result as HandleResult;
}

const inProposal = (amount: number, owner: string): AppState =>
  run([
    [
      {
        type: 'record.create',
        entity: 'opportunity',
        recordId: 'O1',
        values: {
          title: '华东精密二期',
          customer: 'A-001',
          amount,
          budgetRange: 'from-50k-to-200k',
          decisionRole: 'decision-maker',
          owner,
        },
      },
      rep,
    ],
    [{ type: 'stage.move', recordId: 'O1', to: 'proposal' }, rep],
  ]).state;

const toQuote: AppEvent = { type: 'stage.move', recordId: 'O1', to: 'quote' };
const decide = (approval: string, decision: 'approve' | 'reject'): AppEvent => ({
  type: 'approval.decide',
  recordId: 'O1',
  approval,
  decision,
});

describe('a move whose approval step has nobody to decide it', () => {
  it('compiles', () => {
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(app.pipelines).toHaveLength(1);
  });

  it('given a step whose manager is unknown, when the move is requested, then it is refused with RL5266 naming the step and nothing is stored', () => {
    // 周总监 owns it and has no manager in the directory.
    const state = inProposal(2000000, 'u-director');
    const result = handleEvent(app, state, toQuote, rep);
    expect(result.outcome).toEqual({
      ok: false,
      reason: 'approval',
      message: {
        'zh-CN': '审批步骤「总监审批」找不到审批人（负责人 周总监 没有上级）',
        en: 'nobody can decide the approval step "总监审批" (负责人 周总监 has no manager)',
      },
    });
    expect(result.state).toBe(state);
    expect(result.patches).toEqual([]);
    expect(result.effects).toEqual([]);
    expect(result.trace).toMatchObject([{ kind: 'gate', result: { allowed: true } }]);
  });

  it('given the owner has a manager, when the move is requested, then all three approvals start', () => {
    const result = run([[toQuote, rep]], inProposal(2000000, 'u-li'));
    expect(result.outcome).toEqual({
      ok: true,
      pendingApprovals: ['large-quote', 'finance-check', 'manager-check'],
    });
  });
});

describe('approvals of one request', () => {
  const asked = run([[toQuote, rep]], inProposal(60000, 'u-li'));

  it('a move over 50,000 waits for the director and finance', () => {
    expect(asked.outcome).toEqual({ ok: true, pendingApprovals: ['large-quote', 'finance-check'] });
  });

  it('given two approvals of one request, when one is rejected, then the other ends cancelled and its approvers can no longer decide', () => {
    // 赵敏 approves her part of the unanimous finance step first.
    const halfway = run([[decide('finance-check', 'approve'), zhao]], asked.state);
    const result = run([[decide('large-quote', 'reject'), director]], halfway.state);
    expect(result.outcome).toEqual({ ok: true });
    const record = result.state.records.O1;
    expect(record?.values.stage).toBe('proposal');
    expect(record?.approvals.map((a) => [a.id, a.status])).toEqual([
      ['large-quote', 'rejected'],
      ['finance-check', 'cancelled'],
    ]);
    expect(record?.approvals[1]).toMatchObject({ endedAt: NOW, cancelledBy: 'large-quote' });
    expect(result.trace.filter((entry) => entry.kind === 'approval')).toEqual([
      {
        kind: 'approval',
        recordId: 'O1',
        approval: 'large-quote',
        status: 'rejected',
        step: 'director',
      },
      {
        kind: 'approval',
        recordId: 'O1',
        approval: 'finance-check',
        status: 'cancelled',
        step: 'finance',
        cancelledBy: 'large-quote',
      },
    ]);
    // Only the rejection is a decision: the automation runs once.
    expect(record?.tags).toEqual(['审批有结果']);
    // 钱多多 still had it on her list; 赵敏 had decided already.
    expect(result.effects).toEqual([
      {
        type: 'notify',
        recordId: 'O1',
        channel: 'in-app',
        recipients: ['u-qian'],
        title: { 'zh-CN': '审批已撤销', en: 'Approval cancelled' },
        message: {
          'zh-CN':
            '「华东精密二期」从「方案」推进到「报价」的审批已撤销，无需处理：财务审核（大额报价审批被驳回）',
          en: '"华东精密二期" moving from "方案" to "报价" no longer needs your approval: 财务审核 (大额报价审批 was rejected)',
        },
        source: { approval: 'finance-check', pipeline: 'opportunity' },
      },
    ]);
    const late = handleEvent(app, result.state, decide('finance-check', 'approve'), qian);
    expect(late.outcome).toMatchObject({
      ok: false,
      reason: 'approval',
      message: { en: 'the record "O1" has no pending approval "finance-check"' },
    });
    expect(late.state).toBe(result.state);
  });

  it('given two approvals of one request, when the requester recalls one, then the other ends cancelled and its approver is told', () => {
    const result = run(
      [[{ type: 'approval.recall', recordId: 'O1', approval: 'finance-check' }, rep]],
      asked.state,
    );
    expect(result.state.records.O1?.approvals.map((a) => [a.id, a.status, a.cancelledBy])).toEqual([
      ['large-quote', 'cancelled', 'finance-check'],
      ['finance-check', 'recalled', undefined],
    ]);
    expect(result.trace.filter((entry) => entry.kind === 'approval')).toEqual([
      { kind: 'approval', recordId: 'O1', approval: 'finance-check', status: 'recalled' },
      {
        kind: 'approval',
        recordId: 'O1',
        approval: 'large-quote',
        status: 'cancelled',
        step: 'director',
        cancelledBy: 'finance-check',
      },
    ]);
    expect(result.effects).toMatchObject([
      {
        type: 'notify',
        recipients: ['u-director'],
        message: {
          'zh-CN':
            '「华东精密二期」从「方案」推进到「报价」的审批已撤销，无需处理：大额报价审批（财务审核被撤回）',
        },
      },
    ]);
  });

  it('given a rejected request, when the move is asked for again later, then both approvals start anew and approving both moves the record', () => {
    const rejected = run([[decide('large-quote', 'reject'), director]], asked.state);
    const later = (ctx: HandleContext) => ({ ...ctx, now: NOW + 3_600_000 });
    const result = run(
      [
        [toQuote, later(rep)],
        [decide('large-quote', 'approve'), later(director)],
        [decide('finance-check', 'approve'), later(zhao)],
        [decide('finance-check', 'approve'), later(qian)],
      ],
      rejected.state,
    );
    const record = result.state.records.O1;
    expect(record?.values.stage).toBe('quote');
    expect(record?.approvals.map((a) => a.status)).toEqual([
      'rejected',
      'cancelled',
      'approved',
      'approved',
    ]);
  });
});
