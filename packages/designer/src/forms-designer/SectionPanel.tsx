/**
 * The side panel of a selected group (分组): its title and description in both languages,
 * fields per row, a "show the group when" condition, and move / delete — the same edits
 * as the group's header on the canvas.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { Diagnostic } from '@ruleloom/engine';
import { Button, Form, Popconfirm, Segmented, Space, Typography } from 'antd';
import type { Draft } from 'immer';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { BilingualFields } from './BilingualFields.js';
import { ProblemList } from './canvasProblems.js';
import { ConditionField, type ConditionFieldOption } from './ConditionField.js';
import { updateSectionRecipe, type SectionDef } from './sections.js';

/** Props of {@link SectionPanel}. */
export interface SectionPanelProps {
  readonly formPath: string;
  readonly index: number;
  readonly count: number;
  readonly section: SectionDef;
  readonly title: string;
  readonly deleteConfirm: string;
  readonly problems: readonly Diagnostic[];
  /** The entity's fields, for the condition builder. */
  readonly fields: readonly ConditionFieldOption[];
  readonly onMove: (to: number) => void;
  readonly onDelete: () => void;
}

/**
 * The group panel.
 *
 * @example
 * <SectionPanel formPath="forms/lead-create.json" index={1} section={section} … />
 */
export function SectionPanel(props: SectionPanelProps): ReactNode {
  const { t } = useI18n();
  const store = useDesignerStore();
  const { section, index } = props;
  const edit = (change: (s: Draft<SectionDef>) => void, key?: string): void =>
    store.edit(updateSectionRecipe(props.formPath, index, change), {
      coalesceKey: key ? `${props.formPath}#section.${section.id}.${key}` : undefined,
    });
  const set =
    (property: string) =>
    (next: unknown, locale?: string): void =>
      edit(
        (s) => {
          if (next === undefined) delete s[property];
          else s[property] = next;
        },
        locale ? `${property}.${locale}` : undefined,
      );
  return (
    <Form layout="vertical" size="small" className="section-panel" data-testid="section-panel">
      <Typography.Text strong>{t('sectionSettings')}</Typography.Text>
      <ProblemList
        diagnostics={props.problems}
        explain={(d) =>
          // "At least 1 item" in the engine's words is an empty group in the admin's.
          d.pointer === `/sections/${index}/fields` && d.code === 'RL1021'
            ? t('emptySectionProblem')
            : undefined
        }
      />
      <BilingualFields
        value={section.label}
        labels={[t('sectionLabelZh'), t('sectionLabelEn')]}
        testId="section-label"
        onChange={set('label')}
      />
      <BilingualFields
        value={section['description']}
        labels={[`${t('sectionDescription')} · ${t('inChinese')}`, t('inEnglish')]}
        testId="section-description"
        multiline
        onChange={set('description')}
      />
      <Form.Item label={t('sectionColumns')}>
        <Segmented
          value={typeof section['columns'] === 'number' ? section['columns'] : 1}
          options={[1, 2, 3, 4]}
          onChange={(columns) => set('columns')(columns === 1 ? undefined : columns)}
        />
      </Form.Item>
      <ConditionField
        testId="section-visible"
        label={t('sectionVisibleWhen')}
        value={section['visibleWhen']}
        fields={props.fields}
        onChange={set('visibleWhen')}
      />
      <Space wrap className="section-panel-actions">
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          onClick={() => props.onMove(index - 1)}
        >
          {t('moveSectionUp')}
        </Button>
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={index === props.count - 1}
          onClick={() => props.onMove(index + 1)}
        >
          {t('moveSectionDown')}
        </Button>
        <Popconfirm
          title={props.deleteConfirm}
          okText={t('deleteSection')}
          okButtonProps={{ danger: true }}
          cancelText={t('cancel')}
          onConfirm={props.onDelete}
        >
          <Button size="small" danger icon={<DeleteOutlined />}>
            {t('deleteSection')}
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}
