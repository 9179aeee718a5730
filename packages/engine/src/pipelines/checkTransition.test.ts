import type { EntityDefinition, PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { GateFailure, RecordState } from '../app/types.js';
import {
  as,
  clone,
  compile,
  complete,
  HOUR,
  opportunity,
  opportunityEntity,
  opportunityPipeline,
  record,
  T0,
} from './__tests__/index.js';

const pipeline = opportunity();
const rep = as('u-rep');

/** What a rep reads, one line per failure, in one language. */
function told(failures: readonly GateFailure[], locale: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  return failures.map((failure) => pipeline.describeFailure(failure)[locale]);
}

describe('checkTransition', () => {
  it('S34: walks 线索 → 方案 → 报价 → 合同 → 回款 → 回款完成 when every gate is met', () => {
    let opp: RecordState = record({
      ...complete,
      stage: 'lead',
      poAcceptanceScan: [{ name: 'po.pdf' }],
    });
    const path = ['proposal', 'quote', 'contract', 'payment', 'paid'];
    path.forEach((to, i) => {
      const ctx = to === 'paid' ? as('u-finance') : rep;
      const result = pipeline.checkTransition(opp, to, ctx);
      expect(result).toMatchObject({ allowed: true, pipeline: 'opportunity', to, failures: [] });
      opp = pipeline.enterStage(opp, to, T0 + (i + 1) * HOUR, ctx.actor.id);
    });
    expect(pipeline.stageOf(opp)).toBe('paid');
    expect(opp.stageHistory.opportunity?.map((visit) => visit.stage)).toEqual(path);
  });

  it('S38: cannot advance to 报价 without budget range and decision-chain role, and says exactly that', () => {
    const opp = record({ title: '年度采购', stage: 'proposal', amount: 30000 });
    const result = pipeline.checkTransition(opp, 'quote', rep);
    expect(result.allowed).toBe(false);
    expect(result.transition).toBe('send-quote');
    expect(result.failures.map((f) => f.type)).toEqual(['missingField', 'missingField']);
    expect(told(result.failures)).toEqual([
      '缺少必填字段「预算范围」',
      '缺少必填字段「决策链角色」',
    ]);
    expect(told(result.failures, 'en')).toEqual([
      'missing required field "Budget range"',
      'missing required field "Decision-chain role"',
    ]);
  });

  it('S38: blank text and empty lists do not count as filled; every unmet requirement is listed', () => {
    const opp = record({ stage: 'proposal', budgetRange: '  ', decisionRole: null, amount: 0 });
    const result = pipeline.checkTransition(opp, 'quote', rep);
    expect(result.failures).toMatchObject([
      { type: 'missingField', field: 'budgetRange' },
      { type: 'missingField', field: 'decisionRole' },
      { type: 'condition', id: 'amount-set', message: { 'zh-CN': '请先填写报价金额' } },
    ]);
  });

  it('S38: cannot mark 回款完成 without the PO acceptance scan', () => {
    const finance = as('u-finance');
    const opp = record({ ...complete, stage: 'payment', poAcceptanceScan: [] });
    const result = pipeline.checkTransition(opp, 'paid', finance);
    expect(result.allowed).toBe(false);
    expect(result.failures).toEqual([
      {
        type: 'missingAttachment',
        field: 'poAcceptanceScan',
        label: { 'zh-CN': 'PO验收单扫描件', en: 'PO acceptance scan' },
      },
    ]);
    expect(told(result.failures)).toEqual(['缺少附件「PO验收单扫描件」']);
    const scanned = record({ ...opp.values, poAcceptanceScan: [{ name: 'po.pdf' }] });
    expect(pipeline.checkTransition(scanned, 'paid', finance).allowed).toBe(true);
  });

  it('S27: a payment milestone more than 3 days later than promised blocks signing, with its message and trace', () => {
    const opp = record({
      ...complete,
      stage: 'quote',
      quotedMilestoneDays: 30,
      contractMilestoneDays: 34,
    });
    const result = pipeline.checkTransition(opp, 'contract', rep);
    expect(result.allowed).toBe(false);
    expect(result.transition).toBe('sign-contract');
    const [failure] = result.failures;
    expect(failure).toMatchObject({
      type: 'condition',
      id: 'milestones-match',
      message: { 'zh-CN': '合同回款节点比报价承诺晚3天以上，请与客户确认' },
    });
    // The trace shows what the condition saw: 34 − 30 = 4, and 4 <= 3 is false.
    expect(failure?.type === 'condition' && failure.trace[0]).toMatchObject({
      operator: '<=',
      pointer: '/transitions/2/gate/conditions/0/expression/<=',
      value: false,
      children: [{ operator: '-', value: 4 }],
    });
    const onTime = record({ ...opp.values, contractMilestoneDays: 33 });
    expect(pipeline.checkTransition(onTime, 'contract', rep).allowed).toBe(true);
  });

  it('S27 with dates: the promised and the contract payment dates more than 3 days apart', () => {
    const entity: EntityDefinition = clone(opportunityEntity);
    entity.fields.push(
      { id: 'promisedPayDate', label: '承诺回款日期', type: 'date' },
      { id: 'contractPayDate', label: '合同回款日期', type: 'date' },
    );
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.transitions![2]!.gate = {
      conditions: [
        {
          id: 'pay-date-match',
          expression: {
            '<=': [
              {
                abs: [{ date_diff: [{ var: 'promisedPayDate' }, { var: 'contractPayDate' }, 'd'] }],
              },
              3,
            ],
          },
          message: {
            'zh-CN': '合同回款日期与报价承诺相差超过3天',
            en: 'Payment dates differ by more than 3 days',
          },
        },
      ],
    };
    const { pipeline: dated } = compile(definition, [entity]);
    const opp = record({
      ...complete,
      stage: 'quote',
      promisedPayDate: '2024-07-01',
      contractPayDate: '2024-07-05',
    });
    const result = dated!.checkTransition(opp, 'contract', rep);
    expect(result.failures).toMatchObject([{ type: 'condition', id: 'pay-date-match' }]);
    const close = record({ ...opp.values, contractPayDate: '2024-06-28' });
    expect(dated!.checkTransition(close, 'contract', rep).allowed).toBe(true);
  });

  it('S43: a gate keeps a contract from going ahead while a locked clause differs from the approved text', () => {
    const entity: EntityDefinition = clone(opportunityEntity);
    entity.fields.push(
      { id: 'ipClause', label: '知识产权条款', type: 'text', readOnly: true },
      { id: 'approvedIpClause', label: '已审批知识产权条款', type: 'text', readOnly: true },
    );
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.stages[3]!.entryGate = {
      requiredFields: ['ipClause'],
      conditions: [
        {
          id: 'locked-clauses',
          expression: { '==': [{ var: 'ipClause' }, { var: 'approvedIpClause' }] },
          message: {
            'zh-CN': '锁定条款不可修改：知识产权条款与审批版本不一致',
            en: 'Locked clause changed: IP ownership differs from the approved text',
          },
        },
      ],
    };
    const { pipeline: locked } = compile(definition, [entity]);
    const text = '双方各自保留其既有知识产权';
    const edited = record({
      ...complete,
      stage: 'quote',
      ipClause: `${text}（修改）`,
      approvedIpClause: text,
    });
    expect(told(locked!.checkTransition(edited, 'contract', rep).failures)).toEqual([
      '锁定条款不可修改：知识产权条款与审批版本不一致',
    ]);
    const kept = record({ ...edited.values, ipClause: text });
    expect(locked!.checkTransition(kept, 'contract', rep).allowed).toBe(true);
  });

  it('both the transition gate and the target stage entry gate apply', () => {
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.transitions![1]!.gate = { requiredFields: ['budgetRange', 'expectedCloseDate'] };
    const both = compile(definition).pipeline!;
    const opp = record({ stage: 'proposal', amount: 10 });
    expect(
      both
        .checkTransition(opp, 'quote', rep)
        .failures.map((f) => f.type === 'missingField' && f.field),
    ).toEqual(['budgetRange', 'expectedCloseDate', 'decisionRole']);
  });

  it('allowedRoles: only finance may mark 回款完成', () => {
    const opp = record({ ...complete, stage: 'payment', poAcceptanceScan: 'files/po.pdf' });
    const result = pipeline.checkTransition(opp, 'paid', rep);
    expect(result.allowed).toBe(false);
    expect(result.failures).toEqual([{ type: 'notAllowed', roles: ['finance'] }]);
    expect(told(result.failures)).toEqual(['只有以下角色可以执行此操作：财务']);
    expect(pipeline.checkTransition(opp, 'paid', as('u-finance')).allowed).toBe(true);
    // The system (an automation, no actor) is not held to allowedRoles.
    expect(pipeline.checkTransition(opp, 'paid', { now: T0 }).allowed).toBe(true);
  });

  it('a move the pipeline does not have', () => {
    const opp = record({ ...complete, stage: 'proposal' });
    for (const to of ['paid', 'nowhere', 'proposal']) {
      const result = pipeline.checkTransition(opp, to, rep);
      expect(result).toEqual({
        allowed: false,
        pipeline: 'opportunity',
        from: 'proposal',
        to,
        failures: [{ type: 'noTransition', from: 'proposal', to }],
        approvalsRequired: [],
      });
    }
    expect(told(pipeline.checkTransition(opp, 'paid', rep).failures)).toEqual([
      '不能从「方案」进入「回款完成」',
    ]);
    // Nothing leaves a final stage.
    const lost = record({ ...complete, stage: 'lost' });
    expect(pipeline.checkTransition(lost, 'lead', rep).failures[0]?.type).toBe('noTransition');
  });

  it('a record with no stage yet is in the initial stage; an unknown stage value moves nowhere', () => {
    expect(pipeline.stageOf(record({}))).toBe('lead');
    expect(pipeline.checkTransition(record({}), 'proposal', rep).allowed).toBe(true);
    expect(pipeline.stageOf(record({ stage: 'archived' }))).toBeUndefined();
    expect(pipeline.checkTransition(record({ stage: 'archived' }), 'proposal', rep)).toMatchObject({
      allowed: false,
      from: 'archived',
      failures: [{ type: 'noTransition', from: 'archived', to: 'proposal' }],
    });
  });

  it('a warning condition is shown but does not block', () => {
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.stages[1]!.entryGate = {
      conditions: [
        {
          id: 'close-date',
          expression: { '!!': [{ var: 'expectedCloseDate' }] },
          message: '建议填写预计成交日期',
          severity: 'warning',
        },
      ],
    };
    const warned = compile(definition).pipeline!;
    const result = warned.checkTransition(record({ stage: 'lead' }), 'proposal', rep);
    expect(result.allowed).toBe(true);
    expect(result.failures).toMatchObject([
      { type: 'condition', id: 'close-date', severity: 'warning' },
    ]);
  });

  it('lists the approvals the move needs (S34b over 50,000)', () => {
    const small = record({ ...complete, stage: 'proposal', amount: 50000 });
    expect(pipeline.checkTransition(small, 'quote', rep).approvalsRequired).toEqual([]);
    const large = record({ ...complete, stage: 'proposal', amount: 50000.01 });
    expect(pipeline.checkTransition(large, 'quote', rep).approvalsRequired).toEqual([
      'large-quote',
    ]);
  });

  it('xstate and the failure list agree: allowed exactly when no failure blocks', () => {
    const opp = record({
      stage: 'proposal',
      budgetRange: 'under-50k',
      decisionRole: 'user',
      amount: 1,
    });
    const result = pipeline.checkTransition(opp, 'quote', rep);
    expect(result).toMatchObject({ allowed: true, failures: [] });
    const snapshot = pipeline.machine.resolveState({
      value: 'proposal',
      context: { record: opp, ctx: rep, ignoreRoles: false },
    });
    expect(snapshot.can({ type: 'send-quote' })).toBe(true);
    expect(snapshot.can({ type: 'sign-contract' })).toBe(false);
  });
});
