/** handleEvent: records, stage moves, approvals, refusals, patches. */
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

const { app } = buildApp({
  entities: [lead, contract, opportunity],
  pipelines: [opportunityStages],
  automations: [
    automation({
      id: 'left-proposal',
      entity: 'opportunity',
      trigger: { type: 'stage.left', stages: ['proposal'] },
      actions: [{ type: 'addTag', tag: '方案完成' }],
    }),
    automation({
      id: 'quote-approved',
      entity: 'opportunity',
      trigger: { type: 'approval.decided', approval: 'large-quote', decision: 'approved' },
      actions: [{ type: 'addTag', tag: '大额已批' }],
    }),
    automation({
      id: 'quote-rejected',
      entity: 'opportunity',
      trigger: { type: 'approval.decided', decision: 'rejected' },
      actions: [{ type: 'mark', color: 'red', reason: '大额报价被驳回' }],
    }),
  ],
});

const rep: HandleContext = context({ actor: { id: 'u-li', roles: ['sales-rep'] } });
const director: HandleContext = context({ actor: { id: 'u-director', roles: ['sales-director'] } });

/** Handles events in turn, checking each result's patches on the way. */
function run(events: readonly [AppEvent, HandleContext?][], state: AppState = { records: {} }) {
  let result: HandleResult | undefined;
  for (const [event, ctx] of events) {
    result = handleEvent(app, state, event, ctx ?? context());
    expect(applyPatches(state, result.patches)).toEqual(result.state);
    expect(applyPatches(result.state, result.inversePatches)).toEqual(state);
    state = result.state;
  }
  return result as HandleResult;
}

const createOpportunity = (amount: number): AppEvent => ({
  type: 'record.create',
  entity: 'opportunity',
  recordId: 'O1',
  values: {
    title: '华东精密二期',
    customer: 'A-001',
    amount,
    budgetRange: 'from-50k-to-200k',
    decisionRole: 'decision-maker',
    owner: 'u-li',
  },
});
const move = (to: string): AppEvent => ({ type: 'stage.move', recordId: 'O1', to });

describe('record.create', () => {
  it('fills defaults and computed values, enters the initial stage, starts at version 1', () => {
    const result = run([[createOpportunity(20000), rep]]);
    expect(result.outcome).toEqual({ ok: true });
    expect(result.state.records.O1).toEqual({
      id: 'O1',
      entity: 'opportunity',
      values: expect.objectContaining({
        stage: 'lead',
        probability: 0.1,
        weightedAmount: 2000,
      }),
      tags: [],
      stageHistory: { opportunity: [{ stage: 'lead', enteredAt: NOW }] },
      approvals: [],
      createdAt: NOW,
      createdBy: 'u-li',
      updatedAt: NOW,
      version: 1,
    });
    expect(result.patches).toEqual([
      { op: 'add', path: ['records', 'O1'], value: result.state.records.O1 },
    ]);
  });

  it('refuses an unknown entity, a taken id, bad values and a person setting a read-only field', () => {
    const taken = run([[createOpportunity(1)]]).state;
    expect(
      run([[{ type: 'record.create', entity: 'deal', recordId: 'D1', values: {} }]]).outcome,
    ).toMatchObject({
      ok: false,
      reason: 'not-found',
      message: { en: 'the app has no entity "deal", so the record cannot be created' },
    });
    expect(run([[createOpportunity(1)]], taken).outcome).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: { 'zh-CN': '记录 "O1" 已存在' },
    });
    const bad = run([
      [
        {
          type: 'record.create',
          entity: 'lead',
          recordId: 'L1',
          values: { name: '王磊', intentGrade: 'D', nope: 1 },
        },
      ],
    ]);
    expect(bad.outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(bad.outcome.ok === false && bad.outcome.errors?.map((e) => e.field)).toEqual([
      'intentGrade',
      'nope',
    ]);
    expect(bad.state).toEqual({ records: {} });
    const readOnly = run([
      [
        {
          type: 'record.create',
          entity: 'lead',
          recordId: 'L1',
          values: { name: '王磊', budgetBand: 'over-200k' },
        },
        rep,
      ],
    ]);
    expect(readOnly.outcome.ok === false && readOnly.outcome.errors?.[0]?.field).toBe('budgetBand');
  });

  it('refuses ids that could reach a prototype', () => {
    for (const recordId of ['__proto__', '', 'constructor', 'prototype']) {
      const result = run([
        [{ type: 'record.create', entity: 'lead', recordId, values: { name: 'x' } }],
      ]);
      expect(result.outcome).toMatchObject({ ok: false, reason: 'invalid' });
      expect(result.state).toEqual({ records: {} });
    }
    expect(
      run([[{ type: 'record.update', recordId: 'constructor', values: { name: 'x' } }]]).outcome,
    ).toMatchObject({ ok: false, reason: 'not-found' });
  });
});

describe('record.update', () => {
  const created = run([[createOpportunity(20000)]]).state;

  it('writes only what changed, computed values included, as fine-grained patches', () => {
    const result = run(
      [[{ type: 'record.update', recordId: 'O1', values: { amount: 30000 } }]],
      created,
    );
    expect(result.patches).toEqual([
      { op: 'replace', path: ['records', 'O1', 'values', 'amount'], value: 30000 },
      { op: 'replace', path: ['records', 'O1', 'values', 'weightedAmount'], value: 3000 },
      // updatedAt is NOW already: no patch for it.
      { op: 'replace', path: ['records', 'O1', 'version'], value: 2 },
    ]);
  });

  it('refuses unknown records and stage changes outside a move', () => {
    expect(
      run([[{ type: 'record.update', recordId: 'O9', values: {} }]], created).outcome,
    ).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    const sneaky = run(
      [[{ type: 'record.update', recordId: 'O1', values: { stage: 'paid' } }]],
      created,
    );
    expect(sneaky.outcome).toMatchObject({ ok: false, reason: 'invalid' });
    expect(sneaky.outcome.ok === false && sneaky.outcome.errors?.[0]).toMatchObject({
      field: 'stage',
      code: 'RL5348',
    });
    expect(sneaky.state).toBe(created);
  });
});

describe('stage.move', () => {
  const created = run([[createOpportunity(20000), rep]]).state;

  it('refuses a move whose gate fails, with the gate result, and changes nothing', () => {
    const result = run([[move('contract'), rep]], created);
    expect(result.outcome).toMatchObject({
      ok: false,
      reason: 'gate',
      gate: { allowed: false, from: 'lead', to: 'contract' },
    });
    expect(result.state).toBe(created);
    expect(result.trace).toEqual([expect.objectContaining({ kind: 'gate' })]);
    // The message names the stages as the rep sees them, not their ids.
    expect(result.outcome.ok === false && result.outcome.message['zh-CN']).toBe(
      '不能从 "线索" 推进到 "合同"：有 1 项条件未满足',
    );
  });

  it('moves, closes the visit, and runs stage.left then stage.entered automations', () => {
    const result = run(
      [
        [move('proposal'), rep],
        [move('quote'), rep],
      ],
      created,
    );
    expect(result.outcome).toEqual({ ok: true });
    const record = result.state.records.O1;
    expect(record?.values.stage).toBe('quote');
    expect(record?.stageHistory.opportunity?.map((visit) => visit.stage)).toEqual([
      'lead',
      'proposal',
      'quote',
    ]);
    expect(record?.tags).toEqual(['方案完成']);
    expect(result.trace).toContainEqual(
      expect.objectContaining({ automation: 'left-proposal', outcome: 'fired' }),
    );
  });

  it('refuses a pipeline the record does not have', () => {
    expect(
      run([[{ type: 'stage.move', recordId: 'O1', to: 'quote', pipeline: 'x' }]], created).outcome,
    ).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('approvals', () => {
  const inProposal = run([
    [createOpportunity(60000), rep],
    [move('proposal'), rep],
  ]).state;
  const asked = run([[move('quote'), rep]], inProposal);

  it('a move that needs approval waits: stored on the record, approvers notified', () => {
    expect(asked.outcome).toEqual({ ok: true, pendingApprovals: ['large-quote'] });
    const record = asked.state.records.O1;
    expect(record?.values.stage).toBe('proposal');
    expect(record?.approvals).toEqual([
      expect.objectContaining({
        id: 'large-quote',
        status: 'pending',
        requestedBy: 'u-li',
        from: 'proposal',
        to: 'quote',
      }),
    ]);
    expect(asked.effects).toEqual([
      {
        type: 'notify',
        recordId: 'O1',
        channel: 'in-app',
        recipients: ['u-director'],
        title: { 'zh-CN': '待审批', en: 'Approval requested' },
        message: {
          'zh-CN': '「华东精密二期」从「方案」推进到「报价」需要您审批：大额报价审批',
          en: '"华东精密二期" moving from "方案" to "报价" needs your approval: 大额报价审批',
        },
        source: { approval: 'large-quote', pipeline: 'opportunity' },
      },
    ]);
    expect(asked.trace).toContainEqual({
      kind: 'approval',
      recordId: 'O1',
      approval: 'large-quote',
      status: 'pending',
      step: 'director',
    });
  });

  it('asking again does not start the approval twice', () => {
    const again = run([[move('quote'), rep]], asked.state);
    expect(again.outcome).toEqual({ ok: true, pendingApprovals: ['large-quote'] });
    expect(again.state.records.O1?.approvals).toHaveLength(1);
    expect(again.effects).toEqual([]);
  });

  it('approval moves the record and runs approval.decided, stage.left and stage.entered automations', () => {
    const result = run(
      [
        [
          {
            type: 'approval.decide',
            recordId: 'O1',
            approval: 'large-quote',
            decision: 'approve',
            comment: '同意',
          },
          director,
        ],
      ],
      asked.state,
    );
    expect(result.outcome).toEqual({ ok: true });
    const record = result.state.records.O1;
    expect(record?.values.stage).toBe('quote');
    expect(record?.approvals[0]).toMatchObject({ status: 'approved' });
    expect(record?.stageHistory.opportunity?.at(-1)).toMatchObject({ stage: 'quote', by: 'u-li' });
    // Definition order: left-proposal comes before quote-approved.
    expect(record?.tags).toEqual(['方案完成', '大额已批']);
    expect(result.trace[0]).toEqual({
      kind: 'approval',
      recordId: 'O1',
      approval: 'large-quote',
      status: 'approved',
      step: 'director',
    });
  });

  it('rejection ends it and runs the rejected automations; the record stays', () => {
    const result = run(
      [
        [
          { type: 'approval.decide', recordId: 'O1', approval: 'large-quote', decision: 'reject' },
          director,
        ],
      ],
      asked.state,
    );
    const record = result.state.records.O1;
    expect(record?.values.stage).toBe('proposal');
    expect(record?.mark).toMatchObject({
      color: 'red',
      reason: { 'zh-CN': '大额报价被驳回', en: '大额报价被驳回' },
    });
  });

  it('refuses a decision by someone who is not an approver, and an unknown approval', () => {
    const result = run(
      [
        [
          { type: 'approval.decide', recordId: 'O1', approval: 'large-quote', decision: 'approve' },
          rep,
        ],
      ],
      asked.state,
    );
    expect(result.outcome).toMatchObject({ ok: false, reason: 'approval' });
    expect(result.state).toBe(asked.state);
    expect(
      run(
        [
          [
            { type: 'approval.decide', recordId: 'O1', approval: 'legal', decision: 'approve' },
            director,
          ],
        ],
        asked.state,
      ).outcome,
    ).toMatchObject({
      ok: false,
      reason: 'approval',
      message: { en: 'the record "O1" has no pending approval "legal"' },
    });
  });

  it('the requester can recall it', () => {
    const result = run(
      [[{ type: 'approval.recall', recordId: 'O1', approval: 'large-quote' }, rep]],
      asked.state,
    );
    expect(result.outcome).toEqual({ ok: true });
    expect(result.state.records.O1?.approvals[0]?.status).toBe('recalled');
    expect(result.trace[0]).toMatchObject({ kind: 'approval', status: 'recalled' });
  });
});

describe('malformed input', () => {
  it('refuses a time that is not one, an unknown event type, and a state that is not one', () => {
    expect(
      handleEvent(app, { records: {} }, createOpportunity(1), { now: 'soon' }).outcome,
    ).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: { en: 'the event time "soon" is not a valid instant' },
    });
    expect(
      handleEvent(app, { records: {} }, { type: 'record.delete' } as unknown as AppEvent, context())
        .outcome,
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      handleEvent(app, null as unknown as AppState, createOpportunity(1), context()).outcome,
    ).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
