/**
 * The simulator's words for what happened: each timeline entry's headline and detail lines
 * come from the engine's `formatTimeline` — the text `ruleloom simulate` prints — and names
 * of entities, fields, values, stages, timers and people come from the app's labels.
 */
import {
  formatLocalTime,
  formatTimeline,
  type CompiledApp,
  type DirectoryUser,
  type Locale,
  type TimelineEntry,
} from '@ruleloom/engine';

/** One entry in words, as the CLI prints it. */
export interface EntryText {
  readonly headline: string;
  readonly details: readonly string[];
}

/**
 * Each entry's headline and details, split out of the CLI timeline: a headline line starts
 * with its entry's local time; the lines below it are its details (a line that is neither —
 * a value holding a line break — continues the line above).
 *
 * @example
 * describeEntries(timeline, { locale: 'zh-CN', app, users })[0];
 * // { headline: '新建线索 L1（张伟）', details: ['计时器「B级线索48小时未推进」开始，到期 2026-03-04 周三 09:00', …] }
 */
export function describeEntries(
  timeline: readonly TimelineEntry[],
  options: {
    readonly locale: Locale;
    readonly app: CompiledApp;
    readonly users?: readonly DirectoryUser[];
  },
): EntryText[] {
  const zone = options.app.zone;
  const text = formatTimeline(timeline, {
    locale: options.locale,
    app: options.app,
    ...(options.users === undefined ? {} : { users: options.users }),
    showIdle: true,
  });
  const lines = text.split('\n');
  const out: { headline: string; details: string[] }[] = [];
  for (const line of lines) {
    const next = timeline[out.length];
    const head =
      next === undefined ? undefined : `${formatLocalTime(next.at, zone, options.locale)}  `;
    if (head !== undefined && line.startsWith(head)) {
      // After the time: the kind (事件 / timer …), padding, then the headline.
      out.push({ headline: line.slice(head.length).replace(/^\S+\s+/, ''), details: [] });
      continue;
    }
    const last = out[out.length - 1];
    if (!last || line.trim() === '') continue;
    if (/^\s{2,}/.test(line)) last.details.push(line.trim());
    else if (last.details.length > 0) {
      last.details[last.details.length - 1] += ` / ${line.trim()}`;
    } else last.headline += ` / ${line.trim()}`;
  }
  // Never fewer texts than entries, whatever the formatter printed.
  return timeline.map(
    (entry, index) => out[index] ?? { headline: entry.event?.type ?? entry.kind, details: [] },
  );
}
