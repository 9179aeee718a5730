import type { EntityDefinition, EntityField } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { compileEntity } from './index.js';
import { ENTITY_SCHEMA, lead, opportunity, visit } from './__tests__/salesEntities.js';

const compile = (definition: EntityDefinition) =>
  compileEntity(
    { file: 'entities/x.json', definition },
    { zone: 'Asia/Shanghai', report: () => {} },
  );

const one = (field: EntityField) =>
  compile({ $schema: ENTITY_SCHEMA, id: 'x', label: '记录', fields: [field] });

/** The codes a value of the field gets (empty: accepted). */
function codes(field: EntityField, value: unknown): string[] {
  return one(field)
    .checkValues({ [field.id]: value })
    .map((e) => e.code);
}

describe('checkValues per field type', () => {
  it.each([
    // [field, accepted values, [rejected value, code]…]
    [
      { id: 'f', type: 'text', maxLength: 4 },
      ['abcd', '一二三四'],
      [
        ['abcde', 'RL5105'],
        [3, 'RL5103'],
      ],
    ],
    [
      { id: 'f', type: 'text', format: 'phone' },
      ['13812345678', '+86 21 6321-8888', '(021)63218888'],
      [['abc', 'RL5109']],
    ],
    [{ id: 'f', type: 'text', format: 'email' }, ['li@example.cn'], [['li@', 'RL5109']]],
    [{ id: 'f', type: 'text', format: 'url' }, ['https://example.cn/a'], [['not a url', 'RL5109']]],
    [
      { id: 'f', type: 'number', min: 0, max: 100, precision: 1 },
      [0, 99.9, 0.1 + 0.2],
      [
        [-1, 'RL5106'],
        [101, 'RL5107'],
        [1.25, 'RL5108'],
        ['5', 'RL5103'],
        [Number.NaN, 'RL5103'],
      ],
    ],
    [{ id: 'f', type: 'percent', min: 0, max: 1 }, [0.85, 1], [[1.2, 'RL5107']]],
    [
      { id: 'f', type: 'money', min: 0, max: 500000 },
      [50000, '12999.50', { amount: '300000', currency: 'CNY' }, { amount: 1 }],
      [
        [-1, 'RL5106'],
        ['600000', 'RL5107'],
        [12.345, 'RL5108'],
        ['12.345', 'RL5108'],
        ['五万', 'RL5103'],
        [{ amount: 100, currency: 'USD' }, 'RL5117'],
        [{ amount: 100, rate: 7 }, 'RL5103'],
      ],
    ],
    [
      { id: 'f', type: 'date' },
      ['2026-03-15', '2024-02-29', 1773532800000],
      [
        ['2026-02-29', 'RL5103'],
        ['15/03/2026', 'RL5103'],
      ],
    ],
    [
      { id: 'f', type: 'datetime' },
      ['2026-03-02T09:50:00+08:00', '2026-03-02T09:50', '2026-03-02', 1772416200000],
      [
        ['2026-02-30T09:00:00Z', 'RL5109'],
        ['下午三点', 'RL5103'],
        [true, 'RL5103'],
      ],
    ],
    [
      { id: 'f', type: 'enum', options: [{ id: 'A', label: 'A' }] },
      ['A'],
      [
        ['a', 'RL5104'],
        [1, 'RL5104'],
      ],
    ],
    [
      {
        id: 'f',
        type: 'multi-enum',
        options: [
          { id: 'x', label: 'x' },
          { id: 'y', label: 'y' },
        ],
        minSelected: 1,
        maxSelected: 1,
      },
      [['x']],
      [
        [[], 'RL5110'],
        [['x', 'y'], 'RL5111'],
        [['z'], 'RL5104'],
        ['x', 'RL5103'],
      ],
    ],
    [{ id: 'f', type: 'boolean' }, [true, false], [['yes', 'RL5103']]],
    [{ id: 'f', type: 'user' }, ['u-zhangwei'], [[['u1'], 'RL5103']]],
    [
      { id: 'f', type: 'user', multiple: true },
      [['u1', 'u2']],
      [
        [['u1', 'u1'], 'RL5112'],
        ['u1', 'RL5103'],
      ],
    ],
    [
      { id: 'f', type: 'ref', entity: 'customer' },
      ['C-1', { id: 'C-1', grade: 'A' }],
      [[{ grade: 'A' }, 'RL5103']],
    ],
    [
      { id: 'f', type: 'attachment', accept: ['application/pdf', '.png', 'image/*'] },
      [{ url: 'a/scan.PDF' }, { url: 'x', type: 'image/jpeg' }, [{ url: 'a.png' }]],
      [
        [{ url: 'a.docx' }, 'RL5113'],
        [[{ url: 'a.png' }, { url: 'b.png' }], 'RL5111'],
        [{ name: 'a.png' }, 'RL5103'],
      ],
    ],
    [
      { id: 'f', type: 'photo', watermark: true, maxFiles: 2 },
      [
        { url: 'p.jpg', takenAt: 1772416200000 },
        [{ url: 'p.jpg', takenAt: '2026-03-02T09:50:00+08:00' }],
      ],
      [
        [{ url: 'p.jpg' }, 'RL5114'],
        [{ url: 'p.jpg', takenAt: 1, geo: { lat: 91, lng: 0 } }, 'RL5115'],
      ],
    ],
    [
      { id: 'f', type: 'geo' },
      [{ lat: 31.23, lng: 121.47 }],
      [
        [{ lat: 31.23 }, 'RL5103'],
        [{ lat: 95, lng: 0 }, 'RL5103'],
      ],
    ],
    [
      { id: 'f', type: 'tags' },
      [['官网-白皮书下载', '高意向']],
      [
        [['高意向', '高意向'], 'RL5112'],
        [['x'.repeat(51)], 'RL5105'],
        [[''], 'RL5103'],
      ],
    ],
  ] as [EntityField, unknown[], [unknown, string][]][])('%o', (field, accepted, rejected) => {
    for (const value of accepted) expect(codes(field, value), JSON.stringify(value)).toEqual([]);
    for (const [value, code] of rejected)
      expect(codes(field, value), JSON.stringify(value)).toEqual([code]);
  });

  it('skips empty values: requiredness belongs to the form or the stage', () => {
    const entity = compile(lead);
    expect(entity.checkValues({ source: null, name: '', budget: undefined })).toEqual([]);
  });

  it('names unknown fields, after the known ones', () => {
    const errors = compile(lead).checkValues({ 预算: 5, source: 'tv' });
    expect(errors.map((e) => [e.field, e.code, e.message.en])).toEqual([
      [
        'source',
        'RL5104',
        '"tv" is not an option of Source channel (options: 抖音留资, 展会扫码, 老客转介, 官网表单)',
      ],
      ['预算', 'RL5102', 'Lead has no field "预算"'],
    ]);
  });

  it('leaves computed values to be recomputed', () => {
    expect(compile(lead).checkValues({ budgetBand: 'huge' })).toEqual([]);
  });

  it('rejects a person changing read-only and computed fields when the caller says so', () => {
    const entity = compile(lead);
    const previous = { createdAt: '2026-03-01T09:00:00+08:00', budgetBand: 'under-50k' };
    expect(entity.checkValues({ ...previous }, { enforceReadOnly: true, previous })).toEqual([]);
    const errors = entity.checkValues(
      { createdAt: '2026-03-02T09:00:00+08:00', budgetBand: 'over-200k' },
      { enforceReadOnly: true, previous },
    );
    expect(errors.map((e) => [e.field, e.code, e.message['zh-CN']])).toEqual([
      ['budgetBand', 'RL5116', '预算区间是只读字段，不能手动修改'],
      ['createdAt', 'RL5116', '创建时间是只读字段，不能手动修改'],
    ]);
    // On a new record read-only fields start empty; automations may set them (no option).
    expect(entity.checkValues({ createdAt: null }, { enforceReadOnly: true })).toEqual([]);
    expect(entity.checkValues({ createdAt: '2026-03-02T09:00:00+08:00' })).toEqual([]);
  });

  it('describes the entity values as one JSON Schema', () => {
    expect(compile(opportunity).jsonSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { probability: { type: 'number', minimum: 0, maximum: 1 } },
    });
  });

  it('reads photos as lists of pictures with time and place (S11)', () => {
    const entity = compile(visit);
    const errors = entity.checkValues({
      sitePhoto: [
        { url: 'a.jpg', takenAt: '2026-03-02T09:50:00+08:00', geo: { lat: 31.2, lng: 121.4 } },
      ],
    });
    expect(errors).toEqual([]);
  });
});
