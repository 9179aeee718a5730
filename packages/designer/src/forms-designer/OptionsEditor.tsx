/**
 * The options of an enum or multi-enum field: labels in both languages, ids, add, remove,
 * and reorder by drag (dnd-kit sortable). A new option's id follows its labels (English
 * first, else Chinese) until the admin sets it; empty labels and repeated or malformed
 * ids are marked on the row, in words, before the problems panel has to say it.
 */
import { DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Input, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { translate, useI18n } from '../i18n/I18n.js';
import { bilingualOf } from './bilingual.js';
import { idFollowsLabels, idFromLabels, uniqueId } from './formModel.js';

/** One option, as the entity holds it. */
export interface OptionDef {
  id: string;
  label: unknown;
  [property: string]: unknown;
}

/** An option to show: a problem about it was clicked. */
export interface OptionFocus {
  readonly index: number;
  /** The option's property the problem names (`id`, `label`). */
  readonly part?: string | undefined;
  /** Bumps on every click, so the same option can be shown twice. */
  readonly request: number;
}

/** Props of {@link OptionsEditor}. */
export interface OptionsEditorProps {
  readonly options: readonly OptionDef[];
  /** Ids of options follow their labels (a new field, or an unnamed `optionN`). */
  readonly autoIds: boolean;
  /** Applies a change to the options list (called with a draft in an immer recipe). */
  readonly onChange: (change: (options: OptionDef[]) => void, coalesceKey?: string) => void;
  readonly focus?: OptionFocus;
}

const ID_PATTERN = /^[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u;
// The English name a new option gets ("Option 3"): a placeholder until it is named.
const PLACEHOLDER_EN = /^Option \d+$/;

function setLabel(option: OptionDef, labels: { 'zh-CN': string; en: string }): void {
  option.label = labels.en === '' ? labels['zh-CN'] : labels;
}

function OptionRow(props: {
  readonly option: OptionDef;
  readonly index: number;
  readonly focused: boolean;
  readonly isAuto: (id: string) => boolean;
  readonly otherIds: readonly string[];
  readonly onRenamed: (from: string, to: string) => void;
  readonly onChange: OptionsEditorProps['onChange'];
}): ReactNode {
  const { t } = useI18n();
  const sortable = useSortable({ id: `option:${props.option.id}` });
  const labels = bilingualOf(props.option.label);
  const { index, option } = props;

  const rename = (locale: 'zh-CN' | 'en', value: string): void => {
    const next = { ...labels, [locale]: value };
    if (locale === 'zh-CN' && PLACEHOLDER_EN.test(labels.en)) next.en = '';
    const follows = props.isAuto(option.id) && idFollowsLabels(option.id, labels);
    const named = next.en.trim() !== '' || next['zh-CN'].trim() !== '';
    const id = follows && named ? uniqueId(idFromLabels(next), props.otherIds) : option.id;
    if (id !== option.id) props.onRenamed(option.id, id);
    props.onChange((options) => {
      const target = options[index];
      if (!target) return;
      setLabel(target, next);
      target.id = id;
    }, `option-${locale}:${index}`);
  };

  const noLabel = labels['zh-CN'].trim() === '' && labels.en.trim() === '';
  const idProblem = !ID_PATTERN.test(option.id)
    ? t('optionIdInvalid')
    : props.otherIds.includes(option.id)
      ? t('optionIdDuplicate', { id: option.id })
      : undefined;
  return (
    <div
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className={`option-row${props.focused ? ' focused' : ''}`}
      data-option={option.id}
      data-option-index={index}
    >
      <div className="option-inputs">
        <span className="option-handle" {...sortable.attributes} {...sortable.listeners}>
          <HolderOutlined />
        </span>
        <Input
          size="small"
          className="option-label"
          aria-label={t('optionLabel')}
          placeholder={noLabel ? t('optionLabelMissing') : t('optionLabel')}
          status={noLabel ? 'error' : undefined}
          value={labels['zh-CN']}
          onChange={(event) => rename('zh-CN', event.target.value)}
        />
        <Input
          size="small"
          className="option-label-en"
          aria-label={t('optionLabelEn')}
          placeholder={t('optionLabelEn')}
          value={labels.en}
          onChange={(event) => rename('en', event.target.value)}
        />
        <Input
          size="small"
          className="option-id"
          aria-label={t('optionId')}
          status={idProblem ? 'error' : undefined}
          value={option.id}
          onChange={(event) =>
            props.onChange((options) => {
              const target = options[index];
              if (target) target.id = event.target.value;
            }, `option-id:${index}`)
          }
        />
        <Button
          size="small"
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('deleteOption')}
          onClick={() => props.onChange((options) => void options.splice(index, 1))}
        />
      </div>
      {(noLabel || idProblem) && (
        <Typography.Text type="danger" className="option-problem">
          {noLabel ? t('optionLabelMissing') : idProblem}
        </Typography.Text>
      )}
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
  const host = useRef<HTMLDivElement>(null);
  // Options added here (and all options of a new field) get ids from their labels.
  const created = useRef(new Set<string>());
  const isAuto = (id: string): boolean =>
    props.autoIds || created.current.has(id) || /^option\d+$/.test(id);
  const [focused, setFocused] = useState<number>();
  const { focus } = props;
  useEffect(() => {
    if (!focus) return;
    setFocused(focus.index);
    const row = host.current?.querySelector(`[data-option-index="${focus.index}"]`);
    row?.scrollIntoView?.({ block: 'center' });
    const input = row?.querySelector<HTMLInputElement>(
      focus.part === 'id' ? '.option-id' : 'input',
    );
    input?.focus();
  }, [focus?.request, focus?.index, focus?.part]);
  return (
    <div className="options-editor" data-testid="options-editor" ref={host}>
      <Typography.Text strong>{t('options')}</Typography.Text>
      <div className="option-header" aria-hidden>
        <span />
        <span>{t('optionLabel')}</span>
        <span>{t('optionLabelEn')}</span>
        <Tooltip title={t('optionIdHelp')}>
          <span>{t('optionId')}</span>
        </Tooltip>
        <span />
      </div>
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
              focused={focused === index}
              isAuto={isAuto}
              otherIds={props.options.filter((o) => o !== option).map((o) => o.id)}
              onRenamed={(from, to) => {
                created.current.delete(from);
                created.current.add(to);
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
                'zh-CN': translate('zh-CN', 'newOption', { n: options.length + 1 }),
                en: translate('en', 'newOption', { n: options.length + 1 }),
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
