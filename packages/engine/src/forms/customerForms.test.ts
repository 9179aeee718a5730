import type { FormDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { customer, opportunity } from '../entities/__tests__/salesEntities.js';
import { customerMaster, FORM_SCHEMA, quickCustomer } from './__tests__/salesForms.js';
import { ctx, formOf } from './__tests__/testIndex.js';

describe('S14 quick entry', () => {
  const { form, diagnostics } = formOf(quickCustomer, [customer]);

  it('is a five-field shortcut form', () => {
    expect(diagnostics).toEqual([]);
    expect(form.definition.shortcut).toBe(true);
    expect(form.fields).toEqual(['name', 'contact', 'phone', 'industry', 'initialIntent']);
  });

  it('saves a new customer from name and phone alone', () => {
    const result = form.validate({ name: '华联超市', phone: '021-6321 8888' }, ctx);
    expect(result.valid).toBe(true);
    expect(result.required).toEqual(['name', 'phone']);
  });

  it('says which of the five is wrong', () => {
    const result = form.validate(
      { name: '', phone: '12', industry: '餐饮', initialIntent: 'A' },
      ctx,
    );
    expect(result.errors.map((e) => [e.field, e.code, e.message.en])).toEqual([
      ['name', 'RL5101', 'Customer name is required'],
      ['phone', 'RL5109', 'Phone must be a phone number such as 13812345678'],
      [
        'industry',
        'RL5104',
        '"餐饮" is not an option of Industry (options: 制造业, 零售, 医疗器械)',
      ],
    ]);
  });
});

describe('S25 customer master data', () => {
  const { form, diagnostics } = formOf(customerMaster, [customer]);
  const complete = {
    name: '华联超市',
    customerType: 'repeat',
    industry: 'retail',
    budgetRange: 'over-200k',
    decisionRole: 'decision-maker',
    region: 'east',
    companySize: 320,
    purchaseTimeline: '2026-06-30',
  };

  it('requires the 7 core fields', () => {
    expect(diagnostics).toEqual([]);
    const result = form.validate({ name: '华联超市' }, ctx);
    expect(result.required).toHaveLength(8);
    expect(result.errors.map((e) => e.field)).toEqual([
      'customerType',
      'industry',
      'budgetRange',
      'decisionRole',
      'region',
      'companySize',
      'purchaseTimeline',
    ]);
    expect(result.errors.every((e) => e.code === 'RL5101')).toBe(true);
  });

  it('accepts complete master data, and checks sizes and dates', () => {
    expect(form.validate(complete, ctx).valid).toBe(true);
    const result = form.validate(
      { ...complete, companySize: 12.5, purchaseTimeline: '2026-02-30' },
      ctx,
    );
    expect(result.errors.map((e) => [e.field, e.code, e.message['zh-CN']])).toEqual([
      ['companySize', 'RL5108', '企业规模(人)最多保留 0 位小数'],
      ['purchaseTimeline', 'RL5103', '预计采购时间应为日期（如 2026-03-15）'],
    ]);
  });

  it('edits records without filling defaults or checking fields it does not show', () => {
    const result = form.validate({ ...complete, contact: '', geo: null }, ctx);
    expect(result.valid).toBe(true);
  });
});

describe('conditional sections, computed values and list limits', () => {
  const quote: FormDefinition = {
    $schema: FORM_SCHEMA,
    id: 'opportunity-quote',
    entity: 'opportunity',
    mode: 'create',
    sections: [
      { id: 'basics', fields: ['title', 'amount', 'probability', 'weightedAmount', 'commission'] },
      {
        id: 'acceptance',
        visibleWhen: { '==': [{ var: 'signed' }, true] },
        fields: [{ field: 'poAcceptanceScan', required: true, minItems: 2 }],
      },
      { id: 'people', fields: [{ field: 'watchers', maxItems: 2 }, 'signed'] },
    ],
  };
  const { form, diagnostics } = formOf(quote, [opportunity]);

  it('hides a section, and its required fields are not required', () => {
    expect(diagnostics).toEqual([]);
    const result = form.validate({ title: '华联超市二期' }, ctx);
    expect(result.visible).not.toContain('poAcceptanceScan');
    expect(result.required).toEqual(['title']);
    expect(result.valid).toBe(true);
  });

  it('fills defaults on a create form and computes in dependency order', () => {
    const result = form.validate({ title: '华联超市二期', amount: '300000.00' }, ctx);
    expect(result.computed).toEqual({ weightedAmount: 30000, commission: 1500 });
  });

  it('shows the section when its condition holds, with the form list limits', () => {
    const scan = {
      url: 'https://files.example.cn/po-1.pdf',
      name: 'PO验收单.pdf',
      type: 'application/pdf',
    };
    const empty = form.validate({ title: '二期', signed: true }, ctx);
    expect(empty.required).toContain('poAcceptanceScan');
    expect(empty.errors.map((e) => [e.field, e.code])).toEqual([['poAcceptanceScan', 'RL5101']]);

    const one = form.validate({ title: '二期', signed: true, poAcceptanceScan: scan }, ctx);
    expect(one.errors.map((e) => [e.field, e.code, e.message['zh-CN']])).toEqual([
      ['poAcceptanceScan', 'RL5110', 'PO验收单扫描件至少需要 2 项'],
    ]);
    const two = form.validate(
      {
        title: '二期',
        signed: true,
        poAcceptanceScan: [scan, { ...scan, url: 'https://files.example.cn/po-2.pdf' }],
      },
      ctx,
    );
    expect(two.valid).toBe(true);

    const word = form.validate(
      {
        title: '二期',
        signed: true,
        poAcceptanceScan: [scan, { url: 'x/合同.docx', name: '合同.docx' }],
      },
      ctx,
    );
    expect(word.errors.map((e) => [e.code, e.message['zh-CN']])).toEqual([
      ['RL5113', 'PO验收单扫描件不接受文件 "合同.docx"（允许：application/pdf, .jpg, .png）'],
    ]);
  });

  it('applies maxItems of the form to lists', () => {
    const result = form.validate({ title: '二期', watchers: ['u1', 'u2', 'u3'] }, ctx);
    expect(result.errors.map((e) => [e.field, e.code, e.message.en])).toEqual([
      ['watchers', 'RL5111', '关注人 takes at most 2 item(s)'],
    ]);
  });

  it('leaves a computed value null when its expression fails on the data', () => {
    const result = form.validate({ title: '二期', amount: 'a lot' }, ctx);
    // commission reads the empty weightedAmount, and a blank amount counts as 0 (as in a
    // spreadsheet, see the money operators).
    expect(result.computed).toEqual({ weightedAmount: null, commission: 0 });
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([['amount', 'RL5103']]);
  });
});

describe('conditions that fail on odd data take the safe side', () => {
  const odd: FormDefinition = {
    $schema: FORM_SCHEMA,
    id: 'odd',
    entity: 'opportunity',
    fields: [
      'title',
      // `since` needs the time; a context without it makes both conditions fail.
      { field: 'owner', requiredWhen: { '>': [{ since: ['2026-01-01', 'h'] }, 1] } },
      { field: 'amount', visibleWhen: { '>': [{ since: ['2026-01-01', 'h'] }, 1] } },
    ],
  };
  const { form, diagnostics } = formOf(odd, [opportunity]);

  it('shows the field and requires it', () => {
    expect(diagnostics).toEqual([]);
    const result = form.validate({ title: '二期' }, { now: 'not a time' });
    expect(result.visible).toEqual(['title', 'owner', 'amount']);
    expect(result.required).toEqual(['title', 'owner']);
  });
});
