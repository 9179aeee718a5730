import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type {
  Party,
  RoutingConstraints,
  RoutingDefinition,
  RoutingPreference,
  RoutingRule,
} from '@ruleloom/schemas';
import { useMemo, type ReactElement } from 'react';
import type { EditorProps } from '../context.js';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import { conditionToLogic } from '../condition/conditionTree.js';
import { newRule } from '../condition/operators.js';
import { roleOptions } from '../common/appInfo.js';
import { conditionFields, findEntity } from '../common/entityFields.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { PartyListEditor } from '../common/PartyListEditor.js';
import { diagnosticsWithin, pointerWithin } from '../common/pointers.js';
import { t, type EditorLocale } from '../i18n.js';
import { freshId } from '../pipeline/pipelineEdits.js';
import { RoutingRuleCard } from './RoutingRuleCard.js';
import { StrategyEditor } from './StrategyEditor.js';

type Rules = RoutingDefinition['rules'];

function assign<T extends object>(object: T, key: keyof T, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    delete next[key as string];
  } else next[key as string] = value;
  return next as T;
}

/**
 * The rules with the one at `from` moved to `to` (a drop in the sortable list).
 *
 * @example
 * moveRule(routing, 2, 0).rules[0]; // the rule that was third
 */
export function moveRule(routing: RoutingDefinition, from: number, to: number): RoutingDefinition {
  if (
    from === to ||
    from < 0 ||
    to < 0 ||
    from >= routing.rules.length ||
    to >= routing.rules.length
  ) {
    return routing;
  }
  return { ...routing, rules: arrayMove([...routing.rules], from, to) as Rules };
}

/** Sort ids of the rules: their ids, made unique by position where two share one. */
export function sortIds(rules: readonly RoutingRule[]): string[] {
  return rules.map((rule, index) =>
    rules.findIndex((r) => r.id === rule.id) === index ? rule.id : `${rule.id}#${index}`,
  );
}

/**
 * The routing editor (routing.schema.json): ordered rules, reordered by drag (dnd-kit
 * sortable; keyboard too: focus the handle, Space, arrows, Space), each with its condition
 * (the condition builder), candidate pool and own strategy; the default strategy; constraints
 * (max open items, statuses to skip, working hours, one owner per customer); preferences; and
 * the fallback queue.
 */
export function RoutingEditor({
  value,
  onChange,
  context,
}: EditorProps<RoutingDefinition>): ReactElement {
  const { locale, files } = context;
  const entity = findEntity(files, value.entity);
  const fields = useMemo(() => conditionFields(entity, locale), [entity, locale]);
  const roles = useMemo(() => roleOptions(files, locale), [files, locale]);
  const userFields = fields
    .filter((f) => f.type === 'user')
    .map((f) => ({ value: f.id, label: `${f.label} (${f.id})` }));
  const fieldOptions = fields.map((f) => ({ value: f.id, label: `${f.label} (${f.id})` }));
  const entities = Object.entries(files)
    .filter(([path]) => path.startsWith('entities/'))
    .map(([, file]) => (file as { id?: string }).id)
    .filter((id): id is string => typeof id === 'string');
  const ids = sortIds(value.rules);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const setRules = (rules: RoutingRule[]): void => onChange({ ...value, rules: rules as Rules });
  const onDragEnd = (event: DragEndEvent): void => {
    const from = ids.indexOf(String(event.active.id));
    const to = event.over ? ids.indexOf(String(event.over.id)) : -1;
    const next = moveRule(value, from, to);
    if (next !== value) onChange(next);
  };

  return (
    <div className="rl-routing-editor" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Card size="small">
        <Form layout="inline" size="small">
          <Form.Item label={t(locale, 'label')}>
            <LocalizedInput
              ariaLabel={t(locale, 'label')}
              value={value.label}
              locale={locale}
              onChange={(label) => onChange(assign(value, 'label', label))}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'entity')}>
            <Select
              aria-label={t(locale, 'entity')}
              style={{ width: 160 }}
              value={value.entity}
              options={[...new Set([value.entity, ...entities])].map((id) => ({
                value: id,
                label: id,
              }))}
              onChange={(id: string) => onChange({ ...value, entity: id })}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'routingAssignField')}>
            <Select
              aria-label={t(locale, 'routingAssignField')}
              style={{ width: 180 }}
              allowClear
              placeholder="owner"
              value={value.assignField}
              options={userFields}
              onChange={(id?: string) => onChange(assign(value, 'assignField', id))}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t(locale, 'routingRules')}>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            {value.rules.map((rule, index) => (
              <RoutingRuleCard
                key={ids[index]}
                sortId={ids[index]!}
                index={index}
                rule={rule}
                fields={fields}
                roles={roles}
                locale={locale}
                problems={diagnosticsWithin(context.diagnostics, `/rules/${index}`).length}
                focused={
                  context.focusPointer !== undefined &&
                  pointerWithin(context.focusPointer, `/rules/${index}`)
                }
                onChange={(next) => setRules(value.rules.map((r, i) => (i === index ? next : r)))}
                onDelete={
                  value.rules.length > 1
                    ? () => setRules(value.rules.filter((_, i) => i !== index))
                    : undefined
                }
              />
            ))}
          </SortableContext>
        </DndContext>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setRules([
              ...value.rules,
              {
                id: freshId(
                  'rule',
                  value.rules.map((r) => r.id),
                ),
                label: t(locale, 'routingNewRule'),
                pool: roles[0] ? { roles: [roles[0].value] } : { users: ['user'] },
              },
            ])
          }
        >
          {t(locale, 'routingAddRule')}
        </Button>
      </Card>
      <Card size="small" title={t(locale, 'routingStrategy')}>
        <StrategyEditor
          ariaLabel={t(locale, 'routingStrategy')}
          optional={false}
          value={value.strategy}
          fields={fieldOptions}
          locale={locale}
          onChange={(strategy) => onChange(assign(value, 'strategy', strategy))}
        />
      </Card>
      <ConstraintsCard
        value={value.constraints}
        fields={fieldOptions}
        locale={locale}
        onChange={(constraints) =>
          onChange(
            assign(
              value,
              'constraints',
              constraints && Object.keys(constraints).length > 0 ? constraints : undefined,
            ),
          )
        }
      />
      <PreferencesCard
        value={value.preferences}
        fields={fields}
        locale={locale}
        onChange={(preferences) => onChange(assign(value, 'preferences', preferences))}
      />
      <Card size="small" title={t(locale, 'routingFallback')}>
        <Form layout="vertical" size="small">
          <Form.Item label={t(locale, 'routingQueue')}>
            <Input
              aria-label={t(locale, 'routingQueue')}
              style={{ width: 240 }}
              value={value.fallback.queue}
              onChange={(e) =>
                onChange({ ...value, fallback: { ...value.fallback, queue: e.target.value } })
              }
            />
          </Form.Item>
          <Form.Item label={t(locale, 'routingFallbackNotify')}>
            <PartyListEditor
              ariaLabel={t(locale, 'routingFallbackNotify')}
              value={value.fallback.notify}
              choices={{ roles, userFields }}
              locale={locale}
              onChange={(notify?: Party[]) =>
                onChange({ ...value, fallback: assign(value.fallback, 'notify', notify) })
              }
            />
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}

function ConstraintsCard(props: {
  readonly value: RoutingConstraints | undefined;
  readonly onChange: (next: RoutingConstraints | undefined) => void;
  readonly fields: readonly { value: string; label: string }[];
  readonly locale: EditorLocale;
}): ReactElement {
  const { locale } = props;
  const value = props.value ?? {};
  const set = (key: keyof RoutingConstraints, next: unknown): void =>
    props.onChange(assign(value, key, next));
  return (
    <Card size="small" title={t(locale, 'routingConstraints')}>
      <Form layout="vertical" size="small">
        <Space wrap align="start">
          <Form.Item label={t(locale, 'routingMaxOpen')}>
            <InputNumber
              aria-label={t(locale, 'routingMaxOpen')}
              min={1}
              precision={0}
              value={value.maxOpenItems}
              onChange={(n) => set('maxOpenItems', n ?? undefined)}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'routingSkipStatuses')}>
            <Select
              aria-label={t(locale, 'routingSkipStatuses')}
              mode="tags"
              style={{ minWidth: 220 }}
              value={value.skipStatuses ?? []}
              onChange={(statuses: string[]) => set('skipStatuses', statuses)}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'routingWorkingHours')}>
            <Switch
              aria-label={t(locale, 'routingWorkingHours')}
              checked={value.workingHoursOnly ?? false}
              onChange={(on) => set('workingHoursOnly', on || undefined)}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'routingMaxOwners')}>
            <InputNumber
              aria-label={t(locale, 'routingMaxOwners')}
              min={1}
              precision={0}
              value={value.maxOwnersPerCustomer}
              onChange={(n) => set('maxOwnersPerCustomer', n ?? undefined)}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'routingCustomerField')}>
            <Select
              aria-label={t(locale, 'routingCustomerField')}
              allowClear
              style={{ width: 180 }}
              value={value.customerField}
              options={[...props.fields]}
              onChange={(id?: string) => set('customerField', id)}
            />
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}

function PreferencesCard(props: {
  readonly value: readonly RoutingPreference[] | undefined;
  readonly onChange: (next: RoutingPreference[]) => void;
  readonly fields: Parameters<typeof ConditionBuilder>[0]['fields'];
  readonly locale: EditorLocale;
}): ReactElement {
  const { locale, fields } = props;
  const value = props.value ?? [];
  const replace = (index: number, next: RoutingPreference): void =>
    props.onChange(value.map((p, i) => (i === index ? next : p)));
  return (
    <Card size="small" title={t(locale, 'routingPreferences')}>
      {value.map((preference, index) => (
        <Card
          key={index}
          size="small"
          type="inner"
          style={{ marginBottom: 8 }}
          title={
            <Input
              size="small"
              variant="borderless"
              aria-label={`${t(locale, 'id')} ${preference.id}`}
              value={preference.id}
              onChange={(e) => replace(index, { ...preference, id: e.target.value })}
            />
          }
          extra={
            <Button
              type="text"
              danger
              aria-label={`${t(locale, 'delete')} ${preference.id}`}
              icon={<DeleteOutlined />}
              onClick={() => props.onChange(value.filter((_, i) => i !== index))}
            />
          }
        >
          <Form layout="vertical" size="small">
            <Form.Item label={t(locale, 'label')}>
              <LocalizedInput
                ariaLabel={`${t(locale, 'label')} ${preference.id}`}
                value={preference.label}
                locale={locale}
                onChange={(label) => replace(index, assign(preference, 'label', label))}
              />
            </Form.Item>
            <Form.Item label={t(locale, 'routingWhen')}>
              <ConditionBuilder
                value={preference.when}
                fields={fields}
                locale={locale}
                onChange={(when) => replace(index, { ...preference, when: when ?? true })}
              />
            </Form.Item>
            <Form.Item label={t(locale, 'routingPrefer')}>
              <Select
                aria-label={`${t(locale, 'routingPrefer')} ${preference.id}`}
                mode="tags"
                style={{ minWidth: 240 }}
                value={preference.prefer}
                onChange={(users: string[]) =>
                  users.length > 0 &&
                  replace(index, { ...preference, prefer: users as RoutingPreference['prefer'] })
                }
              />
            </Form.Item>
          </Form>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          props.onChange([
            ...value,
            {
              id: freshId(
                'preference',
                value.map((p) => p.id),
              ),
              when:
                conditionToLogic({
                  kind: 'group',
                  combinator: 'and',
                  children: [newRule(fields[0])],
                }) ?? true,
              prefer: ['user'],
            },
          ])
        }
      >
        {t(locale, 'routingAddPreference')}
      </Button>
    </Card>
  );
}
