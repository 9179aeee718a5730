/**
 * Routing one lead: the first rule whose condition holds gives the candidates; constraints
 * and dedupe skip some; a preference that applies picks first; otherwise the strategy does
 * (sticky tries the customer's holder first). Nobody eligible: the fallback queue and a
 * notice. Pure and deterministic; never throws.
 */
import type { DirectoryUser, EffectSource } from '../app/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { toInstant } from '../expr/domain/time.js';
import type { EvaluationContext } from '../expr/types.js';
import { Candidates } from './candidates.js';
import { isObject } from './compileParts.js';
import { checkCondition, customerKey } from './conditions.js';
import { directoryOf } from './directory.js';
import { fallbackNotice, fallbackReason } from './fallbackNotice.js';
import type { RoutingModel, RuleModel } from './model.js';
import { routingDiagnostic } from './routingDiagnostic.js';
import { SnapshotState } from './snapshotState.js';
import { pickWithStrategy, type StrategyPick } from './strategies.js';
import type {
  BatchRouteResult,
  CustomerCheck,
  LeadRouting,
  PreferenceCheck,
  PreferredRepCheck,
  RouteContext,
  RoutedLead,
  RouteExplanation,
  RouteOptions,
  RouteResult,
  RoutingSnapshot,
  RuleCheck,
} from './types.js';
import { isWorkingTime, localTime } from './workingTime.js';

/** The lead and context, read defensively once. */
interface Call {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly users: readonly DirectoryUser[];
  readonly source: EffectSource;
  /** Build the explanation's traces and candidate list. */
  readonly explain: boolean;
}

/** What is known when the lead falls into the queue. */
interface Fallthrough {
  readonly reason: 'no-rule' | 'no-eligible' | 'customer-held' | 'error';
  readonly localTime: string;
  readonly rules: readonly RuleCheck[];
  readonly rule?: RuleModel;
  readonly customer?: CustomerCheck;
  readonly candidates?: Candidates;
  readonly preferences?: readonly PreferenceCheck[];
  readonly error?: Diagnostic;
}

function readCall(lead: RoutedLead, ctx: RouteContext, explain: boolean): Call {
  const id: unknown = isObject(lead) ? lead['id'] : undefined;
  const values: unknown = isObject(lead) ? lead['values'] : undefined;
  return {
    id: typeof id === 'string' ? id : typeof id === 'number' ? String(id) : '',
    values: isObject(values) ? values : {},
    users: isObject(ctx) && Array.isArray(ctx['users']) ? (ctx['users'] as DirectoryUser[]) : [],
    source: isObject(ctx) && isObject(ctx['source']) ? (ctx['source'] as EffectSource) : {},
    explain,
  };
}

function fallback(model: RoutingModel, call: Call, fall: Fallthrough): LeadRouting {
  const directory = directoryOf(call.users).byId;
  let effects: RouteResult['effects'] = [];
  try {
    const reason = fallbackReason(fall.reason, fall.rule?.label, fall.customer, directory);
    effects = fallbackNotice(model, call, reason, call.users, call.source);
  } catch {
    // Recipients could not be resolved from malformed data: the queue still takes the lead.
  }
  const explanation: RouteExplanation = {
    localTime: fall.localTime,
    rules: fall.rules,
    ...(fall.customer ? { customer: fall.customer } : {}),
    candidates: fall.candidates?.checked() ?? [],
    candidateCount: fall.candidates?.size ?? 0,
    preferences: fall.preferences ?? [],
    ...(fall.rule ? { strategy: fall.rule.strategy.type } : {}),
    decision: { by: 'fallback', reason: fall.reason },
  };
  return {
    routing: model.id,
    record: call.id,
    field: model.assignField,
    queue: model.fallback.queue,
    ...(fall.rule ? { rule: fall.rule.id } : {}),
    effects,
    explanation,
    ...(fall.error ? { error: fall.error } : {}),
  };
}

function customerOf(
  model: RoutingModel,
  values: Readonly<Record<string, unknown>>,
  state: SnapshotState,
): CustomerCheck | undefined {
  const dedupe = model.constraints.dedupe;
  if (!dedupe) return undefined;
  const key = customerKey(values, dedupe.field);
  if (key === undefined) return undefined;
  const holders = state.holders(dedupe.field, key);
  return {
    field: dedupe.field,
    key,
    holders,
    limit: dedupe.limit,
    full: holders.length >= dedupe.limit,
  };
}

/** Preferences in order until one picks an eligible rep. */
function tryPreferences(
  model: RoutingModel,
  values: Readonly<Record<string, unknown>>,
  context: EvaluationContext,
  candidates: Candidates,
  explain: boolean,
): { readonly checks: PreferenceCheck[]; readonly pick?: { user: string; preference: string } } {
  const checks: PreferenceCheck[] = [];
  for (const [i, preference] of model.preferences.entries()) {
    const outcome = checkCondition(
      preference.when,
      values,
      context,
      {
        file: model.file,
        pointer: `/preferences/${i}/when`,
        queue: model.fallback.queue,
      },
      explain,
    );
    const tried: PreferredRepCheck[] = [];
    let picked: string | undefined;
    if (outcome.holds) {
      for (const user of preference.prefer) {
        const skipped = candidates.reasonsOf(user);
        const eligible = skipped.length === 0;
        tried.push({ user, picked: eligible, skipped });
        if (eligible) {
          picked = user;
          break;
        }
      }
    }
    checks.push({
      preference: preference.id,
      applies: outcome.holds,
      trace: outcome.trace,
      ...(outcome.error ? { error: outcome.error } : {}),
      tried,
    });
    if (picked !== undefined) return { checks, pick: { user: picked, preference: preference.id } };
  }
  return { checks };
}

function stickyPick(
  rule: RuleModel,
  values: Readonly<Record<string, unknown>>,
  candidates: Candidates,
  state: SnapshotState,
): StrategyPick | undefined {
  const strategy = rule.strategy;
  if (strategy.type !== 'sticky') return undefined;
  const key = customerKey(values, strategy.by);
  if (key === undefined) return undefined;
  const holder = state.holders(strategy.by, key).find((id) => candidates.canTake(id));
  return holder === undefined
    ? undefined
    : { assignee: holder, decision: { by: 'sticky', field: strategy.by, customer: key } };
}

function routeCall(
  model: RoutingModel,
  call: Call,
  now: unknown,
  state: SnapshotState,
): LeadRouting {
  const instant = toInstant(now, model.zone);
  const time = instant === undefined ? undefined : localTime(instant, model.zone);
  if (instant === undefined || !time) {
    const value = typeof now === 'string' ? `"${now}"` : String(now);
    const error = routingDiagnostic(
      'RL5540',
      '',
      { value, queue: model.fallback.queue },
      model.file,
    );
    return fallback(model, call, { reason: 'error', localTime: '', rules: [], error });
  }
  const context: EvaluationContext = { now: instant, zone: model.zone };
  const rules: RuleCheck[] = [];
  let rule: RuleModel | undefined;
  for (const [i, candidate] of model.rules.entries()) {
    const outcome = checkCondition(
      candidate.when,
      call.values,
      context,
      {
        file: model.file,
        pointer: `/rules/${i}/when`,
        queue: model.fallback.queue,
      },
      call.explain,
    );
    rules.push({
      rule: candidate.id,
      matched: outcome.holds,
      trace: outcome.trace,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
    if (outcome.holds) {
      rule = candidate;
      break;
    }
  }
  if (!rule) return fallback(model, call, { reason: 'no-rule', localTime: time.text, rules });

  const customer = customerOf(model, call.values, state);
  const outsideHours =
    model.constraints.workingHoursOnly && !isWorkingTime(time, model.calendar, instant)
      ? time.text
      : undefined;
  const candidates = new Candidates(rule, model, {
    directory: directoryOf(call.users),
    state,
    ...(outsideHours === undefined ? {} : { outsideHours }),
    ...(customer ? { customer } : {}),
    explain: call.explain,
  });
  const preferences = tryPreferences(model, call.values, context, candidates, call.explain);
  const pick: StrategyPick | undefined = preferences.pick
    ? {
        assignee: preferences.pick.user,
        decision: { by: 'preference', preference: preferences.pick.preference },
      }
    : (stickyPick(rule, call.values, candidates, state) ??
      pickWithStrategy(rule.strategy, rule.id, candidates, state, time.day));
  if (!pick) {
    // Nobody could take it; the strategy checked every candidate on the way.
    return fallback(model, call, {
      reason: customer?.full ? 'customer-held' : 'no-eligible',
      localTime: time.text,
      rules,
      rule,
      candidates,
      preferences: preferences.checks,
      ...(customer ? { customer } : {}),
    });
  }

  const customers = model.customerFields.flatMap((field) => {
    const key = customerKey(call.values, field);
    return key === undefined ? [] : [[field, key] as const];
  });
  state.assign({
    assignee: pick.assignee,
    today: time.day,
    ...(pick.turn === undefined ? {} : { turn: pick.turn }),
    ...(pick.credits ? { credits: { rule: rule.id, values: pick.credits } } : {}),
    customers,
  });
  return {
    routing: model.id,
    record: call.id,
    field: model.assignField,
    assignee: pick.assignee,
    rule: rule.id,
    effects: [],
    explanation: {
      localTime: time.text,
      rules,
      ...(customer ? { customer } : {}),
      candidates: candidates.checked(),
      candidateCount: candidates.size,
      preferences: preferences.checks,
      strategy: rule.strategy.type,
      decision: pick.decision,
    },
  };
}

function routeOne(
  model: RoutingModel,
  lead: RoutedLead,
  ctx: RouteContext,
  state: SnapshotState,
  explain: boolean,
): LeadRouting {
  let call: Call = { id: '', values: {}, users: [], source: {}, explain };
  try {
    call = readCall(lead, ctx, explain);
    return routeCall(model, call, isObject(ctx) ? ctx['now'] : undefined, state);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const diagnostic = routingDiagnostic(
      'RL5541',
      '',
      { queue: model.fallback.queue, detail },
      model.file,
    );
    return fallback(model, call, { reason: 'error', localTime: '', rules: [], error: diagnostic });
  }
}

/** `options.explain`, read defensively: only `false` turns the explanation off. */
function explains(options: RouteOptions | undefined): boolean {
  return !(isObject(options) && options['explain'] === false);
}

/**
 * Routes one lead with a compiled routing model. See {@link CompiledRouting.route}.
 *
 * @example
 * routeLead(model, { id: 'L1', values: { source: 'website', budget: 300000 } }, {}, { now, users });
 * // { assignee: 'lina', rule: 'website-large', snapshot: { … }, explanation: { … } }
 */
export function routeLead(
  model: RoutingModel,
  lead: RoutedLead,
  snapshot: RoutingSnapshot,
  ctx: RouteContext,
  options?: RouteOptions,
): RouteResult {
  const state = new SnapshotState(snapshot);
  const routed = routeOne(model, lead, ctx, state, explains(options));
  return { ...routed, snapshot: state.snapshot() };
}

/**
 * Routes leads one after the other, each seeing the snapshot the previous one left. See
 * {@link CompiledRouting.routeMany}.
 *
 * @example
 * routeLeads(model, expoScans, snapshot, { now, users });
 * // { results: [{ assignee: 'wangfang', … }, { assignee: 'liuyang', … }], snapshot: { … } }
 */
export function routeLeads(
  model: RoutingModel,
  leads: readonly RoutedLead[],
  snapshot: RoutingSnapshot,
  ctx: RouteContext,
  options?: RouteOptions,
): BatchRouteResult {
  const state = new SnapshotState(snapshot);
  const list: readonly RoutedLead[] = Array.isArray(leads) ? leads : [];
  const explain = explains(options);
  const results = list.map((lead) => routeOne(model, lead, ctx, state, explain));
  return { results, snapshot: state.snapshot() };
}
