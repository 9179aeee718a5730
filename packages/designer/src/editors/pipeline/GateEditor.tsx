import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, Select, Typography } from 'antd';
import type { Diagnostic } from '@ruleloom/engine';
import type { Approval, Transition } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import type { ConditionField } from '../condition/operators.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import type { PartyChoices } from '../common/PartyListEditor.js';
import { t, type EditorLocale } from '../i18n.js';
import { ApprovalsEditor } from './ApprovalsEditor.js';
import { GateFields } from './GateFields.js';
import { transitionSources } from './pipelineEdits.js';

/** Width of the gate drawer, in pixels (the canvas keeps the rest of the window in view). */
export const GATE_DRAWER_WIDTH = 600;

/** Props of {@link GateEditor}. */
export interface GateEditorProps {
  /** The transition being edited; the drawer is closed when undefined. */
  readonly transition: Transition | undefined;
  readonly onChange: (next: Transition) => void;
  readonly onDelete: () => void;
  readonly onClose: () => void;
  /** The pipeline's stages as options (id → label). */
  readonly stages: readonly { value: string; label: string }[];
  /** The entity's fields, for the pickers and the condition builders. */
  readonly fields: readonly ConditionField[];
  readonly parties: PartyChoices;
  /** Diagnostics on this transition (pointers inside it). */
  readonly diagnostics: readonly Diagnostic[];
  readonly locale: EditorLocale;
  /** Shown when the entity's definition is missing. */
  readonly warning?: string;
}

function assign<K extends keyof Transition>(
  transition: Transition,
  key: K,
  value: Transition[K] | undefined,
): Transition {
  const next = { ...transition };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * A side drawer that edits one transition: its button text, from / to, the roles allowed to
 * make the move, its gate (required fields, required attachments, checks with messages) and
 * its approval steps, following pipeline.schema.json.
 *
 * @example
 * <GateEditor transition={pipeline.transitions[1]} onChange={…} … />
 */
export function GateEditor(props: GateEditorProps): ReactElement {
  const { transition, onChange, stages, fields, parties, locale } = props;
  const stageLabel = (id: string): string => stages.find((s) => s.value === id)?.label ?? id;
  const sources = transition ? transitionSources(transition) : [];
  const title = transition
    ? t(locale, 'gateTitle', {
        from: sources.length ? sources.map(stageLabel).join(', ') : t(locale, 'pipeAnyStage'),
        to: stageLabel(transition.to),
      })
    : '';
  return (
    <Drawer
      open={transition !== undefined}
      title={title}
      size={GATE_DRAWER_WIDTH}
      // No mask: the pipeline stays in view beside the drawer, and a click on another
      // transition opens that one.
      mask={false}
      onClose={props.onClose}
      extra={
        <Button danger icon={<DeleteOutlined />} onClick={props.onDelete}>
          {t(locale, 'pipeDeleteTransition')}
        </Button>
      }
    >
      {transition && (
        <Form layout="vertical" aria-label={title}>
          {props.warning && <Alert type="warning" showIcon title={props.warning} />}
          {props.diagnostics.map((d, i) => (
            <Alert
              key={i}
              style={{ marginBottom: 8 }}
              type={d.severity === 'error' ? 'error' : 'warning'}
              showIcon
              title={`${d.code} ${d.message[locale]}`}
            />
          ))}
          <Form.Item label={t(locale, 'gateTransitionLabel')}>
            <LocalizedInput
              ariaLabel={t(locale, 'gateTransitionLabel')}
              value={transition.label}
              locale={locale}
              onChange={(label) => onChange(assign(transition, 'label', label))}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
            {t(locale, 'gateIntro')} {t(locale, 'gateScopeNote', { to: stageLabel(transition.to) })}
          </Typography.Paragraph>
          <Form.Item label={t(locale, 'id')} extra={t(locale, 'gateIdHelp')}>
            <Input
              aria-label={t(locale, 'id')}
              value={transition.id ?? ''}
              onChange={(e) =>
                onChange(
                  assign(transition, 'id', e.target.value === '' ? undefined : e.target.value),
                )
              }
            />
          </Form.Item>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item label={t(locale, 'pipeTransitionFrom')} style={{ flex: 1 }}>
              <Select
                aria-label={t(locale, 'pipeTransitionFrom')}
                mode="multiple"
                placeholder={t(locale, 'pipeAnyStage')}
                value={sources}
                options={[...stages]}
                onChange={(from: string[]) =>
                  onChange(
                    assign(
                      transition,
                      'from',
                      from.length === 0
                        ? undefined
                        : from.length === 1
                          ? from[0]
                          : (from as [string, ...string[]]),
                    ),
                  )
                }
              />
            </Form.Item>
            <Form.Item label={t(locale, 'pipeTransitionTo')} style={{ flex: 1 }}>
              <Select
                aria-label={t(locale, 'pipeTransitionTo')}
                value={transition.to}
                options={[...stages]}
                onChange={(to: string) => onChange({ ...transition, to })}
              />
            </Form.Item>
          </div>
          <Form.Item label={t(locale, 'gateAllowedRoles')}>
            <Select
              aria-label={t(locale, 'gateAllowedRoles')}
              mode="tags"
              placeholder={t(locale, 'gateAnyone')}
              value={transition.allowedRoles ?? []}
              options={[...parties.roles]}
              onChange={(roles: string[]) =>
                onChange(
                  assign(
                    transition,
                    'allowedRoles',
                    roles.length === 0 ? undefined : (roles as [string, ...string[]]),
                  ),
                )
              }
            />
          </Form.Item>
          <GateFields
            gate={transition.gate}
            fields={fields}
            locale={locale}
            onChange={(gate) => onChange(assign(transition, 'gate', gate))}
          />
          <Form.Item label={t(locale, 'gateApprovals')}>
            <ApprovalsEditor
              value={transition.approvals}
              fields={fields}
              stages={stages}
              parties={parties}
              locale={locale}
              onChange={(approvals?: Approval[]) =>
                onChange(assign(transition, 'approvals', approvals))
              }
            />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
