/**
 * A routing decision (分配) as the timeline shows it: the headline (record → rep, or the
 * fallback queue), the engine's explanation lines, and a tree to fold open — every rule tried
 * with its condition, every rep considered with status, open leads and why skipped, and
 * every preference with the reps it tried. Plain data, tested without React.
 */
import type { DirectoryUser, SkipReason } from '@ruleloom/engine';
import type { Assignment } from './assignRouting.js';
import { AT_WORK } from './routingSnapshots.js';
import type { StepWords } from './stepView.js';
import { expressionNodes, type TraceTreeNode } from './traceTree.js';

/** A routing decision in words. */
export interface RoutingView {
  /** The rep's name; absent when the record went to the queue. */
  readonly assignee?: string;
  /** The fallback queue, when nobody could take it. */
  readonly queue?: string;
  /** The engine's explanation (rules, reps skipped, preference, result, notified). */
  readonly lines: readonly string[];
  readonly tree: readonly TraceTreeNode[];
}

function skipText(reason: SkipReason, words: StepWords): string {
  const { t, names, locale } = words;
  switch (reason.type) {
    case 'status':
      return t('sim.route.skip.status', { status: reason.status });
    case 'over-capacity':
      return t('sim.route.skip.overCapacity', { open: reason.open, max: reason.max });
    case 'outside-hours':
      return t('sim.route.skip.outsideHours', { time: reason.localTime });
    case 'customer-held':
      return t('sim.route.skip.customerHeld', {
        holders: reason.holders.map(names.user).join(locale === 'zh-CN' ? '、' : ', '),
        limit: reason.limit,
      });
    case 'not-in-pool':
      return t('sim.route.skip.notInPool');
    default:
      return t('sim.route.skip.notInDirectory');
  }
}

function reasonsText(reasons: readonly SkipReason[], words: StepWords): string {
  return reasons
    .map((reason) => skipText(reason, words))
    .join(words.locale === 'zh-CN' ? '；' : '; ');
}

/**
 * The headline of a routing step: `「线索分配规则」线索 L9 → 张伟` or `… → 公海「lead-pool」`.
 *
 * @example
 * routingHeadline(assignment, words); // '「线索分配规则」线索 L9 → 张伟'
 */
export function routingHeadline(assignment: Assignment, words: StepWords): string {
  const { t, names } = words;
  const { result } = assignment;
  const record = `${names.entity(assignment.entity)} ${assignment.recordId}`;
  const routing = names.routing(result.routing);
  return result.assignee === undefined
    ? t('sim.route.queued', { routing, record, queue: result.queue ?? '—' })
    : t('sim.route.assigned', { routing, record, user: names.user(result.assignee) });
}

/**
 * A routing decision in words, in the panel's language.
 *
 * @example
 * routingView(assignment, words).lines.at(-1); // '结果：分配给 张伟（优先规则「官网大单优先张伟、李娜」）'
 */
export function routingView(
  assignment: Assignment,
  words: StepWords,
  users: readonly DirectoryUser[] = words.users,
): RoutingView {
  const { t, names, locale } = words;
  const { result, before } = assignment;
  const { explanation } = result;
  const directory = new Map(users.map((user) => [user.id, user]));
  const rules: TraceTreeNode[] = explanation.rules.map((check, index) => ({
    key: `rule.${index}`,
    title: t(check.matched ? 'sim.route.ruleMatched' : 'sim.route.ruleNoMatch', {
      name: names.routingRule(result.routing, check.rule),
    }),
    tone: check.matched ? 'ok' : 'muted',
    children: [
      ...(check.error
        ? [
            {
              key: `rule.${index}.e`,
              title: `${check.error.code} ${check.error.message[locale]}`,
              tone: 'blocked' as const,
              children: [],
            },
          ]
        : []),
      ...expressionNodes(check.trace, `rule.${index}`),
    ],
  }));
  const reps: TraceTreeNode[] = explanation.candidates.map((check, index) => {
    const load = before.reps?.[check.user];
    const status = load?.status ?? directory.get(check.user)?.status ?? AT_WORK;
    const rep = t('sim.route.rep', {
      name: names.user(check.user),
      status,
      open: load?.open ?? 0,
    });
    return {
      key: `rep.${index}`,
      title:
        check.skipped.length === 0
          ? t('sim.route.repEligible', { rep })
          : t('sim.route.repSkipped', { rep, reasons: reasonsText(check.skipped, words) }),
      tone: check.skipped.length === 0 ? ('ok' as const) : ('blocked' as const),
      children: [],
    };
  });
  const preferences: TraceTreeNode[] = explanation.preferences.map((check, index) => ({
    key: `pref.${index}`,
    title: t(check.applies ? 'sim.route.preferenceApplies' : 'sim.route.preferenceNot', {
      name: names.routingPreference(result.routing, check.preference),
    }),
    tone: check.applies ? 'ok' : 'muted',
    children: [
      ...check.tried.map((tried, n) => ({
        key: `pref.${index}.${n}`,
        title: tried.picked
          ? t('sim.route.preferencePicked', { name: names.user(tried.user) })
          : t('sim.route.repSkipped', {
              rep: names.user(tried.user),
              reasons: reasonsText(tried.skipped, words),
            }),
        tone: tried.picked ? ('ok' as const) : ('blocked' as const),
        children: [],
      })),
      ...expressionNodes(check.trace, `pref.${index}`),
    ],
  }));
  const tree: TraceTreeNode[] = [
    ...rules,
    ...(explanation.candidateCount > 0
      ? [
          {
            key: 'reps',
            title: t('sim.route.candidates', {
              count: explanation.candidateCount,
              looked: explanation.candidates.length,
            }),
            tone: 'info' as const,
            children: reps,
          },
        ]
      : []),
    ...preferences,
  ];
  return {
    ...(result.assignee === undefined ? {} : { assignee: names.user(result.assignee) }),
    ...(result.queue === undefined ? {} : { queue: result.queue }),
    lines: assignment.lines.map((line) => line[locale]),
    tree,
  };
}
