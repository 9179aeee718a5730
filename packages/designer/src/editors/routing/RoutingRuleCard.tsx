import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Badge, Button, Card, Form, Input, Select, Space } from 'antd';
import type { RoutingRule } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import type { ConditionField } from '../condition/operators.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { t, type EditorLocale } from '../i18n.js';
import { StrategyEditor } from './StrategyEditor.js';

type Pool = RoutingRule['pool'];

/** `pool` with `key` set to a non-empty list, or without it. */
function withPoolPart(pool: Pool, key: 'users' | 'roles' | 'teams', ids: string[]): Pool {
  const next: Record<string, unknown> = { ...pool };
  if (ids.length === 0) delete next[key];
  else next[key] = ids;
  return next as Pool;
}

function assign<K extends keyof RoutingRule>(
  rule: RoutingRule,
  key: K,
  value: RoutingRule[K] | undefined,
): RoutingRule {
  const next = { ...rule };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** One routing rule as a sortable card: condition, candidate pool, own strategy. */
export function RoutingRuleCard(props: {
  readonly sortId: string;
  readonly index: number;
  readonly rule: RoutingRule;
  readonly onChange: (next: RoutingRule) => void;
  readonly onDelete: (() => void) | undefined;
  readonly fields: readonly ConditionField[];
  readonly roles: readonly { value: string; label: string }[];
  readonly problems: number;
  readonly focused: boolean;
  readonly locale: EditorLocale;
}): ReactElement {
  const { rule, onChange, locale } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: props.sortId,
  });
  const fieldOptions = props.fields.map((f) => ({ value: f.id, label: f.label }));
  return (
    <div
      ref={setNodeRef}
      className="rl-routing-rule"
      data-rule={rule.id}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        marginBottom: 8,
      }}
    >
      <Card
        size="small"
        style={{
          borderColor: props.problems > 0 ? '#ff4d4f' : props.focused ? '#1677ff' : undefined,
        }}
        title={
          <Space>
            <Button
              type="text"
              size="small"
              icon={<HolderOutlined />}
              aria-label={`${t(locale, 'routingDrag')} ${rule.id}`}
              style={{ cursor: 'grab' }}
              {...attributes}
              {...listeners}
            />
            <span>#{props.index + 1}</span>
            <Input
              size="small"
              aria-label={`${t(locale, 'routingRuleId')} ${props.index + 1}`}
              style={{ width: 180 }}
              value={rule.id}
              onChange={(e) => onChange({ ...rule, id: e.target.value })}
            />
            {props.problems > 0 && (
              <Badge
                count={props.problems}
                title={t(locale, 'routingProblems', { count: props.problems })}
              />
            )}
          </Space>
        }
        extra={
          props.onDelete && (
            <Button
              type="text"
              danger
              aria-label={`${t(locale, 'delete')} ${rule.id}`}
              icon={<DeleteOutlined />}
              onClick={props.onDelete}
            />
          )
        }
      >
        <Form layout="vertical" size="small">
          <Form.Item label={t(locale, 'label')}>
            <LocalizedInput
              ariaLabel={`${t(locale, 'label')} ${rule.id}`}
              value={rule.label}
              locale={locale}
              onChange={(label) => onChange(assign(rule, 'label', label))}
            />
          </Form.Item>
          <Form.Item
            label={t(locale, 'routingWhen')}
            help={rule.when === undefined ? t(locale, 'routingCatchAll') : undefined}
          >
            <ConditionBuilder
              value={rule.when}
              fields={props.fields}
              locale={locale}
              ariaLabel={`${t(locale, 'routingWhen')} ${rule.id}`}
              onChange={(when) => onChange(assign(rule, 'when', when))}
            />
          </Form.Item>
          <Form.Item label={t(locale, 'routingPool')}>
            <Space wrap>
              <Select
                aria-label={`${t(locale, 'routingUsers')} ${rule.id}`}
                mode="tags"
                placeholder={t(locale, 'routingUsers')}
                style={{ minWidth: 200 }}
                value={rule.pool.users ?? []}
                onChange={(ids: string[]) =>
                  onChange({ ...rule, pool: withPoolPart(rule.pool, 'users', ids) })
                }
              />
              <Select
                aria-label={`${t(locale, 'routingRoles')} ${rule.id}`}
                mode="tags"
                placeholder={t(locale, 'routingRoles')}
                style={{ minWidth: 200 }}
                value={rule.pool.roles ?? []}
                options={[...props.roles]}
                onChange={(ids: string[]) =>
                  onChange({ ...rule, pool: withPoolPart(rule.pool, 'roles', ids) })
                }
              />
              <Select
                aria-label={`${t(locale, 'routingTeams')} ${rule.id}`}
                mode="tags"
                placeholder={t(locale, 'routingTeams')}
                style={{ minWidth: 200 }}
                value={rule.pool.teams ?? []}
                onChange={(ids: string[]) =>
                  onChange({ ...rule, pool: withPoolPart(rule.pool, 'teams', ids) })
                }
              />
            </Space>
          </Form.Item>
          <Form.Item label={t(locale, 'routingRuleStrategy')}>
            <StrategyEditor
              ariaLabel={`${t(locale, 'routingRuleStrategy')} ${rule.id}`}
              optional
              value={rule.strategy}
              fields={fieldOptions}
              locale={locale}
              onChange={(strategy) => onChange(assign(rule, 'strategy', strategy))}
            />
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
