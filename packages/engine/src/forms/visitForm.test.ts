import { describe, expect, it } from 'vitest';
import { visit } from '../entities/__tests__/salesEntities.js';
import { visitCheckin } from './__tests__/salesForms.js';
import { ctx, formOf } from './__tests__/testIndex.js';

// S11 visit check-in validation, S16 anti-fraud checks, S4 one-tap process record.

const { form, diagnostics } = formOf(visitCheckin, [visit]);

/** 华联超市, registered at People's Square, Shanghai. */
const customer = { id: 'C-1001', geo: { lat: 31.2304, lng: 121.4737 } };
const photo = {
  url: 'https://files.example.cn/visits/v1.jpg',
  takenAt: '2026-03-02T09:55:00+08:00',
  geo: { lat: 31.231, lng: 121.474 },
};
const checkin = {
  customer,
  customerGrade: 'A',
  sitePhoto: photo,
  painPoints: ['price'],
  processActions: ['quote-sent', 'demo-booked'],
  customerQuestion: '能否在两周内完成与用友U8的对接？',
  nextStep: '周五前发送对接方案',
  visitedAt: '2026-03-02T09:50:00+08:00',
};

describe('S11 visit check-in', () => {
  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('accepts a check-in with grade, watermarked photo and a pain point', () => {
    const result = form.validate(checkin, ctx);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.computed).toEqual({ distanceKm: 0.1, hoursSinceLastVisit: null });
  });

  it('cannot be submitted without grade tag, photo and pain point', () => {
    const { customerGrade: _g, sitePhoto: _p, ...rest } = checkin;
    const result = form.validate({ ...rest, painPoints: [] }, ctx);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['customerGrade', 'RL5101'],
      ['sitePhoto', 'RL5101'],
      ['painPoints', 'RL5101'],
    ]);
    expect(result.errors.map((e) => e.message['zh-CN'])).toEqual([
      '必填项未填写：客户等级',
      '必填项未填写：现场照片',
      '必填项未填写：客户痛点',
    ]);
  });

  it('refuses a photo without time watermark (a gallery upload)', () => {
    const { takenAt: _t, ...gallery } = photo;
    const result = form.validate({ ...checkin, sitePhoto: gallery }, ctx);
    expect(result.errors).toEqual([
      {
        field: 'sitePhoto',
        code: 'RL5114',
        message: {
          'zh-CN': '现场照片缺少拍摄时间水印，请用相机现场拍摄',
          en: 'On-site photo has no time watermark; take the photo on site with the camera',
        },
        severity: 'error',
      },
    ]);
    const unreadable = form.validate({ ...checkin, sitePhoto: { ...photo, takenAt: '昨天' } }, ctx);
    expect(unreadable.errors.map((e) => e.code)).toEqual(['RL5114']);
  });

  it('refuses a photo without GPS point', () => {
    const { geo: _g, ...blind } = photo;
    const result = form.validate({ ...checkin, sitePhoto: blind }, ctx);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([['sitePhoto', 'RL5115']]);
  });

  it('refuses grades and pain points that are not options', () => {
    const result = form.validate(
      { ...checkin, customerGrade: 'VIP', painPoints: ['price', '太贵了'] },
      ctx,
    );
    expect(result.errors.map((e) => [e.field, e.code, e.message['zh-CN']])).toEqual([
      ['customerGrade', 'RL5104', '"VIP" 不是客户等级的可选项（可选：A类客户、B类客户、C类客户）'],
      [
        'painPoints',
        'RL5104',
        '"太贵了" 不是客户痛点的可选项（可选：价格敏感、交付周期长、系统对接难、售后响应慢）',
      ],
    ]);
  });
});

describe('S4 one-tap process record', () => {
  it('takes the preset actions, each once', () => {
    const ticked = form.validate(
      {
        ...checkin,
        processActions: [
          'quote-sent',
          'demo-booked',
          'competitor-compare',
          'budget-confirmed',
          'next-visit-set',
        ],
      },
      ctx,
    );
    expect(ticked.valid).toBe(true);
    const twice = form.validate({ ...checkin, processActions: ['quote-sent', 'quote-sent'] }, ctx);
    expect(twice.errors.map((e) => [e.field, e.code, e.message['zh-CN']])).toEqual([
      ['processActions', 'RL5112', '本次跟进动作中 "quote-sent" 重复'],
    ]);
    const prose = form.validate({ ...checkin, processActions: '聊了报价' }, ctx);
    expect(prose.errors.map((e) => [e.field, e.code])).toEqual([['processActions', 'RL5103']]);
  });
});

describe('S16 anti-fraud on visits', () => {
  it('warns of a second visit to the same customer within 48 h, without blocking', () => {
    const result = form.validate(
      { ...checkin, customer: { ...customer, lastVisitAt: '2026-03-01T15:00:00+08:00' } },
      ctx,
    );
    expect(result.computed['hoursSinceLastVisit']).toBeCloseTo(18.83, 2);
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([
      {
        field: '',
        code: 'RL5118',
        message: {
          'zh-CN': '48小时内已拜访过该客户，将标记为重复拜访',
          en: 'This customer was visited less than 48 h ago; the visit will be flagged',
        },
        severity: 'warning',
        rule: 'not-within-48h',
      },
    ]);
  });

  it('does not warn when the last visit was 48 h or more before', () => {
    const result = form.validate(
      { ...checkin, customer: { ...customer, lastVisitAt: '2026-02-28T09:50:00+08:00' } },
      ctx,
    );
    expect(result.computed['hoursSinceLastVisit']).toBe(48);
    expect(result.errors).toEqual([]);
  });

  it('warns of a photo taken more than 5 km from the registered address, on the photo', () => {
    const far = { ...photo, geo: { lat: 31.2989, lng: 121.5015 } };
    const result = form.validate({ ...checkin, sitePhoto: far }, ctx);
    expect(result.computed['distanceKm']).toBe(8.1);
    expect(result.visible).toContain('distanceKm');
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([
      expect.objectContaining({
        field: 'sitePhoto',
        code: 'RL5118',
        rule: 'gps-within-5km',
        severity: 'warning',
      }),
    ]);
  });

  it('requires a concrete customer question and a next step', () => {
    const result = form.validate({ ...checkin, customerQuestion: '', nextStep: ' ' }, ctx);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['customerQuestion', 'RL5101'],
      ['nextStep', 'RL5101'],
    ]);
  });
});

describe('values that are not JSON data', () => {
  it('are the wrong kind of value, not a crash', () => {
    const result = form.validate(
      { ...checkin, processActions: [undefined], sitePhoto: { ...photo, geo: { lat: undefined } } },
      ctx,
    );
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['sitePhoto', 'RL5103'],
      ['processActions', 'RL5103'],
    ]);
  });
});
