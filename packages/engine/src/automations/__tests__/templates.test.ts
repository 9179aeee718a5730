/** Templates and how values read in messages. */
import { describe, expect, it } from 'vitest';
import type { RecordState } from '../../app/types.js';
import { displayValue, recordLabel, textIn } from '../displayValue.js';
import { placeholdersOf, renderTemplate } from '../templates.js';
import { account, buildApp, contract, users } from './harness.js';

const { app } = buildApp({ entities: [account, contract], automations: [] });
const env = { entity: app.entities.get('account'), users, zone: 'Asia/Shanghai' };
const field = (id: string) => env.entity?.fields.get(id);

function record(values: Record<string, unknown>): RecordState {
  return {
    id: 'A1',
    entity: 'account',
    values,
    tags: [],
    stageHistory: {},
    approvals: [],
    createdAt: 0,
    updatedAt: 0,
    version: 1,
  };
}

describe('templates', () => {
  it('finds placeholders, spaces allowed', () => {
    expect(placeholdersOf('{{ name }}（{{company}}）{{record.label}} {x}')).toEqual([
      'name',
      'company',
      'record.label',
    ]);
  });

  it('fills both languages, each with its own labels; missing values read as nothing', () => {
    expect(
      renderTemplate(
        {
          'zh-CN': '{{name}}：{{contactRank}} {{revenue}} {{missing}}',
          en: '{{name}}: {{contactRank}}',
        },
        record({ name: '江南机床', contactRank: 'vp', revenue: 80000000 }),
        env,
      ),
    ).toEqual({ 'zh-CN': '江南机床：副总裁 80,000,000 ', en: '江南机床: VP' });
  });

  it('borrows the other language when one is missing, and knows the record label and id', () => {
    expect(
      renderTemplate(
        { 'zh-CN': '{{record.label}}（{{record.id}}）' },
        record({ name: '江南机床' }),
        env,
      ),
    ).toEqual({
      'zh-CN': '江南机床（A1）',
      en: '江南机床（A1）',
    });
    expect(recordLabel(record({}), 'en', env)).toBe('A1');
  });

  it('reads dotted paths into nested values, own properties only', () => {
    expect(
      renderTemplate(
        '{{playbook.name}}|{{name.constructor}}',
        record({ playbook: { name: '分期' }, name: 'x' }),
        env,
      ),
    ).toEqual({ 'zh-CN': '分期|', en: '分期|' });
  });
});

describe('displayValue', () => {
  it.each<[unknown, string | undefined, string, string]>([
    ['manager', 'contactRank', '经理', 'Manager'],
    [['quote-sent', 'unknown'], 'processActions', '已发送报价单、unknown', 'Quote sent, unknown'],
    ['u-li', 'owner', '李娜', 'Li Na'],
    ['u-nobody', 'owner', 'u-nobody', 'u-nobody'],
    [1234567.5, 'revenue', '1,234,567.5', '1,234,567.5'],
    [-1000, 'revenue', '-1,000', '-1,000'],
    [Date.UTC(2024, 5, 2, 16, 5), 'lastContactAt', '2024-06-03 00:05', '2024-06-03 00:05'],
    ['2024-06-03T08:00:00Z', 'lastContactAt', '2024-06-03 16:00', '2024-06-03 16:00'],
    ['not a date', 'lastContactAt', 'not a date', 'not a date'],
    [true, undefined, '是', 'yes'],
    [null, 'name', '', ''],
    [{ a: 1 }, undefined, '{"a":1}', '{"a":1}'],
  ])('%j in %s reads %s / %s', (value, id, zh, en) => {
    const fieldOf = id === undefined ? undefined : field(id);
    expect(displayValue(value, fieldOf, 'zh-CN', env)).toBe(zh);
    expect(displayValue(value, fieldOf, 'en', env)).toBe(en);
  });

  it('reads percents, dates, files', () => {
    const contractEnv = { ...env, entity: app.entities.get('contract') };
    const scan = contractEnv.entity?.fields.get('contractScan');
    expect(
      displayValue([{ name: 'a.pdf' }, { url: 'https://x/b.pdf' }], scan, 'zh-CN', contractEnv),
    ).toBe('a.pdf、https://x/b.pdf');
    expect(displayValue(0.855, { id: 'rate', type: 'percent' }, 'en', env)).toBe('85.5%');
    expect(displayValue('2024-06-03', { id: 'day', type: 'date' }, 'en', env)).toBe('2024-06-03');
  });

  it('picks a text in a locale, falling back to the other one', () => {
    expect(textIn({ en: 'Lead' }, 'zh-CN')).toBe('Lead');
    expect(textIn(undefined, 'en', 'lead')).toBe('lead');
  });
});
