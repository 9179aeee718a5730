/**
 * The form canvas: the form's groups (sections) and their fields, in order. Fields are
 * sortable (drag to reorder, also across groups); each group is a drop target for palette
 * entries; a click selects a field for the property panel.
 */
import { CloseOutlined, EyeOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { fieldIcon } from './fieldIcons.js';
import type { FieldDef, FormFieldRef, FormGroup } from './formModel.js';
import { paletteKeyOf, PALETTE } from './palette.js';

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
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly onRemove: (id: string) => void;
  readonly onAddSection: () => void;
  readonly title: string;
}

function FieldCard(props: {
  readonly field: CanvasField;
  readonly selected: boolean;
  readonly onSelect: () => void;
  readonly onRemove: () => void;
}): ReactNode {
  const { t, text } = useI18n();
  const { id, def, entry } = props.field;
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
      className={`field-card${props.selected ? ' selected' : ''}${def ? '' : ' missing'}`}
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

function Group(props: {
  readonly group: FormGroup;
  readonly index: number;
  readonly children: ReactNode;
}): ReactNode {
  const { t, text } = useI18n();
  const droppable = useDroppable({ id: `group:${props.index}` });
  return (
    <section
      ref={droppable.setNodeRef}
      className={`form-group${droppable.isOver ? ' over' : ''}`}
      data-group={props.group.sectionId ?? 'fields'}
    >
      {props.group.sectionId !== undefined && (
        <div className="form-group-title">{text(props.group.label, props.group.sectionId)}</div>
      )}
      <SortableContext
        items={props.group.fields.map((id) => `field:${id}`)}
        strategy={verticalListSortingStrategy}
      >
        {props.children}
      </SortableContext>
      {props.group.fields.length === 0 && (
        <div className="form-group-empty">{t('emptySection')}</div>
      )}
    </section>
  );
}

/**
 * The canvas of a form.
 *
 * @example
 * <FormCanvas groups={formGroups(form)} fieldOf={…} selected={id} onSelect={setId} … />
 */
export function FormCanvas(props: FormCanvasProps): ReactNode {
  const { t } = useI18n();
  return (
    <div className="form-canvas" data-testid="form-canvas">
      <div className="form-canvas-title">
        <Typography.Title level={5}>{props.title}</Typography.Title>
        <Button size="small" icon={<PlusOutlined />} onClick={props.onAddSection}>
          {t('addSection')}
        </Button>
      </div>
      {props.groups.map((group, index) => (
        <Group key={group.sectionId ?? 'fields'} group={group} index={index}>
          {group.fields.map((id) => (
            <FieldCard
              key={id}
              field={props.fieldOf(id)}
              selected={props.selected === id}
              onSelect={() => props.onSelect(id)}
              onRemove={() => props.onRemove(id)}
            />
          ))}
        </Group>
      ))}
    </div>
  );
}
