/**
 * The form designer: palette, canvas and side panel (properties / preview) of one form and
 * its entity. Dragging a palette entry onto the canvas creates the field in the entity and
 * places it on the form (one undoable edit); dragging a field reorders it or moves it to
 * another group; dragging a group by its handle reorders the groups. A problem clicked in
 * the problems panel selects its field or group here (see ./canvasFocus).
 */
import './formDesigner.css';
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
import { Alert, Tabs } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useCompiledApp } from '../compile/useCompiledApp.js';
import { pointerWithin as pointerIsWithin } from '../editors/common/pointers.js';
import { useI18n, translate } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { localizedOf, bilingualOf } from './bilingual.js';
import { canvasTargetOf, scrollToCard } from './canvasFocus.js';
import { fieldDiagnostics, groupDiagnostics, type DesignerFiles } from './canvasProblems.js';
import { FormCanvas, groupTitle, type CanvasField } from './FormCanvas.js';
import {
  addNewFieldRecipe,
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
import { FormSidePanel, type Selection } from './FormSidePanel.js';
import { Palette, PaletteDragPreview } from './Palette.js';
import { paletteItem, paletteKeyOf } from './palette.js';
import {
  addSectionRecipe,
  deleteSectionRecipe,
  moveSectionRecipe,
  nextSectionId,
  updateSectionRecipe,
} from './sections.js';

// Groups are dragged among groups only; fields and palette entries drop on what is under
// the pointer, falling back to the nearest item (keyboard drags).
const collision: CollisionDetection = (args) => {
  const movingGroup = String(args.active.id).startsWith('section:');
  const scoped = {
    ...args,
    droppableContainers: args.droppableContainers.filter(
      (container) => String(container.id).startsWith('section:') === movingGroup,
    ),
  };
  if (movingGroup) return closestCenter(scoped);
  const hits = pointerWithin(scoped);
  if (hits.length === 0) return closestCenter(scoped);
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
  // One designer per form: the selection of one form never carries over to another.
  return <FormDesignerOf key={props.path} path={props.path} />;
}

function FormDesignerOf(props: { readonly path: string }): ReactNode {
  const { t, text, locale } = useI18n();
  const store = useDesignerStore();
  const { result } = useCompiledApp();
  const form = store.files[props.path] as FormDef;
  const entityPath = entityPathOf(store.files, form.entity);
  const entity = entityPath ? (store.files[entityPath] as EntityDef) : undefined;
  const [selection, setSelection] = useState<Selection>();
  const [sideTab, setSideTab] = useState('properties');
  const [dragging, setDragging] = useState<string>();
  const [newFields, setNewFields] = useState<ReadonlySet<string>>(new Set());
  const [seenFocus, setSeenFocus] = useState<number>();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const { focusPointer, focusRequest, selected: openPath } = store.state;
  const selectedField = selection?.kind === 'field' ? selection.id : undefined;
  const selectedGroup = selection?.kind === 'group' ? selection.id : undefined;

  // A problem clicked in the problems panel (also the one that opened this form).
  if (seenFocus !== focusRequest) {
    setSeenFocus(focusRequest);
    const target = openPath === props.path ? canvasTargetOf('form', form, focusPointer) : undefined;
    const sectionId = target?.kind === 'group' ? form.sections?.[target.group]?.id : undefined;
    if (target?.kind === 'field')
      setSelection({ ...target, kind: 'field', id: target.field, at: focusRequest });
    else if (sectionId !== undefined) setSelection({ kind: 'group', id: sectionId });
    else if (target?.kind === 'form') setSelection(undefined);
    if (target) setSideTab('properties');
  }
  const focusedAt = selection?.kind === 'field' ? selection.at : undefined;
  useEffect(() => {
    if (focusedAt === undefined || !selectedField) return;
    scrollToCard('.form-canvas', selectedField);
  }, [focusedAt, selectedField]);
  useEffect(() => {
    if (selectedGroup !== undefined) scrollToCard('.form-canvas', selectedGroup, 'data-group');
  }, [selectedGroup]);
  // Another field or group: its panel starts at the top (a clicked problem scrolls itself).
  const side = useRef<HTMLDivElement>(null);
  const shown = selection
    ? `${selection.kind}:${selection.kind === 'field' ? (selection.panel ?? selection.id) : selection.id}`
    : '';
  useEffect(() => {
    if (focusedAt === undefined) side.current?.scrollTo?.(0, 0);
  }, [shown]);

  if (!entity || !entityPath || !Array.isArray(entity.fields)) {
    return <Alert type="error" showIcon title={t('fileMissing', { path: form.entity })} />;
  }
  const files: DesignerFiles = { formPath: props.path, form, entityPath, entity };
  const diagnostics = result?.diagnostics ?? [];
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
  const selectField = (id: string | undefined): void =>
    setSelection(id === undefined ? undefined : { kind: 'field', id });

  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    setDragging(undefined);
    if (!over) return;
    const activeId = String(active.id);
    const overId = String(over.id);
    if (activeId.startsWith('section:')) {
      const indexOf = (id: string): number =>
        groups.findIndex((g) => `section:${g.sectionId ?? ''}` === id);
      const from = indexOf(activeId);
      const to = indexOf(overId);
      if (from >= 0 && to >= 0 && from !== to) store.edit(moveSectionRecipe(props.path, from, to));
      return;
    }
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
      selectField(field.id);
      setSideTab('properties');
      return;
    }
    if (activeId.startsWith('entity:')) {
      const fieldId = activeId.slice('entity:'.length);
      store.edit(placeFieldRecipe(props.path, fieldId, slot));
      selectField(fieldId);
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
  const renameGroup = (index: number, title: string): void => {
    store.edit(
      updateSectionRecipe(props.path, index, (section) => {
        const texts = { ...bilingualOf(section.label), [locale]: title };
        section.label = localizedOf(texts['zh-CN'], texts.en);
      }),
    );
  };
  const formProblems = diagnostics.filter(
    (d) =>
      (d.file ?? 'app.json') === props.path &&
      ['/label', '/submitLabel', '/mode', '/shortcut'].some((p) => pointerIsWithin(d.pointer, p)),
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
          selected={selectedField}
          selectedGroup={selectedGroup}
          onSelect={(id) => {
            selectField(id);
            setSideTab('properties');
          }}
          onSelectGroup={(id) => {
            setSelection({ kind: 'group', id });
            setSideTab('properties');
          }}
          onRemove={(id) => {
            store.edit(removeFieldRecipe(props.path, id));
            if (selectedField === id) setSelection(undefined);
          }}
          onAddSection={() => {
            const id = nextSectionId(form);
            store.edit(
              addSectionRecipe(
                props.path,
                { 'zh-CN': translate('zh-CN', 'newSection'), en: translate('en', 'newSection') },
                {
                  'zh-CN': translate('zh-CN', 'firstSection'),
                  en: translate('en', 'firstSection'),
                },
              ),
            );
            setSideTab('properties');
            // The new group is selected, so its title can be typed at once.
            setSelection({ kind: 'group', id });
          }}
          onRenameGroup={renameGroup}
          onMoveGroup={(from, to) => store.edit(moveSectionRecipe(props.path, from, to))}
          onDeleteGroup={(index) => {
            if (selectedGroup === groups[index]?.sectionId) setSelection(undefined);
            store.edit(deleteSectionRecipe(props.path, index));
          }}
          fieldProblems={(id) => fieldDiagnostics(diagnostics, files, id)}
          groupProblems={(index) =>
            form.sections ? groupDiagnostics(diagnostics, props.path, index) : []
          }
        />
        <div className="form-side" ref={side}>
          <Tabs
            size="small"
            activeKey={sideTab}
            onChange={setSideTab}
            items={[
              {
                key: 'properties',
                label: t('properties'),
                children: (
                  <div className="form-side-body">
                    <FormSidePanel
                      files={files}
                      diagnostics={diagnostics}
                      selection={selection}
                      groupTitle={(index) => groupTitle(groups[index]!, index, text, t)}
                      formProblems={formProblems}
                      isNew={(id) => newFields.has(id)}
                      onRenamed={(from, to) => {
                        setNewFields((current) =>
                          current.has(from)
                            ? new Set([...current].map((f) => (f === from ? to : f)))
                            : current,
                        );
                        // The same panel goes on: typing the label goes on in its input.
                        setSelection((current) =>
                          current?.kind === 'field'
                            ? { kind: 'field', id: to, panel: current.panel ?? from }
                            : current,
                        );
                      }}
                      onMoveGroup={(from, to) =>
                        store.edit(moveSectionRecipe(props.path, from, to))
                      }
                      onDeleteGroup={(index) => {
                        setSelection(undefined);
                        store.edit(deleteSectionRecipe(props.path, index));
                      }}
                    />
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
