/**
 * One timeline entry in words: a headline (what happened) and detail lines (what came of
 * it: approvals cancelled, messages sent, tasks created, marks and tags, fields set, timers
 * started, escalated, cancelled). zh-CN and en; names come from {@link TimelineNames}.
 */
import type { Patch } from 'immer';
import type { AppEvent, Effect, TraceEntry } from '../app/types.js';
import type { Locale } from '../diagnostics/types.js';
import { shortValue, type TimelineNames } from './labels.js';
import type { TimelineEntry } from './types.js';

/** What the describer needs besides names: local times, and which entity a record is. */
export interface DescribeContext {
  readonly names: TimelineNames;
  /** An instant as local time in the app zone (`2026-03-04 周三 09:00`). */
  readonly time: (instant: number) => string;
  /** The entity of a record seen earlier in the timeline (its `record.create`). */
  readonly entityOf: (recordId: string) => string | undefined;
  /**
   * The marks of records as the timeline so far set them: a patch that only restamps a
   * mark (the same colour again) still reads "标记 红色". Updated as entries are described.
   */
  readonly marks: Map<string, Readonly<Record<string, unknown>>>;
  /** The stage fields of a record's entity (a stage move says where it went already). */
  readonly stageFields: (recordId: string) => readonly string[];
}

/** An entry in words: the headline, and one line per consequence. */
export interface EntryText {
  readonly headline: string;
  readonly details: readonly string[];
}

type Texts = Readonly<Record<Locale, string>>;

const COLORS: Readonly<Record<string, Texts>> = {
  red: { 'zh-CN': '红色', en: 'red' },
  orange: { 'zh-CN': '橙色', en: 'orange' },
  yellow: { 'zh-CN': '黄色', en: 'yellow' },
  green: { 'zh-CN': '绿色', en: 'green' },
  blue: { 'zh-CN': '蓝色', en: 'blue' },
  purple: { 'zh-CN': '紫色', en: 'purple' },
  gray: { 'zh-CN': '灰色', en: 'gray' },
  grey: { 'zh-CN': '灰色', en: 'grey' },
};

const say = (locale: Locale, zh: string, en: string): string => (locale === 'zh-CN' ? zh : en);

/** `「x」` in Chinese, `"x"` in English. */
const quote = (locale: Locale, text: string): string =>
  locale === 'zh-CN' ? `「${text}」` : `"${text}"`;

const list = (locale: Locale, items: readonly string[]): string =>
  items.join(locale === 'zh-CN' ? '、' : ', ');

/** One line of a message: line breaks become ` / `, long texts are cut. */
function oneLine(text: string): string {
  const flat = text.replace(/\s*\n+\s*/g, ' / ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function recordName(ctx: DescribeContext, recordId: string, entity?: string): string {
  const known = entity ?? ctx.entityOf(recordId);
  if (known === undefined) return say(ctx.names.locale, `记录 ${recordId}`, `record ${recordId}`);
  return `${ctx.names.entity(known)} ${recordId}`;
}

function describeEvent(ctx: DescribeContext, event: AppEvent): string {
  const { locale } = ctx.names;
  switch (event.type) {
    case 'record.create':
      return say(
        locale,
        `新建${recordName(ctx, event.recordId, event.entity)}`,
        `created ${recordName(ctx, event.recordId, event.entity)}`,
      );
    case 'record.update': {
      const entity = ctx.entityOf(event.recordId);
      const fields = Object.keys(event.values ?? {});
      const shown = fields
        .slice(0, 4)
        .map(
          (field) =>
            `${ctx.names.field(entity, field)} = ${ctx.names.value(entity, field, event.values[field])}`,
        );
      const more = fields.length > 4 ? [say(locale, `等 ${fields.length} 项`, '…')] : [];
      const what = list(locale, [...shown, ...more]);
      return say(
        locale,
        `更新${recordName(ctx, event.recordId)}：${what}`,
        `updated ${recordName(ctx, event.recordId)}: ${what}`,
      );
    }
    case 'stage.move': {
      const stage = ctx.names.stage(ctx.entityOf(event.recordId), event.to);
      return say(
        locale,
        `${recordName(ctx, event.recordId)} 推进到${quote(locale, stage)}`,
        `moved ${recordName(ctx, event.recordId)} to ${quote(locale, stage)}`,
      );
    }
    case 'approval.decide':
      return event.decision === 'approve'
        ? say(
            locale,
            `同意审批 ${event.approval}（${recordName(ctx, event.recordId)}）`,
            `approved ${event.approval} of ${recordName(ctx, event.recordId)}`,
          )
        : say(
            locale,
            `驳回审批 ${event.approval}（${recordName(ctx, event.recordId)}）`,
            `rejected ${event.approval} of ${recordName(ctx, event.recordId)}`,
          );
    case 'approval.recall':
      return say(
        locale,
        `撤回审批 ${event.approval}（${recordName(ctx, event.recordId)}）`,
        `recalled ${event.approval} of ${recordName(ctx, event.recordId)}`,
      );
    case 'schedule.due':
      return say(
        locale,
        `定时运行${quote(locale, ctx.names.automation(event.automation))}`,
        `scheduled run of ${quote(locale, ctx.names.automation(event.automation))}`,
      );
    case 'timers.sync':
      return say(locale, '同步计时器', 'timers synced');
    default:
      return String((event as { type?: unknown }).type);
  }
}

/** `48h`, `升级 1（72h）`: which step of a timer fired. */
function stepLabel(ctx: DescribeContext, step: number, after?: string): string {
  const { locale } = ctx.names;
  if (step === 0) return after ?? '';
  const when = after === undefined ? '' : say(locale, `（${after}）`, ` (${after})`);
  return say(locale, `升级 ${step}${when}`, `escalation ${step}${when}`);
}

function describeEffect(ctx: DescribeContext, effect: Effect): string {
  const { locale, user } = ctx.names;
  const people = (ids: readonly string[]): string => list(locale, ids.map(user)) || '—';
  switch (effect.type) {
    case 'notify': {
      const items =
        effect.items && effect.items.length > 0
          ? say(locale, `（${effect.items.length} 条记录）`, ` (${effect.items.length} records)`)
          : '';
      const message = oneLine(effect.message[locale]);
      return say(
        locale,
        `通知 ${effect.channel} → ${people(effect.recipients)}：「${message}」${items}`,
        `notify ${effect.channel} → ${people(effect.recipients)}: "${message}"${items}`,
      );
    }
    case 'createTask': {
      const due =
        effect.dueAt === undefined
          ? ''
          : say(locale, `，截止 ${ctx.time(effect.dueAt)}`, `, due ${ctx.time(effect.dueAt)}`);
      const cc =
        effect.cc && effect.cc.length > 0
          ? say(locale, `，抄送 ${people(effect.cc)}`, `, cc ${people(effect.cc)}`)
          : '';
      const title = oneLine(effect.title[locale]);
      return say(
        locale,
        `任务「${title}」→ ${people(effect.assignees)}${due}${cc}`,
        `task "${title}" → ${people(effect.assignees)}${due}${cc}`,
      );
    }
    case 'callWebhook':
      return `webhook ${effect.method} ${effect.url}`;
    case 'assign':
      return say(
        locale,
        `分配（${effect.routing}）→ ${ctx.names.field(ctx.entityOf(effect.recordId), effect.field)}`,
        `assign via ${effect.routing} → ${ctx.names.field(ctx.entityOf(effect.recordId), effect.field)}`,
      );
    case 'startTimer':
    case 'cancelTimer':
      return say(
        locale,
        `计时器${quote(locale, ctx.names.timer(effect.timer))}${effect.type === 'startTimer' ? '开始' : '取消'}`,
        `${effect.type === 'startTimer' ? 'start' : 'cancel'} timer ${quote(locale, ctx.names.timer(effect.timer))}`,
      );
    default:
      return String((effect as { type?: unknown }).type);
  }
}

function markText(locale: Locale, mark: Readonly<Record<string, unknown>> | undefined): string {
  const { color, flag } = mark ?? {};
  if (color === undefined && flag === undefined) return say(locale, '取消标记', 'mark cleared');
  const parts = [
    typeof color === 'string' ? (COLORS[color]?.[locale] ?? color) : undefined,
    typeof flag === 'string' ? flag : undefined,
  ].filter((part): part is string => part !== undefined);
  return say(locale, `标记 ${parts.join(' · ')}`, `mark ${parts.join(' · ')}`);
}

/** Marks, tags and field values the entry changed (not the stamps and the history). */
function describePatches(
  ctx: DescribeContext,
  patches: readonly Patch[],
  skipFields: ReadonlySet<string>,
): string[] {
  const { locale } = ctx.names;
  const lines: string[] = [];
  // Several patches of one record's mark (colour, stamp, reason) read as one line.
  const marked = new Map<string, number>();
  const mark = (recordId: string, value: Readonly<Record<string, unknown>> | undefined): void => {
    if (value === undefined) ctx.marks.delete(recordId);
    else ctx.marks.set(recordId, value);
    const line = markText(locale, value);
    const at = marked.get(recordId);
    if (at === undefined) {
      marked.set(recordId, lines.length);
      lines.push(line);
    } else lines[at] = line;
  };
  for (const patch of patches) {
    const [root, recordId, part, key] = patch.path;
    if (root !== 'records' || typeof recordId !== 'string') continue;
    if (part === undefined && patch.op === 'add') {
      // A new record: its tags and mark (an automation of its creation may have set them).
      const created = patch.value as { tags?: unknown; mark?: unknown };
      if (Array.isArray(created.tags)) {
        for (const tag of created.tags) lines.push(say(locale, `标签 +${tag}`, `tag +${tag}`));
      }
      if (isObject(created.mark)) mark(recordId, created.mark);
      continue;
    }
    if (part === 'mark') {
      if (key === undefined) {
        mark(recordId, patch.op === 'remove' || !isObject(patch.value) ? undefined : patch.value);
      } else {
        const before = ctx.marks.get(recordId) ?? {};
        mark(recordId, { ...before, [key]: patch.op === 'remove' ? undefined : patch.value });
      }
    } else if (part === 'tags' && patch.op !== 'remove' && key !== undefined) {
      lines.push(
        say(locale, `标签 +${shortValue(patch.value)}`, `tag +${shortValue(patch.value)}`),
      );
    } else if (part === 'values' && typeof key === 'string' && !skipFields.has(key)) {
      const entity = ctx.entityOf(recordId);
      const value = patch.op === 'remove' ? undefined : patch.value;
      lines.push(`${ctx.names.field(entity, key)} = ${ctx.names.value(entity, key, value)}`);
    }
  }
  return lines;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type TimerTrace = Extract<TraceEntry, { kind: 'timer' }>;

function describeTimerChange(ctx: DescribeContext, entry: TimerTrace): string | undefined {
  const { locale } = ctx.names;
  const name = quote(locale, ctx.names.timer(entry.timer));
  const due = entry.dueAt === undefined ? '' : ctx.time(entry.dueAt);
  switch (entry.outcome) {
    case 'started':
      return say(locale, `计时器${name}开始，到期 ${due}`, `timer ${name} started, due ${due}`);
    case 'restarted':
      return say(
        locale,
        `计时器${name}重新计时，到期 ${due}`,
        `timer ${name} restarted, due ${due}`,
      );
    case 'cancelled':
      return say(locale, `计时器${name}取消`, `timer ${name} cancelled`);
    case 'escalated':
      return say(
        locale,
        `计时器${name}升级 ${entry.step} 到期 ${due}`,
        `timer ${name} escalation ${entry.step} due ${due}`,
      );
    case 'rescheduled':
      return say(locale, `计时器${name}下次 ${due}`, `timer ${name} next run ${due}`);
    case 'ended':
      return say(locale, `计时器${name}结束`, `timer ${name} ended`);
    case 'skipped':
      return say(
        locale,
        `计时器${name}未启动（算不出到期时间）`,
        `timer ${name} not started (no due time)`,
      );
    case 'condition':
      return say(locale, `计时器${name}条件不成立，结束`, `timer ${name}: condition false, ended`);
    case 'error':
      return say(
        locale,
        `计时器${name}出错：${entry.error?.message[locale] ?? ''}`,
        `timer ${name} failed: ${entry.error?.message[locale] ?? ''}`,
      );
    default:
      return undefined;
  }
}

type ApprovalTrace = Extract<TraceEntry, { kind: 'approval' }>;

/**
 * `审批 finance-check 已撤销（同一推进的 large-quote 被驳回）`: an approval cancelled because
 * another of the same move was rejected (an `approval.decide`) or recalled.
 */
function describeCancelled(
  ctx: DescribeContext,
  entry: ApprovalTrace,
  event: AppEvent | undefined,
): string {
  const { locale } = ctx.names;
  const by = entry.cancelledBy;
  if (by === undefined) {
    return say(locale, `审批 ${entry.approval} 已撤销`, `approval ${entry.approval} cancelled`);
  }
  const recalled = event?.type === 'approval.recall';
  return say(
    locale,
    `审批 ${entry.approval} 已撤销（同一推进的 ${by} ${recalled ? '被撤回' : '被驳回'}）`,
    `approval ${entry.approval} cancelled (${by} of the same move was ${recalled ? 'recalled' : 'rejected'})`,
  );
}

/**
 * What the trace says beyond the headline: automations that ran, approvals cancelled with
 * the one decided or recalled, and timer changes.
 */
function describeTrace(
  ctx: DescribeContext,
  trace: readonly TraceEntry[],
  fired: string | undefined,
  event: AppEvent | undefined,
): {
  readonly automations: string[];
  readonly approvals: string[];
  readonly timers: string[];
} {
  const { locale } = ctx.names;
  const automations: string[] = [];
  const approvals: string[] = [];
  const timers: string[] = [];
  for (const entry of trace) {
    if (entry.kind === 'approval' && entry.status === 'cancelled') {
      approvals.push(describeCancelled(ctx, entry, event));
    } else if (entry.kind === 'automation' && entry.outcome === 'fired') {
      const name = quote(locale, ctx.names.automation(entry.automation));
      automations.push(say(locale, `规则${name}执行`, `automation ${name} ran`));
    } else if (entry.kind === 'timer') {
      // The headline already says the fired timer ran.
      if (entry.instance === fired && entry.outcome === 'fired') continue;
      const line = describeTimerChange(ctx, entry);
      if (line !== undefined) timers.push(line);
    } else if (entry.kind === 'cascade-limit') {
      timers.push(`${entry.diagnostic.code} ${entry.diagnostic.message[locale]}`);
    }
  }
  return { automations, approvals, timers };
}

/**
 * An entry in words: `新建合同 C1（张伟）`, `「回款节点停滞」48h · 合同 C1`, and its details.
 *
 * @example
 * describeEntry(entry, ctx).headline; // '「回款节点 48 小时无进展」48h · 合同 HT-2026-031'
 */
export function describeEntry(
  entry: TimelineEntry,
  ctx: DescribeContext,
  stepAfter?: (timer: string, step: number) => string | undefined,
): EntryText {
  const { locale } = ctx.names;
  let headline: string;
  if (entry.kind === 'tick') {
    headline = say(locale, '时钟走到此刻', 'the clock reached this time');
  } else if (entry.kind === 'timer' && entry.timer) {
    const { timer, step, recordId } = entry.timer;
    const label = stepLabel(ctx, step, stepAfter?.(timer, step));
    const on = recordId === undefined ? '' : ` · ${recordName(ctx, recordId)}`;
    const gap = label && locale === 'en' ? ' ' : '';
    headline = `${quote(locale, ctx.names.timer(timer))}${gap}${label}${on}`;
  } else {
    headline = entry.event ? describeEvent(ctx, entry.event) : '';
  }
  if (entry.actor) {
    const who = ctx.names.user(entry.actor.id);
    headline += say(locale, `（${who}）`, ` (by ${who})`);
  }
  if (entry.outcome && !entry.outcome.ok) {
    headline += say(
      locale,
      ` —— 被拒绝：${oneLine(entry.outcome.message[locale])}`,
      ` — refused: ${oneLine(entry.outcome.message[locale])}`,
    );
  }
  const skip = new Set(
    entry.event?.type === 'record.update'
      ? Object.keys(entry.event.values ?? {})
      : entry.event?.type === 'stage.move'
        ? ctx.stageFields(entry.event.recordId)
        : [],
  );
  const { automations, approvals, timers } = describeTrace(
    ctx,
    entry.trace,
    entry.timer?.instance,
    entry.event,
  );
  const details = [
    ...approvals,
    ...automations,
    ...entry.effects.map((effect) => describeEffect(ctx, effect)),
    ...describePatches(ctx, entry.patches, skip),
    ...timers,
  ];
  return { headline, details };
}
