/**
 * The message sent when a lead falls into the fallback queue (S42b: the sales manager hears
 * about unassigned leads), to the fallback's `notify` recipients.
 */
import type { DirectoryUser, Effect, EffectSource } from '../app/types.js';
import { resolveParties } from '../automations/parties.js';
import type { LocalizedText } from '../diagnostics/types.js';
import { listOf, localizedLabel } from '../entities/labels.js';
import type { RoutingModel } from './model.js';
import type { CustomerCheck, RouteDecision } from './types.js';

/** The channel of the notice: the app's own inbox (the fallback names no channel). */
export const FALLBACK_CHANNEL = 'in-app';

/** A user's display name in both languages (the id when the directory has no label). */
export function userName(id: string, directory: ReadonlyMap<string, DirectoryUser>): LocalizedText {
  return localizedLabel(directory.get(id)?.label, id);
}

/** Why the lead fell through, in both languages. */
export function fallbackReason(
  reason: Extract<RouteDecision, { by: 'fallback' }>['reason'],
  ruleLabel: LocalizedText | undefined,
  customer: CustomerCheck | undefined,
  directory: ReadonlyMap<string, DirectoryUser>,
): LocalizedText {
  switch (reason) {
    case 'no-rule':
      return { 'zh-CN': '没有匹配的分配规则', en: 'no rule matched it' };
    case 'customer-held': {
      const holders = listOf((customer?.holders ?? []).map((id) => userName(id, directory)));
      return {
        'zh-CN': `客户 ${customer?.key ?? ''} 已由 ${holders['zh-CN']} 负责，他们当前都不能接收`,
        en: `the customer ${customer?.key ?? ''} is held by ${holders.en}, none of whom can take it now`,
      };
    }
    case 'no-eligible':
      return {
        'zh-CN': `规则「${ruleLabel?.['zh-CN'] ?? ''}」的候选人都被跳过`,
        en: `every candidate of the rule "${ruleLabel?.en ?? ''}" was skipped`,
      };
    default:
      return { 'zh-CN': '分配出错', en: 'routing failed' };
  }
}

/**
 * The `notify` effect for a lead that fell into the queue, or none when the fallback
 * names no recipients.
 *
 * @example
 * fallbackNotice(model, lead, reason, users, {});
 * // [{ type: 'notify', recipients: ['manager-wang'], message: { 'zh-CN': '「线索分配规则」未能分配 L1：…' } }]
 */
export function fallbackNotice(
  model: RoutingModel,
  lead: { readonly id: string; readonly values: Readonly<Record<string, unknown>> },
  reason: LocalizedText,
  users: readonly DirectoryUser[],
  source: EffectSource,
): Effect[] {
  if (model.fallback.notify.length === 0) return [];
  return [
    {
      type: 'notify',
      recordId: lead.id,
      channel: FALLBACK_CHANNEL,
      recipients: resolveParties(model.fallback.notify, lead.values, users),
      title: { 'zh-CN': '线索待分配', en: 'Record waiting for an owner' },
      message: {
        'zh-CN': `「${model.label['zh-CN']}」未能分配 ${lead.id}：${reason['zh-CN']}。已放入公海「${model.fallback.queue}」。`,
        en: `"${model.label.en}" could not assign ${lead.id}: ${reason.en}. It is in the queue "${model.fallback.queue}".`,
      },
      source,
    },
  ];
}
