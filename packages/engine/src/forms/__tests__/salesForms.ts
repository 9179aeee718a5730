import type { FormDefinition } from '@ruleloom/schemas';

// Forms of the scenarios (SCENARIOS.md), with the articles' labels and numbers.

export const FORM_SCHEMA = 'https://ruleloom.dev/schemas/v1/form.schema.json' as const;

/** S1: every lead classified by dropdowns; website leads say which form; A leads give a budget. */
export const leadCreate: FormDefinition = {
  $schema: FORM_SCHEMA,
  id: 'lead-create',
  label: { 'zh-CN': '新建线索', en: 'New lead' },
  entity: 'lead',
  mode: 'create',
  sections: [
    {
      id: 'contact',
      label: { 'zh-CN': '联系人信息', en: 'Contact' },
      fields: ['name', { field: 'phone', required: true }],
    },
    {
      id: 'classification',
      label: { 'zh-CN': '线索分类', en: 'Classification' },
      fields: [
        { field: 'source', widget: 'dropdown' },
        {
          field: 'websiteForm',
          visibleWhen: { '==': [{ var: 'source' }, 'website'] },
          requiredWhen: { '==': [{ var: 'source' }, 'website'] },
        },
        { field: 'firstTouch', widget: 'radio' },
        { field: 'intentGrade', widget: 'radio' },
        { field: 'budget', requiredWhen: { '==': [{ var: 'intentGrade' }, 'A'] } },
        'budgetBand',
      ],
    },
  ],
  validations: [
    {
      id: 'budget-positive',
      expression: { or: [{ '!': [{ var: 'budget' }] }, { '>': [{ var: 'budget' }, 0] }] },
      message: { 'zh-CN': '预算金额必须大于0', en: 'The budget must be greater than 0' },
      fields: ['budget'],
    },
  ],
};

/** S11 visit check-in and S16 anti-fraud warnings (48 h, 5 km), S4 one-tap actions. */
export const visitCheckin: FormDefinition = {
  $schema: FORM_SCHEMA,
  id: 'visit-checkin',
  label: { 'zh-CN': '拜访签到', en: 'Visit check-in' },
  entity: 'visit',
  mode: 'create',
  fields: [
    'customer',
    { field: 'customerGrade', widget: 'radio' },
    { field: 'sitePhoto', widget: 'camera', help: '现场拍摄，自动加时间水印' },
    { field: 'painPoints', minItems: 1 },
    { field: 'processActions', widget: 'chips', maxItems: 5 },
    { field: 'customerQuestion', placeholder: '客户提出的一个具体问题' },
    'nextStep',
    { field: 'visitedAt', readOnly: true },
    { field: 'distanceKm', visibleWhen: { '!=': [{ var: 'distanceKm' }, null] } },
  ],
  validations: [
    {
      id: 'gps-within-5km',
      expression: {
        or: [{ '==': [{ var: 'distanceKm' }, null] }, { '<=': [{ var: 'distanceKm' }, 5] }],
      },
      message: {
        'zh-CN': '照片定位距客户注册地址超过5公里，将标记为异常',
        en: "The photo was taken more than 5 km from the customer's address and will be flagged",
      },
      severity: 'warning',
      fields: ['sitePhoto'],
    },
    {
      id: 'not-within-48h',
      expression: {
        or: [
          { '==': [{ var: 'hoursSinceLastVisit' }, null] },
          { '>=': [{ var: 'hoursSinceLastVisit' }, 48] },
        ],
      },
      message: {
        'zh-CN': '48小时内已拜访过该客户，将标记为重复拜访',
        en: 'This customer was visited less than 48 h ago; the visit will be flagged',
      },
      severity: 'warning',
    },
  ],
};

/** S14: five fields, one click from the home screen. */
export const quickCustomer: FormDefinition = {
  $schema: FORM_SCHEMA,
  id: 'quick-customer',
  label: { 'zh-CN': '快速新建客户', en: 'Quick new customer' },
  entity: 'customer',
  mode: 'create',
  shortcut: true,
  fields: [
    'name',
    'contact',
    { field: 'phone', required: true },
    'industry',
    { field: 'initialIntent', widget: 'radio' },
  ],
};

/** S25: the 7 core fields of customer master data, all required. */
export const customerMaster: FormDefinition = {
  $schema: FORM_SCHEMA,
  id: 'customer-master',
  label: { 'zh-CN': '客户主数据', en: 'Customer master data' },
  entity: 'customer',
  mode: 'edit',
  fields: [
    'name',
    { field: 'customerType', required: true },
    { field: 'industry', required: true },
    { field: 'budgetRange', required: true },
    { field: 'decisionRole', required: true },
    { field: 'region', required: true },
    { field: 'companySize', required: true },
    { field: 'purchaseTimeline', required: true },
  ],
};
