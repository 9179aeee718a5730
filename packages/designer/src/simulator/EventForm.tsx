/**
 * Fires one event as the acting user, in the engine's own event types: create a record
 * (field values typed as JSON), update a field, move a stage, decide an approval.
 */
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { AppEvent, AppState, RecordState } from '@ruleloom/engine';
import { Button, Form, Input, Select, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import { nextRecordId, typedValue } from './eventChoices.js';
import { recordSummary } from './sampleData.js';
import { ApprovalForm, MoveStageForm } from './StageForms.js';
import type { StepWords } from './stepView.js';

/** What every event form gets. */
export interface EventFormProps {
  readonly words: StepWords;
  readonly state: AppState;
  readonly onFire: (event: AppEvent) => void;
}

/**
 * A select of the run's records: `线索 L1 · 沈佳怡 · 宁波甬优…`.
 *
 * @example
 * <RecordSelect words={words} records={records} value={id} onChange={setId} />
 */
export function RecordSelect(props: {
  readonly words: StepWords;
  readonly records: readonly RecordState[];
  readonly value: string | undefined;
  readonly onChange: (id: string) => void;
  readonly testId: string;
}): ReactNode {
  const { names, t } = props.words;
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('sim.record')}
      aria-label={t('sim.record')}
      data-testid={props.testId}
      className="sim-wide"
      options={props.records.map((record) => ({
        value: record.id,
        label: [`${names.entity(record.entity)} ${record.id}`, recordSummary(record.values)]
          .filter((part) => part !== '')
          .join(' · '),
      }))}
    />
  );
}

function CreateForm(props: EventFormProps): ReactNode {
  const { words, state } = props;
  const { t, app, names } = words;
  const entities = [...app.entities.keys()];
  const [entity, setEntity] = useState(entities[0] ?? '');
  const [id, setId] = useState('');
  const [values, setValues] = useState('{\n  \n}');
  const [error, setError] = useState<string>();
  const taken = Object.keys(state.records);
  const suggested = nextRecordId(entity, taken);
  const create = (): void => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(values);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError(t('sim.valuesInvalid'));
      return;
    }
    setError(undefined);
    props.onFire({
      type: 'record.create',
      entity,
      recordId: id.trim() || suggested,
      values: parsed as Record<string, unknown>,
    });
    setId('');
  };
  return (
    <Form layout="vertical" size="small" onFinish={create}>
      <Form.Item label={t('sim.entity')}>
        <Select
          value={entity}
          onChange={setEntity}
          options={entities.map((e) => ({ value: e, label: names.entity(e) }))}
        />
      </Form.Item>
      <Form.Item label={t('sim.recordId')}>
        <Input value={id} placeholder={suggested} onChange={(e) => setId(e.target.value)} />
      </Form.Item>
      <Form.Item label={t('sim.values')} validateStatus={error ? 'error' : undefined} help={error}>
        <Input.TextArea
          value={values}
          onChange={(e) => setValues(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          className="sim-json"
          data-testid="sim-create-values"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />}>
        {t('sim.createRecord')}
      </Button>
    </Form>
  );
}

function UpdateForm(props: EventFormProps): ReactNode {
  const { words, state } = props;
  const { t, app, names } = words;
  const records = Object.values(state.records);
  const [recordId, setRecordId] = useState<string>();
  const [field, setField] = useState<string>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const record = records.find((r) => r.id === recordId) ?? records[0];
  const entity = record ? app.entities.get(record.entity) : undefined;
  const fields = entity ? [...entity.fields.values()] : [];
  const definition = fields.find((f) => f.id === field);
  const options = (definition as { options?: readonly { id: string }[] } | undefined)?.options;
  if (!record) return <p className="sim-muted">{t('sim.noRecords')}</p>;
  const update = (): void => {
    if (!definition) return;
    const value = typedValue(definition.type, text);
    if (!value.ok) {
      setError(t(value.reason === 'number' ? 'sim.valueNumber' : 'sim.valueJson'));
      return;
    }
    setError(undefined);
    props.onFire({
      type: 'record.update',
      recordId: record.id,
      values: { [definition.id]: value.value },
    });
  };
  return (
    <Form layout="vertical" size="small" onFinish={update}>
      <Form.Item label={t('sim.record')}>
        <RecordSelect
          words={words}
          records={records}
          value={record.id}
          onChange={(id) => {
            setRecordId(id);
            setField(undefined);
          }}
          testId="sim-update-record"
        />
      </Form.Item>
      <Form.Item label={t('sim.field')}>
        <Select
          value={definition?.id}
          onChange={(id: string) => {
            setField(id);
            setText('');
          }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="sim-update-field"
          options={fields.map((f) => ({
            value: f.id,
            label: `${names.field(record.entity, f.id)} = ${names.value(record.entity, f.id, record.values[f.id])}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('sim.newValue')}
        validateStatus={error ? 'error' : undefined}
        help={error ?? t('sim.valueHint')}
      >
        {options && definition?.type === 'enum' ? (
          <Select
            value={text || undefined}
            onChange={(value: string) => setText(value)}
            allowClear
            onClear={() => setText('')}
            data-testid="sim-update-value"
            options={options.map((o) => ({
              value: o.id,
              label: names.value(record.entity, definition.id, o.id),
            }))}
          />
        ) : (
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="sim-update-value"
          />
        )}
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} disabled={!definition}>
        {t('sim.update')}
      </Button>
    </Form>
  );
}

/**
 * The event tabs: 新建, 改字段, 推进阶段, 审批.
 *
 * @example
 * <EventForm words={words} state={run.state} onFire={(event) => sim.fire([event], { actor, users })} />
 */
export function EventForm(props: EventFormProps): ReactNode {
  const { t } = props.words;
  return (
    <Tabs
      size="small"
      defaultActiveKey="move"
      className="sim-event-tabs"
      items={[
        { key: 'move', label: t('sim.tab.move'), children: <MoveStageForm {...props} /> },
        { key: 'update', label: t('sim.tab.update'), children: <UpdateForm {...props} /> },
        { key: 'approve', label: t('sim.tab.approve'), children: <ApprovalForm {...props} /> },
        { key: 'create', label: t('sim.tab.create'), children: <CreateForm {...props} /> },
      ]}
    />
  );
}
