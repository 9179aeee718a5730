/**
 * One group (分组) on the form canvas: a drop target for fields, and — for a form with
 * sections — a header to drag the group by (or move it with ↑ ↓), rename it in place,
 * select it for the side panel, and delete it (its fields move to a neighbour group).
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  HolderOutlined,
} from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import {
  SortableContext,
  useSortable,
  verticalListSortingStrategy,
  type AnimateLayoutChanges,
  defaultAnimateLayoutChanges,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Diagnostic } from '@ruleloom/engine';
import { Button, Input, Popconfirm, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import type { FormGroup } from './formModel.js';

/** Props of {@link CanvasGroup}. */
export interface CanvasGroupProps {
  readonly group: FormGroup;
  readonly index: number;
  readonly count: number;
  /** The group's title as shown (its label, or "未命名分组 n"). */
  readonly title: string;
  readonly selected: boolean;
  /** Problems of the group itself (not of its fields). */
  readonly problems: readonly Diagnostic[];
  /** What deleting the group does, in words (the confirmation's text). */
  readonly deleteConfirm: string;
  readonly onSelect: () => void;
  /** A new title in the UI language. */
  readonly onRename: (title: string) => void;
  readonly onMove: (to: number) => void;
  readonly onDelete: () => void;
  readonly children: ReactNode;
}

// A group that moved keeps its place without a second animation after the drop.
const animateLayoutChanges: AnimateLayoutChanges = (args) =>
  args.wasDragging ? false : defaultAnimateLayoutChanges(args);

function GroupHeader(
  props: CanvasGroupProps & { readonly handle: ReactNode; readonly problem: boolean },
): ReactNode {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string>();
  const commit = (): void => {
    if (editing !== undefined && editing.trim() !== '' && editing !== props.title) {
      props.onRename(editing.trim());
    }
    setEditing(undefined);
  };
  return (
    <div className="form-group-header">
      {props.handle}
      {editing === undefined ? (
        <>
          <Typography.Text
            strong
            className={`form-group-title${props.problem ? ' has-problem' : ''}`}
            data-testid="section-title"
            role="button"
            tabIndex={0}
            onClick={props.onSelect}
            onKeyDown={(event) => {
              if (event.key === 'Enter') props.onSelect();
            }}
          >
            {props.title}
          </Typography.Text>
          <Tooltip title={t('renameSection')}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('renameSection')}
              data-testid="rename-section"
              onClick={() => setEditing(props.title)}
            />
          </Tooltip>
        </>
      ) : (
        <Input
          size="small"
          autoFocus
          className="form-group-title-input"
          data-testid="section-title-input"
          aria-label={t('renameSection')}
          value={editing}
          onChange={(event) => setEditing(event.target.value)}
          onPressEnter={commit}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setEditing(undefined);
          }}
        />
      )}
      <span className="form-group-actions">
        <Tooltip title={t('moveSectionUp')}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label={t('moveSectionUp')}
            disabled={props.index === 0}
            onClick={() => props.onMove(props.index - 1)}
          />
        </Tooltip>
        <Tooltip title={t('moveSectionDown')}>
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('moveSectionDown')}
            disabled={props.index === props.count - 1}
            onClick={() => props.onMove(props.index + 1)}
          />
        </Tooltip>
        <Popconfirm
          title={props.deleteConfirm}
          okText={t('deleteSection')}
          okButtonProps={{ danger: true }}
          cancelText={t('cancel')}
          onConfirm={props.onDelete}
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('deleteSection')}
            data-testid="delete-section"
          />
        </Popconfirm>
      </span>
    </div>
  );
}

/**
 * A group of the canvas with its field cards as children.
 *
 * @example
 * <CanvasGroup group={group} index={1} count={2} title="线索分类" …>{cards}</CanvasGroup>
 */
export function CanvasGroup(props: CanvasGroupProps): ReactNode {
  const { t } = useI18n();
  const { group } = props;
  const sectioned = group.sectionId !== undefined;
  const droppable = useDroppable({ id: `group:${props.index}` });
  const sortable = useSortable({
    id: `section:${group.sectionId ?? ''}`,
    disabled: !sectioned,
    animateLayoutChanges,
  });
  const empty = group.fields.length === 0;
  const problem = props.problems.length > 0 || (sectioned && empty);
  return (
    <section
      ref={(node) => {
        droppable.setNodeRef(node);
        sortable.setNodeRef(node);
      }}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
        opacity: sortable.isDragging ? 0.6 : 1,
      }}
      className={`form-group${droppable.isOver ? ' over' : ''}${props.selected ? ' selected' : ''}${problem ? ' has-problem' : ''}`}
      data-group={group.sectionId ?? 'fields'}
    >
      {sectioned && (
        <GroupHeader
          {...props}
          problem={problem}
          handle={
            <Tooltip title={t('dragSection')}>
              <span
                ref={sortable.setActivatorNodeRef}
                className="form-group-handle"
                data-testid="section-handle"
                {...sortable.attributes}
                {...sortable.listeners}
                aria-label={t('dragSection')}
              >
                <HolderOutlined />
              </span>
            </Tooltip>
          }
        />
      )}
      <SortableContext
        items={group.fields.map((id) => `field:${id}`)}
        strategy={verticalListSortingStrategy}
      >
        {props.children}
      </SortableContext>
      {empty && (
        <div className={`form-group-empty${sectioned ? ' problem' : ''}`}>
          {sectioned ? t('emptySectionProblem') : t('emptySection')}
        </div>
      )}
    </section>
  );
}
