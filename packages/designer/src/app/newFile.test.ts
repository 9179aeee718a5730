import { describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { KINDS } from './kinds.js';
import { entityChoices, modeFromName, needsEntity, suggestId } from './newFile.js';

const kind = (list: string) => KINDS.find((info) => info.list === list)!;

describe('what the new-file dialog suggests', () => {
  it('given a Chinese form name, when the id is suggested, then it comes from the entity and the purpose', () => {
    expect(
      suggestId(kind('forms'), { name: '新建线索', entity: 'lead', mode: 'create' }, new Set()),
    ).toBe('lead-create');
    expect(
      suggestId(
        kind('forms'),
        { name: '新建线索', entity: 'lead', mode: 'create' },
        new Set(['lead-create']),
      ),
    ).toBe('lead-create-2');
  });

  it('given an English name, then the id is its words', () => {
    expect(suggestId(kind('forms'), { name: 'New lead (quick)', entity: 'lead' }, new Set())).toBe(
      'new-lead-quick',
    );
    expect(suggestId(kind('entities'), { name: '2025 Contract' }, new Set())).toBe('contract');
  });

  it('given no name and no entity, then the id is the kind and a free number', () => {
    expect(suggestId(kind('tables'), { name: '折扣' }, new Set(['table-1']))).toBe('table-2');
    expect(suggestId(kind('entities'), {}, new Set())).toBe('entity-1');
    expect(suggestId(kind('pipelines'), { entity: 'opportunity' }, new Set())).toBe(
      'opportunity-pipeline',
    );
  });

  it('given a form name, then its purpose follows the words 新建 / 编辑 / 查看', () => {
    expect(modeFromName('新建线索')).toBe('create');
    expect(modeFromName('编辑合同')).toBe('edit');
    expect(modeFromName('客户详情')).toBe('view');
    expect(modeFromName('Edit contract')).toBe('edit');
    expect(modeFromName('拜访签到')).toBe('create');
  });

  it('given the sales CRM, then the entities are offered by label and the kinds built on one ask for it', () => {
    const choices = entityChoices(salesCrmFiles());
    expect(choices[0]).toEqual({ id: 'lead', label: { 'zh-CN': '线索', en: 'Lead' } });
    expect(KINDS.filter(needsEntity).map((info) => info.list)).toEqual([
      'forms',
      'pipelines',
      'automations',
      'routing',
      'timers',
    ]);
  });
});
