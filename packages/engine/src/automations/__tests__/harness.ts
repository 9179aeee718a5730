/**
 * Test helpers for automations and `handle`: an AppIndex like compileApp's (the sales-crm
 * roles, entities and pipelines compiled by their real compilers, expressions type-checked),
 * the scenario entities, a user directory and a deep freeze.
 */
import type {
  AppDefinition,
  AutomationDefinition,
  EntityDefinition,
  PipelineDefinition,
} from '@ruleloom/schemas';
import leadEntity from '@ruleloom/schemas/fixtures/valid/entity/lead.json' with { type: 'json' };
import opportunityEntity from '@ruleloom/schemas/fixtures/valid/entity/opportunity.json' with { type: 'json' };
import opportunityPipeline from '@ruleloom/schemas/fixtures/valid/pipeline/opportunity.json' with { type: 'json' };
import salesCrm from '@ruleloom/schemas/fixtures/valid/app/sales-crm.json' with { type: 'json' };
import type { HandleApp } from '../../app/handle.js';
import type {
  AppIndex,
  CompiledAutomation,
  CompiledEntity,
  CompiledPipeline,
} from '../../app/parts.js';
import type { DirectoryUser, HandleContext } from '../../app/types.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { compileEntity } from '../../entities/index.js';
import { compileExpression } from '../../expr/compile.js';
import { compilePipeline } from '../../pipelines/index.js';
import { compileAutomation } from '../compileAutomation.js';
import { findAutomationLoops } from '../findAutomationLoops.js';

export const manifest = salesCrm as unknown as AppDefinition;
export const lead = leadEntity as unknown as EntityDefinition;
export const opportunity = opportunityEntity as unknown as EntityDefinition;
export const opportunityStages = opportunityPipeline as unknown as PipelineDefinition;

const AUTOMATION_SCHEMA = 'https://ruleloom.dev/schemas/v1/automation.schema.json' as const;

/** An automation definition with its `$schema` filled in. */
export function automation(
  definition: Omit<AutomationDefinition, '$schema'>,
): AutomationDefinition {
  return { $schema: AUTOMATION_SCHEMA, ...definition } as AutomationDefinition;
}

/** S12: a contract with its status, scan and the finance hand-off fields. */
export const contract: EntityDefinition = {
  $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
  id: 'contract',
  label: { 'zh-CN': '合同', en: 'Contract' },
  titleField: 'title',
  fields: [
    { id: 'title', label: '合同名称', type: 'text' },
    { id: 'contractNo', label: '合同编号', type: 'text' },
    { id: 'customer', label: '客户', type: 'text' },
    { id: 'amount', label: { 'zh-CN': '合同金额', en: 'Amount' }, type: 'money' },
    {
      id: 'status',
      label: { 'zh-CN': '合同状态', en: 'Status' },
      type: 'enum',
      options: [
        { id: 'draft', label: { 'zh-CN': '草拟', en: 'Draft' } },
        { id: 'signed', label: { 'zh-CN': '已签约', en: 'Signed' } },
        { id: 'void', label: { 'zh-CN': '作废', en: 'Void' } },
      ],
    },
    { id: 'contractScan', label: '合同扫描件', type: 'attachment' },
    {
      id: 'financeStatus',
      label: '财务审核状态',
      type: 'enum',
      options: [
        { id: 'none', label: '未提交' },
        { id: 'pending', label: '待审核' },
        { id: 'done', label: '已审核' },
      ],
    },
    {
      id: 'priority',
      label: '优先级',
      type: 'enum',
      options: [
        { id: 'normal', label: '普通' },
        { id: 'high', label: '高' },
      ],
    },
    { id: 'counter', label: '计数', type: 'number' },
    { id: 'note', label: '备注', type: 'ref', entity: 'lead' },
    {
      id: 'amountWithTax',
      label: '含税金额',
      type: 'money',
      readOnly: true,
      computed: { money_mul: [{ var: 'amount' }, 1.13] },
    },
    { id: 'owner', label: '负责人', type: 'user' },
    { id: 'tags', label: '标签', type: 'tags' },
  ],
} as EntityDefinition;

/** S6 and S4: an account with industry tags, revenue, the contact's rank and the last message. */
export const account: EntityDefinition = {
  $schema: 'https://ruleloom.dev/schemas/v1/entity.schema.json',
  id: 'account',
  label: { 'zh-CN': '客户', en: 'Account' },
  titleField: 'name',
  fields: [
    { id: 'name', label: { 'zh-CN': '客户名称', en: 'Account' }, type: 'text' },
    { id: 'tags', label: '标签', type: 'tags' },
    { id: 'revenue', label: { 'zh-CN': '年营收', en: 'Revenue' }, type: 'money' },
    {
      id: 'contactRank',
      label: '联系人职级',
      type: 'enum',
      options: [
        { id: 'staff', label: { 'zh-CN': '专员', en: 'Staff' } },
        { id: 'manager', label: { 'zh-CN': '经理', en: 'Manager' } },
        { id: 'director', label: { 'zh-CN': '总监', en: 'Director' } },
        { id: 'vp', label: { 'zh-CN': '副总裁', en: 'VP' } },
      ],
    },
    { id: 'lastMessage', label: '最近一条消息', type: 'text' },
    {
      id: 'processActions',
      label: { 'zh-CN': '本次跟进动作', en: 'Actions taken' },
      type: 'multi-enum',
      options: [
        { id: 'quote-sent', label: { 'zh-CN': '已发送报价单', en: 'Quote sent' } },
        { id: 'demo-booked', label: { 'zh-CN': '已预约演示', en: 'Demo booked' } },
        { id: 'competitor', label: { 'zh-CN': '客户提出竞品对比', en: 'Competitor comparison' } },
        { id: 'budget-confirmed', label: { 'zh-CN': '已确认预算', en: 'Budget confirmed' } },
        {
          id: 'decision-maker-met',
          label: { 'zh-CN': '已见决策人', en: 'Met the decision maker' },
        },
      ],
    },
    { id: 'lastContactAt', label: '最近联系时间', type: 'datetime' },
    { id: 'playbook', label: '已推送话术包', type: 'text' },
    { id: 'owner', label: '负责人', type: 'user' },
  ],
} as EntityDefinition;

/** A directory: reps with managers, finance, a director and legal. */
export const users: readonly DirectoryUser[] = [
  { id: 'u-li', label: { 'zh-CN': '李娜', en: 'Li Na' }, roles: ['sales-rep'], manager: 'u-wang' },
  { id: 'u-zhang', label: '张伟', roles: ['sales-rep'], manager: 'u-wang' },
  { id: 'u-wang', label: '王经理', roles: ['sales-manager'], manager: 'u-director' },
  { id: 'u-zhao', label: '赵敏', roles: ['finance'] },
  { id: 'u-qian', label: '钱多多', roles: ['finance'] },
  { id: 'u-director', label: '周总监', roles: ['sales-director'] },
  { id: 'u-legal', label: '孙律师', roles: ['legal'] },
];

/** 2024-06-03 09:00 in Shanghai (a Monday). */
export const NOW = Date.UTC(2024, 5, 3, 1, 0, 0);

/** A context at {@link NOW} with the directory. */
export function context(overrides: Partial<HandleContext> = {}): HandleContext {
  return { now: NOW, users, ...overrides };
}

/** What {@link buildApp} returns. */
export interface TestApp {
  readonly app: HandleApp;
  readonly index: AppIndex;
  readonly automations: readonly CompiledAutomation[];
  /** Everything reported while compiling, loop warnings included. */
  readonly diagnostics: Diagnostic[];
}

/** What an app for a test is made of. */
export interface TestAppParts {
  readonly entities: readonly EntityDefinition[];
  readonly pipelines?: readonly PipelineDefinition[];
  readonly automations: readonly AutomationDefinition[];
  readonly maxCascadeRounds?: number;
}

/**
 * Compiles entities, pipelines and automations the way compileApp does and returns what
 * `handleEvent` needs. Automations that do not compile are left out (their diagnostics
 * are in `diagnostics`).
 */
export function buildApp(parts: TestAppParts): TestApp {
  const diagnostics: Diagnostic[] = [];
  const entities = new Map<string, CompiledEntity>();
  const pipelines = new Map<string, CompiledPipeline>();
  const index: AppIndex = {
    manifest,
    locale: 'zh-CN',
    zone: 'Asia/Shanghai',
    roles: new Set((manifest.roles ?? []).map((role) => role.id)),
    entities,
    pipelines,
    report: (diagnostic) => diagnostics.push(diagnostic),
    expression(logic, entity, file, pointer) {
      const fields = entity === undefined ? undefined : entities.get(entity)?.fieldInfos;
      const compiled = compileExpression(logic, { ...(fields ? { fields } : {}), pointer, file });
      diagnostics.push(...compiled.diagnostics);
      return compiled.ok ? compiled : undefined;
    },
  };
  for (const definition of parts.entities) {
    entities.set(
      definition.id,
      compileEntity({ file: `entities/${definition.id}.json`, definition }, index),
    );
  }
  for (const definition of parts.pipelines ?? []) {
    const pipeline = compilePipeline(
      { file: `pipelines/${definition.id}.json`, definition },
      index,
    );
    if (pipeline) pipelines.set(pipeline.id, pipeline);
  }
  const automations = parts.automations.flatMap((definition) => {
    const compiled = compileAutomation(
      { file: `automations/${String(definition?.id)}.json`, definition },
      index,
    );
    return compiled ? [compiled] : [];
  });
  diagnostics.push(...findAutomationLoops(automations));
  return {
    app: {
      entities,
      pipelines: [...pipelines.values()],
      automations,
      zone: 'Asia/Shanghai',
      locale: 'zh-CN',
      timers: [],
      schedules: [],
      ...(parts.maxCascadeRounds === undefined ? {} : { maxCascadeRounds: parts.maxCascadeRounds }),
    },
    index,
    automations,
    diagnostics,
  };
}

/** Freezes a value and everything in it (inputs to `handle` must never change). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      deepFreeze((value as Record<string | symbol, unknown>)[key]);
    }
  }
  return value;
}
