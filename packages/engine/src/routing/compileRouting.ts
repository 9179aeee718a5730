/**
 * Compiling one routing file: rules, pools, strategies, constraints, preferences and the
 * fallback checked against the app (entity fields, roles), conditions type-checked, and the
 * result ready to route leads.
 */
import type { RoutingDefinition } from '@ruleloom/schemas';
import type { DefinitionFile } from '../app/parts.js';
import { isValidZone } from '../expr/domain/zone.js';
import { localizedLabel } from '../entities/labels.js';
import { createRoutingEnv, type RoutingCompileEnv } from './compileEnv.js';
import {
  compileConstraints,
  compileFallback,
  compilePool,
  compilePreferences,
  compileStrategy,
  isObject,
} from './compileParts.js';
import { describeRoute } from './describeRoute.js';
import type { RoutingModel, RuleModel, StrategyModel } from './model.js';
import { routeLead, routeLeads } from './routeLead.js';
import type { CompiledRouting, CompileRoutingOptions } from './types.js';
import { workingCalendar } from './workingTime.js';

const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * Compiles a routing definition. Diagnostics (RL55xx, and RL2xxx for its conditions) go to
 * `options.report`, located by file and JSON pointer; the result is undefined when any of
 * them is an error. Never throws.
 *
 * @example
 * const routing = compileRouting(
 *   { file: 'routing/lead-routing.json', definition: leadRouting },
 *   { report: (d) => diagnostics.push(d), entity: lead, roles: new Set(['sales-rep']) },
 * );
 * routing?.route({ id: 'L1', values: { source: 'website', budget: 300000 } }, {}, { now, users });
 */
export function compileRouting(
  file: DefinitionFile<RoutingDefinition>,
  options: CompileRoutingOptions,
): CompiledRouting | undefined {
  const definition: unknown = file?.definition;
  const fileName = typeof file?.file === 'string' ? file.file : '';
  const entityId =
    isObject(definition) && typeof definition['entity'] === 'string' ? definition['entity'] : '';
  const env = createRoutingEnv(fileName, entityId, options);
  const model = compileModel(definition, fileName, options, env);
  if (!model || env.hasErrors()) return undefined;
  return {
    id: model.id,
    entity: model.entity,
    file: model.file,
    definition: model.definition,
    assignField: model.assignField,
    route: (lead, snapshot, ctx, routeOptions) =>
      routeLead(model, lead, snapshot, ctx, routeOptions),
    routeMany: (leads, snapshot, ctx, routeOptions) =>
      routeLeads(model, leads, snapshot, ctx, routeOptions),
    describe: (result, users) => describeRoute(model, result, users),
  };
}

function compileModel(
  definition: unknown,
  file: string,
  options: CompileRoutingOptions,
  env: RoutingCompileEnv,
): RoutingModel | undefined {
  if (!isObject(definition)) {
    env.malformed('', {
      'zh-CN': '分配规则必须是 JSON 对象',
      en: 'a routing must be a JSON object',
    });
    return undefined;
  }
  const id = definition['id'];
  if (typeof id !== 'string' || id === '' || env.entityId === '') {
    env.malformed(typeof id === 'string' && id !== '' ? '/entity' : '/id', {
      'zh-CN': '分配规则需要 id 和 entity',
      en: 'a routing needs an id and an entity',
    });
    return undefined;
  }
  const zone = options.zone ?? DEFAULT_ZONE;
  if (!isValidZone(zone)) {
    env.malformed('', { 'zh-CN': `未知时区 "${zone}"`, en: `unknown time zone "${zone}"` });
  }
  const assignField = definition['assignField'];
  if (assignField === undefined) env.userField('owner', '');
  else if (typeof assignField === 'string') env.userField(assignField, '/assignField');

  const routingStrategy = compileStrategy(definition['strategy'], '/strategy', env, {
    type: 'round-robin',
  });
  const rules = compileRules(definition['rules'], routingStrategy, env);
  const constraints = compileConstraints(definition['constraints'], env);
  const preferences = compilePreferences(
    definition['preferences'],
    rules.map((rule) => rule.pool),
    env,
  );
  const fallback = compileFallback(definition['fallback'], env);
  if (!rules.length) return undefined;

  const customerFields = [
    ...(constraints.dedupe ? [constraints.dedupe.field] : []),
    ...[routingStrategy, ...rules.map((rule) => rule.strategy)].flatMap((s) =>
      s.type === 'sticky' ? [s.by] : [],
    ),
  ];
  return {
    id,
    label: localizedLabel(definition['label'], id),
    entity: env.entityId,
    file,
    definition: definition as unknown as RoutingDefinition,
    assignField: typeof assignField === 'string' ? assignField : 'owner',
    zone: isValidZone(zone) ? zone : DEFAULT_ZONE,
    calendar: workingCalendar(options.calendar, isValidZone(zone) ? zone : DEFAULT_ZONE),
    rules,
    preferences,
    constraints,
    fallback,
    customerFields: [...new Set(customerFields)],
  };
}

function compileRules(
  value: unknown,
  routingStrategy: StrategyModel,
  env: RoutingCompileEnv,
): RuleModel[] {
  if (!Array.isArray(value) || value.length === 0) {
    env.malformed('/rules', {
      'zh-CN': '至少需要一条分配规则',
      en: 'a routing needs at least one rule',
    });
    return [];
  }
  const seen = new Map<string, number>();
  let catchAll: string | undefined;
  const rules: RuleModel[] = [];
  value.forEach((item: unknown, i) => {
    const pointer = `/rules/${i}`;
    if (!isObject(item) || typeof item['id'] !== 'string' || item['id'] === '') {
      env.malformed(pointer, {
        'zh-CN': '规则需要 id 和 pool',
        en: 'a rule needs an id and a pool',
      });
      return;
    }
    const id = item['id'];
    const first = seen.get(id);
    if (first !== undefined) {
      env.report('RL5508', `${pointer}/id`, { rule: id, first: first + 1, second: i + 1 });
    } else {
      seen.set(id, i);
    }
    if (catchAll !== undefined) env.report('RL5510', pointer, { rule: id, catchAll });
    const hasWhen = item['when'] !== undefined;
    if (!hasWhen && catchAll === undefined) catchAll = id;
    const when = hasWhen ? env.condition(item['when'], `${pointer}/when`) : undefined;
    const pool = compilePool(item['pool'], `${pointer}/pool`, id, env);
    const strategy = compileStrategy(
      item['strategy'],
      `${pointer}/strategy`,
      env,
      routingStrategy,
      {
        id,
        pool,
      },
    );
    if (hasWhen && !when) return;
    rules.push({
      id,
      label: localizedLabel(item['label'], id),
      ...(when ? { when } : {}),
      pool,
      strategy,
    });
  });
  return rules;
}
