/**
 * The engine's trace of one step as a tree a person can fold open: every automation
 * considered (and why it did or did not run), every gate with its unmet requirements, every
 * approval, schedule and timer change, and beneath each the evaluated expression — operator
 * by operator with its value, decision-table and formula calls included.
 */
import type { CompiledApp, Locale, TraceEntry } from '@ruleloom/engine';
import type { StringKey } from '../i18n/strings.js';
import type { SimulatorNames } from './simulatorNames.js';

/** One operation of an evaluated expression (the engine's `TraceNode`). */
type TraceNode = NonNullable<Extract<TraceEntry, { kind: 'automation' }>['condition']>[number];

/** How a node reads: it went through, it stopped something, or it is only information. */
export type TraceTone = 'ok' | 'blocked' | 'muted' | 'info';

/** One node of the trace tree. */
export interface TraceTreeNode {
  readonly key: string;
  readonly title: string;
  readonly tone: TraceTone;
  /** Where in its definition file the node's expression is (JSON pointer). */
  readonly pointer?: string;
  readonly children: readonly TraceTreeNode[];
}

/** What the tree needs to put things in words. */
export interface TraceWords {
  readonly locale: Locale;
  readonly app: CompiledApp;
  readonly names: SimulatorNames;
  readonly t: (key: StringKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly time: (instant: number) => string;
}

function shortJson(value: unknown): string {
  if (value === undefined) return '—';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/**
 * An evaluated expression: `operator → value`, its operands beneath.
 *
 * @example
 * expressionNodes(check.trace, 'rule.0')[0].title; // 'and → true'
 */
export function expressionNodes(
  nodes: readonly TraceNode[] | undefined,
  key: string,
): TraceTreeNode[] {
  return (nodes ?? []).map((node, index) => ({
    key: `${key}.${index}`,
    title: `${node.operator} → ${shortJson(node.value)}`,
    tone: node.value === false ? 'blocked' : node.value === true ? 'ok' : 'info',
    pointer: node.pointer,
    children: expressionNodes(node.children, `${key}.${index}`),
  }));
}

function entryNode(entry: TraceEntry, key: string, words: TraceWords): TraceTreeNode {
  const { t, names, app, locale } = words;
  switch (entry.kind) {
    case 'automation':
      return {
        key,
        title: t('sim.trace.automation', {
          name: names.automation(entry.automation),
          outcome: t(`sim.trace.${entry.outcome}`),
        }),
        tone: entry.outcome === 'fired' ? 'ok' : entry.outcome === 'error' ? 'blocked' : 'muted',
        children: [
          ...(entry.error
            ? [
                {
                  key: `${key}.e`,
                  title: `${entry.error.code} ${entry.error.message[locale]}`,
                  tone: 'blocked' as const,
                  children: [],
                },
              ]
            : []),
          ...expressionNodes(entry.condition, key),
        ],
      };
    case 'gate': {
      const { result } = entry;
      const described = app.describeGate(result);
      const failures = result.failures.map((failure, index) => ({
        key: `${key}.f${index}`,
        title: `${described[index]?.[locale] ?? failure.type}${failure.type === 'condition' && failure.severity === 'warning' ? ` ${t('sim.trace.warning')}` : ''}`,
        tone: 'blocked' as const,
        children:
          failure.type === 'condition' ? expressionNodes(failure.trace, `${key}.f${index}`) : [],
      }));
      const approvals =
        result.approvalsRequired.length > 0
          ? [
              {
                key: `${key}.a`,
                title: t('sim.trace.needsApprovals', { ids: result.approvalsRequired.join(', ') }),
                tone: 'info' as const,
                children: [],
              },
            ]
          : [];
      return {
        key,
        title: t('sim.trace.gate', {
          pipeline: names.pipeline(result.pipeline),
          from: names.stage(result.pipeline, result.from),
          to: names.stage(result.pipeline, result.to),
          outcome: t(result.allowed ? 'sim.trace.allowed' : 'sim.trace.blocked'),
        }),
        tone: result.allowed ? 'ok' : 'blocked',
        children: [...failures, ...approvals],
      };
    }
    case 'approval':
      return {
        key,
        title:
          t('sim.trace.approval', {
            id: entry.approval,
            status: t(`sim.approval.${entry.status}`),
          }) + (entry.step === undefined ? '' : t('sim.trace.approvalStep', { step: entry.step })),
        tone: entry.status === 'rejected' ? 'blocked' : entry.status === 'approved' ? 'ok' : 'info',
        children: [],
      };
    case 'schedule':
      return {
        key,
        title:
          entry.outcome === 'disabled'
            ? t('sim.trace.scheduleOff', { name: names.automation(entry.automation) })
            : t('sim.trace.schedule', {
                name: names.automation(entry.automation),
                considered: entry.considered,
                matched: entry.matched,
              }),
        tone: entry.outcome === 'fired' ? 'ok' : 'muted',
        children: entry.digests.map((digest, index) => ({
          key: `${key}.d${index}`,
          title: t('sim.trace.digest', {
            action: digest.action + 1,
            selected: digest.selected,
            groups: digest.groups.length,
          }),
          tone: 'info' as const,
          children: digest.groups.map((group, g) => ({
            key: `${key}.d${index}.${g}`,
            title: t('sim.trace.group', {
              user: group.user ? names.user(group.user) : '—',
              listed: group.listed.join(', ') || '—',
              recipients: group.recipients.map(names.user).join(', ') || '—',
            }),
            tone: 'info' as const,
            children: [],
          })),
        })),
      };
    case 'timer':
      return {
        key,
        title:
          t('sim.trace.timer', {
            name: names.timer(entry.timer),
            step: entry.step === 0 ? '' : t('sim.escalation', { n: entry.step }),
            outcome: t(`sim.timerOutcome.${entry.outcome}`),
          }) +
          (entry.dueAt === undefined ? '' : t('sim.trace.due', { time: words.time(entry.dueAt) })),
        tone:
          entry.outcome === 'fired' || entry.outcome === 'started' || entry.outcome === 'restarted'
            ? 'ok'
            : entry.outcome === 'error'
              ? 'blocked'
              : 'muted',
        children: [
          ...(entry.error
            ? [
                {
                  key: `${key}.e`,
                  title: `${entry.error.code} ${entry.error.message[locale]}`,
                  tone: 'blocked' as const,
                  children: [],
                },
              ]
            : []),
          ...expressionNodes(entry.condition, key),
        ],
      };
    case 'cascade-limit':
      return {
        key,
        title: t('sim.trace.cascade', {
          rounds: entry.rounds,
          message: entry.diagnostic.message[locale],
        }),
        tone: 'blocked',
        children: [],
      };
  }
}

/**
 * A step's trace as a tree, in the engine's order.
 *
 * @example
 * traceTree(entry.trace, words)[0].title; // '规则「官网白皮书线索打标签」：执行'
 */
export function traceTree(trace: readonly TraceEntry[], words: TraceWords): TraceTreeNode[] {
  return trace.map((entry, index) => entryNode(entry, String(index), words));
}
