import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select } from 'antd';
import type { Approval, ApprovalStep, Party } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import type { ConditionField } from '../condition/operators.js';
import { DurationInput } from '../common/DurationInput.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { PartyListEditor, type PartyChoices } from '../common/PartyListEditor.js';
import { localize, t, type EditorLocale } from '../i18n.js';
import { freshId } from './pipelineEdits.js';

type Steps = Approval['steps'];

/** `object` with `key` set to `value`, or without `key` when `value` is undefined. */
function assign<T extends object, K extends keyof T>(
  object: T,
  key: K,
  value: T[K] | undefined,
): T {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * The approvals of a transition (pipeline.schema.json `approval`): when each applies, where a
 * rejection sends the record, and its steps in order (approvers by role, user or field; mode
 * first / unanimous; kind approve / file; timeout). `onChange(undefined)` when the last one
 * is removed.
 */
export function ApprovalsEditor(props: {
  readonly value: readonly Approval[] | undefined;
  readonly onChange: (next: Approval[] | undefined) => void;
  readonly fields: readonly ConditionField[];
  readonly stages: readonly { value: string; label: string }[];
  readonly parties: PartyChoices;
  readonly locale: EditorLocale;
}): ReactElement {
  const { value = [], onChange, fields, stages, parties, locale } = props;
  const newStep = (taken: readonly ApprovalStep[]): ApprovalStep => ({
    id: freshId(
      'step',
      taken.map((s) => s.id),
    ),
    approvers: [
      parties.roles[0] ? { role: parties.roles[0].value } : { managerOf: 'owner' },
    ] as ApprovalStep['approvers'],
    mode: 'first',
  });
  const replace = (index: number, next: Approval): void =>
    onChange(value.map((a, i) => (i === index ? next : a)));
  return (
    <div>
      {value.map((approval, index) => (
        <Card
          key={index}
          size="small"
          style={{ marginBottom: 8 }}
          title={localize(approval.label, locale, approval.id)}
          extra={
            <Button
              type="text"
              danger
              aria-label={t(locale, 'delete')}
              icon={<DeleteOutlined />}
              onClick={() => {
                const rest = value.filter((_, i) => i !== index);
                onChange(rest.length === 0 ? undefined : rest);
              }}
            />
          }
        >
          <Form.Item label={t(locale, 'label')}>
            <LocalizedInput
              ariaLabel={t(locale, 'label')}
              value={approval.label}
              locale={locale}
              onChange={(label) => replace(index, assign(approval, 'label', label))}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'gateApprovalId')} extra={t(locale, 'gateIdHelp')}>
            <Input
              aria-label={t(locale, 'gateApprovalId')}
              value={approval.id}
              onChange={(e) => replace(index, { ...approval, id: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'gateApprovalWhen')}>
            <ConditionBuilder
              value={approval.when}
              fields={fields}
              locale={locale}
              ariaLabel={t(locale, 'gateApprovalWhen')}
              onChange={(when) => replace(index, assign(approval, 'when', when))}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'gateRejectTo')}>
            <Select
              aria-label={t(locale, 'gateRejectTo')}
              allowClear
              placeholder={t(locale, 'gateStay')}
              value={approval.rejectTo}
              options={[...stages]}
              onChange={(rejectTo?: string) =>
                replace(index, assign(approval, 'rejectTo', rejectTo ?? undefined))
              }
            />
          </Form.Item>
          <Form.Item label={t(locale, 'gateSteps')}>
            {approval.steps.map((step, stepIndex) => (
              <StepEditor
                key={stepIndex}
                step={step}
                parties={parties}
                locale={locale}
                onChange={(next) =>
                  replace(index, {
                    ...approval,
                    steps: approval.steps.map((s, i) => (i === stepIndex ? next : s)) as Steps,
                  })
                }
                onDelete={
                  approval.steps.length > 1
                    ? () =>
                        replace(index, {
                          ...approval,
                          steps: approval.steps.filter((_, i) => i !== stepIndex) as Steps,
                        })
                    : undefined
                }
              />
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                replace(index, {
                  ...approval,
                  steps: [...approval.steps, newStep(approval.steps)] as Steps,
                })
              }
            >
              {t(locale, 'gateAddStep')}
            </Button>
          </Form.Item>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          onChange([
            ...value,
            {
              id: freshId(
                'approval',
                value.map((a) => a.id),
              ),
              label: t(locale, 'gateNewApproval'),
              steps: [newStep([])],
            },
          ])
        }
      >
        {t(locale, 'gateAddApproval')}
      </Button>
    </div>
  );
}

function StepEditor(props: {
  readonly step: ApprovalStep;
  readonly onChange: (next: ApprovalStep) => void;
  readonly onDelete: (() => void) | undefined;
  readonly parties: PartyChoices;
  readonly locale: EditorLocale;
}): ReactElement {
  const { step, onChange, parties, locale } = props;
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginBottom: 8 }}
      title={localize(step.label, locale, step.id)}
      extra={
        props.onDelete && (
          <Button
            type="text"
            danger
            aria-label={t(locale, 'delete')}
            icon={<DeleteOutlined />}
            onClick={props.onDelete}
          />
        )
      }
    >
      <Form.Item label={t(locale, 'label')}>
        <LocalizedInput
          ariaLabel={t(locale, 'label')}
          value={step.label}
          locale={locale}
          onChange={(label) => onChange(assign(step, 'label', label))}
        />
      </Form.Item>
      <Form.Item label={t(locale, 'gateStepId')} extra={t(locale, 'gateIdHelp')}>
        <Input
          aria-label={t(locale, 'gateStepId')}
          value={step.id}
          onChange={(e) => onChange({ ...step, id: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t(locale, 'gateApprovers')}>
        <PartyListEditor
          ariaLabel={t(locale, 'gateApprovers')}
          value={step.approvers}
          choices={parties}
          locale={locale}
          onChange={(approvers?: Party[]) =>
            approvers && onChange({ ...step, approvers: approvers as ApprovalStep['approvers'] })
          }
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Form.Item label={t(locale, 'gateStepKind')}>
          <Select
            aria-label={t(locale, 'gateStepKind')}
            style={{ width: 170 }}
            value={step.kind ?? 'approve'}
            options={(['approve', 'file'] as const).map((k) => ({
              value: k,
              label: t(locale, `stepKind.${k}`),
            }))}
            onChange={(kind: 'approve' | 'file') => onChange({ ...step, kind })}
          />
        </Form.Item>
        <Form.Item label={t(locale, 'gateMode')}>
          <Select
            aria-label={t(locale, 'gateMode')}
            style={{ width: 150 }}
            value={step.mode ?? 'first'}
            options={(['first', 'unanimous'] as const).map((m) => ({
              value: m,
              label: t(locale, `mode.${m}`),
            }))}
            onChange={(mode: 'first' | 'unanimous') => onChange({ ...step, mode })}
          />
        </Form.Item>
        <Form.Item label={t(locale, 'gateTimeout')}>
          <DurationInput
            ariaLabel={t(locale, 'gateTimeout')}
            value={step.timeout}
            locale={locale}
            onChange={(timeout) => onChange(assign(step, 'timeout', timeout))}
          />
        </Form.Item>
      </div>
    </Card>
  );
}
