/**
 * Moving a record to another stage (the pipeline's transitions from its stage offered first;
 * a stage without one can be tried to see the refusal) and deciding a pending approval.
 */
import { CheckOutlined, CloseOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { pendingApprovalsOf, stageChoices } from './eventChoices.js';
import { RecordSelect, type EventFormProps } from './EventForm.js';

/**
 * The 推进阶段 tab.
 *
 * @example
 * <MoveStageForm words={words} state={run.state} onFire={fire} />
 */
export function MoveStageForm(props: EventFormProps): ReactNode {
  const { words, state } = props;
  const { t, app, names } = words;
  const records = Object.values(state.records).filter((record) =>
    [...app.pipelines.values()].some((pipeline) => pipeline.entity === record.entity),
  );
  const [recordId, setRecordId] = useState<string>();
  const [pipelineId, setPipelineId] = useState<string>();
  const [to, setTo] = useState<string>();
  const record = records.find((r) => r.id === recordId) ?? records[0];
  if (!record) return <p className="sim-muted">{t('sim.noRecords')}</p>;
  const pipelines = stageChoices(app, record);
  const pipeline = pipelines.find((p) => p.pipeline === pipelineId) ?? pipelines[0];
  if (!pipeline) return <p className="sim-muted">{t('sim.noPipeline')}</p>;
  const target = pipeline.stages.find((s) => s.stage === to) ?? pipeline.stages[0];
  return (
    <Form
      layout="vertical"
      size="small"
      onFinish={() => {
        if (!target) return;
        props.onFire({
          type: 'stage.move',
          recordId: record.id,
          to: target.stage,
          ...(pipelines.length > 1 ? { pipeline: pipeline.pipeline } : {}),
        });
      }}
    >
      <Form.Item label={t('sim.record')}>
        <RecordSelect
          words={words}
          records={records}
          value={record.id}
          onChange={(id) => {
            setRecordId(id);
            setPipelineId(undefined);
            setTo(undefined);
          }}
          testId="sim-move-record"
        />
      </Form.Item>
      {pipelines.length > 1 && (
        <Form.Item label={t('sim.pipeline')}>
          <Select
            value={pipeline.pipeline}
            onChange={(id: string) => {
              setPipelineId(id);
              setTo(undefined);
            }}
            options={pipelines.map((p) => ({
              value: p.pipeline,
              label: names.pipeline(p.pipeline),
            }))}
          />
        </Form.Item>
      )}
      <Typography.Text type="secondary" className="sim-current-stage">
        {t('sim.currentStage', {
          stage:
            pipeline.current === undefined ? '—' : names.stage(pipeline.pipeline, pipeline.current),
        })}
      </Typography.Text>
      <Form.Item label={t('sim.moveTo')}>
        <Select
          value={target?.stage}
          onChange={(stage: string) => setTo(stage)}
          data-testid="sim-move-to"
          options={pipeline.stages.map((s) => ({
            value: s.stage,
            label: `${names.stage(s.pipeline, s.stage)}${s.hasTransition ? '' : ` ${t('sim.noTransition')}`}`,
          }))}
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        icon={<SendOutlined />}
        disabled={!target}
        data-testid="sim-move"
      >
        {t('sim.move')}
      </Button>
    </Form>
  );
}

/**
 * The 审批 tab: the approvals waiting for a decision, approve or reject.
 *
 * @example
 * <ApprovalForm words={words} state={run.state} onFire={fire} />
 */
export function ApprovalForm(props: EventFormProps): ReactNode {
  const { words, state } = props;
  const { t, names } = words;
  const pending = Object.values(state.records).flatMap((record) =>
    pendingApprovalsOf(record).map((item) => ({ record, ...item })),
  );
  const [chosen, setChosen] = useState<string>();
  const [comment, setComment] = useState('');
  const keyOf = (item: (typeof pending)[number]): string => `${item.record.id}/${item.approval.id}`;
  const item = pending.find((p) => keyOf(p) === chosen) ?? pending[0];
  if (!item) return <p className="sim-muted">{t('sim.noApprovals')}</p>;
  const decide = (decision: 'approve' | 'reject'): void =>
    props.onFire({
      type: 'approval.decide',
      recordId: item.record.id,
      approval: item.approval.id,
      decision,
      ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
    });
  return (
    <Form layout="vertical" size="small">
      <Form.Item
        label={t('sim.approval')}
        help={t('sim.approvers', { users: item.approvers.map(names.user).join('、') || '—' })}
      >
        <Select
          value={keyOf(item)}
          onChange={setChosen}
          options={pending.map((p) => ({
            value: keyOf(p),
            label: `${names.entity(p.record.entity)} ${p.record.id} · ${p.approval.id}${p.step ? ` / ${p.step}` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('sim.comment')}>
        <Input value={comment} onChange={(e) => setComment(e.target.value)} />
      </Form.Item>
      <Space>
        <Button type="primary" icon={<CheckOutlined />} onClick={() => decide('approve')}>
          {t('sim.approve')}
        </Button>
        <Button danger icon={<CloseOutlined />} onClick={() => decide('reject')}>
          {t('sim.reject')}
        </Button>
      </Space>
    </Form>
  );
}
