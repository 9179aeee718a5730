/**
 * Compiling the parts of a routing definition: pools, strategies, constraints, preferences
 * and the fallback, each checked and given its defaults.
 */
import type { RoutingStrategy } from '@ruleloom/schemas';
import { appendPointer } from '../diagnostics/diagnostic.js';
import { localizedLabel } from '../entities/labels.js';
import type { RoutingCompileEnv } from './compileEnv.js';
import type {
  ConstraintsModel,
  PoolModel,
  PreferenceModel,
  RoutingModel,
  StrategyModel,
} from './model.js';
import type { LoadMeasure } from './types.js';

/** A plain JSON object. */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The strings of a list (anything else is left out; the schema check reports it). */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item !== '')
    : [];
}

const STRATEGIES: ReadonlySet<string> = new Set([
  'round-robin',
  'least-loaded',
  'weighted',
  'sticky',
] satisfies RoutingStrategy['type'][]);
const MEASURES: ReadonlySet<string> = new Set<LoadMeasure>([
  'open-items',
  'assigned-today',
  'signed-7d',
]);

/**
 * A pool: listed users, roles and teams. RL5505 when it names nobody, RL5504 for a role
 * app.json does not declare.
 *
 * @example
 * compilePool({ roles: ['sales-rep'] }, '/rules/0/pool', 'east', env); // { users: [], roles: ['sales-rep'], teams: [] }
 */
export function compilePool(
  value: unknown,
  pointer: string,
  rule: string,
  env: RoutingCompileEnv,
): PoolModel {
  if (!isObject(value)) {
    env.malformed(pointer, { 'zh-CN': '候选人范围必须是对象', en: 'a pool must be an object' });
    return { users: [], roles: [], teams: [] };
  }
  const pool = {
    users: [...new Set(stringsOf(value['users']))],
    roles: [...new Set(stringsOf(value['roles']))],
    teams: [...new Set(stringsOf(value['teams']))],
  };
  if (pool.users.length + pool.roles.length + pool.teams.length === 0) {
    env.report('RL5505', pointer, { rule });
  }
  const roles = env.roles;
  if (roles) {
    stringsOf(value['roles']).forEach((role, i) => {
      if (!roles.has(role)) {
        env.report('RL5504', appendPointer(appendPointer(pointer, 'roles'), i), {
          role,
          known: [...roles].join(', ') || '-',
        });
      }
    });
  }
  return pool;
}

/** True when the pool lists users only: then who is in it is known without the directory. */
export function listsUsersOnly(pool: PoolModel): boolean {
  return pool.roles.length === 0 && pool.teams.length === 0;
}

function compileWeights(
  value: unknown,
  pointer: string,
  env: RoutingCompileEnv,
  rule?: { readonly id: string; readonly pool: PoolModel },
): ReadonlyMap<string, number> {
  const weights = new Map<string, number>();
  if (!isObject(value) || Object.keys(value).length === 0) {
    env.malformed(pointer, {
      'zh-CN': '按权重分配需要 weights：每位销售的权重',
      en: 'a weighted strategy needs weights: one per rep',
    });
    return weights;
  }
  for (const [user, weight] of Object.entries(value)) {
    const at = appendPointer(pointer, user);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      env.report('RL5506', at, { user, weight: String(weight) });
      continue;
    }
    weights.set(user, weight);
    if (rule && listsUsersOnly(rule.pool) && !rule.pool.users.includes(user)) {
      env.report('RL5507', at, { user, rule: rule.id });
    }
  }
  return weights;
}

/**
 * A strategy with its defaults; `inherited` when the value is absent. A rule's own strategy
 * passes the rule, so that weights of reps outside a listed pool are reported (RL5507).
 *
 * @example
 * compileStrategy({ type: 'sticky', by: 'customer' }, '/strategy', env, { type: 'round-robin' });
 * // { type: 'sticky', by: 'customer', otherwise: 'round-robin' }
 */
export function compileStrategy(
  value: unknown,
  pointer: string,
  env: RoutingCompileEnv,
  inherited: StrategyModel,
  rule?: { readonly id: string; readonly pool: PoolModel },
): StrategyModel {
  if (value === undefined) return inherited;
  if (!isObject(value) || typeof value['type'] !== 'string') {
    env.malformed(pointer, {
      'zh-CN': '分配方式必须写明 type',
      en: 'a strategy needs a type',
    });
    return inherited;
  }
  const type = value['type'];
  if (!STRATEGIES.has(type)) {
    env.report('RL5514', appendPointer(pointer, 'type'), { strategy: type });
    return inherited;
  }
  switch (type) {
    case 'least-loaded': {
      const measure = value['measure'];
      return {
        type,
        measure:
          typeof measure === 'string' && MEASURES.has(measure)
            ? (measure as LoadMeasure)
            : 'open-items',
      };
    }
    case 'weighted':
      return {
        type,
        weights: compileWeights(value['weights'], appendPointer(pointer, 'weights'), env, rule),
      };
    case 'sticky': {
      const by = value['by'];
      if (typeof by !== 'string' || by === '') {
        env.malformed(appendPointer(pointer, 'by'), {
          'zh-CN': '同客户同销售需要 by：代表客户的字段',
          en: 'a sticky strategy needs by: the field that identifies the customer',
        });
        return inherited;
      }
      env.field(by, appendPointer(pointer, 'by'));
      return {
        type,
        by,
        otherwise: value['otherwise'] === 'least-loaded' ? 'least-loaded' : 'round-robin',
      };
    }
    default:
      return { type: 'round-robin' };
  }
}

/**
 * The constraints with their defaults; dedupe needs both the limit and the customer field
 * (RL5511 without the field; RL5512, a warning, without the limit).
 *
 * @example
 * compileConstraints({ maxOpenItems: 8, skipStatuses: ['出差'] }, env).maxOpenItems; // 8
 */
export function compileConstraints(value: unknown, env: RoutingCompileEnv): ConstraintsModel {
  if (value === undefined) return { skipStatuses: new Set(), workingHoursOnly: false };
  if (!isObject(value)) {
    env.malformed('/constraints', {
      'zh-CN': 'constraints 必须是对象',
      en: 'constraints must be an object',
    });
    return { skipStatuses: new Set(), workingHoursOnly: false };
  }
  const max = value['maxOpenItems'];
  const limit = value['maxOwnersPerCustomer'];
  const field = value['customerField'];
  const hasLimit = typeof limit === 'number' && Number.isFinite(limit) && limit >= 1;
  const hasField = typeof field === 'string' && field !== '';
  if (hasField) env.field(field, '/constraints/customerField');
  if (hasLimit && !hasField) {
    env.report('RL5511', '/constraints/maxOwnersPerCustomer', { limit: Math.floor(limit) });
  }
  if (hasField && !hasLimit) env.report('RL5512', '/constraints/customerField', { field });
  return {
    ...(typeof max === 'number' && Number.isFinite(max) ? { maxOpenItems: max } : {}),
    skipStatuses: new Set(stringsOf(value['skipStatuses'])),
    workingHoursOnly: value['workingHoursOnly'] === true,
    ...(hasLimit && hasField ? { dedupe: { field, limit: Math.floor(limit) } } : {}),
  };
}

/**
 * The preferences, each with its compiled condition. RL5509 for a repeated id; RL5513 (a
 * warning) for a preferred rep who is in no pool, when every pool lists users only.
 *
 * @example
 * compilePreferences([{ id: 'big', when: true, prefer: ['zhangwei'] }], pools, env)[0].prefer; // ['zhangwei']
 */
export function compilePreferences(
  value: unknown,
  pools: readonly PoolModel[],
  env: RoutingCompileEnv,
): PreferenceModel[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    env.malformed('/preferences', {
      'zh-CN': 'preferences 必须是列表',
      en: 'preferences must be a list',
    });
    return [];
  }
  const listed = pools.every(listsUsersOnly) ? new Set(pools.flatMap((p) => p.users)) : undefined;
  const seen = new Map<string, number>();
  const preferences: PreferenceModel[] = [];
  value.forEach((item: unknown, i) => {
    const pointer = `/preferences/${i}`;
    if (!isObject(item) || typeof item['id'] !== 'string' || !('when' in item)) {
      env.malformed(pointer, {
        'zh-CN': '优先规则需要 id、when 和 prefer',
        en: 'a preference needs id, when and prefer',
      });
      return;
    }
    const id = item['id'];
    const first = seen.get(id);
    if (first !== undefined)
      env.report('RL5509', `${pointer}/id`, { preference: id, first: first + 1, second: i + 1 });
    else seen.set(id, i);
    const prefer = [...new Set(stringsOf(item['prefer']))];
    if (prefer.length === 0) {
      env.malformed(`${pointer}/prefer`, {
        'zh-CN': 'prefer 至少列出一位销售',
        en: 'prefer must list at least one rep',
      });
    }
    stringsOf(item['prefer']).forEach((user, j) => {
      if (listed && !listed.has(user)) {
        env.report('RL5513', `${pointer}/prefer/${j}`, { preference: id, user });
      }
    });
    const when = env.condition(item['when'], `${pointer}/when`);
    if (when) {
      preferences.push({ id, label: localizedLabel(item['label'], id), when, prefer });
    }
  });
  return preferences;
}

/**
 * The fallback queue and who is told; recipients are checked like an automation's (roles
 * declared, fields holding users).
 *
 * @example
 * compileFallback({ queue: 'lead-pool', notify: [{ role: 'sales-manager' }] }, env).queue; // 'lead-pool'
 */
export function compileFallback(value: unknown, env: RoutingCompileEnv): RoutingModel['fallback'] {
  if (!isObject(value) || typeof value['queue'] !== 'string' || value['queue'] === '') {
    env.malformed('/fallback', {
      'zh-CN': 'fallback 需要 queue：无人可分配时线索进入的公海',
      en: 'fallback needs a queue: where records go when nobody can take them',
    });
    return { queue: '', notify: [] };
  }
  const notify = Array.isArray(value['notify']) ? value['notify'].filter(isObject) : [];
  notify.forEach((party, i) => {
    const pointer = `/fallback/notify/${i}`;
    const role = party['role'];
    if (typeof role === 'string' && env.roles && !env.roles.has(role)) {
      env.report('RL5504', `${pointer}/role`, { role, known: [...env.roles].join(', ') || '-' });
    }
    for (const key of ['field', 'managerOf'] as const) {
      const reference = party[key];
      if (typeof reference === 'string') env.userField(reference, `${pointer}/${key}`);
    }
  });
  return { queue: value['queue'], notify };
}
