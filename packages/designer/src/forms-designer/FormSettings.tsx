/**
 * The side panel when nothing on the canvas is selected: the form's own settings — its
 * title, the submit button's text, what the form is used for, quick entry.
 */
import type { Diagnostic } from '@ruleloom/engine';
import { Form, Select, Switch, Typography } from 'antd';
import type { Draft } from 'immer';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { BilingualFields } from './BilingualFields.js';
import { ProblemList } from './canvasProblems.js';
import type { FormDef } from './formModel.js';
import { updateFormRecipe } from './sections.js';

const MODES = ['create', 'edit', 'view'] as const;

/**
 * The form settings panel.
 *
 * @example
 * <FormSettings formPath="forms/lead-create.json" form={form} problems={[]} />
 */
export function FormSettings(props: {
  readonly formPath: string;
  readonly form: FormDef;
  readonly problems: readonly Diagnostic[];
}): ReactNode {
  const { t } = useI18n();
  const store = useDesignerStore();
  const { form } = props;
  const set =
    (property: string) =>
    (next: unknown, locale?: string): void =>
      store.edit(
        updateFormRecipe(props.formPath, (f: Draft<FormDef>) => {
          if (next === undefined) delete f[property];
          else f[property] = next;
        }),
        { coalesceKey: locale ? `${props.formPath}#${property}.${locale}` : undefined },
      );
  return (
    <Form layout="vertical" size="small" className="form-settings" data-testid="form-settings">
      <Typography.Text strong>{t('formSettings')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="form-settings-hint">
        {t('formSettingsHint')}
      </Typography.Paragraph>
      <ProblemList diagnostics={props.problems} />
      <BilingualFields
        value={form['label']}
        labels={[t('formTitleZh'), t('formTitleEn')]}
        testId="form-title"
        onChange={set('label')}
      />
      <BilingualFields
        value={form['submitLabel']}
        labels={[t('submitLabelZh'), t('submitLabelEn')]}
        testId="form-submit"
        onChange={set('submitLabel')}
      />
      <Form.Item label={t('formMode')}>
        <Select
          data-testid="form-mode"
          value={typeof form['mode'] === 'string' ? form['mode'] : 'edit'}
          options={MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
          onChange={(mode: string) => set('mode')(mode)}
        />
      </Form.Item>
      <Form.Item label={t('formShortcut')}>
        <Switch
          checked={form['shortcut'] === true}
          onChange={(checked) => set('shortcut')(checked ? true : undefined)}
        />
      </Form.Item>
    </Form>
  );
}
