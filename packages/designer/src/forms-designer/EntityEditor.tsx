/**
 * The entity editor: the entity's fields in order (drag to reorder), a field type menu to
 * add fields, and the same property panel as the form designer. A problem clicked in the
 * problems panel selects its field (and option) here.
 */
import { HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Dropdown, Empty, Tag, Typography } from 'antd';
import type { Draft } from 'immer';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppFiles } from '../app/fileOps.js';
import { useCompiledApp } from '../compile/useCompiledApp.js';
import { pointerWithin } from '../editors/common/pointers.js';
import { translate, useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';
import { canvasTargetOf, scrollToCard } from './canvasFocus.js';
import { ProblemList } from './canvasProblems.js';
import { fieldIcon } from './fieldIcons.js';
import { newPaletteField, type EntityDef, type FieldDef } from './formModel.js';
import { PALETTE, paletteKeyOf } from './palette.js';
import { PropertyPanel } from './PropertyPanel.js';

function FieldRow(props: {
  readonly field: FieldDef;
  readonly selected: boolean;
  readonly problem: boolean;
  readonly onSelect: () => void;
}): ReactNode {
  const { text, t } = useI18n();
  const sortable = useSortable({ id: props.field.id });
  const key = paletteKeyOf(props.field);
  const paletteLabel = PALETTE.find((item) => item.key === key)?.label;
  return (
    <div
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className={`field-card${props.selected ? ' selected' : ''}${props.problem ? ' has-problem' : ''}`}
      data-field={props.field.id}
      onClick={props.onSelect}
      {...sortable.attributes}
      {...sortable.listeners}
    >
      <HolderOutlined />
      <span className="field-card-icon">{fieldIcon(key)}</span>
      <span className="field-card-label">{text(props.field['label'], props.field.id)}</span>
      <Typography.Text type="secondary" className="field-card-id">
        {props.field.id}
      </Typography.Text>
      {props.field['required'] === true && <Tag color="red">{t('required')}</Tag>}
      {paletteLabel && <Tag>{t(paletteLabel)}</Tag>}
    </div>
  );
}

/**
 * The editor of the entity at `path`.
 *
 * @example
 * <EntityEditor path="entities/lead.json" />
 */
export function EntityEditor(props: { readonly path: string }): ReactNode {
  // One editor per entity: the selection of one entity never carries over to another.
  return <EntityEditorOf key={props.path} path={props.path} />;
}

function EntityEditorOf(props: { readonly path: string }): ReactNode {
  const { t, text } = useI18n();
  const store = useDesignerStore();
  const { result } = useCompiledApp();
  const entity = store.files[props.path] as EntityDef;
  const [selected, setSelected] = useState<string>();
  // The property panel's key: kept while the selected field's id follows its label, so
  // typing the label goes on in the same input.
  const [panel, setPanel] = useState<string>();
  const select = (id: string): void => {
    setSelected(id);
    setPanel(undefined);
  };
  const [newFields, setNewFields] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<{
    request: number;
    field?: string;
    option?: number;
    part?: string;
  }>();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const fields = Array.isArray(entity.fields) ? entity.fields : [];
  const selectedField = fields.find((f) => f.id === selected);
  const { focusPointer, focusRequest, selected: openPath } = store.state;

  // A problem clicked in the problems panel (also the one that opened this entity).
  if (focus?.request !== focusRequest) {
    setFocus({ request: focusRequest });
    const target =
      openPath === props.path ? canvasTargetOf('entity', entity, focusPointer) : undefined;
    if (target?.kind === 'field') {
      select(target.field);
      setFocus({
        request: focusRequest,
        field: target.field,
        ...(target.option !== undefined ? { option: target.option } : {}),
        ...(target.optionPart !== undefined ? { part: target.optionPart } : {}),
      });
    }
  }
  useEffect(() => {
    if (!selected) return;
    scrollToCard('.entity-fields', selected);
  }, [focus?.request, selected]);
  const problemsOf = (index: number) =>
    (result?.diagnostics ?? []).filter(
      (d) => d.file === props.path && pointerWithin(d.pointer, `/fields/${index}`),
    );

  const add = (key: string): void => {
    const item = PALETTE.find((entry) => entry.key === key);
    if (!item) return;
    const field = newPaletteField(
      item,
      { 'zh-CN': translate('zh-CN', item.label), en: translate('en', item.label) },
      fields.map((f) => f.id),
    );
    store.edit((draft: Draft<AppFiles>) => {
      const target = draft[props.path] as Draft<EntityDef>;
      if (Array.isArray(target.fields)) target.fields.push(field);
    });
    setNewFields((current) => new Set([...current, field.id]));
    select(field.id);
  };

  return (
    <div className="entity-editor" data-testid="entity-editor">
      <div className="entity-fields">
        <div className="form-canvas-title">
          <Typography.Title level={5}>
            {text(entity['label'], entity.id)} · {t('entityFields')}
          </Typography.Title>
          <Dropdown
            menu={{
              items: PALETTE.map((item) => ({
                key: item.key,
                icon: fieldIcon(item.key),
                label: t(item.label),
              })),
              onClick: ({ key }) => add(key),
            }}
          >
            <Button size="small" icon={<PlusOutlined />}>
              {t('addFile')}
            </Button>
          </Dropdown>
        </div>
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={({ active, over }) => {
            if (!over || active.id === over.id) return;
            store.edit((draft: Draft<AppFiles>) => {
              const list = (draft[props.path] as Draft<EntityDef>).fields;
              const from = list.findIndex((f) => f.id === active.id);
              const to = list.findIndex((f) => f.id === over.id);
              if (from < 0 || to < 0) return;
              const [moved] = list.splice(from, 1);
              if (moved) list.splice(to, 0, moved);
            });
          }}
        >
          <SortableContext items={fields.map((f) => f.id)} strategy={verticalListSortingStrategy}>
            {fields.map((field, index) => (
              <FieldRow
                key={field.id}
                field={field}
                selected={field.id === selected}
                problem={problemsOf(index).length > 0}
                onSelect={() => select(field.id)}
              />
            ))}
          </SortableContext>
        </DndContext>
      </div>
      <div className="form-side form-side-body">
        {selectedField ? (
          <>
            <ProblemList diagnostics={problemsOf(fields.indexOf(selectedField))} />
            <PropertyPanel
              key={panel ?? selectedField.id}
              entityPath={props.path}
              field={selectedField}
              isNew={newFields.has(selectedField.id)}
              {...(focus?.option !== undefined && focus.field === selectedField.id
                ? { focusOption: { index: focus.option, part: focus.part, request: focus.request } }
                : {})}
              onRenamed={(id) => {
                setNewFields(
                  (current) => new Set([...current].map((f) => (f === selected ? id : f))),
                );
                setPanel((current) => current ?? selected);
                setSelected(id);
              }}
            />
          </>
        ) : (
          <Empty description={t('noFieldSelected')} />
        )}
      </div>
    </div>
  );
}
