import type { EntityDefinition, EntityField } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { detectFieldRenames } from './index.js';
import { ENTITY_SCHEMA } from './__tests__/salesEntities.js';

// S7b: a field id renamed upstream (amount → order_value) is a migration the compiler
// reports, not a silent loss of data.

const order = (...fields: EntityField[]): EntityDefinition => ({
  $schema: ENTITY_SCHEMA,
  id: 'order',
  label: '订单',
  fields: fields as [EntityField, ...EntityField[]],
});
const amount: EntityField = {
  id: 'amount',
  label: { 'zh-CN': '订单金额', en: 'Order value' },
  type: 'money',
};
const status: EntityField = {
  id: 'status',
  label: '状态',
  type: 'enum',
  options: [
    { id: 'draft', label: '草稿' },
    { id: 'signed', label: '已签约' },
  ],
};

describe('detectFieldRenames', () => {
  it('names the likely new id of a renamed field (same label, same type)', () => {
    const diagnostics = detectFieldRenames(
      order(status, amount),
      order(status, { ...amount, id: 'order_value' }),
      'entities/order.json',
    );
    expect(
      diagnostics.map(({ code, pointer, severity, file }) => [code, pointer, severity, file]),
    ).toEqual([['RL5127', '/fields/1/id', 'warning', 'entities/order.json']]);
    expect(diagnostics[0]?.message['zh-CN']).toBe(
      '字段 ID "amount" 似乎被改成了 "order_value"（名称和类型都相同）：修改字段 ID 是一次数据迁移',
    );
    expect(diagnostics[0]?.hint.en).toContain('restore the id "amount" and change the label');
  });

  it('reports a removed field whose data would be orphaned', () => {
    const diagnostics = detectFieldRenames(order(status, amount), order(status));
    expect(diagnostics.map(({ code, pointer }) => [code, pointer])).toEqual([
      ['RL5126', '/fields'],
    ]);
    expect(diagnostics[0]?.message.en).toBe(
      'the field "amount" was removed: data records hold under it would be orphaned',
    );
  });

  it('does not guess when the new field differs in type or two fields could be it', () => {
    expect(
      detectFieldRenames(
        order(amount),
        order({ id: 'order_value', label: amount.label, type: 'number' }),
      ).map((d) => d.code),
    ).toEqual(['RL5126']);
    expect(
      detectFieldRenames(
        order(amount),
        order({ ...amount, id: 'net' }, { ...amount, id: 'gross' }),
      ).map((d) => d.code),
    ).toEqual(['RL5126']);
  });

  it('is quiet when only labels change: field ids are what data is stored under', () => {
    expect(
      detectFieldRenames(order(status, amount), order(status, { ...amount, label: '合同金额' })),
    ).toEqual([]);
  });

  it('reports a changed type and removed options', () => {
    const diagnostics = detectFieldRenames(
      order(status, amount),
      order(
        { ...status, options: [{ id: 'draft', label: '草稿' }] },
        { id: 'amount', label: amount.label, type: 'text' },
      ),
    );
    expect(diagnostics.map(({ code, pointer, message }) => [code, pointer, message.en])).toEqual([
      [
        'RL5129',
        '/fields/0/options',
        'the option "signed" of the field "status" was removed: records that hold it become invalid',
      ],
      [
        'RL5128',
        '/fields/1/type',
        'the type of the field "amount" changed from money to text: existing data may no longer fit',
      ],
    ]);
  });
});
