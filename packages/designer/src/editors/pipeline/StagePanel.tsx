import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import type { Diagnostic } from '@ruleloom/engine';
import type { Stage } from '@ruleloom/schemas';
import { useState, type ReactElement } from 'react';
import type { ConditionField } from '../condition/operators.js';
import { DurationInput } from '../common/DurationInput.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { localize, t, type EditorLocale } from '../i18n.js';
import { GateFields } from './GateFields.js';

const ID = /^[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u;
const COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'grey'] as const;

function assign<K extends keyof Stage>(stage: Stage, key: K, value: Stage[K] | undefined): Stage {
  const next = { ...stage };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The properties of the selected stage, its entry gate, and delete. */
export function StagePanel(props: {
  readonly stage: Stage;
  readonly initial: boolean;
  readonly onChange: (next: Stage) => void;
  readonly onRenameId: (id: string) => void;
  readonly onMakeInitial: () => void;
  readonly onDelete: () => void;
  readonly canDelete: boolean;
  readonly fields: readonly ConditionField[];
  readonly diagnostics: readonly Diagnostic[];
  readonly locale: EditorLocale;
}): ReactElement {
  const { stage, onChange, locale } = props;
  // The id is renamed when the input is left, so a half-typed id does not rewrite references.
  const [draftId, setDraftId] = useState<{ for: string; text: string }>({
    for: stage.id,
    text: stage.id,
  });
  const idText = draftId.for === stage.id ? draftId.text : stage.id;
  const idValid = ID.test(idText);
  return (
    <Card
      size="small"
      title={t(locale, 'pipeStageTitle', { stage: localize(stage.label, locale, stage.id) })}
      style={{ width: 380, overflow: 'auto', maxHeight: 640 }}
      extra={
        <Button
          danger
          size="small"
          icon={<DeleteOutlined />}
          disabled={!props.canDelete}
          onClick={props.onDelete}
        >
          {t(locale, 'pipeDeleteStage')}
        </Button>
      }
    >
      {props.diagnostics.map((d, i) => (
        <Alert
          key={i}
          style={{ marginBottom: 8 }}
          type={d.severity === 'error' ? 'error' : 'warning'}
          showIcon
          title={`${d.code} ${d.message[locale]}`}
        />
      ))}
      <Form layout="vertical" size="small">
        <Form.Item label={t(locale, 'pipeStageName')}>
          <LocalizedInput
            ariaLabel={t(locale, 'pipeStageName')}
            value={stage.label}
            locale={locale}
            onChange={(label) => onChange(assign(stage, 'label', label))}
          />
        </Form.Item>
        <Form.Item
          label={t(locale, 'pipeStageId')}
          validateStatus={idValid ? undefined : 'error'}
          help={idValid ? undefined : t(locale, 'idInvalid')}
        >
          <Input
            aria-label={t(locale, 'pipeStageId')}
            value={idText}
            onChange={(e) => setDraftId({ for: stage.id, text: e.target.value })}
            onBlur={() => idValid && idText !== stage.id && props.onRenameId(idText)}
            onPressEnter={() => idValid && idText !== stage.id && props.onRenameId(idText)}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={props.initial}
            disabled={props.initial}
            onChange={() => props.onMakeInitial()}
          >
            {t(locale, 'pipeInitial')}
          </Checkbox>
          <Checkbox
            checked={stage.final ?? false}
            onChange={(e) => onChange(assign(stage, 'final', e.target.checked || undefined))}
          >
            {t(locale, 'pipeFinal')}
          </Checkbox>
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item label={t(locale, 'pipeOutcome')} style={{ flex: 1 }}>
            <Select
              aria-label={t(locale, 'pipeOutcome')}
              value={stage.outcome ?? 'open'}
              options={(['open', 'won', 'lost'] as const).map((o) => ({
                value: o,
                label: t(locale, `outcome.${o}`),
              }))}
              onChange={(outcome: 'open' | 'won' | 'lost') =>
                onChange(assign(stage, 'outcome', outcome === 'open' ? undefined : outcome))
              }
            />
          </Form.Item>
          <Form.Item label={t(locale, 'pipeColor')} style={{ flex: 1 }}>
            <Select
              aria-label={t(locale, 'pipeColor')}
              allowClear
              value={stage.color}
              options={COLORS.map((c) => ({ value: c, label: t(locale, `color.${c}`) }))}
              onChange={(color?: Stage['color']) => onChange(assign(stage, 'color', color))}
            />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item label={t(locale, 'pipeProbability')}>
            <InputNumber
              aria-label={t(locale, 'pipeProbability')}
              min={0}
              max={1}
              step={0.1}
              value={stage.probability}
              onChange={(p) => onChange(assign(stage, 'probability', p ?? undefined))}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'pipeTargetDuration')}>
            <DurationInput
              ariaLabel={t(locale, 'pipeTargetDuration')}
              value={stage.targetDuration}
              locale={locale}
              onChange={(d) => onChange(assign(stage, 'targetDuration', d))}
            />
          </Form.Item>
        </div>
        <Card size="small" type="inner" title={t(locale, 'pipeEntryGate')}>
          <GateFields
            gate={stage.entryGate}
            fields={props.fields}
            locale={locale}
            onChange={(gate) => onChange(assign(stage, 'entryGate', gate))}
          />
        </Card>
      </Form>
    </Card>
  );
}
