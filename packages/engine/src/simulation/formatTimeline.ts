/**
 * A simulation's timeline as text a person reads top to bottom: local time in the app's
 * zone, what happened, and indented beneath it what came of it. Pure: the same timeline
 * and options give the same text, in Node and in the browser.
 */
import type { CompiledApp } from '../app/compiledApp.js';
import type { DirectoryUser } from '../app/types.js';
import type { Locale } from '../diagnostics/types.js';
import { zonedFields } from '../expr/domain/zone.js';
import { describeEntry, type DescribeContext } from './describeEntry.js';
import { namesFor } from './labels.js';
import type { TimelineEntry } from './types.js';

/** How to print a timeline. */
export interface FormatTimelineOptions {
  readonly locale: Locale;
  /** IANA zone of the printed times. Default: the app's zone, else `Asia/Shanghai`. */
  readonly zone?: string;
  /** The app simulated: labels of entities, fields, stages, timers and automations. */
  readonly app?: CompiledApp;
  /** The directory: recipients and actors by name instead of id. */
  readonly users?: readonly DirectoryUser[];
  /**
   * Also list timer firings that changed nothing (a daily digest with no record to list, a
   * recurring timer that found nothing to do). Default false: they are counted in a last line.
   */
  readonly showIdle?: boolean;
}

/**
 * True for a timer firing that changed nothing: no effect, no record patch, and nothing in
 * its trace but the firing itself and its next run.
 *
 * @example
 * isIdle(entry); // true for a daily digest that found no record to list
 */
export function isIdle(entry: TimelineEntry): boolean {
  return (
    entry.kind === 'timer' &&
    entry.effects.length === 0 &&
    !entry.patches.some((patch) => patch.path[0] === 'records') &&
    entry.trace.every(
      (t) =>
        (t.kind === 'timer' && (t.outcome === 'fired' || t.outcome === 'rescheduled')) ||
        (t.kind === 'automation' && t.outcome !== 'fired') ||
        t.kind === 'schedule',
    )
  );
}

const WEEKDAYS: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const KINDS: Readonly<Record<Locale, Readonly<Record<TimelineEntry['kind'], string>>>> = {
  'zh-CN': { event: '事件', timer: '计时器', tick: '时钟' },
  en: { event: 'event', timer: 'timer', tick: 'tick' },
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Chinese characters and full-width punctuation take two columns in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/gu;

function displayWidth(text: string): number {
  return Array.from(text).length + (text.match(WIDE)?.length ?? 0);
}

/**
 * An instant as local time in `zone`: `2026-03-04 周三 09:00` (seconds only when not zero).
 *
 * @example
 * formatLocalTime(Date.parse('2026-03-04T01:00:00Z'), 'Asia/Shanghai', 'en'); // '2026-03-04 Wed 09:00'
 */
export function formatLocalTime(instant: number, zone: string, locale: Locale): string {
  if (!Number.isFinite(instant)) return String(instant);
  let f;
  try {
    f = zonedFields(instant, zone);
  } catch {
    return new Date(instant).toISOString();
  }
  const seconds = f.second === 0 ? '' : `:${pad(f.second)}`;
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)} ${WEEKDAYS[locale][f.weekday] ?? ''} ${pad(f.hour)}:${pad(f.minute)}${seconds}`;
}

/** The escalation or start duration of a timer step, from the app's definition. */
function stepAfterOf(app: CompiledApp | undefined) {
  return (timer: string, step: number): string | undefined => {
    const definition = app?.timers.get(timer)?.definition as
      { after?: unknown; escalation?: readonly { after?: unknown }[] } | undefined;
    const after = step === 0 ? definition?.after : definition?.escalation?.[step - 1]?.after;
    return typeof after === 'string' ? after : undefined;
  };
}

/**
 * Prints a timeline, one entry per headline with its consequences indented beneath:
 *
 * ```
 * 2026-03-02 周一 10:00  事件    新建合同 HT-031（张伟）
 * 2026-03-06 周五 10:00  计时器  「回款节点 48 小时无进展」48h · 合同 HT-031
 *                                 通知 wecom → 张伟、刘芳、赵强：「合同 HT-031 …」
 *                                 标记 红色
 * ```
 *
 * The record of an entry is named by its entity's label when the timeline created it (or
 * the app is given). Pure; ends with a line break unless the timeline is empty.
 *
 * @example
 * formatTimeline(result.timeline, { locale: 'zh-CN', app, users });
 */
export function formatTimeline(
  timeline: readonly TimelineEntry[],
  options: FormatTimelineOptions,
): string {
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const zone = options.zone ?? options.app?.zone ?? 'Asia/Shanghai';
  const entities = new Map<string, string>();
  const ctx: DescribeContext = {
    names: namesFor(locale, options.app, options.users),
    time: (instant) => formatLocalTime(instant, zone, locale),
    entityOf: (recordId) => entities.get(recordId),
    marks: new Map(),
    stageFields: (recordId) =>
      [...(options.app?.pipelines.values() ?? [])]
        .filter((pipeline) => pipeline.entity === entities.get(recordId))
        .map((pipeline) => pipeline.stageField),
  };
  const stepAfter = stepAfterOf(options.app);
  const kindWidth = Math.max(...Object.values(KINDS[locale]).map(displayWidth));
  const shown = options.showIdle === true ? timeline : timeline.filter((e) => !isIdle(e));
  const printed = shown.map((entry) => {
    if (entry.event?.type === 'record.create' && entry.outcome?.ok !== false) {
      entities.set(entry.event.recordId, entry.event.entity);
    }
    const kind = KINDS[locale][entry.kind];
    const head = `${ctx.time(entry.at)}  ${kind}${' '.repeat(kindWidth - displayWidth(kind))}  `;
    return { head, ...describeEntry(entry, ctx, stepAfter) };
  });
  // Details line up under the text of the widest headline.
  const indent = ' '.repeat(Math.max(0, ...printed.map(({ head }) => displayWidth(head))));
  const text = printed.flatMap(({ head, headline, details }) => [
    `${head}${headline}`,
    ...details.map((detail) => `${indent}${detail}`),
  ]);
  const hidden = timeline.length - shown.length;
  if (hidden > 0) {
    text.push(
      locale === 'zh-CN'
        ? `（另有 ${hidden} 次计时器触发没有带来任何变化，未列出）`
        : `(${hidden} more timer firings changed nothing and are not listed)`,
    );
  }
  return text.length === 0 ? '' : `${text.join('\n')}\n`;
}
