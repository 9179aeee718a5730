import { describe, expect, it } from 'vitest';
import { lead } from '../entities/__tests__/salesEntities.js';
import { leadCreate } from './__tests__/salesForms.js';
import { ctx, formOf } from './__tests__/testIndex.js';

// S1 standard lead fields: required dropdowns, no free text.

const { form, diagnostics } = formOf(leadCreate, [lead]);
const complete = {
  name: '王先生',
  phone: '13812345678',
  source: 'douyin',
  firstTouch: 'wecom',
  intentGrade: 'B',
};

describe('S1 lead form', () => {
  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(form.fields).toEqual([
      'name',
      'phone',
      'source',
      'websiteForm',
      'firstTouch',
      'intentGrade',
      'budget',
      'budgetBand',
    ]);
  });

  it('requires source, first touch and intent grade, in both languages', () => {
    const result = form.validate({ name: '王先生', phone: '13812345678' }, ctx);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['source', 'RL5101'],
      ['firstTouch', 'RL5101'],
      ['intentGrade', 'RL5101'],
    ]);
    expect(result.errors[0]?.message).toEqual({
      'zh-CN': '必填项未填写：来源渠道',
      en: 'Source channel is required',
    });
  });

  it('accepts only the listed channels, touches and grades: no free text', () => {
    const result = form.validate(
      { ...complete, source: '朋友介绍', firstTouch: '微信', intentGrade: 'D' },
      ctx,
    );
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['source', 'RL5104'],
      ['firstTouch', 'RL5104'],
      ['intentGrade', 'RL5104'],
    ]);
    expect(result.errors[0]?.message['zh-CN']).toBe(
      '"朋友介绍" 不是来源渠道的可选项（可选：抖音留资、展会扫码、老客转介、官网表单）',
    );
    expect(result.errors[1]?.message.en).toBe(
      '"微信" is not an option of First touch (options: 电话, 企微, 面访)',
    );
  });

  it('accepts a complete lead', () => {
    const result = form.validate(complete, ctx);
    expect(result).toEqual({
      valid: true,
      errors: [],
      visible: ['name', 'phone', 'source', 'firstTouch', 'intentGrade', 'budget', 'budgetBand'],
      required: ['name', 'phone', 'source', 'firstTouch', 'intentGrade'],
      computed: { budgetBand: null },
    });
  });

  it('shows and requires the website form type only for website leads', () => {
    const hidden = form.validate({ ...complete, websiteForm: '' }, ctx);
    expect(hidden.visible).not.toContain('websiteForm');
    expect(hidden.valid).toBe(true);

    const shown = form.validate({ ...complete, source: 'website' }, ctx);
    expect(shown.visible).toContain('websiteForm');
    expect(shown.required).toContain('websiteForm');
    expect(shown.errors).toEqual([
      {
        field: 'websiteForm',
        code: 'RL5101',
        message: { 'zh-CN': '必填项未填写：官网表单类型', en: 'Website form is required' },
        severity: 'error',
      },
    ]);
  });

  it('requires a budget of grade A leads, and computes its band', () => {
    const missing = form.validate({ ...complete, intentGrade: 'A' }, ctx);
    expect(missing.required).toContain('budget');
    expect(missing.errors.map((e) => [e.field, e.code])).toEqual([['budget', 'RL5101']]);

    const given = form.validate({ ...complete, intentGrade: 'A', budget: 120000 }, ctx);
    expect(given.valid).toBe(true);
    expect(given.computed).toEqual({ budgetBand: 'from-50k-to-200k' });
  });

  it('reports the form rule with its message, on the field it names', () => {
    const result = form.validate({ ...complete, budget: -5 }, ctx);
    expect(result.errors).toContainEqual({
      field: 'budget',
      code: 'RL5118',
      message: { 'zh-CN': '预算金额必须大于0', en: 'The budget must be greater than 0' },
      severity: 'error',
      rule: 'budget-positive',
    });
    // The entity's own limit (min 0) says it too.
    expect(result.errors).toContainEqual(
      expect.objectContaining({ field: 'budget', code: 'RL5106' }),
    );
  });

  it('checks types of fields off the form and names unknown fields', () => {
    const result = form.validate({ ...complete, tags: 'VIP', budgetRange: 'x' }, ctx);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['tags', 'RL5103'],
      ['budgetRange', 'RL5102'],
    ]);
    expect(result.errors[1]?.message['zh-CN']).toBe('线索没有字段 "budgetRange"');
  });

  it('checks the phone format and the length of text', () => {
    const result = form.validate({ ...complete, phone: 'call me', name: '王'.repeat(51) }, ctx);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'RL5105'],
      ['phone', 'RL5109'],
    ]);
    expect(result.errors[0]?.message['zh-CN']).toBe('联系人最多 50 个字');
  });

  it('does not count blank text as filled in', () => {
    const result = form.validate({ ...complete, name: '   ' }, ctx);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([['name', 'RL5101']]);
  });

  it('publishes the JSON Schema of its fields', () => {
    expect(form.jsonSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: '新建线索',
      type: 'object',
      required: ['name', 'phone', 'source', 'firstTouch', 'intentGrade'],
      properties: {
        source: { title: '来源渠道', enum: ['douyin', 'expo', 'referral', 'website'] },
      },
    });
  });
});
