import type { PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { ApprovalUpdate, MoveRequest } from '../app/parts.js';
import type { ApprovalState, RecordState } from '../app/types.js';
import type { ApprovalError } from './approvals/approvalError.js';
import {
  as,
  clone,
  compile,
  complete,
  HOUR,
  opportunity,
  opportunityPipeline,
  record,
  T0,
} from './__tests__/index.js';

const pipeline = opportunity();

/** The update, failing the test when it is an error. */
function ok(result: ApprovalUpdate | ApprovalError): ApprovalUpdate {
  if ('error' in result) throw new Error(result.error.en);
  return result;
}

/** The error, failing the test when the call succeeded. */
function error(result: ApprovalUpdate | ApprovalError) {
  if (!('error' in result)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

/** The record with the approval replaced by its update (what the app does). */
function applied(opp: RecordState, update: ApprovalUpdate): RecordState {
  const same = (a: ApprovalState) =>
    a.id === update.approval.id && a.requestedAt === update.approval.requestedAt;
  return { ...opp, approvals: opp.approvals.map((a) => (same(a) ? update.approval : a)) };
}

/** Asks for the move as the rep and keeps the approvals it starts on the record. */
function requested(
  opp: RecordState,
  to: string,
  definition = pipeline,
): { request: MoveRequest; opp: RecordState } {
  const request = definition.requestMove(opp, to, as('u-rep'));
  expect(request.gate.allowed).toBe(true);
  return { request, opp: { ...opp, approvals: [...opp.approvals, ...request.approvals] } };
}

describe('approvals', () => {
  it('S34b: a quote over 50,000 waits for the sales director, then moves to 报价', () => {
    const start = record({ ...complete, stage: 'proposal', amount: 68000 });
    const { request, opp } = requested(start, 'quote');
    expect(request.approvals).toEqual([
      {
        id: 'large-quote',
        pipeline: 'opportunity',
        transition: 'send-quote',
        from: 'proposal',
        to: 'quote',
        status: 'pending',
        steps: [
          {
            id: 'director',
            status: 'pending',
            kind: 'approve',
            mode: 'first',
            approvers: ['u-director'],
            decisions: [],
          },
        ],
        requestedAt: T0,
        requestedBy: 'u-rep',
      },
    ]);
    const update = ok(
      pipeline.decide(opp, 'large-quote', 'approve', as('u-director', T0 + HOUR), '同意'),
    );
    expect(update.ended).toBe('approved');
    expect(update.moveTo).toBe('quote');
    expect(update.approval).toMatchObject({
      status: 'approved',
      endedAt: T0 + HOUR,
      steps: [
        {
          status: 'approved',
          decisions: [{ by: 'u-director', decision: 'approve', at: T0 + HOUR, comment: '同意' }],
        },
      ],
    });
    // The record given is not changed.
    expect(opp.approvals[0]?.status).toBe('pending');
  });

  it('S34b: a quote of 50,000 or less needs no approval and can move now', () => {
    const opp = record({ ...complete, stage: 'proposal', amount: 50000 });
    expect(pipeline.requestMove(opp, 'quote', as('u-rep')).approvals).toEqual([]);
  });

  it('a blocked move starts no approval', () => {
    const opp = record({ stage: 'proposal', amount: 90000 });
    const request = pipeline.requestMove(opp, 'quote', as('u-rep'));
    expect(request.gate.allowed).toBe(false);
    expect(request.approvals).toEqual([]);
  });

  it('S9c: a contract under 500,000 needs only the legal filing', () => {
    const start = record({ ...complete, stage: 'quote', amount: 120000 });
    const { request, opp } = requested(start, 'contract');
    expect(request.approvals[0]?.steps).toMatchObject([
      { id: 'legal-approve', status: 'skipped' },
      { id: 'legal-file', status: 'pending', kind: 'file', approvers: ['u-legal', 'u-legal2'] },
    ]);
    // A filing is acknowledged, never rejected.
    expect(error(pipeline.decide(opp, 'legal', 'reject', as('u-legal'))).en).toBe(
      '"法务备案" is a filing step: it can be acknowledged, not rejected',
    );
    const update = ok(pipeline.decide(opp, 'legal', 'approve', as('u-legal2')));
    expect(update).toMatchObject({ ended: 'approved', moveTo: 'contract' });
  });

  it('S9c: a contract of 500,000 or more needs the legal final approval; a rejection sends it back', () => {
    const start = record({ ...complete, stage: 'quote', amount: 500000 });
    const { request, opp } = requested(start, 'contract');
    expect(request.approvals[0]?.steps.map((step) => [step.id, step.status])).toEqual([
      ['legal-approve', 'pending'],
      ['legal-file', 'skipped'],
    ]);
    const update = ok(pipeline.decide(opp, 'legal', 'reject', as('u-legal'), '付款条款需修改'));
    expect(update.ended).toBe('rejected');
    expect(update.approval.status).toBe('rejected');
    // rejectTo is 报价, where the record already is: it does not move.
    expect(update.moveTo).toBeUndefined();
  });

  it('a rejection moves the record to rejectTo', () => {
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.transitions![1]!.approvals![0]!.rejectTo = 'lead';
    const sendBack = compile(definition).pipeline!;
    const { opp } = requested(
      record({ ...complete, stage: 'proposal', amount: 80000 }),
      'quote',
      sendBack,
    );
    const update = ok(sendBack.decide(opp, 'large-quote', 'reject', as('u-director')));
    expect(update).toMatchObject({ ended: 'rejected', moveTo: 'lead' });
  });

  it('a decision by someone who is not an approver is an error message, not a throw', () => {
    const { opp } = requested(record({ ...complete, stage: 'proposal', amount: 80000 }), 'quote');
    const message = error(pipeline.decide(opp, 'large-quote', 'approve', as('u-rep')));
    expect(message['zh-CN']).toBe('你不是审批步骤「销售总监审批」的审批人');
    expect(message.en).toBe('you are not an approver of the step "销售总监审批"');
    expect(error(pipeline.decide(opp, 'large-quote', 'approve', { now: T0 })).en).toContain(
      'needs the acting user',
    );
    expect(error(pipeline.decide(opp, 'no-such', 'approve', as('u-director'))).en).toBe(
      'there is no pending approval "no-such"',
    );
  });

  it('steps run in order; unanimous needs every approver; approvers by manager, field and user', () => {
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.transitions![1]!.approvals = [
      {
        id: 'chain',
        steps: [
          { id: 'manager', approvers: [{ managerOf: 'owner' }] },
          {
            id: 'owner-and-ceo',
            mode: 'unanimous',
            approvers: [{ field: 'owner' }, { user: 'u-ceo' }],
          },
        ],
      },
    ];
    const chain = compile(definition).pipeline!;
    let { opp } = requested(record({ ...complete, stage: 'proposal' }), 'quote', chain);
    expect(opp.approvals[0]?.steps).toMatchObject([
      { id: 'manager', status: 'pending', approvers: ['u-manager'] },
      { id: 'owner-and-ceo', status: 'waiting', approvers: ['u-rep', 'u-ceo'] },
    ]);
    // The second step cannot be decided before the first.
    expect('error' in chain.decide(opp, 'chain', 'approve', as('u-ceo'))).toBe(true);
    let update = ok(chain.decide(opp, 'chain', 'approve', as('u-manager')));
    expect(update.ended).toBeUndefined();
    expect(update.approval.steps.map((step) => step.status)).toEqual(['approved', 'pending']);
    opp = applied(opp, update);
    update = ok(chain.decide(opp, 'chain', 'approve', as('u-rep')));
    expect(update.approval.steps.map((step) => step.status)).toEqual(['approved', 'pending']);
    opp = applied(opp, update);
    expect(error(chain.decide(opp, 'chain', 'approve', as('u-rep')))['zh-CN']).toBe(
      '你已处理过审批步骤「owner-and-ceo」',
    );
    update = ok(chain.decide(opp, 'chain', 'approve', as('u-ceo')));
    expect(update).toMatchObject({ ended: 'approved', moveTo: 'quote' });
  });

  it('several approvals of one move: the record moves once all are approved', () => {
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.transitions![1]!.approvals!.push({
      id: 'finance-check',
      steps: [{ id: 'finance', approvers: [{ role: 'finance' }] }],
    });
    const two = compile(definition).pipeline!;
    let { opp } = requested(
      record({ ...complete, stage: 'proposal', amount: 70000 }),
      'quote',
      two,
    );
    expect(opp.approvals.map((a) => a.id)).toEqual(['large-quote', 'finance-check']);
    const first = ok(two.decide(opp, 'large-quote', 'approve', as('u-director')));
    expect(first).toMatchObject({ ended: 'approved' });
    expect(first.moveTo).toBeUndefined();
    opp = applied(opp, first);
    expect(ok(two.decide(opp, 'finance-check', 'approve', as('u-finance'))).moveTo).toBe('quote');
  });

  it('recall: the requester withdraws a pending approval; nobody else can', () => {
    const { opp } = requested(record({ ...complete, stage: 'proposal', amount: 80000 }), 'quote');
    expect(error(pipeline.recall(opp, 'large-quote', as('u-director'))).en).toBe(
      'only the requester u-rep may recall the approval "large-quote"',
    );
    const update = ok(pipeline.recall(opp, 'large-quote', as('u-rep', T0 + 2 * HOUR)));
    expect(update.approval).toMatchObject({ status: 'recalled', endedAt: T0 + 2 * HOUR });
    expect(update.moveTo).toBeUndefined();
    const after = applied(opp, update);
    expect('error' in pipeline.decide(after, 'large-quote', 'approve', as('u-director'))).toBe(
      true,
    );
    expect('error' in pipeline.recall(after, 'large-quote', as('u-rep'))).toBe(true);
  });

  it('asking twice for a move that waits gives back the running approvals, not new ones', () => {
    const { request, opp } = requested(
      record({ ...complete, stage: 'proposal', amount: 80000 }),
      'quote',
    );
    const again = pipeline.requestMove(opp, 'quote', as('u-rep', T0 + HOUR));
    expect(again.approvals).toEqual(request.approvals);
  });

  it('approved, but the record no longer meets the gate or has left the stage: it does not move', () => {
    const { opp } = requested(record({ ...complete, stage: 'proposal', amount: 80000 }), 'quote');
    const cleared = { ...opp, values: { ...opp.values, budgetRange: '' } };
    const update = ok(pipeline.decide(cleared, 'large-quote', 'approve', as('u-director')));
    expect(update.ended).toBe('approved');
    expect(update.moveTo).toBeUndefined();
    const lost = pipeline.enterStage(opp, 'lost', T0 + HOUR, 'u-rep');
    expect(
      ok(pipeline.decide(lost, 'large-quote', 'approve', as('u-director'))).moveTo,
    ).toBeUndefined();
  });
});
