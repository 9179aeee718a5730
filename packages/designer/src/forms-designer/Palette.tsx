/**
 * The palette of field types: each entry can be dragged onto the form canvas (dnd-kit).
 */
import { useDraggable } from '@dnd-kit/core';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { fieldIcon } from './fieldIcons.js';
import { PALETTE, type PaletteItem } from './palette.js';

function PaletteEntry(props: { readonly item: PaletteItem }): ReactNode {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `palette:${props.item.key}`,
  });
  return (
    <div
      ref={setNodeRef}
      className={`palette-entry${isDragging ? ' dragging' : ''}`}
      data-palette={props.item.key}
      {...attributes}
      {...listeners}
    >
      {fieldIcon(props.item.key)}
      <span>{t(props.item.label)}</span>
    </div>
  );
}

/** An entity field that is not on the form yet (it can be dragged onto it). */
export interface UnplacedField {
  readonly id: string;
  readonly label: string;
  /** The palette key of its type (for the icon). */
  readonly key: string;
}

function UnplacedEntry(props: { readonly field: UnplacedField }): ReactNode {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `entity:${props.field.id}`,
  });
  return (
    <div
      ref={setNodeRef}
      className={`palette-entry unplaced${isDragging ? ' dragging' : ''}`}
      data-unplaced={props.field.id}
      title={props.field.id}
      {...attributes}
      {...listeners}
    >
      {fieldIcon(props.field.key)}
      <span>{props.field.label}</span>
    </div>
  );
}

/**
 * The palette column: new fields by type, then the entity's fields not on the form.
 *
 * @example
 * <DndContext><Palette unplaced={[]} /></DndContext>
 */
export function Palette(props: { readonly unplaced: readonly UnplacedField[] }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="palette" data-testid="palette">
      <Typography.Text strong>{t('palette')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="palette-hint">
        {t('paletteHint')}
      </Typography.Paragraph>
      <div className="palette-grid">
        {PALETTE.map((item) => (
          <PaletteEntry key={item.key} item={item} />
        ))}
      </div>
      {props.unplaced.length > 0 && (
        <>
          <Typography.Text strong className="palette-section">
            {t('notOnForm')}
          </Typography.Text>
          <div className="palette-list" data-testid="unplaced-fields">
            {props.unplaced.map((field) => (
              <UnplacedEntry key={field.id} field={field} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/**
 * What the pointer carries while a palette entry is dragged.
 *
 * @example
 * <DragOverlay><PaletteDragPreview itemKey="dropdown" /></DragOverlay>
 */
export function PaletteDragPreview(props: {
  readonly itemKey: string;
  readonly label?: string;
}): ReactNode {
  const { t } = useI18n();
  const item = PALETTE.find((entry) => entry.key === props.itemKey);
  if (!item) return null;
  return (
    <div className="palette-entry drag-overlay">
      {fieldIcon(item.key)}
      <span>{props.label ?? t(item.label)}</span>
    </div>
  );
}
