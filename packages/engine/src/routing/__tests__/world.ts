/**
 * The S42 test world: the routing of the guide (fixtures/s42-lead-routing.json), compiled
 * against the lead entity and roles of examples/sales-crm, and a sales team.
 */
import type { EntityDefinition, RoutingDefinition } from '@ruleloom/schemas';
import salesCrmApp from '../../../../../examples/sales-crm/app.json' with { type: 'json' };
import leadJson from '../../../../../examples/sales-crm/entities/lead.json' with { type: 'json' };
import s42Json from './fixtures/s42-lead-routing.json' with { type: 'json' };
import type { CompiledEntity } from '../../app/parts.js';
import type { DirectoryUser } from '../../app/types.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { compileEntity } from '../../entities/index.js';
import { compileRouting } from '../compileRouting.js';
import type { CompiledRouting, CompileRoutingOptions } from '../types.js';

/** The routing of the guide (S42). */
export const s42Definition = s42Json as RoutingDefinition;

/** The lead entity of examples/sales-crm. */
export const leadEntity: CompiledEntity = compileEntity(
  {
    file: 'entities/lead.json',
    definition: leadJson as EntityDefinition,
  },
  { zone: 'Asia/Shanghai', report: () => {} },
);

/** The roles of examples/sales-crm/app.json. */
export const appRoles: ReadonlySet<string> = new Set(salesCrmApp.roles.map((role) => role.id));

const rep = (
  id: string,
  zh: string,
  en: string,
  teams: string[],
  extra: Partial<DirectoryUser> = {},
): DirectoryUser => ({
  id,
  label: { 'zh-CN': zh, en },
  roles: ['sales-rep'],
  teams,
  manager: 'manager-wang',
  ...extra,
});

/** The sales team: 华东大客户组 east-ka, 华东 east, 华南 south, 华北 north, 电销 inside-sales. */
export const team: readonly DirectoryUser[] = [
  rep('zhangwei', '张伟', 'Zhang Wei', ['east-ka', 'east']),
  rep('lina', '李娜', 'Li Na', ['east-ka', 'east']),
  rep('wangfang', '王芳', 'Wang Fang', ['east-ka', 'east']),
  rep('liuyang', '刘洋', 'Liu Yang', ['east']),
  rep('chenjing', '陈静', 'Chen Jing', ['south']),
  rep('zhaolei', '赵磊', 'Zhao Lei', ['south']),
  rep('sunli', '孙丽', 'Sun Li', ['north']),
  rep('zhouqi', '周琪', 'Zhou Qi', ['inside-sales']),
  rep('wuhao', '吴昊', 'Wu Hao', ['inside-sales']),
  {
    id: 'manager-wang',
    label: { 'zh-CN': '王经理', en: 'Manager Wang' },
    roles: ['sales-manager'],
  },
];

/** The team with some users changed (status 出差, …). */
export function teamWith(
  changes: Readonly<Record<string, Partial<DirectoryUser>>>,
): DirectoryUser[] {
  return team.map((user) => ({ ...user, ...changes[user.id] }));
}

/** A weekday morning in Shanghai (Monday 2026-03-02 10:00). */
export const MONDAY_10 = '2026-03-02T10:00:00+08:00';

/** Compiles a routing; returns it with every diagnostic reported. */
export function compile(
  definition: unknown,
  options: Partial<CompileRoutingOptions> = {},
): { routing: CompiledRouting | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const routing = compileRouting(
    { file: 'routing/lead-routing.json', definition: definition as RoutingDefinition },
    { report: (d) => diagnostics.push(d), ...options },
  );
  return { routing, diagnostics };
}

/** The S42 routing, compiled against the example app; throws when it does not compile. */
export function s42(options: Partial<CompileRoutingOptions> = {}): CompiledRouting {
  const { routing, diagnostics } = compile(s42Definition, {
    entity: leadEntity,
    roles: appRoles,
    ...options,
  });
  if (!routing || diagnostics.length > 0) {
    throw new Error(`S42 routing does not compile: ${JSON.stringify(diagnostics, null, 2)}`);
  }
  return routing;
}

/** A website lead over 200k from East China. */
export const bigWebsiteLead = {
  id: 'L-1',
  values: { source: 'website', budget: 300000, region: 'east', customer: 'C-1001' },
};
