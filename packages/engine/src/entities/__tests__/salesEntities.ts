import type { EntityDefinition } from '@ruleloom/schemas';

// Entities of a 销售管理系统 as the scenarios describe them (SCENARIOS.md), with the
// articles' option labels and numbers. Shared by the entity and form tests.

export const ENTITY_SCHEMA = 'https://ruleloom.dev/schemas/v1/entity.schema.json' as const;

/** S1 standard lead fields: required dropdowns instead of free text. */
export const lead: EntityDefinition = {
  $schema: ENTITY_SCHEMA,
  id: 'lead',
  label: { 'zh-CN': '线索', en: 'Lead' },
  titleField: 'name',
  fields: [
    {
      id: 'name',
      label: { 'zh-CN': '联系人', en: 'Contact' },
      type: 'text',
      required: true,
      maxLength: 50,
    },
    { id: 'phone', label: { 'zh-CN': '手机号', en: 'Mobile' }, type: 'text', format: 'phone' },
    {
      id: 'source',
      label: { 'zh-CN': '来源渠道', en: 'Source channel' },
      type: 'enum',
      required: true,
      display: 'dropdown',
      options: [
        { id: 'douyin', label: '抖音留资' },
        { id: 'expo', label: '展会扫码' },
        { id: 'referral', label: '老客转介' },
        { id: 'website', label: '官网表单' },
      ],
    },
    {
      id: 'websiteForm',
      label: { 'zh-CN': '官网表单类型', en: 'Website form' },
      type: 'enum',
      options: [
        { id: 'whitepaper', label: '白皮书下载' },
        { id: 'demo', label: '预约演示' },
      ],
    },
    {
      id: 'firstTouch',
      label: { 'zh-CN': '首次接触方式', en: 'First touch' },
      type: 'enum',
      required: true,
      display: 'radio',
      options: [
        { id: 'phone', label: '电话' },
        { id: 'wecom', label: '企微' },
        { id: 'visit', label: '面访' },
      ],
    },
    {
      id: 'intentGrade',
      label: { 'zh-CN': '意向等级', en: 'Intent grade' },
      type: 'enum',
      required: true,
      options: [
        { id: 'A', label: 'A' },
        { id: 'B', label: 'B' },
        { id: 'C', label: 'C' },
      ],
    },
    { id: 'budget', label: { 'zh-CN': '预算金额', en: 'Budget' }, type: 'money', min: 0 },
    {
      id: 'budgetBand',
      label: { 'zh-CN': '预算区间', en: 'Budget band' },
      type: 'enum',
      readOnly: true,
      options: [
        { id: 'under-50k', label: '< 5万' },
        { id: 'from-50k-to-200k', label: '5–20万' },
        { id: 'over-200k', label: '> 20万' },
      ],
      computed: {
        if: [
          { '==': [{ var: 'budget' }, null] },
          null,
          { '<': [{ var: 'budget' }, 50000] },
          'under-50k',
          { '<=': [{ var: 'budget' }, 200000] },
          'from-50k-to-200k',
          'over-200k',
        ],
      },
    },
    {
      id: 'tags',
      label: { 'zh-CN': '标签', en: 'Tags' },
      type: 'tags',
      suggestions: ['官网-白皮书下载'],
    },
    {
      id: 'createdAt',
      label: { 'zh-CN': '创建时间', en: 'Created at' },
      type: 'datetime',
      readOnly: true,
    },
  ],
};

/** S4 one-tap process record, S11 visit check-in, S16 anti-fraud (48 h, 5 km). */
export const visit: EntityDefinition = {
  $schema: ENTITY_SCHEMA,
  id: 'visit',
  label: { 'zh-CN': '拜访记录', en: 'Visit' },
  fields: [
    // The form's caller expands the reference with what the checks need: the customer's
    // registered address point and when it was last visited.
    {
      id: 'customer',
      label: { 'zh-CN': '客户', en: 'Customer' },
      type: 'ref',
      entity: 'customer',
      required: true,
    },
    {
      id: 'customerGrade',
      label: { 'zh-CN': '客户等级', en: 'Customer grade' },
      type: 'enum',
      required: true,
      options: [
        { id: 'A', label: { 'zh-CN': 'A类客户', en: 'Grade A' } },
        { id: 'B', label: { 'zh-CN': 'B类客户', en: 'Grade B' } },
        { id: 'C', label: { 'zh-CN': 'C类客户', en: 'Grade C' } },
      ],
    },
    {
      id: 'sitePhoto',
      label: { 'zh-CN': '现场照片', en: 'On-site photo' },
      type: 'photo',
      required: true,
      watermark: true,
      requireLocation: true,
    },
    {
      id: 'painPoints',
      label: { 'zh-CN': '客户痛点', en: 'Pain points' },
      type: 'multi-enum',
      required: true,
      display: 'checkboxes',
      options: [
        { id: 'price', label: '价格敏感' },
        { id: 'delivery', label: '交付周期长' },
        { id: 'integration', label: '系统对接难' },
        { id: 'service', label: '售后响应慢' },
      ],
    },
    {
      id: 'processActions',
      label: { 'zh-CN': '本次跟进动作', en: 'Actions taken' },
      type: 'multi-enum',
      display: 'chips',
      options: [
        { id: 'quote-sent', label: '已发送报价单' },
        { id: 'demo-booked', label: '已预约演示' },
        { id: 'competitor-compare', label: '客户提出竞品对比' },
        { id: 'budget-confirmed', label: '已确认预算' },
        { id: 'next-visit-set', label: '已约定下次拜访' },
      ],
    },
    {
      id: 'customerQuestion',
      label: { 'zh-CN': '客户具体问题', en: 'Customer question' },
      type: 'text',
      required: true,
      multiline: true,
    },
    {
      id: 'nextStep',
      label: { 'zh-CN': '下一步计划', en: 'Next step' },
      type: 'text',
      required: true,
    },
    {
      id: 'visitedAt',
      label: { 'zh-CN': '拜访时间', en: 'Visited at' },
      type: 'datetime',
      required: true,
    },
    {
      id: 'distanceKm',
      label: { 'zh-CN': '距客户地址(公里)', en: 'Distance to customer (km)' },
      type: 'number',
      precision: 1,
      readOnly: true,
      computed: {
        round: [{ distance_km: [{ var: 'sitePhoto.geo' }, { var: 'customer.geo' }] }, 1],
      },
    },
    {
      id: 'hoursSinceLastVisit',
      label: { 'zh-CN': '距上次拜访(小时)', en: 'Hours since last visit' },
      type: 'number',
      readOnly: true,
      computed: {
        if: [
          { var: 'customer.lastVisitAt' },
          { date_diff: [{ var: 'customer.lastVisitAt' }, { var: 'visitedAt' }, 'h'] },
          null,
        ],
      },
    },
  ],
};

/** S14 quick entry and S25 customer master data (7 core fields). */
export const customer: EntityDefinition = {
  $schema: ENTITY_SCHEMA,
  id: 'customer',
  label: { 'zh-CN': '客户', en: 'Customer' },
  titleField: 'name',
  fields: [
    {
      id: 'name',
      label: { 'zh-CN': '客户名称', en: 'Customer name' },
      type: 'text',
      required: true,
    },
    { id: 'contact', label: { 'zh-CN': '联系人', en: 'Contact' }, type: 'text' },
    { id: 'phone', label: { 'zh-CN': '联系电话', en: 'Phone' }, type: 'text', format: 'phone' },
    {
      id: 'industry',
      label: { 'zh-CN': '行业', en: 'Industry' },
      type: 'enum',
      options: [
        { id: 'manufacturing', label: '制造业' },
        { id: 'retail', label: '零售' },
        { id: 'medical', label: '医疗器械' },
      ],
    },
    {
      id: 'initialIntent',
      label: { 'zh-CN': '初步意向', en: 'Initial intent' },
      type: 'enum',
      options: [
        { id: 'A', label: 'A' },
        { id: 'B', label: 'B' },
        { id: 'C', label: 'C' },
      ],
    },
    {
      id: 'customerType',
      label: { 'zh-CN': '客户类型', en: 'Customer type' },
      type: 'enum',
      options: [
        { id: 'new', label: '新客户' },
        { id: 'repeat', label: '老客户' },
      ],
    },
    {
      id: 'budgetRange',
      label: { 'zh-CN': '预算范围', en: 'Budget range' },
      type: 'enum',
      options: [
        { id: 'under-50k', label: '5万以下' },
        { id: 'from-50k-to-200k', label: '5–20万' },
        { id: 'over-200k', label: '20万以上' },
      ],
    },
    {
      id: 'decisionRole',
      label: { 'zh-CN': '决策链角色', en: 'Decision-chain role' },
      type: 'enum',
      options: [
        { id: 'decision-maker', label: '决策人' },
        { id: 'influencer', label: '影响人' },
        { id: 'user', label: '使用人' },
      ],
    },
    {
      id: 'region',
      label: { 'zh-CN': '区域', en: 'Region' },
      type: 'enum',
      options: [
        { id: 'east', label: '华东' },
        { id: 'south', label: '华南' },
        { id: 'north', label: '华北' },
      ],
    },
    {
      id: 'companySize',
      label: { 'zh-CN': '企业规模(人)', en: 'Company size' },
      type: 'number',
      min: 1,
      precision: 0,
    },
    {
      id: 'purchaseTimeline',
      label: { 'zh-CN': '预计采购时间', en: 'Purchase timeline' },
      type: 'date',
    },
    { id: 'geo', label: { 'zh-CN': '注册地址定位', en: 'Address location' }, type: 'geo' },
  ],
};

/** S34/S38: an opportunity with a computed weighted amount. */
export const opportunity: EntityDefinition = {
  $schema: ENTITY_SCHEMA,
  id: 'opportunity',
  label: { 'zh-CN': '商机', en: 'Opportunity' },
  fields: [
    { id: 'title', label: '商机名称', type: 'text', required: true },
    { id: 'amount', label: { 'zh-CN': '报价金额', en: 'Quote amount' }, type: 'money', default: 0 },
    {
      id: 'probability',
      label: '赢单概率',
      type: 'percent',
      min: 0,
      max: 1,
      precision: 2,
      default: 0.1,
    },
    {
      id: 'weightedAmount',
      label: { 'zh-CN': '加权金额', en: 'Weighted amount' },
      type: 'money',
      readOnly: true,
      computed: { money_mul: [{ var: 'amount' }, { var: 'probability' }, 2] },
    },
    {
      id: 'commission',
      label: '预计提成',
      type: 'money',
      readOnly: true,
      // Reads another computed field: it must run after weightedAmount.
      computed: { money_mul: [{ var: 'weightedAmount' }, 0.05, 2] },
    },
    {
      id: 'poAcceptanceScan',
      label: { 'zh-CN': 'PO验收单扫描件', en: 'PO acceptance scan' },
      type: 'attachment',
      accept: ['application/pdf', '.jpg', '.png'],
      maxFiles: 5,
    },
    { id: 'owner', label: '负责人', type: 'user' },
    { id: 'watchers', label: '关注人', type: 'user', multiple: true },
    { id: 'signed', label: '已签约', type: 'boolean', default: false },
  ],
};
