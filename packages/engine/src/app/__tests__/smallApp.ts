/**
 * A small but complete app for the tests of compileApp, the test runner and `ruleloom test`:
 * an opportunity entity, a create form, a pipeline with gates and an approval, an
 * automation that tags, marks and notifies, sample data and one passing test. Adapted from
 * examples/sales-crm (S34, S34b, S35, S38). Each call returns fresh objects, so a test may
 * change its copy.
 */

const SCHEMA = 'https://ruleloom.dev/schemas/v1';

export const smallManifest = () => ({
  $schema: `${SCHEMA}/app.schema.json`,
  id: 'mini-crm',
  name: { 'zh-CN': '迷你销售管理', en: 'Mini CRM' },
  version: '1.0.0',
  locale: 'zh-CN',
  zone: 'Asia/Shanghai',
  roles: [
    { id: 'sales-rep', label: { 'zh-CN': '销售代表', en: 'Sales rep' } },
    { id: 'sales-director', label: { 'zh-CN': '销售总监', en: 'Sales director' } },
  ],
  files: {
    entities: ['entities/opportunity.json'],
    forms: ['forms/opportunity-create.json'],
    pipelines: ['pipelines/opportunity.json'],
    automations: ['automations/big-deal.json'],
  },
  sampleData: [{ entity: 'opportunity', file: 'sample-data/opportunities.json' }],
  tests: ['tests/s38-quote-gate.json'],
});

export const smallEntity = () => ({
  $schema: `${SCHEMA}/entity.schema.json`,
  id: 'opportunity',
  label: { 'zh-CN': '商机', en: 'Opportunity' },
  titleField: 'title',
  fields: [
    {
      id: 'title',
      label: { 'zh-CN': '商机名称', en: 'Opportunity' },
      type: 'text',
      required: true,
      maxLength: 100,
    },
    { id: 'owner', label: { 'zh-CN': '负责销售', en: 'Owner' }, type: 'user' },
    {
      id: 'stage',
      label: { 'zh-CN': '商机阶段', en: 'Stage' },
      type: 'enum',
      readOnly: true,
      options: [
        { id: 'lead', label: { 'zh-CN': '线索', en: 'Lead' } },
        { id: 'proposal', label: { 'zh-CN': '方案', en: 'Proposal' } },
        { id: 'quote', label: { 'zh-CN': '报价', en: 'Quote' } },
        { id: 'won', label: { 'zh-CN': '赢单', en: 'Won' } },
      ],
    },
    {
      id: 'amount',
      label: { 'zh-CN': '报价金额', en: 'Quote amount' },
      type: 'money',
      currency: 'CNY',
      min: 0,
    },
    {
      id: 'budgetRange',
      label: { 'zh-CN': '预算范围', en: 'Budget range' },
      type: 'enum',
      options: [
        { id: 'under-50k', label: { 'zh-CN': '5万以下', en: 'Under 50k' } },
        { id: 'over-50k', label: { 'zh-CN': '5万以上', en: 'Over 50k' } },
      ],
    },
    {
      id: 'contractScan',
      label: { 'zh-CN': '合同扫描件', en: 'Contract scan' },
      type: 'attachment',
    },
    { id: 'tags', label: { 'zh-CN': '标签', en: 'Tags' }, type: 'tags' },
  ],
});

export const smallForm = () => ({
  $schema: `${SCHEMA}/form.schema.json`,
  id: 'opportunity-create',
  label: { 'zh-CN': '新建商机', en: 'New opportunity' },
  entity: 'opportunity',
  mode: 'create',
  fields: [
    'title',
    'owner',
    'amount',
    {
      field: 'budgetRange',
      visibleWhen: { '>': [{ var: 'amount' }, 0] },
      requiredWhen: { '>': [{ var: 'amount' }, 0] },
    },
  ],
  validations: [
    {
      id: 'amount-cap',
      expression: { '<=': [{ var: 'amount' }, 10000000] },
      message: { 'zh-CN': '报价金额不能超过一千万', en: 'The quote cannot exceed 10 million' },
      fields: ['amount'],
    },
  ],
});

export const smallPipeline = () => ({
  $schema: `${SCHEMA}/pipeline.schema.json`,
  id: 'opportunity',
  label: { 'zh-CN': '商机阶段', en: 'Opportunity stages' },
  entity: 'opportunity',
  stageField: 'stage',
  initialStage: 'lead',
  trackHistory: true,
  stages: [
    { id: 'lead', label: { 'zh-CN': '线索', en: 'Lead' } },
    { id: 'proposal', label: { 'zh-CN': '方案', en: 'Proposal' } },
    {
      id: 'quote',
      label: { 'zh-CN': '报价', en: 'Quote' },
      entryGate: {
        requiredFields: ['budgetRange'],
        conditions: [
          {
            id: 'amount-positive',
            expression: { '>': [{ var: 'amount' }, 0] },
            message: { 'zh-CN': '请先填写报价金额', en: 'Enter the quote amount first' },
          },
        ],
      },
    },
    {
      id: 'won',
      label: { 'zh-CN': '赢单', en: 'Won' },
      final: true,
      outcome: 'won',
      entryGate: { requiredAttachments: ['contractScan'] },
    },
  ],
  transitions: [
    { id: 'submit-proposal', from: 'lead', to: 'proposal' },
    {
      id: 'send-quote',
      from: 'proposal',
      to: 'quote',
      approvals: [
        {
          id: 'large-quote',
          label: { 'zh-CN': '大额报价审批', en: 'Large quote approval' },
          when: { '>': [{ var: 'amount' }, 50000] },
          steps: [
            {
              id: 'director',
              label: { 'zh-CN': '销售总监审批', en: 'Sales director' },
              approvers: [{ role: 'sales-director' }],
              mode: 'first',
            },
          ],
        },
      ],
    },
    { id: 'win', from: 'quote', to: 'won' },
  ],
});

export const smallAutomation = () => ({
  $schema: `${SCHEMA}/automation.schema.json`,
  id: 'big-deal',
  label: { 'zh-CN': '大单标记', en: 'Big deal' },
  entity: 'opportunity',
  trigger: { type: 'record.created' },
  condition: { '>=': [{ var: 'amount' }, 100000] },
  actions: [
    { type: 'addTag', tag: '大单' },
    { type: 'mark', color: 'orange', reason: { 'zh-CN': '大单', en: 'Big deal' } },
    {
      type: 'notify',
      channel: 'wecom',
      recipients: [{ field: 'owner' }],
      template: { 'zh-CN': '新大单：{{title}}', en: 'New big deal: {{title}}' },
    },
  ],
});

export const smallSampleData = () => [
  { id: 'O1', values: { title: '华东精密二期', amount: 80000, owner: 'lina' } },
  { title: '温州口腔设备', amount: 20000 },
];

/** S38: no quote without the budget range; passes. */
export const smallTest = () => ({
  $schema: `${SCHEMA}/test.schema.json`,
  id: 's38-quote-gate',
  label: { 'zh-CN': '未填预算不能进入报价', en: 'No quote without the budget range' },
  description: 'S38: the quote stage needs the budget range.',
  given: {
    now: '2026-03-02T10:00:00+08:00',
    users: [{ id: 'lina', label: '李娜', roles: ['sales-rep'] }],
    records: [
      {
        entity: 'opportunity',
        id: 'O1',
        values: { title: '华东精密二期', stage: 'proposal', amount: 20000, owner: 'lina' },
      },
    ],
  },
  steps: [{ type: 'move', record: 'O1', to: 'quote', by: 'lina' }],
  expect: [
    { type: 'gate', record: 'O1', to: 'quote', passed: false, missing: ['budgetRange'] },
    { type: 'stage', record: 'O1', stage: 'proposal' },
  ],
});

/** The files of the small app, by path (fresh objects on every call). */
export function smallAppFiles(): Record<string, unknown> {
  return {
    'app.json': smallManifest(),
    'entities/opportunity.json': smallEntity(),
    'forms/opportunity-create.json': smallForm(),
    'pipelines/opportunity.json': smallPipeline(),
    'automations/big-deal.json': smallAutomation(),
    'sample-data/opportunities.json': smallSampleData(),
    'tests/s38-quote-gate.json': smallTest(),
  };
}
