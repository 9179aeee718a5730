/**
 * The run's state now: the records (stage, mark such as 标记 红色 as a red tag, tags, and all
 * values on demand) and the pending timers with their due times.
 */
import type { AppState, RecordMark, RecordState } from '@ruleloom/engine';
import { Collapse, Descriptions, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { recordSummary } from './sampleData.js';
import { pendingTimers } from './simulationRun.js';
import type { StepWords } from './stepView.js';

/** Mark colours as antd tag colours. */
const TAG_COLORS: Readonly<Record<string, string>> = {
  red: 'red',
  orange: 'orange',
  yellow: 'gold',
  green: 'green',
  blue: 'blue',
  purple: 'purple',
  gray: 'default',
  grey: 'default',
};

/**
 * A record's mark as a coloured tag (`标记 红色`).
 *
 * @example
 * <MarkTag words={words} mark={{ color: 'red', at }} />
 */
export function MarkTag(props: {
  readonly words: StepWords;
  readonly mark: RecordMark | undefined;
  /** Only the colour or flag (`红色`), where the row already says 标记. */
  readonly bare?: boolean;
}): ReactNode {
  const { mark, words } = props;
  if (!mark) return <Typography.Text type="secondary">—</Typography.Text>;
  const reason =
    mark.reason === undefined
      ? undefined
      : typeof mark.reason === 'string'
        ? mark.reason
        : (mark.reason[words.locale] ?? mark.reason['zh-CN'] ?? mark.reason.en);
  const text = [mark.color ? words.names.color(mark.color) : undefined, mark.flag]
    .filter((part) => part !== undefined)
    .join(' · ');
  return (
    <Tooltip title={reason}>
      <Tag
        color={mark.color ? (TAG_COLORS[mark.color] ?? mark.color) : 'default'}
        data-mark={mark.color ?? mark.flag ?? ''}
      >
        {props.bare ? text : words.t('sim.markColor', { color: text })}
      </Tag>
    </Tooltip>
  );
}

function stageTags(words: StepWords, record: RecordState): ReactNode[] {
  return [...words.app.pipelines.values()]
    .filter((pipeline) => pipeline.entity === record.entity)
    .map((pipeline) => {
      const stage = record.values[pipeline.stageField];
      return typeof stage === 'string' ? (
        <Tag key={pipeline.id} color="blue">
          {words.names.stage(pipeline.id, stage)}
        </Tag>
      ) : null;
    });
}

/**
 * The records of the run.
 *
 * @example
 * <RecordsPanel words={words} state={run.state} />
 */
export function RecordsPanel(props: {
  readonly words: StepWords;
  readonly state: AppState;
}): ReactNode {
  const { words } = props;
  const { names, t } = words;
  const records = Object.values(props.state.records);
  if (records.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sim.noRecords')} />;
  }
  return (
    <Collapse
      size="small"
      className="sim-records"
      items={records.map((record) => ({
        key: record.id,
        label: (
          <div className="sim-record-head" data-record={record.id}>
            <Typography.Text
              strong
            >{`${names.entity(record.entity)} ${record.id}`}</Typography.Text>
            <Typography.Text type="secondary" ellipsis className="sim-record-summary">
              {recordSummary(record.values)}
            </Typography.Text>
            <span className="sim-record-tags">
              {stageTags(words, record)}
              {record.mark && <MarkTag words={words} mark={record.mark} />}
              {record.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </span>
          </div>
        ),
        children: (
          <Descriptions
            size="small"
            column={1}
            items={Object.entries(record.values).map(([field, value]) => ({
              key: field,
              label: names.field(record.entity, field),
              children: names.value(record.entity, field, value),
            }))}
          />
        ),
      }))}
    />
  );
}

/**
 * The pending timers, earliest first.
 *
 * @example
 * <TimersPanel words={words} state={run.state} />
 */
export function TimersPanel(props: {
  readonly words: StepWords;
  readonly state: AppState;
}): ReactNode {
  const { words } = props;
  const { names, t } = words;
  const timers = pendingTimers(props.state);
  return (
    <Table
      size="small"
      pagination={false}
      className="sim-timers"
      rowKey="id"
      dataSource={timers}
      locale={{ emptyText: t('sim.noTimers') }}
      onRow={(timer) => ({ 'data-timer': timer.id }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('sim.due'),
          width: 150,
          render: (_, timer) => <span className="sim-time">{words.time(timer.dueAt)}</span>,
        },
        {
          title: t('sim.timer'),
          render: (_, timer) => (
            <span>
              {names.timer(timer.timer)}
              {timer.step > 0 && (
                <Typography.Text type="secondary">
                  {' '}
                  · {t('sim.escalation', { n: timer.step })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {' '}
                · {timer.recordId ?? t('sim.appWide')}
              </Typography.Text>
            </span>
          ),
        },
      ]}
    />
  );
}
