/**
 * The form canvas: the form's groups (sections) and their fields, in order. Fields are
 * sortable (drag to reorder, also across groups); groups are sortable by their handle;
 * each group is a drop target for palette entries; a click selects a field or a group for
 * the side panel. Fields and groups with problems are marked red.
 */
import {
  CloseOutlined,
  ExclamationCircleFilled,
  EyeOutlined,
  PlusOutlined,
  StarFilled,
} from '@ant-design/icons';
import type { Diagnostic } from '@ruleloom/engine';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { CanvasGroup } from './CanvasGroup.js';
import { fieldIcon } from './fieldIcons.js';
import type { FieldDef, FormFieldRef, FormGroup } from './formModel.js';
import { paletteKeyOf, PALETTE } from './palette.js';
import { heirOfSection } from './sections.js';

/** What the canvas shows about one field on the form. */
export interface CanvasField {
  readonly id: string;
  readonly def: FieldDef | undefined;
  readonly entry: FormFieldRef | undefined;
}

/** Props of {@link FormCanvas}. */
export interface FormCanvasProps {
  readonly groups: readonly FormGroup[];
  readonly fieldOf: (id: string) => CanvasField;
  /** The selected field's id. */
  readonly selected: string | undefined;
  /** The selected group's section id. */
  readonly selectedGroup: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly onSelectGroup: (sectionId: string) => void;
  readonly onRemove: (id: string) => void;
  readonly onAddSection: () => void;
  /** Renames a group in the UI language. */
  readonly onRenameGroup: (index: number, title: string) => void;
  readonly onMoveGroup: (from: number, to: number) => void;
  readonly onDeleteGroup: (index: number) => void;
  /** The problems of a field (entity and form entry). */
  readonly fieldProblems: (id: string) => readonly Diagnostic[];
  /** The problems of a group itself. */
  readonly groupProblems: (index: number) => readonly Diagnostic[];
  readonly title: string;
}

/**
 * A group's title as the canvas shows it: its label in the UI language, or "未命名分组 n".
 *
 * @example
 * groupTitle(group, 1, text, t); // '线索分类'
 */
export function groupTitle(
  group: FormGroup,
  index: number,
  text: (value: unknown, fallback?: string) => string,
  t: ReturnType<typeof useI18n>['t'],
): string {
  return text(group.label) || t('untitledSection', { n: index + 1 });
}

function FieldCard(props: {
  readonly field: CanvasField;
  readonly selected: boolean;
  readonly problems: readonly Diagnostic[];
  readonly onSelect: () => void;
  readonly onRemove: () => void;
}): ReactNode {
  const { t, text, locale } = useI18n();
  const { id, def, entry } = props.field;
  const problem = props.problems.some((d) => d.severity !== 'info');
  const sortable = useSortable({ id: `field:${id}` });
  const key = def ? paletteKeyOf(def) : 'text';
  const paletteLabel = PALETTE.find((item) => item.key === key)?.label;
  const formEntry = typeof entry === 'object' ? entry : undefined;
  const required = def?.['required'] === true || formEntry?.['required'] === true;
  const conditional =
    formEntry?.['visibleWhen'] !== undefined || formEntry?.['requiredWhen'] !== undefined;
  return (
    <div
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
        opacity: sortable.isDragging ? 0.4 : 1,
      }}
      className={`field-card${props.selected ? ' selected' : ''}${def ? '' : ' missing'}${problem ? ' has-problem' : ''}`}
      data-field={id}
      onClick={props.onSelect}
      {...sortable.attributes}
      {...sortable.listeners}
    >
      <span className="field-card-icon">{fieldIcon(key)}</span>
      <span className="field-card-label">
        {required && <StarFilled className="required-mark" />}
        {text(formEntry?.['label'] ?? def?.['label'], id)}
      </span>
      <Typography.Text type="secondary" className="field-card-id">
        {id}
      </Typography.Text>
      {problem && (
        <Tooltip title={props.problems.map((d) => d.message[locale]).join('；')}>
          <ExclamationCircleFilled className="field-card-problem" aria-label={t('problemsHere')} />
        </Tooltip>
      )}
      {conditional && (
        <Tooltip title={t('visibleWhen')}>
          <EyeOutlined />
        </Tooltip>
      )}
      {paletteLabel && <Tag>{t(paletteLabel)}</Tag>}
      <Tooltip title={t('removeFromForm')}>
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('removeFromForm')}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={(event) => {
            event.stopPropagation();
            props.onRemove();
          }}
        />
      </Tooltip>
    </div>
  );
}

/**
 * What deleting a group does, in words: where its fields go (see `heirOfSection`).
 *
 * @example
 * deleteGroupConfirm(groups, 1, ['联系人信息', '线索分类'], t);
 * // '删除分组“线索分类”？其中的 6 个字段会移到“联系人信息”，不会被删除。可以撤销。'
 */
export function deleteGroupConfirm(
  groups: readonly FormGroup[],
  index: number,
  titles: readonly string[],
  t: ReturnType<typeof useI18n>['t'],
): string {
  const group = groups[index];
  const title = titles[index] ?? '';
  if (!group || group.fields.length === 0) return t('deleteEmptySectionConfirm', { group: title });
  const heir = heirOfSection(groups.length, index);
  return heir === undefined
    ? t('deleteLastSectionConfirm', { group: title })
    : t('deleteSectionConfirm', {
        group: title,
        count: group.fields.length,
        target: titles[heir] ?? '',
      });
}

/**
 * The canvas of a form.
 *
 * @example
 * <FormCanvas groups={formGroups(form)} fieldOf={…} selected={id} onSelect={setId} … />
 */
export function FormCanvas(props: FormCanvasProps): ReactNode {
  const { t, text } = useI18n();
  const { groups } = props;
  const titles = groups.map((group, index) => groupTitle(group, index, text, t));
  return (
    <div className="form-canvas" data-testid="form-canvas">
      <div className="form-canvas-title">
        <Typography.Title level={5}>{props.title}</Typography.Title>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={props.onAddSection}
          data-testid="add-section"
        >
          {t('addSection')}
        </Button>
      </div>
      <SortableContext
        items={groups.map((group) => `section:${group.sectionId ?? ''}`)}
        strategy={verticalListSortingStrategy}
      >
        {groups.map((group, index) => (
          <CanvasGroup
            key={group.sectionId ?? 'fields'}
            group={group}
            index={index}
            count={groups.length}
            title={titles[index]!}
            selected={group.sectionId !== undefined && props.selectedGroup === group.sectionId}
            problems={props.groupProblems(index)}
            deleteConfirm={deleteGroupConfirm(groups, index, titles, t)}
            onSelect={() => group.sectionId !== undefined && props.onSelectGroup(group.sectionId)}
            onRename={(title) => props.onRenameGroup(index, title)}
            onMove={(to) => props.onMoveGroup(index, to)}
            onDelete={() => props.onDeleteGroup(index)}
          >
            {group.fields.map((id) => (
              <FieldCard
                key={id}
                field={props.fieldOf(id)}
                selected={props.selected === id}
                problems={props.fieldProblems(id)}
                onSelect={() => props.onSelect(id)}
                onRemove={() => props.onRemove(id)}
              />
            ))}
          </CanvasGroup>
        ))}
      </SortableContext>
    </div>
  );
}
