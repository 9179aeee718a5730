/**
 * A small app for the simulation tests: leads with a 48 h timer that escalates at 72 h and
 * 96 h (S3's shape), a payment journey whose every node alerts after 48 h without progress
 * (S45's shape), and, on request, a recurring timer.
 */
import { compileApp } from '../../app/compileApp.js';
import type { CompiledApp } from '../../app/compiledApp.js';
import type { DirectoryUser } from '../../app/types.js';

const S = 'https://ruleloom.dev/schemas/v1';

export const users: readonly DirectoryUser[] = [
  {
    id: 'zhangwei',
    label: { 'zh-CN': '张伟', en: 'Zhang Wei' },
    roles: ['sales'],
    manager: 'zhoumin',
  },
  { id: 'zhoumin', label: { 'zh-CN': '周敏', en: 'Zhou Min' }, roles: ['sales-manager'] },
  { id: 'zhaogang', label: { 'zh-CN': '赵刚', en: 'Zhao Gang' }, roles: ['sales-director'] },
  { id: 'chenjing', label: { 'zh-CN': '陈静', en: 'Chen Jing' }, roles: ['finance'] },
];

const notify = (id: string, recipients: unknown[], zh: string, en: string) => ({
  type: 'notify',
  id,
  channel: 'wecom',
  recipients,
  template: { 'zh-CN': zh, en },
});

/** The app's files; `recurring` adds a timer that runs on that cron for every lead. */
export function fixtureFiles(recurring?: string): Record<string, unknown> {
  const timers: Record<string, unknown> = {
    'timers/b-lead-48h.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'b-lead-48h',
      label: { 'zh-CN': 'B级线索48小时未推进', en: 'B lead not advanced in 48 h' },
      kind: 'relative',
      entity: 'lead',
      after: '48h',
      start: [{ type: 'record.created' }],
      cancelOn: [{ type: 'stage.left', stages: ['new'] }],
      condition: { '==': [{ var: 'grade' }, 'B'] },
      actions: [
        { type: 'mark', color: 'red' },
        notify(
          'rep',
          [{ field: 'owner' }],
          '线索 {{name}} 48 小时未推进',
          'Lead {{name}}: 48 h without progress',
        ),
      ],
      escalation: [
        {
          after: '72h',
          actions: [
            notify(
              'manager',
              [{ managerOf: 'owner' }],
              '线索 {{name}} 72 小时未推进',
              'Lead {{name}}: 72 h',
            ),
          ],
        },
        {
          after: '96h',
          actions: [
            notify(
              'director',
              [{ role: 'sales-director' }],
              '线索 {{name}} 96 小时未推进',
              'Lead {{name}}: 96 h',
            ),
          ],
        },
      ],
    },
    'timers/payment-48h.json': {
      $schema: `${S}/timer.schema.json`,
      id: 'payment-48h',
      label: { 'zh-CN': '回款节点48小时无进展', en: 'Payment node stalled for 48 h' },
      kind: 'relative',
      entity: 'receivable',
      after: '48h',
      start: [{ type: 'stage.entered' }],
      cancelOn: [{ type: 'stage.entered', stages: ['received'] }],
      actions: [
        { type: 'mark', color: 'red' },
        notify(
          'blocked',
          [{ field: 'owner' }, { role: 'finance' }, { role: 'sales-director' }],
          '{{title}} 在「{{node}}」停留超过 48 小时',
          '{{title}} has been at "{{node}}" for over 48 h',
        ),
      ],
    },
  };
  if (recurring !== undefined) {
    timers['timers/tick.json'] = {
      $schema: `${S}/timer.schema.json`,
      id: 'every',
      kind: 'recurring',
      entity: 'lead',
      cron: recurring,
      actions: [{ type: 'addTag', tag: 'checked' }],
    };
  }
  const option = (id: string, zh: string) => ({ id, label: { 'zh-CN': zh, en: id } });
  const files: Record<string, unknown> = {
    'app.json': {
      $schema: `${S}/app.schema.json`,
      id: 'sim-test',
      name: 'simulation test',
      version: '1.0.0',
      zone: 'Asia/Shanghai',
      roles: [
        { id: 'sales' },
        { id: 'sales-manager' },
        { id: 'sales-director' },
        { id: 'finance' },
      ],
      files: {
        entities: ['entities/lead.json', 'entities/receivable.json'],
        pipelines: ['pipelines/lead.json', 'pipelines/receivable.json'],
        timers: Object.keys(timers),
      },
    },
    'entities/lead.json': {
      $schema: `${S}/entity.schema.json`,
      id: 'lead',
      label: { 'zh-CN': '线索', en: 'lead' },
      fields: [
        { id: 'name', label: '名称', type: 'text' },
        {
          id: 'grade',
          label: { 'zh-CN': '等级', en: 'grade' },
          type: 'enum',
          options: [option('A', 'A 级'), option('B', 'B 级'), option('C', 'C 级')],
        },
        { id: 'owner', label: '负责人', type: 'user' },
        { id: 'stage', label: '阶段', type: 'text' },
      ],
    },
    'entities/receivable.json': {
      $schema: `${S}/entity.schema.json`,
      id: 'receivable',
      label: { 'zh-CN': '回款', en: 'receivable' },
      fields: [
        { id: 'title', label: '标题', type: 'text' },
        { id: 'owner', label: '负责人', type: 'user' },
        { id: 'node', label: { 'zh-CN': '回款节点', en: 'node' }, type: 'text' },
      ],
    },
    'pipelines/lead.json': {
      $schema: `${S}/pipeline.schema.json`,
      id: 'lead',
      entity: 'lead',
      stageField: 'stage',
      initialStage: 'new',
      stages: [
        { id: 'new' },
        { id: 'contacted', label: { 'zh-CN': '已联系', en: 'Contacted' } },
        { id: 'won', final: true },
      ],
      transitions: [
        { from: 'new', to: 'contacted' },
        { from: 'contacted', to: 'won' },
      ],
    },
    'pipelines/receivable.json': {
      $schema: `${S}/pipeline.schema.json`,
      id: 'receivable',
      entity: 'receivable',
      stageField: 'node',
      initialStage: 'invoice-requested',
      stages: [
        { id: 'invoice-requested', label: { 'zh-CN': '发票申请', en: 'Invoice requested' } },
        { id: 'invoice-signed', label: { 'zh-CN': '客户签收发票', en: 'Invoice signed' } },
        { id: 'payment-started', label: { 'zh-CN': '客户采购发起付款', en: 'Payment started' } },
        { id: 'customer-paid', label: { 'zh-CN': '客户财务付款', en: 'Customer paid' } },
        { id: 'received', label: { 'zh-CN': '银行到账', en: 'Bank receipt' }, final: true },
      ],
      transitions: [
        { from: 'invoice-requested', to: 'invoice-signed' },
        { from: 'invoice-signed', to: 'payment-started' },
        { from: 'payment-started', to: 'customer-paid' },
        { from: 'customer-paid', to: 'received' },
      ],
    },
    ...timers,
  };
  return files;
}

/** The app compiled; `recurring` adds a timer that runs on that cron for every lead. */
export function fixtureApp(recurring?: string): CompiledApp {
  const result = compileApp({ files: fixtureFiles(recurring) });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.app;
}
