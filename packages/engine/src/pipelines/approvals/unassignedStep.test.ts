/** RL5266: a move whose approval step has nobody to decide it is refused, nothing started. */
import type { Approval, PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import type { RecordState } from '../../app/types.js';
import {
  as,
  clone,
  complete,
  opportunity,
  opportunityPipeline,
  record,
} from '../__tests__/index.js';

/** The opportunity pipeline with `approvals` on 发送报价 (方案 → 报价). */
function withApprovals(...approvals: Approval[]) {
  const definition: PipelineDefinition = clone(opportunityPipeline);
  definition.transitions![1]!.approvals = approvals;
  return opportunity(definition);
}

const managerStep: Approval = {
  id: 'manager-check',
  label: '经理审批',
  steps: [{ id: 'manager', label: '总监审批', approvers: [{ managerOf: 'owner' }] }],
};

const inProposal = (values: Readonly<Record<string, unknown>> = {}): RecordState =>
  record({ ...complete, stage: 'proposal', ...values });

describe('an approval step whose approvers resolve to nobody', () => {
  it('given a step whose manager is unknown, when the move is requested, then it is refused with RL5266 naming the step and nothing is started', () => {
    const pipeline = withApprovals(managerStep);
    // 张总监 has no manager in the directory.
    const request = pipeline.requestMove(inProposal({ owner: 'u-director' }), 'quote', as('u-rep'));
    expect(request.gate.allowed).toBe(true);
    expect(request.approvals).toEqual([]);
    expect(request.blocked).toMatchObject({
      code: 'RL5266',
      severity: 'error',
      file: 'pipelines/opportunity.json',
      pointer: '/transitions/1/approvals/0/steps/0',
      message: {
        'zh-CN': '审批步骤「总监审批」找不到审批人（负责人 张总监 没有上级）',
        en: 'nobody can decide the approval step "总监审批" (负责人 张总监 has no manager)',
      },
      hint: {
        'zh-CN':
          '在通讯录中设置上级或分配角色、填写审批人字段，或请管理员修改「经理审批」的审批人设置',
      },
    });
  });

  it('given an owner who is not in the directory or no owner, when the move is requested, then the reason says which', () => {
    const pipeline = withApprovals(managerStep);
    const message = (values: Readonly<Record<string, unknown>>) =>
      pipeline.requestMove(inProposal(values), 'quote', as('u-rep')).blocked?.message;
    expect(message({ owner: 'u-gone' })?.['zh-CN']).toBe(
      '审批步骤「总监审批」找不到审批人（负责人 u-gone 不在通讯录中）',
    );
    expect(message({ owner: '' })?.en).toBe(
      'nobody can decide the approval step "总监审批" ("负责人" is empty)',
    );
  });

  it('given a role nobody holds and an empty user field, when the move is requested, then every approver setting is explained', () => {
    const definition: PipelineDefinition = clone(opportunityPipeline);
    definition.transitions![1]!.approvals = [
      {
        id: 'regional',
        steps: [
          {
            id: 'regional-director',
            label: { 'zh-CN': '区域总监审批', en: 'Regional director' },
            approvers: [{ role: 'regional-director' }, { field: 'owner' }],
          },
        ],
      },
    ];
    const request = opportunity(definition).requestMove(
      inProposal({ owner: undefined }),
      'quote',
      as('u-rep'),
    );
    expect(request.blocked?.message).toEqual({
      'zh-CN': '审批步骤「区域总监审批」找不到审批人（没有人担任「区域总监」、「负责人」为空）',
      en: 'nobody can decide the approval step "Regional director" (nobody has the role "Regional director", "负责人" is empty)',
    });
  });

  it('given a later step that resolves to nobody, when the move is requested, then it is refused before anyone is asked', () => {
    const pipeline = withApprovals({
      id: 'chain',
      steps: [
        { id: 'director', label: '销售总监审批', approvers: [{ role: 'sales-director' }] },
        { id: 'regional', label: '区域总监审批', approvers: [{ role: 'regional-director' }] },
      ],
    });
    const request = pipeline.requestMove(inProposal(), 'quote', as('u-rep'));
    expect(request.approvals).toEqual([]);
    expect(request.blocked?.pointer).toBe('/transitions/1/approvals/0/steps/1');
    expect(request.blocked?.message['zh-CN']).toBe(
      '审批步骤「区域总监审批」找不到审批人（没有人担任「区域总监」）',
    );
  });

  it('given the step with nobody does not apply (its when is false), when the move is requested, then the approval starts with the steps that apply', () => {
    const pipeline = withApprovals({
      id: 'chain',
      steps: [
        { id: 'director', approvers: [{ role: 'sales-director' }] },
        {
          id: 'regional',
          when: { '>': [{ var: 'amount' }, 1000000] },
          approvers: [{ role: 'regional-director' }],
        },
      ],
    });
    const request = pipeline.requestMove(inProposal({ amount: 80000 }), 'quote', as('u-rep'));
    expect(request.blocked).toBeUndefined();
    expect(request.approvals[0]?.steps).toMatchObject([
      { id: 'director', status: 'pending', approvers: ['u-director'] },
      { id: 'regional', status: 'skipped', approvers: [] },
    ]);
    // Over the threshold the step applies, and nobody holds the role.
    expect(
      pipeline.requestMove(inProposal({ amount: 2000000 }), 'quote', as('u-rep')).blocked?.code,
    ).toBe('RL5266');
  });

  it('given one approver setting finds nobody but another finds someone, when the move is requested, then the step starts with those found', () => {
    const pipeline = withApprovals({
      id: 'either',
      steps: [{ id: 'boss', approvers: [{ managerOf: 'owner' }, { role: 'sales-director' }] }],
    });
    const request = pipeline.requestMove(inProposal({ owner: 'u-director' }), 'quote', as('u-rep'));
    expect(request.blocked).toBeUndefined();
    expect(request.approvals[0]?.steps[0]).toMatchObject({
      status: 'pending',
      approvers: ['u-director'],
    });
  });

  it('given an approval whose when is false, when the move is requested, then its steps are not resolved and the move may happen now', () => {
    const pipeline = withApprovals({
      ...managerStep,
      when: { '>': [{ var: 'amount' }, 1000000] },
    });
    const request = pipeline.requestMove(inProposal({ owner: 'u-director' }), 'quote', as('u-rep'));
    expect(request).toMatchObject({ approvals: [] });
    expect(request.blocked).toBeUndefined();
  });
});
