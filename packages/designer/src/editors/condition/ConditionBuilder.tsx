import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { compileExpression, type Diagnostic, type FieldInfo } from '@ruleloom/engine';
import { useMemo, useState, type ReactElement } from 'react';
import { t, type EditorLocale } from '../i18n.js';
import {
  conditionFromLogic,
  conditionToLogic,
  LIST_OPERATORS,
  VALUELESS_OPERATORS,
  type ConditionGroup,
  type ConditionLiteral,
  type ConditionNode,
  type ConditionRule,
} from './conditionTree.js';
import {
  changeField,
  changeOperator,
  newRule,
  operatorsFor,
  type ConditionField,
} from './operators.js';

/** Props of {@link ConditionBuilder}. */
export interface ConditionBuilderProps {
  /** The condition as JsonLogic; undefined for none. */
  readonly value: unknown;
  /** Receives the edited JsonLogic; undefined when the last row is removed. */
  readonly onChange: (next: unknown) => void;
  /** The fields rows may test. */
  readonly fields: readonly ConditionField[];
  readonly locale: EditorLocale;
  /** Accessible name of the builder (e.g. the gate check it belongs to). */
  readonly ariaLabel?: string;
}

type Path = readonly number[];

/** The tree at `path` replaced by `update(node)`; `undefined` from `update` removes it. */
function updateAt(
  group: ConditionGroup,
  path: Path,
  update: (node: ConditionNode) => ConditionNode | undefined,
): ConditionGroup {
  if (path.length === 0) {
    const next = update(group);
    return next?.kind === 'group' ? next : { ...group, children: [] };
  }
  const [head, ...rest] = path as [number, ...number[]];
  const children: ConditionNode[] = [];
  group.children.forEach((child, index) => {
    if (index !== head) children.push(child);
    else if (rest.length === 0) {
      const next = update(child);
      if (next) children.push(next);
    } else if (child.kind === 'group') children.push(updateAt(child, rest, update));
    else children.push(child);
  });
  return { ...group, children };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A visual condition builder over JsonLogic: AND / OR groups (nested) of field – operator –
 * value rows, with value inputs typed by the field. Logic it cannot show as rows is kept as a
 * read-only "高级条件" row, so nothing is lost. Controlled: `value` in, `onChange(next)` out.
 *
 * @example
 * <ConditionBuilder value={gate.when} onChange={(when) => …} fields={fields} locale="zh-CN" />
 */
export function ConditionBuilder(props: ConditionBuilderProps): ReactElement {
  const { value, onChange, fields, locale } = props;
  // The tree keeps rows still being filled in (no field yet) and empty groups, which the
  // JsonLogic does not; it is read again from `value` whenever that changes from outside
  // (undo, the JSON view).
  const [draft, setDraft] = useState(() => ({ tree: conditionFromLogic(value), logic: value }));
  let tree = draft.tree;
  if (draft.logic !== value && !sameJson(draft.logic, value)) {
    tree = conditionFromLogic(value);
    setDraft({ tree, logic: value });
  }

  const edit = (path: Path, update: (node: ConditionNode) => ConditionNode | undefined): void => {
    const next = updateAt(tree, path, update);
    const logic = conditionToLogic(next);
    setDraft({ tree: next, logic });
    if (!sameJson(logic, value)) onChange(logic);
  };

  const problems = useEngineCheck(value, fields);
  return (
    <div className="rl-condition" role="group" aria-label={props.ariaLabel ?? t(locale, 'condAll')}>
      <GroupView group={tree} path={[]} fields={fields} locale={locale} edit={edit} />
      {problems.map((d, i) => (
        <div
          key={i}
          role="alert"
          className="rl-condition-problem"
          title={d.hint[locale]}
          style={{ color: d.severity === 'error' ? '#ff4d4f' : '#faad14', fontSize: 12 }}
        >
          {d.code} {d.message[locale]}
        </div>
      ))}
    </div>
  );
}

/**
 * The engine's own check of the condition against the fields' types (unknown fields, values
 * of the wrong type): the builder never judges a rule itself.
 */
function useEngineCheck(logic: unknown, fields: readonly ConditionField[]): readonly Diagnostic[] {
  return useMemo(() => {
    if (logic === undefined || fields.length === 0) return [];
    const infos: FieldInfo[] = fields.map((f) => ({
      id: f.id,
      type: f.type as FieldInfo['type'],
      label: f.label,
    }));
    return compileExpression(logic, { fields: infos }).diagnostics.filter(
      (d) => d.severity !== 'info',
    );
  }, [logic, fields]);
}

interface ViewProps {
  readonly path: Path;
  readonly fields: readonly ConditionField[];
  readonly locale: EditorLocale;
  readonly edit: (path: Path, update: (node: ConditionNode) => ConditionNode | undefined) => void;
}

function GroupView(props: ViewProps & { readonly group: ConditionGroup }): ReactElement {
  const { group, path, fields, locale, edit } = props;
  const nested = path.length > 0;
  const addChild = (child: ConditionNode): void =>
    edit(path, (node) =>
      node.kind === 'group' ? { ...node, children: [...node.children, child] } : node,
    );
  return (
    <div
      className="rl-condition-group"
      style={
        nested
          ? { border: '1px dashed #d9d9d9', borderRadius: 6, padding: 8, marginTop: 4 }
          : undefined
      }
    >
      <Space wrap style={{ marginBottom: 4 }}>
        <Radio.Group
          size="small"
          optionType="button"
          value={group.combinator}
          onChange={(e) =>
            edit(path, (node) =>
              node.kind === 'group'
                ? { ...node, combinator: e.target.value as 'and' | 'or' }
                : node,
            )
          }
          options={[
            { value: 'and', label: t(locale, 'condAll') },
            { value: 'or', label: t(locale, 'condAny') },
          ]}
        />
        {nested && (
          <Button size="small" type="text" danger onClick={() => edit(path, () => undefined)}>
            {t(locale, 'condDeleteGroup')}
          </Button>
        )}
      </Space>
      {group.children.length === 0 && !nested && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t(locale, 'condEmpty')}
        </Typography.Text>
      )}
      {group.children.map((child, index) => {
        const childPath = [...path, index];
        const key = childPath.join('.');
        if (child.kind === 'group') {
          return <GroupView key={key} {...props} group={child} path={childPath} />;
        }
        if (child.kind === 'raw') {
          return (
            <RawRow
              key={key}
              logic={child.logic}
              locale={locale}
              onDelete={() => edit(childPath, () => undefined)}
            />
          );
        }
        return (
          <RuleRow
            key={key}
            rule={child}
            fields={fields}
            locale={locale}
            onChange={(rule) => edit(childPath, () => rule)}
            onDelete={() => edit(childPath, () => undefined)}
          />
        );
      })}
      <Space style={{ marginTop: 4 }}>
        <Button size="small" icon={<PlusOutlined />} onClick={() => addChild(newRule(fields[0]))}>
          {t(locale, 'condAddRule')}
        </Button>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            addChild({ kind: 'group', combinator: 'or', children: [newRule(fields[0])] })
          }
        >
          {t(locale, 'condAddGroup')}
        </Button>
      </Space>
    </div>
  );
}

function RawRow(props: {
  readonly logic: unknown;
  readonly locale: EditorLocale;
  readonly onDelete: () => void;
}): ReactElement {
  return (
    <div className="rl-condition-raw" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <Tooltip title={t(props.locale, 'condAdvancedHint')}>
        <Tag color="purple">{t(props.locale, 'condAdvanced')}</Tag>
      </Tooltip>
      <Typography.Text code style={{ flex: 1, wordBreak: 'break-all' }}>
        {JSON.stringify(props.logic)}
      </Typography.Text>
      <Button
        size="small"
        type="text"
        danger
        aria-label={t(props.locale, 'delete')}
        icon={<DeleteOutlined />}
        onClick={props.onDelete}
      />
    </div>
  );
}

function RuleRow(props: {
  readonly rule: ConditionRule;
  readonly fields: readonly ConditionField[];
  readonly locale: EditorLocale;
  readonly onChange: (rule: ConditionRule) => void;
  readonly onDelete: () => void;
}): ReactElement {
  const { rule, fields, locale, onChange } = props;
  const field = fields.find((f) => f.id === rule.field);
  const operators = operatorsFor(field?.type);
  const shown = operators.includes(rule.operator) ? operators : [...operators, rule.operator];
  const fieldOptions = fields.map((f) => ({ value: f.id, label: f.label }));
  if (rule.field !== '' && !field) fieldOptions.push({ value: rule.field, label: rule.field });
  return (
    <div
      className="rl-condition-rule"
      style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4, flexWrap: 'wrap' }}
    >
      <Select
        aria-label={t(locale, 'condPickField')}
        placeholder={t(locale, 'condPickField')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
        value={rule.field === '' ? undefined : rule.field}
        options={fieldOptions}
        onChange={(id: string) =>
          onChange(
            changeField(
              rule,
              fields.find((f) => f.id === id),
            ),
          )
        }
      />
      <Select
        aria-label={t(locale, 'condPickOperator')}
        style={{ width: 120 }}
        value={rule.operator}
        options={shown.map((op) => ({ value: op, label: t(locale, `op.${op}`) }))}
        onChange={(op) => onChange(changeOperator(rule, op, field))}
      />
      {!VALUELESS_OPERATORS.has(rule.operator) && (
        <ValueInput
          field={field}
          list={LIST_OPERATORS.has(rule.operator)}
          value={rule.value}
          locale={locale}
          onChange={(value) => onChange({ ...rule, value })}
        />
      )}
      <Button
        size="small"
        type="text"
        danger
        aria-label={t(locale, 'delete')}
        icon={<DeleteOutlined />}
        onClick={props.onDelete}
      />
    </div>
  );
}

/** The value input of a row, typed by its field. */
function ValueInput(props: {
  readonly field: ConditionField | undefined;
  readonly list: boolean;
  readonly value: ConditionRule['value'];
  readonly locale: EditorLocale;
  readonly onChange: (value: ConditionLiteral | ConditionLiteral[]) => void;
}): ReactElement {
  const { field, list, value, locale, onChange } = props;
  const label = t(locale, 'condValue');
  const type = field?.type;
  if (list) {
    const options = field?.options?.map((o) => ({ value: o.value, label: o.label }));
    return (
      <Select
        aria-label={label}
        mode={options ? 'multiple' : 'tags'}
        style={{ width: 240 }}
        value={Array.isArray(value) ? (value as ConditionLiteral[]).map(String) : []}
        options={options ?? []}
        onChange={(next: string[]) => onChange(next)}
      />
    );
  }
  const single = Array.isArray(value) ? undefined : value;
  if (field?.options && (type === 'enum' || type === 'multi-enum')) {
    return (
      <Select
        aria-label={label}
        style={{ width: 160 }}
        value={single === undefined ? undefined : String(single)}
        options={field.options.map((o) => ({ value: o.value, label: o.label }))}
        onChange={(next: string) => onChange(next)}
      />
    );
  }
  if (type === 'number' || type === 'money' || type === 'percent') {
    return (
      <InputNumber
        aria-label={label}
        style={{ width: 160 }}
        prefix={type === 'money' ? '¥' : undefined}
        suffix={type === 'percent' ? '(0.85 = 85%)' : undefined}
        value={typeof single === 'number' ? single : Number(single ?? 0)}
        onChange={(next) => onChange(typeof next === 'number' ? next : 0)}
      />
    );
  }
  if (type === 'boolean') {
    return (
      <Select
        aria-label={label}
        style={{ width: 90 }}
        value={single === false ? 'false' : 'true'}
        options={[
          { value: 'true', label: t(locale, 'yes') },
          { value: 'false', label: t(locale, 'no') },
        ]}
        onChange={(next: string) => onChange(next === 'true')}
      />
    );
  }
  if (type === 'date' || type === 'datetime') {
    return (
      <Input
        aria-label={label}
        type={type === 'date' ? 'date' : 'datetime-local'}
        style={{ width: 200 }}
        value={typeof single === 'string' ? single : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Input
      aria-label={label}
      style={{ width: 180 }}
      value={single === undefined ? '' : String(single)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
