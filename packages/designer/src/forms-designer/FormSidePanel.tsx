/**
 * The "属性" tab of the form designer's side panel: the selected field's properties, the
 * selected group's settings, or — with nothing selected — the form's settings; each with
 * the problems that belong there.
 */
import type { Diagnostic } from '@ruleloom/engine';
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import {
  fieldDiagnostics,
  groupDiagnostics,
  ProblemList,
  type DesignerFiles,
} from './canvasProblems.js';
import { deleteGroupConfirm } from './FormCanvas.js';
import { formGroups } from './formModel.js';
import { FormSettings } from './FormSettings.js';
import { conditionFields, PropertyPanel } from './PropertyPanel.js';
import { SectionPanel } from './SectionPanel.js';

/** What the canvas has selected: a field, a group (by section id), or nothing (the form). */
export type Selection =
  | {
      readonly kind: 'field';
      readonly id: string;
      /** Stays when the field's id follows its label, so the panel keeps the input's focus. */
      readonly panel?: string;
      /** Set when a problem was clicked: the request it answers, and the option it names. */
      readonly at?: number;
      readonly option?: number;
      readonly optionPart?: string;
    }
  | { readonly kind: 'group'; readonly id: string }
  | undefined;

/** Props of {@link FormSidePanel}. */
export interface FormSidePanelProps {
  readonly files: DesignerFiles;
  readonly diagnostics: readonly Diagnostic[];
  readonly selection: Selection;
  readonly groupTitle: (index: number) => string;
  /** Problems of the form's settings (title, submit text, mode). */
  readonly formProblems: readonly Diagnostic[];
  /** True for a field added in this session (its id follows its labels). */
  readonly isNew: (fieldId: string) => boolean;
  readonly onRenamed: (from: string, to: string) => void;
  readonly onMoveGroup: (from: number, to: number) => void;
  readonly onDeleteGroup: (index: number) => void;
}

/**
 * The side panel's properties tab.
 *
 * @example
 * <FormSidePanel files={files} diagnostics={diagnostics} selection={{ kind: 'field', id: 'source' }} … />
 */
export function FormSidePanel(props: FormSidePanelProps): ReactNode {
  const { t, text } = useI18n();
  const { files, selection } = props;
  const { form, entity } = files;
  const groups = formGroups(form);

  const onForm = (id: string): boolean => groups.some((group) => group.fields.includes(id));
  // A field gone from both (an undone drop) leaves nothing to show but the form's settings.
  if (
    selection?.kind === 'field' &&
    (onForm(selection.id) || entity.fields.some((f) => f.id === selection.id))
  ) {
    const field = entity.fields.find((f) => f.id === selection.id);
    const problems = fieldDiagnostics(props.diagnostics, files, selection.id);
    if (!field) {
      return (
        <>
          <Alert
            type="error"
            showIcon
            title={t('fieldNotInEntity', {
              entity: text(entity['label'], entity.id),
              id: selection.id,
            })}
          />
          <ProblemList diagnostics={problems} />
        </>
      );
    }
    const entry = [...(form.sections?.flatMap((s) => s.fields ?? []) ?? form.fields ?? [])].find(
      (ref) => (typeof ref === 'string' ? ref : ref.field) === field.id,
    );
    return (
      <>
        <Typography.Text type="secondary">{text(field['label'], field.id)}</Typography.Text>
        <ProblemList diagnostics={problems} />
        <PropertyPanel
          key={selection.panel ?? field.id}
          entityPath={files.entityPath}
          field={field}
          formPath={files.formPath}
          formEntry={entry}
          isNew={props.isNew(field.id)}
          {...(selection.at !== undefined && selection.option !== undefined
            ? {
                focusOption: {
                  index: selection.option,
                  part: selection.optionPart,
                  request: selection.at,
                },
              }
            : {})}
          onRenamed={(id) => props.onRenamed(field.id, id)}
        />
      </>
    );
  }

  const groupIndex =
    selection?.kind === 'group' ? groups.findIndex((g) => g.sectionId === selection.id) : -1;
  const section = groupIndex >= 0 ? form.sections?.[groupIndex] : undefined;
  if (section) {
    const titles = groups.map((_, index) => props.groupTitle(index));
    return (
      <SectionPanel
        key={section.id}
        formPath={files.formPath}
        index={groupIndex}
        count={groups.length}
        section={section}
        title={titles[groupIndex]!}
        deleteConfirm={deleteGroupConfirm(groups, groupIndex, titles, t)}
        problems={groupDiagnostics(props.diagnostics, files.formPath, groupIndex)}
        fields={conditionFields(entity, text)}
        onMove={(to) => props.onMoveGroup(groupIndex, to)}
        onDelete={() => props.onDeleteGroup(groupIndex)}
      />
    );
  }
  return <FormSettings formPath={files.formPath} form={form} problems={props.formProblems} />;
}
