/**
 * A live preview of a form: the admin fills it in as a rep would, and the engine's
 * `validateForm` (the same check the CLI and the runtime use) says which fields are shown,
 * which are required, and what is wrong — as they type.
 */
import type { FormResult } from '@ruleloom/engine';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useCompiledApp } from '../compile/useCompiledApp.js';
import { useI18n } from '../i18n/I18n.js';
import { fieldIdOf, formGroups, type EntityDef, type FieldDef, type FormDef } from './formModel.js';
import type { OptionDef } from './OptionsEditor.js';

/** Props of {@link FormPreview}. */
export interface FormPreviewProps {
  readonly form: FormDef;
  readonly entity: EntityDef;
}

type Values = Record<string, unknown>;

function choices(field: FieldDef, text: (value: unknown, fallback?: string) => string) {
  return ((field['options'] as OptionDef[] | undefined) ?? []).map((option) => ({
    value: option.id,
    label: text(option.label, option.id),
  }));
}

function FieldInput(props: {
  readonly field: FieldDef;
  readonly widget: unknown;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
}): ReactNode {
  const { text } = useI18n();
  const { field, value, onChange } = props;
  const display = props.widget ?? field['display'];
  switch (field.type) {
    case 'number':
    case 'percent':
    case 'money':
      return (
        <InputNumber
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange(next ?? undefined)}
        />
      );
    case 'boolean':
      return <Switch checked={value === true} onChange={(checked) => onChange(checked)} />;
    case 'enum':
      return display === 'radio' || display === 'chips' ? (
        <Radio.Group
          options={choices(field, text)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <Select
          allowClear
          options={choices(field, text)}
          value={value as string | undefined}
          onChange={(next?: string) => onChange(next)}
        />
      );
    case 'multi-enum':
      return display === 'dropdown' ? (
        <Select
          mode="multiple"
          options={choices(field, text)}
          value={(value as string[] | undefined) ?? []}
          onChange={(next: string[]) => onChange(next.length > 0 ? next : undefined)}
        />
      ) : (
        <Checkbox.Group
          options={choices(field, text)}
          value={(value as string[] | undefined) ?? []}
          onChange={(next) => onChange(next.length > 0 ? next : undefined)}
        />
      );
    case 'tags':
      return (
        <Select
          mode="tags"
          value={(value as string[] | undefined) ?? []}
          onChange={(next: string[]) => onChange(next.length > 0 ? next : undefined)}
        />
      );
    case 'date':
      return (
        <Input
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        />
      );
    case 'attachment':
    case 'photo':
    case 'geo':
      return <Input disabled placeholder="—" />;
    default:
      return field['multiline'] === true || display === 'textarea' ? (
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        />
      ) : (
        <Input
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        />
      );
  }
}

/**
 * The preview.
 *
 * @example
 * <FormPreview form={form} entity={entity} />
 */
export function FormPreview(props: FormPreviewProps): ReactNode {
  const { t, text, locale } = useI18n();
  const { result } = useCompiledApp();
  const [values, setValues] = useState<Values>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const app = result?.ok ? result.app : undefined;
  const formResult = useMemo<FormResult | undefined>(() => {
    if (!app || !app.forms.has(props.form.id)) return undefined;
    try {
      return app.validateForm(props.form.id, values, { now: Date.now(), locale });
    } catch {
      return undefined;
    }
  }, [app, props.form.id, values, locale]);
  const fieldsById = new Map(props.entity.fields.map((field) => [field.id, field]));
  const entries = new Map(
    [...(props.form.sections?.flatMap((s) => s.fields) ?? props.form.fields ?? [])].map((entry) => [
      fieldIdOf(entry),
      entry,
    ]),
  );
  const errorsOf = (id: string): string[] =>
    (formResult?.errors ?? [])
      .filter((error) => error.field === id && (submitted || touched.has(id)))
      .map((error) => error.message[locale]);

  return (
    <div className="form-preview" data-testid="form-preview">
      <Typography.Paragraph type="secondary">{t('previewHint')}</Typography.Paragraph>
      {!app && <Alert type="warning" showIcon title={t('previewBlocked')} />}
      <Form layout="vertical" size="small">
        {formGroups(props.form).map((group, index) => (
          <div key={group.sectionId ?? 'fields'} className="preview-group">
            {group.sectionId !== undefined && (
              <Typography.Text strong>
                {text(group.label) || t('untitledSection', { n: index + 1 })}
              </Typography.Text>
            )}
            {group.fields.map((id) => {
              const field = fieldsById.get(id);
              if (!field) return null;
              if (formResult && !formResult.visible.includes(id)) return null;
              const entry = entries.get(id);
              const options: Record<string, unknown> = typeof entry === 'object' ? entry : {};
              const errors = errorsOf(id);
              return (
                <Form.Item
                  key={id}
                  label={text(options['label'] ?? field['label'], id)}
                  required={formResult?.required.includes(id) ?? field['required'] === true}
                  validateStatus={errors.length > 0 ? 'error' : undefined}
                  help={
                    errors.length > 0 ? errors.join('；') : text(options['help'] ?? field['help'])
                  }
                  data-preview-field={id}
                >
                  <FieldInput
                    field={field}
                    widget={options['widget']}
                    value={values[id]}
                    onChange={(value) => {
                      setValues((current) => {
                        const next = { ...current };
                        if (value === undefined) delete next[id];
                        else next[id] = value;
                        return next;
                      });
                      setTouched((current) => new Set([...current, id]));
                    }}
                  />
                </Form.Item>
              );
            })}
          </div>
        ))}
        <Button type="primary" data-testid="preview-submit" onClick={() => setSubmitted(true)}>
          {text((props.form as { submitLabel?: unknown }).submitLabel, t('submitDefault'))}
        </Button>
        {submitted && formResult?.valid === true && (
          <Typography.Text type="success" className="preview-valid">
            {' '}
            {t('previewValid')}
          </Typography.Text>
        )}
      </Form>
    </div>
  );
}
