/**
 * A timer in plain words, shown above its form: "线索创建后 48 小时内仍停留在「新线索」，且意向等级
 * 等于 B → 标记为红色、企业微信通知负责人的上级" / "48 hours after a lead is created, …".
 */
import { parseBusinessDuration } from '@ruleloom/engine';
import type { Action, Event, Party, TimerDefinition } from '@ruleloom/schemas';
import {
  conditionFromLogic,
  LIST_OPERATORS,
  VALUELESS_OPERATORS,
  type ConditionNode,
} from '../condition/conditionTree.js';
import type { ConditionField } from '../condition/operators.js';
import { localize, t, type EditorLocale } from '../i18n.js';

/** Display names the sentence uses instead of ids; any may be missing (ids are used then). */
export interface TimerSentenceLabels {
  /** The entity's name, e.g. 线索 / lead. */
  readonly entity?: string;
  /** The entity's fields (labels and enum option labels). */
  readonly fields?: readonly ConditionField[];
  /** Stage labels by id. */
  readonly stages?: Readonly<Record<string, string>>;
  /** Role labels by id. */
  readonly roles?: Readonly<Record<string, string>>;
}

const UNITS: Readonly<Record<string, [zh: string, one: string, many: string]>> = {
  ms: ['毫秒', 'millisecond', 'milliseconds'],
  s: ['秒', 'second', 'seconds'],
  m: ['分钟', 'minute', 'minutes'],
  h: ['小时', 'hour', 'hours'],
  d: ['天', 'day', 'days'],
  w: ['周', 'week', 'weeks'],
  workdays: ['个工作日', 'workday', 'workdays'],
  'business hours': ['个工作小时', 'business hour', 'business hours'],
};

/** `48h` → 48 小时 / 48 hours; `3 workdays` → 3 个工作日 / 3 workdays. */
export function durationWords(duration: string | undefined, locale: EditorLocale): string {
  const parsed = parseBusinessDuration(duration);
  if (!parsed) return duration ?? '?';
  const [zh, one, many] = UNITS[parsed.unit] ?? [parsed.unit, parsed.unit, parsed.unit];
  return locale === 'zh-CN'
    ? `${parsed.amount} ${zh}`
    : `${parsed.amount} ${parsed.amount === 1 ? one : many}`;
}

const zhList = (items: readonly string[]): string => items.join('、');
const enList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

class Words {
  constructor(
    private readonly locale: EditorLocale,
    private readonly labels: TimerSentenceLabels,
  ) {}

  private get zh(): boolean {
    return this.locale === 'zh-CN';
  }

  list(items: readonly string[]): string {
    return this.zh ? zhList(items) : enList(items);
  }

  field(id: string): string {
    return this.labels.fields?.find((f) => f.id === id)?.label ?? id;
  }

  private option(fieldId: string, value: unknown): string {
    const option = this.labels.fields
      ?.find((f) => f.id === fieldId)
      ?.options?.find((o) => o.value === value);
    return option?.label ?? String(value);
  }

  stages(ids: readonly string[] | undefined): string {
    if (!ids?.length) return '';
    const names = ids.map((id) => this.labels.stages?.[id] ?? id);
    return this.zh ? names.map((n) => `「${n}」`).join('、') : names.join(' or ');
  }

  party(party: Party): string {
    if ('role' in party && party.role) return this.labels.roles?.[party.role] ?? party.role;
    if ('user' in party && party.user) return party.user;
    if ('field' in party && party.field) return this.field(party.field);
    if ('managerOf' in party && party.managerOf) {
      return this.zh
        ? `${this.field(party.managerOf)}的上级`
        : `the manager of ${this.field(party.managerOf)}`;
    }
    return '?';
  }

  private get entity(): string {
    return this.labels.entity ?? (this.zh ? '记录' : 'record');
  }

  /** The start event, as the subject of "… 后" / "after …". */
  start(event: Event): string {
    const zh = this.zh;
    switch (event.type) {
      case 'record.created':
        return zh ? `${this.entity}创建` : `a ${this.entity} is created`;
      case 'record.updated':
        return event.changedFields?.length
          ? zh
            ? `${this.list(event.changedFields.map((f) => `「${this.field(f)}」`))}变更`
            : `${this.list(event.changedFields.map((f) => this.field(f)))} changes`
          : zh
            ? `${this.entity}更新`
            : `a ${this.entity} is updated`;
      case 'stage.entered':
        return zh
          ? `进入阶段${this.stages(event.stages)}`
          : event.stages?.length
            ? `entering stage ${this.stages(event.stages)}`
            : 'entering the stage';
      case 'stage.left':
        return zh
          ? `离开阶段${this.stages(event.stages)}`
          : event.stages?.length
            ? `leaving stage ${this.stages(event.stages)}`
            : 'leaving the stage';
      case 'approval.decided':
        return zh ? '审批结束' : 'an approval is decided';
      case 'timer':
        return zh ? `定时器「${event.timer}」到期` : `timer ${event.timer} is due`;
      case 'schedule':
        return zh ? '计划时间' : 'the schedule';
    }
  }

  /** What must not happen for the timer to stay on ("未推进" / "not moved on"). */
  notHappened(event: Event): string {
    const zh = this.zh;
    switch (event.type) {
      case 'stage.left':
        return event.stages?.length
          ? zh
            ? `仍停留在${this.stages(event.stages)}`
            : `still in stage ${this.stages(event.stages)}`
          : zh
            ? '未推进'
            : 'not moved on';
      case 'stage.entered':
        return zh
          ? `未进入${this.stages(event.stages) || '下一阶段'}`
          : `not entered ${this.stages(event.stages) || 'the next stage'}`;
      case 'record.updated':
        return event.changedFields?.length
          ? zh
            ? `${this.list(event.changedFields.map((f) => `「${this.field(f)}」`))}未变更`
            : `${this.list(event.changedFields.map((f) => this.field(f)))} unchanged`
          : zh
            ? '未更新'
            : 'not updated';
      default:
        return zh ? `未发生“${this.start(event)}”` : `no "${this.start(event)}"`;
    }
  }

  condition(node: ConditionNode): string {
    const zh = this.zh;
    if (node.kind === 'raw') return zh ? '满足高级条件' : 'an advanced condition holds';
    if (node.kind === 'group') {
      const parts = node.children.map((c) =>
        c.kind === 'group' ? `(${this.condition(c)})` : this.condition(c),
      );
      const joiner = node.combinator === 'and' ? (zh ? '且' : ' and ') : zh ? '或' : ' or ';
      return parts.join(joiner);
    }
    const op = t(this.locale, `op.${node.operator}`);
    if (VALUELESS_OPERATORS.has(node.operator))
      return `${this.field(node.field)}${zh ? '' : ' '}${op}`;
    const values = LIST_OPERATORS.has(node.operator)
      ? this.list(((node.value as unknown[]) ?? []).map((v) => this.option(node.field, v)))
      : this.option(node.field, node.value);
    return zh
      ? `${this.field(node.field)}${op} ${values}`
      : `${this.field(node.field)} ${op} ${values}`;
  }

  action(action: Action): string {
    const zh = this.zh;
    const loc = this.locale;
    switch (action.type) {
      case 'notify': {
        const who = this.list(action.recipients.map((p) => this.party(p)));
        const channel = t(loc, `channel.${action.channel}`);
        return zh ? `${channel}通知${who}` : `notify ${who} on ${channel}`;
      }
      case 'mark': {
        const reason = action.reason ? `（${localize(action.reason, loc)}）` : '';
        return zh
          ? `标记为${COLOR_ZH[action.color] ?? action.color}${reason}`
          : `mark ${action.color}${action.reason ? ` (${localize(action.reason, loc)})` : ''}`;
      }
      case 'createTask':
        return zh
          ? `给${this.party(action.assignee)}创建待办「${localize(action.title, loc)}」`
          : `create the task "${localize(action.title, loc)}" for ${this.party(action.assignee)}`;
      case 'setField':
        return zh ? `设置「${this.field(action.field)}」` : `set ${this.field(action.field)}`;
      case 'addTag':
        return zh ? `添加标签「${action.tag}」` : `add the tag "${action.tag}"`;
      case 'removeTag':
        return zh ? `移除标签「${action.tag}」` : `remove the tag "${action.tag}"`;
      case 'assign':
        return zh ? `按「${action.routing}」重新分配` : `assign by ${action.routing}`;
      case 'startTimer':
        return zh ? `启动定时器「${action.timer}」` : `start timer ${action.timer}`;
      case 'cancelTimer':
        return zh ? `取消定时器「${action.timer}」` : `cancel timer ${action.timer}`;
      case 'callWebhook':
        return zh ? '调用 Webhook' : 'call a webhook';
      case 'digest':
        return zh ? '汇总推送' : 'send a digest';
    }
  }

  actions(actions: readonly Action[]): string {
    return this.list(actions.map((a) => this.action(a)));
  }
}

const COLOR_ZH: Readonly<Record<string, string>> = {
  red: '红色',
  orange: '橙色',
  yellow: '黄色',
  green: '绿色',
  blue: '蓝色',
  grey: '灰色',
};

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/**
 * Common cron schedules in words (`0 17 * * 5` → 每周五 17:00 / every Friday at 17:00); any
 * other schedule as the cron itself.
 */
export function cronWords(cron: unknown, locale: EditorLocale): string {
  const expression =
    typeof cron === 'string' ? cron : ((cron as { expression?: string } | null)?.expression ?? '');
  const zone =
    typeof cron === 'object' && cron !== null ? (cron as { zone?: string }).zone : undefined;
  const suffix = zone ? ` (${zone})` : '';
  const [minute, hour, dom, month, dow] = expression.split(' ');
  const zh = locale === 'zh-CN';
  if (!/^\d+$/.test(minute ?? '') || !/^\d+$/.test(hour ?? '') || dom !== '*' || month !== '*') {
    return zh ? `按计划 ${expression}${suffix}` : `on the schedule ${expression}${suffix}`;
  }
  const time = `${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}`;
  let days: string | undefined;
  if (dow === '*') days = zh ? '每天' : 'every day';
  else if (dow === '1-5') days = zh ? '每个工作日（周一至周五）' : 'every weekday';
  else if (/^[0-7]$/.test(dow ?? '')) {
    const n = Number(dow);
    days = zh ? `每周${WEEKDAYS_ZH[n]}` : `every ${WEEKDAYS_EN[n]}`;
  }
  if (!days) return zh ? `按计划 ${expression}${suffix}` : `on the schedule ${expression}${suffix}`;
  return zh ? `${days} ${time}${suffix}` : `${days} at ${time}${suffix}`;
}

/**
 * The timer in plain words: when it is due, what keeps it on, the condition, the actions, and
 * each escalation step.
 *
 * @example
 * timerSentence(bLead48h, 'zh-CN', { entity: '线索', fields, stages: { new: '新线索' } });
 * // '线索创建后 48 小时内仍停留在「新线索」，且意向等级等于 B级 → 标记为红色（48小时未推进）、企业微信通知负责人的上级'
 */
export function timerSentence(
  timer: TimerDefinition,
  locale: EditorLocale,
  labels: TimerSentenceLabels = {},
): string {
  const words = new Words(locale, labels);
  const zh = locale === 'zh-CN';
  let when: string;
  if (timer.kind === 'relative') {
    const starts = words.list((timer.start ?? []).map((e) => words.start(e)));
    const after = durationWords(timer.after, locale);
    when = zh ? `${starts}后 ${after}` : `${after} after ${starts}`;
  } else if (timer.kind === 'absolute') {
    const offset = timer.offset && !/^0\D/.test(timer.offset) ? timer.offset : undefined;
    const field = words.field(timer.field);
    const direction = timer.direction ?? 'after';
    const at = timer.time ? ` ${timer.time}` : '';
    when = offset
      ? zh
        ? `「${field}」${direction === 'before' ? '前' : '后'} ${durationWords(offset, locale)}${at}`
        : `${durationWords(offset, locale)} ${direction} ${field}${timer.time ? ` at ${timer.time}` : ''}`
      : zh
        ? `「${field}」当天${at}`
        : `on ${field}${timer.time ? ` at ${timer.time}` : ''}`;
  } else {
    when = cronWords(timer.cron, locale);
  }
  const holds: string[] = [];
  if (timer.kind !== 'recurring' && timer.cancelOn?.length) {
    holds.push(words.list(timer.cancelOn.map((e) => words.notHappened(e))));
  }
  const condition = conditionFromLogic(timer.condition);
  const conditionText = condition.children.length ? words.condition(condition) : '';
  let sentence = when;
  if (zh) {
    // "48 小时内仍停留在…" for a wait; "到期日后 5 天，若…未变更" for a date.
    const relative = timer.kind === 'relative';
    if (holds.length) sentence += relative ? `内${holds.join('')}` : `，若${holds.join('')}`;
    if (conditionText) {
      sentence += holds.length
        ? `${relative ? '，且' : '且'}${conditionText}`
        : `，若${conditionText}`;
    }
  } else {
    if (holds.length) sentence += `, ${holds.join('')}`;
    if (conditionText) sentence += `${holds.length ? ', and' : ', if'} ${conditionText}`;
  }
  sentence += ` → ${words.actions(timer.actions)}`;
  for (const step of timer.escalation ?? []) {
    const later = durationWords(step.after, locale);
    sentence += zh
      ? `；再过 ${later} → ${words.actions(step.actions)}`
      : `; ${later} later → ${words.actions(step.actions)}`;
  }
  return sentence;
}
