/**
 * The automation scenarios of SCENARIOS.md, run through `handleEvent` with the real
 * entity and pipeline compilers: S2, S12, S35, S6 and S4.
 */
import { describe, expect, it } from 'vitest';
import whitepaperLead from '@ruleloom/schemas/fixtures/valid/automation/whitepaper-lead.json' with { type: 'json' };
import contractSignedFinance from '@ruleloom/schemas/fixtures/valid/automation/contract-signed-finance.json' with { type: 'json' };
import stageQuoteIntent from '@ruleloom/schemas/fixtures/valid/automation/stage-quote-intent.json' with { type: 'json' };
import type { AutomationDefinition } from '@ruleloom/schemas';
import { handleEvent } from '../../app/handle.js';
import type { AppState, Effect, HandleResult } from '../../app/types.js';
import {
  NOW,
  account,
  automation,
  buildApp,
  context,
  contract,
  lead,
  opportunity,
  opportunityStages,
} from './harness.js';

const empty: AppState = { records: {} };

function effectsOf<T extends Effect['type']>(
  result: HandleResult,
  type: T,
): Extract<Effect, { type: T }>[] {
  return result.effects.filter(
    (effect): effect is Extract<Effect, { type: T }> => effect.type === type,
  );
}

describe('S2 auto-tagging: a lead from the website white-paper form', () => {
  const { app, diagnostics } = buildApp({
    entities: [lead],
    automations: [whitepaperLead as unknown as AutomationDefinition],
  });

  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('is tagged 官网-白皮书下载 and its owner is notified on WeCom, in both languages', () => {
    const result = handleEvent(
      app,
      empty,
      {
        type: 'record.create',
        entity: 'lead',
        recordId: 'L1',
        values: {
          name: '王磊',
          company: '华东精密',
          source: 'website',
          websiteForm: 'whitepaper',
          firstTouch: 'phone',
          intentGrade: 'B',
          owner: 'u-li',
        },
      },
      context(),
    );
    expect(result.outcome).toEqual({ ok: true });
    expect(result.state.records.L1?.values.tags).toEqual(['官网-白皮书下载']);
    expect(result.effects).toEqual([
      {
        type: 'notify',
        recordId: 'L1',
        channel: 'wecom',
        recipients: ['u-li'],
        title: { 'zh-CN': '新的白皮书线索', en: '新的白皮书线索' },
        message: {
          'zh-CN': '王磊（华东精密）下载了白皮书，请尽快跟进',
          en: '王磊 (华东精密) downloaded the white paper; follow up soon',
        },
        source: { automation: 'whitepaper-lead', action: 1 },
      },
    ]);
    expect(result.trace).toEqual([
      expect.objectContaining({
        kind: 'automation',
        automation: 'whitepaper-lead',
        outcome: 'fired',
        round: 0,
      }),
      // The tag changed the tags field: round 1 considers it again, for record.updated.
      expect.objectContaining({ automation: 'whitepaper-lead', outcome: 'trigger', round: 1 }),
    ]);
  });

  it('leaves other leads alone and says why', () => {
    const result = handleEvent(
      app,
      empty,
      {
        type: 'record.create',
        entity: 'lead',
        recordId: 'L2',
        values: { name: '陈晨', source: 'expo', firstTouch: 'visit', intentGrade: 'A' },
      },
      context(),
    );
    expect(result.state.records.L2?.values.tags).toBeUndefined();
    expect(result.effects).toEqual([]);
    const [entry] = result.trace;
    expect(entry).toMatchObject({ automation: 'whitepaper-lead', outcome: 'condition', round: 0 });
    expect(entry?.kind === 'automation' && entry.condition?.[0]).toMatchObject({
      operator: 'and',
      value: false,
    });
  });
});

describe('S12 contract → finance', () => {
  const { app, diagnostics } = buildApp({
    entities: [contract],
    automations: [contractSignedFinance as unknown as AutomationDefinition],
  });
  const draft = handleEvent(
    app,
    empty,
    {
      type: 'record.create',
      entity: 'contract',
      recordId: 'C1',
      values: {
        title: '华东精密年度框架合同',
        contractNo: 'HT-2024-0603',
        customer: '华东精密',
        amount: 480000,
        status: 'draft',
        contractScan: [{ name: '合同扫描件.pdf', url: 'https://files.example.com/c1.pdf' }],
        owner: 'u-li',
      },
    },
    context(),
  ).state;

  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('signing creates the finance review task with the scan, the ERP webhook and the 72 h timer', () => {
    const later = NOW + 3_600_000;
    const result = handleEvent(
      app,
      draft,
      { type: 'record.update', recordId: 'C1', values: { status: 'signed' } },
      context({ now: later }),
    );
    expect(result.outcome).toEqual({ ok: true });
    const [task] = effectsOf(result, 'createTask');
    expect(task).toEqual({
      type: 'createTask',
      recordId: 'C1',
      taskId: 'C1:contract-signed-finance:finance-review:1.0.0',
      title: {
        'zh-CN': '财务审核：华东精密年度框架合同',
        en: 'Finance review: 华东精密年度框架合同',
      },
      details: { 'zh-CN': '核对合同金额、税率与回款节点', en: '核对合同金额、税率与回款节点' },
      assignees: ['u-zhao', 'u-qian'],
      dueAt: later + 72 * 3_600_000,
      attachments: [{ name: '合同扫描件.pdf', url: 'https://files.example.com/c1.pdf' }],
      source: { automation: 'contract-signed-finance', action: 0 },
    });
    expect(effectsOf(result, 'startTimer')).toEqual([
      {
        type: 'startTimer',
        recordId: 'C1',
        timer: 'finance-review-72h',
        source: { automation: 'contract-signed-finance', action: 1 },
      },
    ]);
    expect(effectsOf(result, 'callWebhook')).toEqual([
      {
        type: 'callWebhook',
        recordId: 'C1',
        method: 'POST',
        url: 'https://erp.example.com/u8/api/sales-orders',
        headers: { 'Content-Type': 'application/json' },
        body: { contractNo: 'HT-2024-0603', customer: '华东精密', amount: 480000, taxRate: 0.13 },
        source: { automation: 'contract-signed-finance', action: 2 },
      },
    ]);
    expect(result.state.records.C1?.values.financeStatus).toBe('pending');
    expect(result.state.records.C1?.version).toBe(2);
  });

  it('other status changes do not reach finance', () => {
    const result = handleEvent(
      app,
      draft,
      { type: 'record.update', recordId: 'C1', values: { status: 'void' } },
      context(),
    );
    expect(result.effects).toEqual([]);
    expect(result.trace).toEqual([
      expect.objectContaining({ automation: 'contract-signed-finance', outcome: 'condition' }),
    ]);
  });

  it('a change to another field does not trigger it (changedFields)', () => {
    const result = handleEvent(
      app,
      draft,
      { type: 'record.update', recordId: 'C1', values: { amount: 500000 } },
      context(),
    );
    expect(result.trace).toEqual([
      expect.objectContaining({ automation: 'contract-signed-finance', outcome: 'trigger' }),
    ]);
  });
});

describe('S35 intent signal: an opportunity entering 报价', () => {
  const { app, diagnostics } = buildApp({
    entities: [opportunity],
    pipelines: [opportunityStages],
    automations: [stageQuoteIntent as unknown as AutomationDefinition],
  });
  const created = handleEvent(
    app,
    empty,
    {
      type: 'record.create',
      entity: 'opportunity',
      recordId: 'O1',
      values: {
        title: '华东精密二期',
        customer: 'A-001',
        amount: 30000,
        budgetRange: 'under-50k',
        decisionRole: 'decision-maker',
        owner: 'u-li',
      },
    },
    context(),
  );
  const proposal = handleEvent(
    app,
    created.state,
    { type: 'stage.move', recordId: 'O1', to: 'proposal' },
    context({ actor: { id: 'u-li', roles: ['sales-rep'] } }),
  );

  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(created.state.records.O1?.values.stage).toBe('lead');
    expect(proposal.outcome).toEqual({ ok: true });
  });

  it('marks high intent, tags it and pushes it to the rep', () => {
    const at = NOW + 86_400_000;
    const result = handleEvent(
      app,
      proposal.state,
      { type: 'stage.move', recordId: 'O1', to: 'quote' },
      context({ now: at, actor: { id: 'u-li', roles: ['sales-rep'] } }),
    );
    expect(result.outcome).toEqual({ ok: true });
    const record = result.state.records.O1;
    expect(record?.values.stage).toBe('quote');
    expect(record?.mark).toEqual({
      color: 'orange',
      reason: { 'zh-CN': '高意向', en: 'High intent' },
      at,
      by: 'stage-quote-intent',
    });
    // The opportunity entity declares no tags field: the tag goes on the record.
    expect(record?.tags).toEqual(['高意向']);
    expect(result.effects).toEqual([
      expect.objectContaining({
        type: 'notify',
        channel: 'wecom',
        recipients: ['u-li'],
        message: {
          'zh-CN': '华东精密二期 已进入报价阶段，请优先跟进',
          en: '华东精密二期 已进入报价阶段，请优先跟进',
        },
      }),
    ]);
    expect(result.trace.map((entry) => entry.kind)).toEqual(['gate', 'automation']);
  });

  it('does not fire for other stages', () => {
    expect(proposal.effects).toEqual([]);
    expect(proposal.trace).toContainEqual(
      expect.objectContaining({ automation: 'stage-quote-intent', outcome: 'trigger' }),
    );
  });
});

describe('S6 playbooks', () => {
  const playbook = automation({
    id: 'manufacturing-funding-playbook',
    label: { 'zh-CN': '制造业资金顾虑话术包', en: 'Manufacturing funding playbook' },
    entity: 'account',
    trigger: { type: 'record.updated', changedFields: ['lastMessage'] },
    condition: {
      and: [
        { in: ['制造业', { var: 'tags' }] },
        { '>=': [{ var: 'revenue' }, 50000000] },
        { in: [{ var: 'contactRank' }, ['staff', 'manager']] },
        {
          or: [{ in: ['资金', { var: 'lastMessage' }] }, { in: ['付款', { var: 'lastMessage' }] }],
        },
      ],
    },
    actions: [
      {
        type: 'notify',
        channel: 'in-app',
        recipients: [{ field: 'owner' }],
        title: {
          'zh-CN': '推荐话术包：制造业资金顾虑',
          en: 'Playbook: manufacturing funding concerns',
        },
        template: {
          'zh-CN': '{{name}}（{{contactRank}}）提到资金/付款：请使用销冠话术包「分期与账期方案」',
          en: '{{name}} ({{contactRank}}) mentioned funding or payment: use the top rep playbook "Instalments and terms"',
        },
      },
      // Recorded, so that whether it was used and the deal advanced can be followed up.
      { type: 'setField', field: 'playbook', value: 'manufacturing-funding' },
    ],
  });
  const { app, diagnostics } = buildApp({ entities: [account], automations: [playbook] });
  const base = handleEvent(
    app,
    empty,
    {
      type: 'record.create',
      entity: 'account',
      recordId: 'A1',
      values: {
        name: '江南机床',
        tags: ['制造业', '华东'],
        revenue: 80000000,
        contactRank: 'manager',
        owner: 'u-zhang',
      },
    },
    context(),
  ).state;
  const message = (state: AppState, lastMessage: string): HandleResult =>
    handleEvent(
      app,
      state,
      { type: 'record.update', recordId: 'A1', values: { lastMessage } },
      context(),
    );

  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('pushes the script pack when every condition holds', () => {
    const result = message(base, '客户说今年资金比较紧张，付款周期要拉长');
    expect(result.effects).toEqual([
      expect.objectContaining({
        type: 'notify',
        channel: 'in-app',
        recipients: ['u-zhang'],
        message: {
          'zh-CN': '江南机床（经理）提到资金/付款：请使用销冠话术包「分期与账期方案」',
          en: '江南机床 (Manager) mentioned funding or payment: use the top rep playbook "Instalments and terms"',
        },
      }),
    ]);
    expect(result.state.records.A1?.values.playbook).toBe('manufacturing-funding');
  });

  it.each([
    ['the message does not mention money', base, '下周约技术交流'],
    [
      'the contact is a director',
      handleEvent(
        app,
        base,
        { type: 'record.update', recordId: 'A1', values: { contactRank: 'director' } },
        context(),
      ).state,
      '付款方式需要再商量',
    ],
    [
      'revenue is below 50M',
      handleEvent(
        app,
        base,
        { type: 'record.update', recordId: 'A1', values: { revenue: 49_999_999 } },
        context(),
      ).state,
      '资金审批要走流程',
    ],
    [
      'the account is not tagged 制造业',
      handleEvent(
        app,
        base,
        { type: 'record.update', recordId: 'A1', values: { tags: ['零售'] } },
        context(),
      ).state,
      '资金审批要走流程',
    ],
  ])('stays quiet when %s', (_why, state, text) => {
    const result = message(state, text);
    expect(result.effects).toEqual([]);
    expect(result.trace[0]).toMatchObject({ outcome: 'condition' });
  });
});

describe('S4 one-tap process record', () => {
  const followUp = automation({
    id: 'process-record-digest',
    entity: 'account',
    trigger: { type: 'record.updated', changedFields: ['processActions'] },
    condition: { in: ['demo-booked', { var: 'processActions' }] },
    actions: [
      {
        type: 'notify',
        channel: 'dingtalk',
        recipients: [{ managerOf: 'owner' }],
        template: {
          'zh-CN': '{{owner}} 跟进了 {{name}}：{{processActions}}（{{lastContactAt}}）',
          en: '{{owner}} followed up {{name}}: {{processActions}} ({{lastContactAt}})',
        },
      },
    ],
  });
  const { app, diagnostics } = buildApp({ entities: [account], automations: [followUp] });

  it('renders the ticked option ids as their labels, the owner by name, the time in the app zone', () => {
    expect(diagnostics).toEqual([]);
    const created = handleEvent(
      app,
      empty,
      {
        type: 'record.create',
        entity: 'account',
        recordId: 'A2',
        values: { name: '江南机床', owner: 'u-li' },
      },
      context(),
    );
    const result = handleEvent(
      app,
      created.state,
      {
        type: 'record.update',
        recordId: 'A2',
        values: {
          processActions: ['quote-sent', 'demo-booked'],
          lastContactAt: '2024-06-03T14:30:00+08:00',
        },
      },
      context(),
    );
    expect(result.effects).toEqual([
      expect.objectContaining({
        channel: 'dingtalk',
        recipients: ['u-wang'],
        message: {
          'zh-CN': '李娜 跟进了 江南机床：已发送报价单、已预约演示（2024-06-03 14:30）',
          en: 'Li Na followed up 江南机床: Quote sent, Demo booked (2024-06-03 14:30)',
        },
      }),
    ]);
  });
});
