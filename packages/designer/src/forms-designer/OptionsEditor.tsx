/**
 * The options of an enum or multi-enum field: labels in both languages, ids, add, remove,
 * and reorder by drag (dnd-kit sortable).
 */
import { DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Input, Typography } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { fieldIdFromLabel, uniqueId } from './formModel.js';

/** One option, as the entity holds it. */
export interface OptionDef {
  id: string;
  label: unknown;
  [property: string]: unknown;
}

/** Props of {@link OptionsEditor}. */
export interface OptionsEditorProps {
  readonly options: readonly OptionDef[];
  /** Ids of options follow their English labels (a new field, or an unnamed `optionN`). */
  readonly autoIds: boolean;
  /** Applies a change to the options list (called with a draft in an immer recipe). */
  readonly onChange: (change: (options: OptionDef[]) => void, coalesceKey?: string) => void;
}

function labelsOf(label: unknown): { 'zh-CN': string; en: string } {
  if (typeof label === 'string') return { 'zh-CN': label, en: '' };
  const texts = (label ?? {}) as Record<string, unknown>;
  return {
    'zh-CN': typeof texts['zh-CN'] === 'string' ? texts['zh-CN'] : '',
    en: typeof texts['en'] === 'string' ? texts['en'] : '',
  };
}

function setLabel(option: OptionDef, locale: 'zh-CN' | 'en', value: string): void {
  const labels = { ...labelsOf(option.label), [locale]: value };
  option.label = labels.en === '' ? labels['zh-CN'] || labels.en : labels;
}

function OptionRow(props: {
  readonly option: OptionDef;
  readonly index: number;
  readonly isAuto: (id: string) => boolean;
  readonly otherIds: readonly string[];
  readonly onRenamed: (from: string, to: string) => void;
  readonly onChange: OptionsEditorProps['onChange'];
}): ReactNode {
  const { t } = useI18n();
  const sortable = useSortable({ id: `option:${props.option.id}` });
  const labels = labelsOf(props.option.label);
  const { index } = props;
  return (
    <div
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className="option-row"
      data-option={props.option.id}
    >
      <span className="option-handle" {...sortable.attributes} {...sortable.listeners}>
        <HolderOutlined />
      </span>
      <Input
        size="small"
        aria-label={t('optionLabel')}
        placeholder={t('optionLabel')}
        value={labels['zh-CN']}
        onChange={(event) =>
          props.onChange((options) => {
            const option = options[index];
            if (option) setLabel(option, 'zh-CN', event.target.value);
          }, `option-zh:${index}`)
        }
      />
      <Input
        size="small"
        aria-label="English"
        placeholder="English"
        value={labels.en}
        onChange={(event) => {
          const value = event.target.value;
          // A new option's id follows its English label until the admin sets it.
          const follows =
            props.isAuto(props.option.id) &&
            props.option.id === fieldIdFromLabel(labels.en || props.option.id);
          const id =
            follows && value.trim() !== ''
              ? uniqueId(fieldIdFromLabel(value), props.otherIds)
              : props.option.id;
          if (id !== props.option.id) props.onRenamed(props.option.id, id);
          props.onChange((options) => {
            const option = options[index];
            if (!option) return;
            setLabel(option, 'en', value);
            option.id = id;
          }, `option-en:${index}`);
        }}
      />
      <Input
        size="small"
        className="option-id"
        aria-label={t('optionId')}
        value={props.option.id}
        onChange={(event) =>
          props.onChange((options) => {
            const option = options[index];
            if (option) option.id = event.target.value;
          }, `option-id:${index}`)
        }
      />
      <Button
        size="small"
        type="text"
        icon={<DeleteOutlined />}
        aria-label={t('deleteFile')}
        onClick={() => props.onChange((options) => void options.splice(index, 1))}
      />
    </div>
  );
}

/**
 * The options list of a choice field.
 *
 * @example
 * <OptionsEditor options={field.options} onChange={(change) => edit((f) => change(f.options))} />
 */
export function OptionsEditor(props: OptionsEditorProps): ReactNode {
  const { t } = useI18n();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  // Options added here (and all options of a new field) get ids from their English labels.
  const created = useRef(new Set<string>());
  const isAuto = (id: string): boolean =>
    props.autoIds || created.current.has(id) || /^option\d+$/.test(id);
  return (
    <div className="options-editor" data-testid="options-editor">
      <Typography.Text strong>{t('options')}</Typography.Text>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={({ active, over }) => {
          if (!over || active.id === over.id) return;
          const from = props.options.findIndex((o) => `option:${o.id}` === active.id);
          const to = props.options.findIndex((o) => `option:${o.id}` === over.id);
          if (from < 0 || to < 0) return;
          props.onChange((options) => {
            const [moved] = options.splice(from, 1);
            if (moved) options.splice(to, 0, moved);
          });
        }}
      >
        <SortableContext
          items={props.options.map((o) => `option:${o.id}`)}
          strategy={verticalListSortingStrategy}
        >
          {props.options.map((option, index) => (
            <OptionRow
              key={`${index}`}
              option={option}
              index={index}
              isAuto={isAuto}
              otherIds={props.options.filter((o) => o !== option).map((o) => o.id)}
              onRenamed={(from, to) => {
                if (created.current.delete(from)) created.current.add(to);
              }}
              onChange={props.onChange}
            />
          ))}
        </SortableContext>
      </DndContext>
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => {
          const id = uniqueId(
            `option${props.options.length + 1}`,
            props.options.map((o) => o.id),
          );
          created.current.add(id);
          props.onChange((options) => {
            options.push({
              id,
              label: {
                'zh-CN': t('newOption', { n: options.length + 1 }),
                en: `Option ${options.length + 1}`,
              },
            });
          });
        }}
      >
        {t('addOption')}
      </Button>
    </div>
  );
}
