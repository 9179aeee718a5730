/** A rejection or recall cancels the other approvals of the same request still pending. */
import type { PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { ApprovalUpdate } from '../../app/parts.js';
import type { RecordState } from '../../app/types.js';
import {
  as,
  clone,
  complete,
  HOUR,
  opportunity,
  opportunityPipeline,
  record,
  T0,
} from '../__tests__/index.js';
import type { ApprovalError } from './approvalError.js';
import { isSameApproval } from './cancelSiblings.js';

/** 发送报价 waits for two approvals: 大额报价审批 (the director) and a finance check. */
function twoApprovals() {
  const definition: PipelineDefinition = clone(opportunityPipeline);
  definition.transitions![1]!.approvals!.push({
    id: 'finance-check',
    label: '财务审核',
    steps: [
      { id: 'finance', label: '财务确认', approvers: [{ role: 'finance' }] },
      { id: 'director-again', approvers: [{ role: 'sales-director' }] },
    ],
  });
  return opportunity(definition);
}

const pipeline = twoApprovals();

function ok(result: ApprovalUpdate | ApprovalError): ApprovalUpdate {
  if ('error' in result) throw new Error(result.error.en);
  return result;
}

/** The record with the update in place, as the app applies it. */
function applied(opp: RecordState, update: ApprovalUpdate): RecordState {
  const all = [update.approval, ...(update.cancelled ?? [])];
  return {
    ...opp,
    approvals: opp.approvals.map(
      (a) => (a.status === 'pending' && all.find((u) => isSameApproval(u, a))) || a,
    ),
  };
}

/** Asks for 报价 at `now` as the rep and keeps the approvals it starts on the record. */
function requested(opp: RecordState, now = T0): RecordState {
  const request = pipeline.requestMove(opp, 'quote', as('u-rep', now));
  expect(request.blocked).toBeUndefined();
  const started = request.approvals.filter((a) => !opp.approvals.includes(a));
  return { ...opp, approvals: [...opp.approvals, ...started] };
}

const start = record({ ...complete, stage: 'proposal', amount: 80000 });

describe('approvals of one request', () => {
  it('given two approvals of one request, when one is rejected, then the other ends cancelled and its approvers can no longer decide', () => {
    const opp = requested(start);
    expect(opp.approvals.map((a) => [a.id, a.status])).toEqual([
      ['large-quote', 'pending'],
      ['finance-check', 'pending'],
    ]);
    const update = ok(pipeline.decide(opp, 'large-quote', 'reject', as('u-director', T0 + HOUR)));
    expect(update.ended).toBe('rejected');
    expect(update.cancelled).toEqual([
      {
        ...opp.approvals[1],
        status: 'cancelled',
        endedAt: T0 + HOUR,
        cancelledBy: 'large-quote',
      },
    ]);
    // Its steps stay as they were: it got as far as the finance step.
    expect(update.cancelled?.[0]?.steps.map((step) => step.status)).toEqual(['pending', 'waiting']);
    const after = applied(opp, update);
    expect(after.approvals.map((a) => a.status)).toEqual(['rejected', 'cancelled']);
    const late = pipeline.decide(after, 'finance-check', 'approve', as('u-finance'));
    expect('error' in late && late.error.en).toBe('there is no pending approval "finance-check"');
  });

  it('given one approval approved already, when the other is rejected, then only pending ones are cancelled', () => {
    let opp = requested(start);
    opp = applied(opp, ok(pipeline.decide(opp, 'large-quote', 'approve', as('u-director'))));
    const update = ok(pipeline.decide(opp, 'finance-check', 'reject', as('u-finance')));
    expect(update.cancelled).toBeUndefined();
    expect(applied(opp, update).approvals.map((a) => a.status)).toEqual(['approved', 'rejected']);
  });

  it('given a step halfway, when it is approved, then nothing is cancelled', () => {
    const opp = requested(start);
    const update = ok(pipeline.decide(opp, 'finance-check', 'approve', as('u-finance')));
    expect(update.ended).toBeUndefined();
    expect(update.cancelled).toBeUndefined();
  });

  it('given two approvals of one request, when the requester recalls one, then the other ends cancelled', () => {
    const opp = requested(start);
    const update = ok(pipeline.recall(opp, 'finance-check', as('u-rep', T0 + HOUR)));
    expect(update.approval.status).toBe('recalled');
    expect(update.cancelled).toMatchObject([
      { id: 'large-quote', status: 'cancelled', endedAt: T0 + HOUR, cancelledBy: 'finance-check' },
    ]);
    expect(update.moveTo).toBeUndefined();
  });

  it('given a rejected request, when the move is asked for again, then both approvals start anew and the old ones are left alone', () => {
    let opp = requested(start);
    opp = applied(opp, ok(pipeline.decide(opp, 'large-quote', 'reject', as('u-director'))));
    opp = requested(opp, T0 + 2 * HOUR);
    expect(opp.approvals.map((a) => [a.id, a.status])).toEqual([
      ['large-quote', 'rejected'],
      ['finance-check', 'cancelled'],
      ['large-quote', 'pending'],
      ['finance-check', 'pending'],
    ]);
    const update = ok(pipeline.decide(opp, 'finance-check', 'reject', as('u-finance')));
    expect(update.cancelled).toMatchObject([
      { id: 'large-quote', requestedAt: T0 + 2 * HOUR, cancelledBy: 'finance-check' },
    ]);
    expect(applied(opp, update).approvals.map((a) => a.status)).toEqual([
      'rejected',
      'cancelled',
      'cancelled',
      'rejected',
    ]);
  });
});
