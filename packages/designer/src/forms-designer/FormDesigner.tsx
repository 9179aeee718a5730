/**
 * The form designer: palette, canvas and property panel / preview of one form and its
 * entity. Dragging a palette entry onto the canvas creates the field in the entity and
 * places it on the form (one undoable edit); dragging a field reorders it.
 */
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Alert, Empty, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n, translate } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { FormCanvas, type CanvasField } from './FormCanvas.js';
import {
  addNewFieldRecipe,
  addSectionRecipe,
  entityPathOf,
  fieldIdOf,
  formGroups,
  moveFieldRecipe,
  newPaletteField,
  placeFieldRecipe,
  removeFieldRecipe,
  type EntityDef,
  type FormDef,
  type FormGroup,
  type FormSlot,
} from './formModel.js';
import { FormPreview } from './FormPreview.js';
import { Palette, PaletteDragPreview } from './Palette.js';
import { paletteItem, paletteKeyOf } from './palette.js';
import { PropertyPanel } from './PropertyPanel.js';

// Drop on what is under the pointer; fall back to the nearest item (keyboard drags).
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (hits.length === 0) return closestCenter(args);
  const field = hits.find((hit) => String(hit.id).startsWith('field:'));
  return field ? [field] : hits;
};

/**
 * Where a drop lands: before the field under the pointer (after it, when `below` says the
 * pointer is in its lower half), or at the end of the group.
 *
 * @example
 * dropSlot(groups, 'field:phone'); // { group: 0, index: 2 }
 */
export function dropSlot(
  groups: readonly FormGroup[],
  overId: string,
  below = false,
): FormSlot | undefined {
  if (overId.startsWith('group:')) {
    const group = Number(overId.slice('group:'.length));
    const fields = groups[group]?.fields;
    return fields ? { group, index: fields.length } : undefined;
  }
  if (overId.startsWith('field:')) {
    const id = overId.slice('field:'.length);
    const group = groups.findIndex((g) => g.fields.includes(id));
    if (group >= 0) return { group, index: groups[group]!.fields.indexOf(id) + (below ? 1 : 0) };
  }
  return undefined;
}

function slotOf(groups: readonly FormGroup[], fieldId: string): FormSlot | undefined {
  const group = groups.findIndex((g) => g.fields.includes(fieldId));
  return group >= 0 ? { group, index: groups[group]!.fields.indexOf(fieldId) } : undefined;
}

/**
 * The form designer of the form at `path`.
 *
 * @example
 * <FormDesigner path="forms/lead-create.json" />
 */
export function FormDesigner(props: { readonly path: string }): ReactNode {
  const { t, text } = useI18n();
  const store = useDesignerStore();
  const form = store.files[props.path] as FormDef;
  const entityPath = entityPathOf(store.files, form.entity);
  const entity = entityPath ? (store.files[entityPath] as EntityDef) : undefined;
  const [selected, setSelected] = useState<string>();
  const [dragging, setDragging] = useState<string>();
  const [newFields, setNewFields] = useState<ReadonlySet<string>>(new Set());
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  if (!entity || !entityPath || !Array.isArray(entity.fields)) {
    return <Alert type="error" showIcon title={t('fileMissing', { path: form.entity })} />;
  }
  const groups = formGroups(form);
  const entries = new Map(
    [...(form.sections?.flatMap((s) => s.fields ?? []) ?? form.fields ?? [])].map((entry) => [
      fieldIdOf(entry),
      entry,
    ]),
  );
  const fieldOf = (id: string): CanvasField => ({
    id,
    def: entity.fields.find((f) => f.id === id),
    entry: entries.get(id),
  });

  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    setDragging(undefined);
    if (!over) return;
    const activeId = String(active.id);
    const overId = String(over.id);
    const dragged = active.rect.current.translated;
    const below = dragged
      ? dragged.top + dragged.height / 2 > over.rect.top + over.rect.height / 2
      : false;
    // New fields go before or after the card they are dropped on; moved cards swap places.
    const slot = dropSlot(groups, overId, !activeId.startsWith('field:') && below);
    if (!slot) return;
    if (activeId.startsWith('palette:')) {
      const item = paletteItem(activeId.slice('palette:'.length));
      if (!item) return;
      const field = newPaletteField(
        item,
        { 'zh-CN': translate('zh-CN', item.label), en: translate('en', item.label) },
        entity.fields.map((f) => f.id),
      );
      store.edit(addNewFieldRecipe(props.path, field, slot));
      setNewFields((current) => new Set([...current, field.id]));
      setSelected(field.id);
      return;
    }
    if (activeId.startsWith('entity:')) {
      const fieldId = activeId.slice('entity:'.length);
      store.edit(placeFieldRecipe(props.path, fieldId, slot));
      setSelected(fieldId);
      return;
    }
    if (activeId.startsWith('field:') && activeId !== overId) {
      const from = slotOf(groups, activeId.slice('field:'.length));
      if (from) store.edit(moveFieldRecipe(props.path, from, slot));
    }
  };

  const placed = new Set(groups.flatMap((g) => g.fields));
  const unplaced = entity.fields
    .filter((field) => !placed.has(field.id))
    .map((field) => ({
      id: field.id,
      label: text(field['label'], field.id),
      key: paletteKeyOf(field),
    }));
  const draggedField = dragging?.startsWith('entity:')
    ? unplaced.find((f) => `entity:${f.id}` === dragging)
    : undefined;
  const selectedField = selected ? entity.fields.find((f) => f.id === selected) : undefined;
  const properties = selectedField ? (
    <PropertyPanel
      key={selectedField.id}
      entityPath={entityPath}
      field={selectedField}
      formPath={props.path}
      formEntry={entries.get(selectedField.id)}
      isNew={newFields.has(selectedField.id)}
      onRenamed={(id) => {
        setNewFields((current) =>
          current.has(selectedField.id)
            ? new Set([...current].map((f) => (f === selectedField.id ? id : f)))
            : current,
        );
        setSelected(id);
      }}
    />
  ) : (
    <Empty description={t('noFieldSelected')} />
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={({ active }) => setDragging(String(active.id))}
      onDragCancel={() => setDragging(undefined)}
      onDragEnd={onDragEnd}
    >
      <div className="form-designer" data-testid="form-designer">
        <Palette unplaced={unplaced} />
        <FormCanvas
          title={`${text(form['label'], form.id)} · ${t('entityOfForm', { entity: text(entity['label'], entity.id) })}`}
          groups={groups}
          fieldOf={fieldOf}
          selected={selected}
          onSelect={setSelected}
          onRemove={(id) => {
            store.edit(removeFieldRecipe(props.path, id));
            if (selected === id) setSelected(undefined);
          }}
          onAddSection={() =>
            store.edit(
              addSectionRecipe(props.path, {
                'zh-CN': translate('zh-CN', 'newSection'),
                en: translate('en', 'newSection'),
              }),
            )
          }
        />
        <div className="form-side">
          <Tabs
            size="small"
            items={[
              {
                key: 'properties',
                label: t('properties'),
                children: (
                  <div className="form-side-body">
                    {selectedField && (
                      <Typography.Text type="secondary">
                        {text(selectedField['label'], selectedField.id)}
                      </Typography.Text>
                    )}
                    {properties}
                  </div>
                ),
              },
              {
                key: 'preview',
                label: t('preview'),
                children: (
                  <div className="form-side-body">
                    <FormPreview form={form} entity={entity} />
                  </div>
                ),
              },
            ]}
          />
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging?.startsWith('palette:') ? (
          <PaletteDragPreview itemKey={dragging.slice('palette:'.length)} />
        ) : draggedField ? (
          <PaletteDragPreview itemKey={draggedField.key} label={draggedField.label} />
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
