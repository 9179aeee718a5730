/**
 * The explanation of a routing result as lines a sales manager reads: which rules were
 * tried, which reps were skipped and why, which preference applied, and where the lead went.
 */
import type { DirectoryUser } from '../app/types.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { listOf } from '../entities/labels.js';
import { directoryOf } from './directory.js';
import { fallbackReason, userName } from './fallbackNotice.js';
import type { RoutingModel } from './model.js';
import type { LeadRouting, RouteDecision, SkipReason } from './types.js';

type Names = (id: string) => LocalizedText;

const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Why a rep was skipped, in both languages. */
export function describeSkip(reason: SkipReason, names: Names): LocalizedText {
  switch (reason.type) {
    case 'not-in-directory':
      return both('不在人员目录中', 'not in the directory');
    case 'not-in-pool':
      return both('不在本规则的候选人中', "not in the rule's pool");
    case 'status':
      return both(`状态为「${reason.status}」`, `status ${reason.status}`);
    case 'over-capacity':
      return both(
        `未结线索 ${reason.open} 条，超过上限 ${reason.max} 条`,
        `${reason.open} open leads, more than the limit of ${reason.max}`,
      );
    case 'outside-hours':
      return both(
        `非工作时间（${reason.localTime}）`,
        `outside working hours (${reason.localTime})`,
      );
    default: {
      const holders = listOf(reason.holders.map(names));
      return both(
        `客户已由 ${holders['zh-CN']} 负责（每个客户最多 ${reason.limit} 人）`,
        `the customer is held by ${holders.en} (at most ${reason.limit} per customer)`,
      );
    }
  }
}

function joined(reasons: readonly SkipReason[], names: Names): LocalizedText {
  const texts = reasons.map((reason) => describeSkip(reason, names));
  return both(texts.map((t) => t['zh-CN']).join('；'), texts.map((t) => t.en).join('; '));
}

function describeDecision(
  decision: Exclude<RouteDecision, { by: 'fallback' }>,
  model: RoutingModel,
  names: Names,
): LocalizedText {
  switch (decision.by) {
    case 'preference': {
      const label = model.preferences.find((p) => p.id === decision.preference)?.label;
      return both(
        `优先规则「${label?.['zh-CN'] ?? decision.preference}」`,
        `preference "${label?.en ?? decision.preference}"`,
      );
    }
    case 'sticky':
      return both(
        `同一客户 ${decision.customer} 继续由其负责`,
        `keeps the customer ${decision.customer}`,
      );
    case 'least-loaded': {
      const load = decision.load;
      if (decision.measure === 'assigned-today') {
        return both(`负载最少：今天已分配 ${load} 条`, `least loaded: assigned today ${load}`);
      }
      if (decision.measure === 'signed-7d') {
        return both(
          `负载最少：近 7 天签约 ${load} 单`,
          `least loaded: deals signed in 7 days ${load}`,
        );
      }
      return both(`负载最少：未结线索 ${load} 条`, `least loaded: open leads ${load}`);
    }
    case 'weighted':
      return both(
        `按权重轮流（权重 ${decision.weight}）`,
        `weighted turns (weight ${decision.weight})`,
      );
    default:
      if (decision.after === undefined) return both('轮流分配', 'round robin');
      return both(
        `轮流分配，上一位是 ${names(decision.after)['zh-CN']}`,
        `round robin, after ${names(decision.after).en}`,
      );
  }
}

/**
 * The lines of the explanation, in both languages.
 *
 * @example
 * describeRoute(model, result, users).map((line) => line['zh-CN']);
 * // ['规则「官网·20万以上·华东」：符合', '张伟：跳过（状态为「出差」）', '候选人 3 位，查看了 2 位',
 * //  '优先规则「官网大单优先张伟、李娜」适用：张伟 不可分配（状态为「出差」），选中 李娜',
 * //  '结果：分配给 李娜（优先规则「官网大单优先张伟、李娜」）']
 */
export function describeRoute(
  model: RoutingModel,
  result: LeadRouting,
  users: readonly DirectoryUser[] = [],
): LocalizedText[] {
  const directory = directoryOf(users).byId;
  const names: Names = (id) => userName(id, directory);
  const ruleLabel = (id: string): LocalizedText =>
    model.rules.find((rule) => rule.id === id)?.label ?? both(id, id);
  const lines: LocalizedText[] = [];
  const { explanation } = result;
  for (const check of explanation.rules) {
    const label = ruleLabel(check.rule);
    if (check.error) {
      lines.push(
        both(
          `规则「${label['zh-CN']}」：条件无法计算（${check.error.message['zh-CN']}），视为不符合`,
          `rule "${label.en}": the condition failed (${check.error.message.en}) and counts as no match`,
        ),
      );
    } else {
      lines.push(
        check.matched
          ? both(`规则「${label['zh-CN']}」：符合`, `rule "${label.en}": matches`)
          : both(`规则「${label['zh-CN']}」：不符合`, `rule "${label.en}": no match`),
      );
    }
  }
  const customer = explanation.customer;
  if (customer && customer.holders.length > 0) {
    const holders = listOf(customer.holders.map(names));
    lines.push(
      both(
        `客户 ${customer.key} 已由 ${holders['zh-CN']} 负责（最多 ${customer.limit} 人）`,
        `customer ${customer.key} is held by ${holders.en} (at most ${customer.limit})`,
      ),
    );
  }
  for (const check of explanation.candidates) {
    if (check.skipped.length === 0) continue;
    const why = joined(check.skipped, names);
    const name = names(check.user);
    lines.push(
      both(`${name['zh-CN']}：跳过（${why['zh-CN']}）`, `${name.en}: skipped (${why.en})`),
    );
  }
  if (explanation.candidateCount > 0) {
    const checked = explanation.candidates.length;
    const all = explanation.candidateCount;
    lines.push(
      both(`候选人 ${all} 位，查看了 ${checked} 位`, `${all} candidates, ${checked} looked at`),
    );
  }
  for (const check of explanation.preferences) {
    const label =
      model.preferences.find((p) => p.id === check.preference)?.label ??
      both(check.preference, check.preference);
    if (!check.applies) {
      lines.push(
        both(`优先规则「${label['zh-CN']}」：不适用`, `preference "${label.en}": does not apply`),
      );
      continue;
    }
    const parts = check.tried.map((tried) => {
      const name = names(tried.user);
      if (tried.picked) return both(`选中 ${name['zh-CN']}`, `picked ${name.en}`);
      const why = joined(tried.skipped, names);
      return both(`${name['zh-CN']} 不可分配（${why['zh-CN']}）`, `${name.en} cannot (${why.en})`);
    });
    lines.push(
      both(
        `优先规则「${label['zh-CN']}」适用：${parts.map((p) => p['zh-CN']).join('，')}`,
        `preference "${label.en}" applies: ${parts.map((p) => p.en).join(', ')}`,
      ),
    );
  }
  const decision = explanation.decision;
  if (decision.by === 'fallback') {
    const rule = result.rule === undefined ? undefined : ruleLabel(result.rule);
    const why = fallbackReason(decision.reason, rule, customer, directory);
    const queue = result.queue ?? model.fallback.queue;
    lines.push(
      both(
        `结果：无人可分配（${why['zh-CN']}），进入公海「${queue}」`,
        `result: nobody can take it (${why.en}); it goes to the queue "${queue}"`,
      ),
    );
    const told = result.effects.flatMap((effect) =>
      effect.type === 'notify' ? effect.recipients : [],
    );
    if (told.length > 0) {
      const recipients = listOf(told.map(names));
      lines.push(both(`已通知：${recipients['zh-CN']}`, `notified: ${recipients.en}`));
    }
  } else if (result.assignee !== undefined) {
    const name = names(result.assignee);
    const how = describeDecision(decision, model, names);
    lines.push(
      both(
        `结果：分配给 ${name['zh-CN']}（${how['zh-CN']}）`,
        `result: assigned to ${name.en} (${how.en})`,
      ),
    );
  }
  return lines;
}
