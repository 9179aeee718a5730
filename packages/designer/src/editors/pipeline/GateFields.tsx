import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select } from 'antd';
import type { Gate, GateCondition } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { ConditionBuilder } from '../condition/ConditionBuilder.js';
import { conditionToLogic } from '../condition/conditionTree.js';
import { newRule, type ConditionField } from '../condition/operators.js';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { t, type EditorLocale } from '../i18n.js';

const FILE_TYPES = new Set(['attachment', 'photo']);

/** Options of a field picker, with ids the gate already names but the entity lacks. */
function fieldOptions(
  fields: readonly ConditionField[],
  keep: (field: ConditionField) => boolean,
  chosen: readonly string[] | undefined,
): { value: string; label: string }[] {
  const options = fields.filter(keep).map((f) => ({ value: f.id, label: `${f.label} (${f.id})` }));
  for (const id of chosen ?? []) {
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: id });
  }
  return options;
}

/** `gate` with `key` set, or removed when empty; undefined when nothing is left. */
function withPart<K extends keyof Gate>(
  gate: Gate | undefined,
  key: K,
  value: Gate[K] | undefined,
): Gate | undefined {
  const next: Gate = { ...gate };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return Object.keys(next).length === 0 ? undefined : next;
}

/**
 * The parts of a gate (pipeline.schema.json `gate`): required fields, required attachments,
 * and checks (a condition with the message shown when it fails, and a severity).
 * `onChange(undefined)` when the gate is emptied (a gate must have at least one part).
 */
export function GateFields(props: {
  readonly gate: Gate | undefined;
  readonly onChange: (next: Gate | undefined) => void;
  readonly fields: readonly ConditionField[];
  readonly locale: EditorLocale;
}): ReactElement {
  const { gate, onChange, fields, locale } = props;
  const conditions = gate?.conditions ?? [];
  const setConditions = (next: GateCondition[]): void =>
    onChange(withPart(gate, 'conditions', next as Gate['conditions']));
  const addCondition = (): void => {
    const expression =
      conditionToLogic({ kind: 'group', combinator: 'and', children: [newRule(fields[0])] }) ??
      true;
    setConditions([...conditions, { expression, message: t(locale, 'gateDefaultMessage') }]);
  };
  return (
    <>
      <Form.Item
        label={t(locale, 'gateRequiredFields')}
        extra={t(locale, 'gateRequiredFieldsHelp')}
      >
        <Select
          aria-label={t(locale, 'gateRequiredFields')}
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          value={gate?.requiredFields ?? []}
          options={fieldOptions(fields, (f) => !FILE_TYPES.has(f.type), gate?.requiredFields)}
          onChange={(ids: string[]) =>
            onChange(withPart(gate, 'requiredFields', ids as Gate['requiredFields']))
          }
        />
      </Form.Item>
      <Form.Item label={t(locale, 'gateRequiredAttachments')}>
        <Select
          aria-label={t(locale, 'gateRequiredAttachments')}
          mode="multiple"
          value={gate?.requiredAttachments ?? []}
          options={fieldOptions(fields, (f) => FILE_TYPES.has(f.type), gate?.requiredAttachments)}
          onChange={(ids: string[]) =>
            onChange(withPart(gate, 'requiredAttachments', ids as Gate['requiredAttachments']))
          }
        />
      </Form.Item>
      <Form.Item label={t(locale, 'gateConditions')}>
        {conditions.map((condition, index) => {
          const replace = (next: GateCondition): void =>
            setConditions(conditions.map((c, i) => (i === index ? next : c)));
          return (
            <Card
              key={index}
              size="small"
              style={{ marginBottom: 8 }}
              extra={
                <Button
                  type="text"
                  danger
                  aria-label={t(locale, 'delete')}
                  icon={<DeleteOutlined />}
                  onClick={() => setConditions(conditions.filter((_, i) => i !== index))}
                />
              }
              title={`#${index + 1}`}
            >
              <ConditionBuilder
                value={condition.expression}
                fields={fields}
                locale={locale}
                ariaLabel={`${t(locale, 'gateConditions')} ${index + 1}`}
                onChange={(expression) => replace({ ...condition, expression: expression ?? true })}
              />
              <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                <div style={{ flex: 1 }}>
                  <LocalizedInput
                    ariaLabel={t(locale, 'gateConditionMessage')}
                    placeholder={t(locale, 'gateConditionMessage')}
                    value={condition.message}
                    locale={locale}
                    onChange={(message) =>
                      replace({ ...condition, message: message ?? t(locale, 'gateDefaultMessage') })
                    }
                  />
                </div>
                <Select
                  aria-label={t(locale, 'gateSeverity')}
                  style={{ width: 130 }}
                  value={condition.severity ?? 'error'}
                  options={(['error', 'warning'] as const).map((s) => ({
                    value: s,
                    label: t(locale, `severity.${s}`),
                  }))}
                  onChange={(severity: 'error' | 'warning') => {
                    const { severity: _old, ...rest } = condition;
                    replace(severity === 'error' ? rest : { ...rest, severity });
                  }}
                />
              </div>
            </Card>
          );
        })}
        <Button size="small" icon={<PlusOutlined />} onClick={addCondition}>
          {t(locale, 'gateAddCondition')}
        </Button>
      </Form.Item>
    </>
  );
}
