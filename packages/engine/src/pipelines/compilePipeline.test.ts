import type { PipelineDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import {
  clone,
  compile,
  dealSimplePipeline,
  opportunity,
  opportunityPipeline,
} from './__tests__/index.js';

/** The diagnostics as `code pointer` lines, the way a test can read them at a glance. */
function located(definition: PipelineDefinition, roles?: readonly string[]) {
  const { pipeline, diagnostics } = compile(definition, undefined, roles);
  for (const diagnostic of diagnostics) expect(diagnostic.file).toBe('pipelines/opportunity.json');
  return {
    pipeline,
    found: diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`),
    diagnostics,
  };
}

function edit(change: (definition: PipelineDefinition) => void): PipelineDefinition {
  const definition = clone(opportunityPipeline);
  change(definition);
  return definition;
}

describe('compilePipeline', () => {
  it('compiles the S34 pipeline 线索 → 方案 → 报价 → 合同 → 回款 without diagnostics', () => {
    const { pipeline, found } = located(opportunityPipeline);
    expect(found).toEqual([]);
    expect(pipeline?.stages.map((stage) => stage.label['zh-CN'])).toEqual([
      '线索',
      '方案',
      '报价',
      '合同',
      '回款',
      '回款完成',
      '输单',
    ]);
    expect(pipeline?.stageField).toBe('stage');
    expect(pipeline?.initialStage).toBe('lead');
  });

  it('compiles to an xstate machine: stages are states, final stages final, one event per move', () => {
    const pipeline = opportunity();
    const machine = pipeline.machine;
    expect(machine.id).toBe('opportunity');
    expect(Object.keys(machine.states)).toEqual([
      'lead',
      'proposal',
      'quote',
      'contract',
      'payment',
      'paid',
      'lost',
    ]);
    expect(machine.states.paid?.type).toBe('final');
    expect(machine.states.lost?.type).toBe('final');
    expect(machine.states.quote?.type).toBe('atomic');
    expect(pipeline.transitionsFrom('quote').map((t) => t.key)).toEqual(['sign-contract', 'lose']);
    expect(pipeline.transitionsFrom('lead').map((t) => [t.key, t.to])).toEqual([
      ['to-proposal', 'proposal'],
      ['lose', 'lost'],
    ]);
    expect(pipeline.transitionsFrom('paid')).toEqual([]);
    // The designer reads the machine's own description of the moves.
    const json = machine.toJSON() as unknown as {
      states: Record<string, { on: Record<string, unknown> }>;
    };
    expect(Object.keys(json.states.proposal?.on ?? {})).toEqual(['send-quote', 'lose']);
  });

  it('gives a pipeline without transitions the default moves: next stage and any final stage', () => {
    const definition = dealSimplePipeline;
    const { pipeline, found } = located(
      { ...definition, entity: 'opportunity', stageField: 'stage' },
      undefined,
    );
    // deal-simple's contract scan is not a field of the opportunity entity.
    expect(found).toEqual(['error RL5209 /stages/3/entryGate/requiredAttachments/0']);
    expect(pipeline).toBeUndefined();
    const ok = located({
      ...definition,
      entity: 'opportunity',
      stageField: 'stage',
      stages: definition.stages.map((stage) => {
        const { entryGate: _gate, ...rest } = stage;
        return rest;
      }) as PipelineDefinition['stages'],
    });
    expect(ok.found).toEqual([]);
    expect(ok.pipeline?.transitions.map((t) => t.key)).toEqual([
      'lead->opportunity',
      'lead->collected',
      'opportunity->quote',
      'opportunity->collected',
      'quote->signed',
      'quote->collected',
      'signed->collected',
    ]);
  });

  describe('bad definitions give located diagnostics', () => {
    it('an unknown stage in a transition or as the initial stage', () => {
      const { pipeline, found, diagnostics } = located(
        edit((d) => {
          d.initialStage = 'leads';
          d.transitions![0]!.to = 'propsal';
          d.transitions![5]!.from = ['lead', 'qoute'];
        }),
      );
      expect(pipeline).toBeUndefined();
      expect(found).toEqual([
        'error RL5206 /initialStage',
        'error RL5206 /transitions/0/to',
        'error RL5206 /transitions/5/from/1',
      ]);
      expect(diagnostics[1]?.message['zh-CN']).toBe('阶段 "propsal" 不存在');
      expect(diagnostics[1]?.hint.en).toContain('lead, proposal, quote');
    });

    it('an unreachable stage and a stage with no way out (warnings)', () => {
      const { pipeline, found, diagnostics } = located(
        edit((d) => {
          d.transitions = d.transitions!.filter((t) => t.id !== 'start-payment');
          d.transitions.at(-1)!.from = ['lead', 'proposal', 'quote'];
        }),
      );
      expect(found).toEqual([
        'warning RL5216 /stages/3',
        'warning RL5215 /stages/4',
        'warning RL5215 /stages/5',
      ]);
      expect(diagnostics[1]?.message.en).toBe(
        'the stage "payment" cannot be reached from the initial stage "lead"',
      );
      // Warnings do not stop the pipeline from compiling.
      expect(pipeline).toBeDefined();
    });

    it('an unknown role in allowedRoles or an approver', () => {
      const { pipeline, found, diagnostics } = located(
        edit((d) => {
          d.transitions![4]!.allowedRoles = ['finance', 'accountant'];
        }),
        ['sales-rep', 'finance', 'legal'],
      );
      expect(pipeline).toBeUndefined();
      expect(found).toEqual([
        'error RL5211 /transitions/1/approvals/0/steps/0/approvers/0/role',
        'error RL5211 /transitions/4/allowedRoles/1',
      ]);
      expect(diagnostics[0]?.message['zh-CN']).toBe('角色 "sales-director" 未在应用中定义');
    });

    it('gate fields that are not fields, attachments that are not files, approvers that are not users', () => {
      const { found, diagnostics } = located(
        edit((d) => {
          d.stages[2]!.entryGate!.requiredFields = ['budget', 'decisionRole'];
          d.stages[5]!.entryGate!.requiredAttachments = ['title'];
          d.transitions![1]!.approvals![0]!.steps[0]!.approvers = [
            { field: 'amount' },
            { managerOf: 'owner' },
            { managerOf: 'salesman' },
          ];
        }),
      );
      expect(found).toEqual([
        'error RL5209 /stages/2/entryGate/requiredFields/0',
        'error RL5210 /stages/5/entryGate/requiredAttachments/0',
        'error RL5212 /transitions/1/approvals/0/steps/0/approvers/0/field',
        'error RL5209 /transitions/1/approvals/0/steps/0/approvers/2/managerOf',
      ]);
      expect(diagnostics[1]?.message['zh-CN']).toBe('字段 "title" 是文本字段，不是附件或照片字段');
      expect(diagnostics[2]?.message.en).toBe(
        'the approver field "amount" is a money field, not a user field',
      );
    });

    it('gate conditions are type-checked against the entity', () => {
      const { pipeline, found } = located(
        edit((d) => {
          d.transitions![2]!.gate!.conditions![0]!.expression = {
            '<=': [{ var: 'contractDays' }, 3],
          };
        }),
      );
      expect(pipeline).toBeUndefined();
      expect(found).toEqual(['error RL2007 /transitions/2/gate/conditions/0/expression/<=/0/var']);
    });

    it('duplicate stage, transition, approval and step ids', () => {
      const { found } = located(
        edit((d) => {
          d.stages.push({ id: 'quote', label: '重复' });
          d.transitions![3]!.id = 'to-proposal';
          const legal = d.transitions![2]!.approvals![0]!;
          legal.steps[1]!.id = 'legal-approve';
          d.transitions![2]!.approvals!.push(clone(legal));
        }),
      );
      expect(found).toEqual([
        'error RL5205 /stages/7/id',
        'error RL5214 /transitions/2/approvals/0/steps/1/id',
        'error RL5213 /transitions/2/approvals/1/id',
        'error RL5214 /transitions/2/approvals/1/steps/1/id',
        'error RL5207 /transitions/3/id',
      ]);
    });

    it('an unknown entity, and a stage field the entity does not have', () => {
      expect(located(edit((d) => void (d.entity = 'deal'))).found).toEqual([
        'error RL5201 /entity',
      ]);
      expect(located(edit((d) => void (d.stageField = 'status'))).found).toEqual([
        'error RL5202 /stageField',
      ]);
      expect(located(edit((d) => void (d.stageField = 'amount'))).found).toEqual([
        'error RL5203 /stageField',
      ]);
    });

    it('a transition out of a final stage is ignored, with a warning', () => {
      const { pipeline, found } = located(
        edit((d) => {
          d.transitions!.push({ id: 'reopen', from: 'lost', to: 'lead' });
        }),
      );
      expect(found).toEqual(['warning RL5208 /transitions/6/from']);
      expect(pipeline?.transitionsFrom('lost')).toEqual([]);
    });
  });
});
