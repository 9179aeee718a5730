/**
 * The property panel of one field: labels (zh-CN / en), id (made from the English label
 * while it has not been set by hand), type, options, required, default, help, and — on a
 * form — the "show when" / "required when" conditions.
 */
import { Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { Draft } from 'immer';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppFiles } from '../app/fileOps.js';
import { translate, useI18n } from '../i18n/I18n.js';
import type { StringKey } from '../i18n/strings.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { bilingualOf, localizedOf } from './bilingual.js';
import { ConditionField, type ConditionFieldOption } from './ConditionField.js';
import {
  idFollowsLabels,
  idFromLabels,
  renameFieldRecipe,
  uniqueId,
  updateEntityFieldRecipe,
  updateFormFieldRecipe,
  type EntityDef,
  type FieldDef,
  type FormFieldRef,
} from './formModel.js';
import { OptionsEditor, type OptionDef, type OptionFocus } from './OptionsEditor.js';
import { paletteItem, paletteKeyOf } from './palette.js';

const TYPES = [
  'text',
  'number',
  'money',
  'percent',
  'date',
  'datetime',
  'enum',
  'multi-enum',
  'boolean',
  'user',
  'ref',
  'attachment',
  'photo',
  'geo',
  'tags',
] as const;

const TYPE_LABEL: Readonly<Record<(typeof TYPES)[number], StringKey>> = {
  text: 'type.text',
  number: 'type.number',
  money: 'type.money',
  percent: 'type.percent',
  date: 'type.date',
  datetime: 'type.datetime',
  enum: 'type.enum',
  'multi-enum': 'type.multi-enum',
  boolean: 'type.boolean',
  user: 'type.user',
  ref: 'type.ref',
  attachment: 'type.attachment',
  photo: 'type.photo',
  geo: 'type.geo',
  tags: 'type.tags',
};

/** Props of {@link PropertyPanel}. */
export interface PropertyPanelProps {
  readonly entityPath: string;
  readonly field: FieldDef;
  /** The form the field is on (absent when editing the entity itself). */
  readonly formPath?: string;
  readonly formEntry?: FormFieldRef;
  /** A field added in this session: its id still follows its English label. */
  readonly isNew: boolean;
  /** Called with the new id when the field's id changes. */
  readonly onRenamed: (id: string) => void;
  /** An option to show (a problem about it was clicked). */
  readonly focusOption?: OptionFocus;
}

/**
 * True when `en` is still the English name the palette gave a new field ("Dropdown",
 * "Dropdown 2"): a placeholder, not a label the admin wrote.
 *
 * @example
 * isPaletteEnglish({ id: 'dropdown2', type: 'enum', display: 'dropdown' }, 'Dropdown 2'); // true
 */
export function isPaletteEnglish(field: FieldDef, en: string): boolean {
  const item = paletteItem(paletteKeyOf(field));
  if (!item) return false;
  const base = translate('en', item.label);
  return en === base || (en.startsWith(`${base} `) && /^\d+$/.test(en.slice(base.length + 1)));
}

/**
 * The fields an expression on this entity may use, for the condition builder.
 *
 * @example
 * conditionFields(entity, 'zh-CN');
 */
export function conditionFields(
  entity: EntityDef,
  text: (value: unknown, fallback?: string) => string,
): ConditionFieldOption[] {
  return entity.fields.map((field) => ({
    id: field.id,
    label: text(field['label'], field.id),
    type: field.type,
    ...(Array.isArray(field['options'])
      ? {
          options: (field['options'] as OptionDef[]).map((option) => ({
            value: option.id,
            label: text(option.label, option.id),
          })),
        }
      : {}),
  }));
}

/**
 * The property panel.
 *
 * @example
 * <PropertyPanel entityPath="entities/lead.json" field={field} formPath="forms/lead-create.json" onRenamed={setSelected} />
 */
export function PropertyPanel(props: PropertyPanelProps): ReactNode {
  const { t, text } = useI18n();
  const store = useDesignerStore();
  const { field, entityPath } = props;
  const entity = store.files[entityPath] as EntityDef;
  const label = bilingualOf(field['label']);
  const [idDraft, setIdDraft] = useState(field.id);
  useEffect(() => setIdDraft(field.id), [field.id]);

  const key = (property: string): string => `${entityPath}#${field.id}.${property}`;
  const editField = (change: (draft: Draft<FieldDef>) => void, property?: string): void =>
    store.edit(updateEntityFieldRecipe(entityPath, field.id, change), {
      coalesceKey: property ? key(property) : undefined,
    });
  const editEntry = (change: (entry: Record<string, unknown>) => void): void => {
    if (props.formPath) store.edit(updateFormFieldRecipe(props.formPath, field.id, change));
  };
  const otherIds = entity.fields.filter((f) => f.id !== field.id).map((f) => f.id);

  const setLabel = (locale: 'zh-CN' | 'en', value: string): void => {
    const next = { ...label, [locale]: value };
    // The palette's English name is a placeholder: once the admin names the field in
    // Chinese, the English UI shows that name rather than "Dropdown".
    if (props.isNew && locale === 'zh-CN' && isPaletteEnglish(field, label.en)) next.en = '';
    // A new field's id follows its labels (English first) until the admin sets it by hand.
    const follows = props.isNew && idFollowsLabels(field.id, label);
    const named = next.en.trim() !== '' || next['zh-CN'].trim() !== '';
    const newId = follows && named ? uniqueId(idFromLabels(next), otherIds) : field.id;
    store.edit(
      (draft: Draft<AppFiles>) => {
        updateEntityFieldRecipe(entityPath, field.id, (f) => {
          const text = localizedOf(next['zh-CN'], next.en);
          if (text === undefined) delete f['label'];
          else f['label'] = text;
        })(draft);
        if (newId !== field.id) renameFieldRecipe(entityPath, field.id, newId)(draft);
      },
      { coalesceKey: `${entityPath}#label` },
    );
    if (newId !== field.id) props.onRenamed(newId);
  };

  const commitId = (): void => {
    const id = idDraft.trim();
    if (id === field.id) return;
    if (id === '' || otherIds.includes(id) || !/^[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u.test(id)) {
      setIdDraft(field.id);
      return;
    }
    store.edit(renameFieldRecipe(entityPath, field.id, id));
    props.onRenamed(id);
  };

  const entry = typeof props.formEntry === 'object' ? props.formEntry : undefined;
  const help = bilingualOf(field['help']);
  const requiredEverywhere = field['required'] === true;
  const isChoice = field.type === 'enum' || field.type === 'multi-enum';
  const fields = conditionFields(entity, text).filter((f) => f.id !== field.id);

  return (
    <Form layout="vertical" size="small" className="property-panel" data-testid="property-panel">
      <Form.Item label={t('labelZh')}>
        <Input
          data-testid="prop-label-zh"
          value={label['zh-CN']}
          onChange={(event) => setLabel('zh-CN', event.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('labelEn')}>
        <Input
          data-testid="prop-label-en"
          value={label.en}
          onChange={(event) => setLabel('en', event.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('fieldId')} extra={t('fieldIdHelp')}>
        <Input
          data-testid="prop-id"
          value={idDraft}
          onChange={(event) => setIdDraft(event.target.value)}
          onBlur={commitId}
          onPressEnter={commitId}
        />
      </Form.Item>
      <Form.Item label={t('fieldType')}>
        <Select
          data-testid="prop-type"
          value={field.type}
          options={TYPES.map((type) => ({ value: type, label: t(TYPE_LABEL[type]) }))}
          onChange={(type: string) =>
            editField((f) => {
              f.type = type;
              delete f['default'];
              if ((type === 'enum' || type === 'multi-enum') && !Array.isArray(f['options'])) {
                f['options'] = [
                  { id: 'option1', label: { 'zh-CN': '选项1', en: 'Option 1' } },
                  { id: 'option2', label: { 'zh-CN': '选项2', en: 'Option 2' } },
                ];
              }
              if (type !== 'enum' && type !== 'multi-enum') {
                delete f['options'];
                delete f['display'];
              }
              if (type === 'ref' && typeof f['entity'] !== 'string') f['entity'] = entity.id;
            })
          }
        />
      </Form.Item>
      <Form.Item label={t('required')} extra={t('requiredHelp')}>
        <Switch
          data-testid="prop-required"
          checked={field['required'] === true}
          onChange={(checked) =>
            editField((f) => {
              if (checked) f['required'] = true;
              else delete f['required'];
            })
          }
        />
      </Form.Item>
      {isChoice && (
        <>
          <Form.Item label={t('display')}>
            <Select
              value={(field['display'] as string | undefined) ?? 'dropdown'}
              options={(['dropdown', 'radio', 'checkboxes', 'chips'] as const).map((value) => ({
                value,
                label: t(`display.${value}`),
              }))}
              onChange={(value: string) => editField((f) => void (f['display'] = value))}
            />
          </Form.Item>
          <OptionsEditor
            autoIds={props.isNew}
            {...(props.focusOption ? { focus: props.focusOption } : {})}
            options={(field['options'] as OptionDef[] | undefined) ?? []}
            onChange={(change, coalesce) =>
              editField((f) => {
                if (!Array.isArray(f['options'])) f['options'] = [];
                change(f['options'] as OptionDef[]);
              }, coalesce)
            }
          />
        </>
      )}
      <DefaultValueInput
        field={field}
        onChange={(value) =>
          editField((f) => {
            if (value === undefined || value === '' || value === null) delete f['default'];
            else f['default'] = value;
          }, 'default')
        }
      />
      <Form.Item label={t('help')}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          value={help['zh-CN']}
          placeholder={t('inChinese')}
          aria-label={`${t('help')} · ${t('inChinese')}`}
          onChange={(event) =>
            editField((f) => {
              const text = localizedOf(event.target.value, help.en);
              if (text === undefined) delete f['help'];
              else f['help'] = text;
            }, 'help-zh')
          }
        />
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          value={help.en}
          placeholder={t('inEnglish')}
          aria-label={`${t('help')} · ${t('inEnglish')}`}
          onChange={(event) =>
            editField((f) => {
              const text = localizedOf(help['zh-CN'], event.target.value);
              if (text === undefined) delete f['help'];
              else f['help'] = text;
            }, 'help-en')
          }
        />
      </Form.Item>
      {props.formPath && (
        <>
          <Form.Item
            label={t('requiredOnForm')}
            extra={requiredEverywhere ? t('requiredEverywhere') : t('requiredOnFormHelp')}
          >
            <Switch
              data-testid="prop-required-on-form"
              disabled={requiredEverywhere && entry?.['required'] !== true}
              checked={requiredEverywhere || entry?.['required'] === true}
              onChange={(checked) =>
                editEntry((e) => {
                  e['required'] = checked ? true : undefined;
                })
              }
            />
          </Form.Item>
          <ConditionField
            testId="condition-visible"
            label={t('visibleWhen')}
            value={entry?.['visibleWhen']}
            fields={fields}
            onChange={(next) => editEntry((e) => void (e['visibleWhen'] = next))}
          />
          <ConditionField
            testId="condition-required"
            label={t('requiredWhen')}
            value={entry?.['requiredWhen']}
            fields={fields}
            onChange={(next) => editEntry((e) => void (e['requiredWhen'] = next))}
          />
        </>
      )}
      {typeof field['description'] === 'string' && (
        <Typography.Paragraph type="secondary">{field['description']}</Typography.Paragraph>
      )}
    </Form>
  );
}

function DefaultValueInput(props: {
  readonly field: FieldDef;
  readonly onChange: (value: unknown) => void;
}): ReactNode {
  const { t, text } = useI18n();
  const { field } = props;
  const value = field['default'];
  let input: ReactNode;
  switch (field.type) {
    case 'text':
    case 'date':
      input = (
        <Input
          value={typeof value === 'string' ? value : ''}
          placeholder={field.type === 'date' ? 'YYYY-MM-DD' : ''}
          onChange={(event) => props.onChange(event.target.value)}
        />
      );
      break;
    case 'number':
    case 'percent':
      input = (
        <InputNumber
          value={typeof value === 'number' ? value : null}
          onChange={(next) => props.onChange(next ?? undefined)}
        />
      );
      break;
    case 'boolean':
      input = (
        <Select
          allowClear
          value={typeof value === 'boolean' ? String(value) : undefined}
          options={[
            { value: 'true', label: t('yes') },
            { value: 'false', label: t('no') },
          ]}
          onChange={(next?: string) =>
            props.onChange(next === undefined ? undefined : next === 'true')
          }
        />
      );
      break;
    case 'enum':
      input = (
        <Select
          allowClear
          value={typeof value === 'string' ? value : undefined}
          options={((field['options'] as OptionDef[] | undefined) ?? []).map((option) => ({
            value: option.id,
            label: text(option.label, option.id),
          }))}
          onChange={(next?: string) => props.onChange(next)}
        />
      );
      break;
    default:
      return null;
  }
  return <Form.Item label={t('defaultValue')}>{input}</Form.Item>;
}
