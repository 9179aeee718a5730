/**
 * The timeline: every step in time order — the event or timer, a refusal in red with its
 * reasons, the effects (messages, tasks, webhooks, timers) as the CLI prints them, the record
 * changes old → new, and the engine's trace as a tree to fold open; a routing decision (分配)
 * with the rep or the queue and its explanation to fold open.
 */
import { Button, Collapse, Empty, Tag, Tree, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MarkTag } from './StatePanels.js';
import type { RoutingView } from './routingView.js';
import type { RecordChangeView, StepView, StepWords } from './stepView.js';
import type { TraceTreeNode } from './traceTree.js';

const KIND_COLORS: Readonly<Record<StepView['kind'], string>> = {
  event: 'blue',
  timer: 'orange',
  tick: 'default',
  clock: 'default',
  import: 'purple',
  routing: 'cyan',
};

function kindLabel(words: StepWords, kind: StepView['kind']): string {
  return words.t(kind === 'tick' ? 'sim.kind.clock' : `sim.kind.${kind}`);
}

interface TreeData {
  readonly key: string;
  readonly title: ReactNode;
  readonly children: TreeData[];
}

function treeData(nodes: readonly TraceTreeNode[]): TreeData[] {
  return nodes.map((node) => ({
    key: node.key,
    title: (
      <span className={`sim-trace-${node.tone}`} title={node.pointer}>
        {node.title}
      </span>
    ),
    children: treeData(node.children),
  }));
}

function Changes(props: {
  readonly words: StepWords;
  readonly changes: readonly RecordChangeView[];
}): ReactNode {
  const { words } = props;
  const { t } = words;
  return (
    <div className="sim-changes">
      {props.changes.map((change) => {
        const fields = change.fields.map((field) => (
          <li key={field.field}>
            <span className="sim-field">{field.label}</span>
            {change.created ? (
              <span>{field.after}</span>
            ) : (
              <span>
                <span className="sim-old">{field.before}</span> → <span>{field.after}</span>
              </span>
            )}
          </li>
        ));
        return (
          <div key={change.recordId} className="sim-change" data-change={change.recordId}>
            <Typography.Text strong>{change.record}</Typography.Text>
            {change.created && <Tag className="sim-created">{t('sim.created')}</Tag>}
            <ul>
              {change.mark && (
                <li>
                  <span className="sim-field">{t('sim.mark')}</span>
                  <MarkTag words={words} mark={change.mark.before} bare /> →{' '}
                  <MarkTag words={words} mark={change.mark.after} bare />
                </li>
              )}
              {(change.tagsAdded.length > 0 || change.tagsRemoved.length > 0) && (
                <li>
                  <span className="sim-field">{t('sim.tags')}</span>
                  {change.tagsAdded.map((tag) => (
                    <Tag key={`+${tag}`} color="green">{`+${tag}`}</Tag>
                  ))}
                  {change.tagsRemoved.map((tag) => (
                    <Tag key={`-${tag}`}>{`−${tag}`}</Tag>
                  ))}
                </li>
              )}
              {!change.created && fields}
            </ul>
            {change.created && fields.length > 0 && (
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'fields',
                    label: t('sim.createdFields', { count: fields.length }),
                    children: <ul>{fields}</ul>,
                  },
                ]}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function Routing(props: { readonly words: StepWords; readonly routing: RoutingView }): ReactNode {
  const { t } = props.words;
  const { routing } = props;
  return (
    <div className="sim-routing" data-testid="sim-routing">
      <Tag
        color={routing.assignee === undefined ? 'warning' : 'success'}
        data-testid="sim-assignee"
      >
        {routing.assignee ?? routing.queue}
      </Tag>
      <Collapse
        size="small"
        ghost
        className="sim-trace"
        items={[
          {
            key: 'why',
            label: t('sim.route.explanation', { count: routing.lines.length }),
            children: (
              <div data-testid="sim-routing-why">
                <ul className="sim-details">
                  {routing.lines.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
                <Tree showLine selectable={false} treeData={treeData(routing.tree)} />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

function Step(props: { readonly words: StepWords; readonly step: StepView }): ReactNode {
  const { words, step } = props;
  const { t } = words;
  return (
    <div
      className={`sim-step sim-step-${step.kind}${step.refusal ? ' sim-step-refused' : ''}`}
      data-step-kind={step.kind}
      data-refused={step.refusal ? 'true' : undefined}
    >
      <div className="sim-step-head">
        <span className="sim-time">{words.time(step.at)}</span>
        <Tag color={KIND_COLORS[step.kind]}>{kindLabel(words, step.kind)}</Tag>
        <span className="sim-headline">{step.headline}</span>
      </div>
      {step.refusal && (
        <div className="sim-refusal" data-testid="sim-refusal">
          <Tag color="error">{t('sim.refused')}</Tag>
          <Typography.Text type="danger">{step.refusal.message}</Typography.Text>
          {step.refusal.reasons.length > 0 && (
            <ul>
              {step.refusal.reasons.map((reason, index) => (
                <li key={index}>
                  <Typography.Text type="danger">{reason}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {step.routing && <Routing words={words} routing={step.routing} />}
      {step.details.length > 0 && (
        <ul className="sim-details">
          {step.details.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {step.changes.length > 0 && <Changes words={words} changes={step.changes} />}
      {step.trace.length > 0 && (
        <Collapse
          size="small"
          ghost
          className="sim-trace"
          items={[
            {
              key: 'trace',
              label: t('sim.trace', { count: step.trace.length }),
              children: <Tree showLine selectable={false} treeData={treeData(step.trace)} />,
            },
          ]}
        />
      )}
    </div>
  );
}

/**
 * The timeline of the run; firings that changed nothing are folded into one line.
 *
 * @example
 * <TimelineView words={words} steps={stepViews(run.steps, words)} />
 */
export function TimelineView(props: {
  readonly words: StepWords;
  readonly steps: readonly StepView[];
}): ReactNode {
  const { words, steps } = props;
  const { t } = words;
  const [showIdle, setShowIdle] = useState(false);
  const end = useRef<HTMLDivElement>(null);
  const shown = showIdle ? steps : steps.filter((step) => !step.idle);
  const idle = steps.length - steps.filter((step) => !step.idle).length;
  const last = steps.at(-1)?.id;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [last]);
  if (steps.length === 0) {
    return <Empty description={t('sim.timelineEmpty')} />;
  }
  return (
    <div className="sim-timeline-list">
      {shown.map((step) => (
        <Step key={step.id} words={words} step={step} />
      ))}
      {idle > 0 && (
        <div className="sim-idle">
          <Typography.Text type="secondary">{t('sim.idleHidden', { count: idle })}</Typography.Text>
          <Button type="link" size="small" onClick={() => setShowIdle((now) => !now)}>
            {t(showIdle ? 'sim.hideIdle' : 'sim.showIdle')}
          </Button>
        </div>
      )}
      <div ref={end} />
    </div>
  );
}
