/**
 * One timeline step as the panel shows it, in words: the headline and the effects as the CLI
 * prints them, the refusal and its reasons, the record changes old → new, and the trace
 * tree. Plain data, so that what a person reads is tested without React.
 */
import type { CompiledApp, DirectoryUser, Locale, RecordMark } from '@ruleloom/engine';
import type { StringKey } from '../i18n/strings.js';
import { routingHeadline, routingView, type RoutingView } from './routingView.js';
import type { SimStep } from './simulationRun.js';
import type { SimulatorNames } from './simulatorNames.js';
import { describeEntries, type EntryText } from './timelineText.js';
import { traceTree, type TraceTreeNode } from './traceTree.js';

/** A field change in words. */
export interface FieldChangeView {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** What a step changed on one record, in words. */
export interface RecordChangeView {
  readonly recordId: string;
  /** `线索 L1` */
  readonly record: string;
  readonly created: boolean;
  readonly fields: readonly FieldChangeView[];
  readonly mark?: { readonly before?: RecordMark; readonly after?: RecordMark };
  readonly tagsAdded: readonly string[];
  readonly tagsRemoved: readonly string[];
}

/** A step ready to show. */
export interface StepView {
  readonly id: number;
  readonly kind: 'event' | 'timer' | 'tick' | 'clock' | 'import' | 'routing';
  readonly at: number;
  readonly headline: string;
  /** Present when the engine refused the event: its message and each reason. */
  readonly refusal?: { readonly message: string; readonly reasons: readonly string[] };
  /** Effects, automations that ran and timer changes, as the CLI prints them. */
  readonly details: readonly string[];
  readonly changes: readonly RecordChangeView[];
  readonly trace: readonly TraceTreeNode[];
  /** A routing decision (分配): the pick or the queue, and why. */
  readonly routing?: RoutingView;
  readonly idle: boolean;
}

/** What the views need: the app, its names, the language and the clock's words. */
export interface StepWords {
  readonly app: CompiledApp;
  readonly users: readonly DirectoryUser[];
  readonly names: SimulatorNames;
  readonly locale: Locale;
  readonly t: (key: StringKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly time: (instant: number) => string;
  /** `48 小时` */
  readonly span: (ms: number) => string;
}

/** Lines of the CLI text that describe patches: the changes list shows them old → new. */
const PATCH_LINE = /^(标记 |mark |取消标记$|mark cleared$|标签 \+|tag \+)/;

function withoutPatchLines(
  details: readonly string[],
  changes: readonly RecordChangeView[],
): string[] {
  const fieldPrefixes = changes.flatMap((change) => change.fields.map((f) => `${f.label} = `));
  return details.filter(
    (line) => !PATCH_LINE.test(line) && !fieldPrefixes.some((prefix) => line.startsWith(prefix)),
  );
}

const REFUSED = [' —— 被拒绝：', ' — refused: '];

function withoutRefusal(headline: string): string {
  for (const marker of REFUSED) {
    const at = headline.indexOf(marker);
    if (at >= 0) return headline.slice(0, at);
  }
  return headline;
}

/**
 * The run's steps as the panel shows them, in order.
 *
 * @example
 * stepViews(run.steps, words).at(-1); // { kind: 'timer', headline: '「B级线索48小时未推进」48h · 线索 L1', details: ['通知 wecom → 周敏、张伟：「…」'], … }
 */
export function stepViews(steps: readonly SimStep[], words: StepWords): StepView[] {
  const { app, users, names, locale, t } = words;
  const entries = steps.flatMap((step) => (step.kind === 'entry' ? [step.entry] : []));
  const texts = describeEntries(entries, { locale, app, users });
  let next = 0;
  return steps.map((step): StepView => {
    if (step.kind === 'clock') {
      return {
        id: step.id,
        kind: 'clock',
        // When the person moved it: the firings it caused follow, in time order.
        at: step.from,
        headline: t('sim.clockMoved', {
          span: words.span(step.to - step.from),
          to: words.time(step.to),
        }),
        details: [],
        changes: [],
        trace: [],
        idle: false,
      };
    }
    if (step.kind === 'routing') {
      return {
        id: step.id,
        kind: 'routing',
        at: step.assignment.at,
        headline: routingHeadline(step.assignment, words),
        // The engine's lines say who was notified when the record went to the queue.
        details: [],
        changes: [],
        trace: [],
        routing: routingView(step.assignment, words),
        idle: false,
      };
    }
    if (step.kind === 'import') {
      return {
        id: step.id,
        kind: 'import',
        at: step.at,
        headline: t('sim.imported', { ids: step.recordIds.join(locale === 'zh-CN' ? '、' : ', ') }),
        details: [],
        changes: [],
        trace: [],
        idle: false,
      };
    }
    const text: EntryText = texts[next++] ?? { headline: step.entry.kind, details: [] };
    const { entry } = step;
    const changes = step.changes.map((change): RecordChangeView => ({
      recordId: change.recordId,
      record: `${names.entity(change.entity)} ${change.recordId}`,
      created: change.created,
      fields: change.fields.map((f) => ({
        field: f.field,
        label: names.field(change.entity, f.field),
        before: names.value(change.entity, f.field, f.before),
        after: names.value(change.entity, f.field, f.after),
      })),
      ...(change.mark ? { mark: change.mark } : {}),
      tagsAdded: change.tagsAdded,
      tagsRemoved: change.tagsRemoved,
    }));
    const outcome = entry.outcome;
    const refusal =
      outcome && !outcome.ok
        ? {
            message: outcome.message[locale],
            reasons: [
              ...(outcome.gate ? app.describeGate(outcome.gate).map((text) => text[locale]) : []),
              ...(outcome.errors ?? []).map(
                (error) => `${names.field(entityOf(step), error.field)}：${error.message[locale]}`,
              ),
            ],
          }
        : undefined;
    return {
      id: step.id,
      kind: entry.kind,
      at: entry.at,
      headline: withoutRefusal(text.headline),
      ...(refusal ? { refusal } : {}),
      details: withoutPatchLines(text.details, changes),
      changes,
      trace: traceTree(entry.trace, { app, names, locale, t, time: words.time }),
      idle: step.idle,
    };
  });
}

function entityOf(step: Extract<SimStep, { kind: 'entry' }>): string {
  const event = step.entry.event;
  if (event?.type === 'record.create') return event.entity;
  return step.changes[0]?.entity ?? '';
}

/**
 * A length of time in words: hours and minutes up to a week (`47 小时 59 分钟`), then days.
 *
 * @example
 * spanText(48 * 3_600_000, 'zh-CN'); // '48 小时'
 * spanText(10 * 86_400_000, 'en'); // '10 d'
 */
export function spanText(ms: number, locale: Locale): string {
  const minutes = Math.round(ms / 60_000);
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (minutes >= 7 * 24 * 60) {
    const days = Math.floor(minutes / (24 * 60));
    const hours = Math.floor((minutes % (24 * 60)) / 60);
    parts.push(zh ? `${days} 天` : `${days} d`);
    if (hours > 0) parts.push(zh ? `${hours} 小时` : `${hours} h`);
    return parts.join(' ');
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours > 0) parts.push(zh ? `${hours} 小时` : `${hours} h`);
  if (rest > 0 || hours === 0) parts.push(zh ? `${rest} 分钟` : `${rest} min`);
  return parts.join(' ');
}
