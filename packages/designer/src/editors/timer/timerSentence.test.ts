import type { TimerDefinition } from '@ruleloom/schemas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConditionField } from '../condition/operators.js';
import { cronWords, durationWords, timerSentence } from './timerSentence.js';

const fixture = (name: string): TimerDefinition =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'packages/schemas/fixtures/valid/timer', name), 'utf8'),
  ) as TimerDefinition;

const leadFields: ConditionField[] = [
  {
    id: 'intentGrade',
    label: '意向等级',
    type: 'enum',
    options: [
      { value: 'A', label: 'A级' },
      { value: 'B', label: 'B级' },
    ],
  },
  { id: 'owner', label: '负责人', type: 'user' },
];

describe('timerSentence', () => {
  it('says the S3 B-grade lead timer in Chinese', () => {
    expect(
      timerSentence(fixture('b-lead-48h.json'), 'zh-CN', {
        entity: '线索',
        fields: leadFields,
        stages: { new: '新线索' },
      }),
    ).toBe(
      '线索创建后 48 小时内仍停留在「新线索」，且意向等级等于 B级 → 标记为红色（48小时未推进）、企业微信通知负责人的上级',
    );
  });

  it('says it in English', () => {
    expect(
      timerSentence(fixture('b-lead-48h.json'), 'en', {
        entity: 'lead',
        fields: [
          { id: 'intentGrade', label: 'intent grade', type: 'enum' },
          { id: 'owner', label: 'owner', type: 'user' },
        ],
        stages: { new: 'New' },
      }),
    ).toBe(
      '48 hours after a lead is created, still in stage New, and intent grade equals B → mark red (Not advanced in 48 h) and notify the manager of owner on WeCom',
    );
  });

  it('says "48 business hours after entering the stage, not moved on"', () => {
    const timer: TimerDefinition = {
      ...(fixture('payment-node-48h.json') as Extract<TimerDefinition, { kind: 'relative' }>),
      after: '48 business hours',
      escalation: undefined,
    };
    delete (timer as { escalation?: unknown }).escalation;
    expect(timerSentence(timer, 'zh-CN', { roles: { finance: '财务' } })).toBe(
      '进入阶段后 48 个工作小时内未推进 → 企业微信通知owner、财务',
    );
    expect(timerSentence(timer, 'en')).toBe(
      '48 business hours after entering the stage, not moved on → notify owner and finance on WeCom',
    );
  });

  it('says escalation steps', () => {
    const text = timerSentence(fixture('payment-node-48h.json'), 'zh-CN');
    expect(text).toContain('；再过 24 小时 → 企业微信通知regional-director、调用 Webhook');
  });

  it('says absolute timers from a date field', () => {
    expect(
      timerSentence(fixture('receivable-overdue.json'), 'zh-CN', {
        fields: [
          { id: 'dueDate', label: '到期日', type: 'date' },
          { id: 'collectedAmount', label: '已回款', type: 'money' },
        ],
      }),
    ).toBe(
      '「到期日」后 5 天 09:00，若「已回款」未变更且满足高级条件 → 标记为红色（逾期超过5天）、钉钉通知sales-manager、owner',
    );
  });

  it('says recurring timers on a weekly cron', () => {
    expect(timerSentence(fixture('weekly-visit-plan.json'), 'zh-CN')).toMatch(
      /^每周五 17:00 \(Asia\/Shanghai\)，若submitted为空/,
    );
    expect(cronWords('0 9 * * 1-5', 'en')).toBe('every weekday at 09:00');
    expect(cronWords('*/5 * * * *', 'zh-CN')).toBe('按计划 */5 * * * *');
  });

  it('words durations', () => {
    expect(durationWords('3 workdays', 'zh-CN')).toBe('3 个工作日');
    expect(durationWords('1 workday', 'en')).toBe('1 workday');
    expect(durationWords('2w', 'en')).toBe('2 weeks');
  });
});
