import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, InputNumber, Select, Space } from 'antd';
import type { FormulaDefinition, FormulaInput, FormulaOutput } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { LocalizedInput } from '../common/LocalizedInput.js';
import { t, type EditorLocale } from '../i18n.js';
import { freshId } from '../pipeline/pipelineEdits.js';
import { COLUMN_TYPES } from '../table/ColumnHeader.js';
import { inputValue } from './FormulaTry.js';

const ROUNDING = ['half-up', 'half-even', 'down', 'up'] as const;

function assign<T extends object>(object: T, key: keyof T, value: unknown): T {
  const next = { ...object } as Record<string, unknown>;
  if (value === undefined) delete next[key as string];
  else next[key as string] = value;
  return next as T;
}

/** The inputs of a formula: id, label, type, required, default; add and remove. */
export function FormulaInputs(props: {
  readonly value: FormulaDefinition;
  readonly onChange: (next: FormulaDefinition) => void;
  readonly locale: EditorLocale;
}): ReactElement {
  const { value, onChange, locale } = props;
  const inputs = value.inputs;
  const replace = (index: number, next: FormulaInput): void =>
    onChange({ ...value, inputs: inputs.map((input, i) => (i === index ? next : input)) });
  return (
    <div className="rl-formula-inputs">
      {inputs.map((input, index) => (
        <Space key={index} wrap style={{ marginBottom: 4 }}>
          <Input
            aria-label={`${t(locale, 'id')} ${index + 1}`}
            style={{ width: 210 }}
            value={input.id}
            onChange={(e) => replace(index, { ...input, id: e.target.value })}
          />
          <LocalizedInput
            ariaLabel={`${t(locale, 'label')} ${index + 1}`}
            value={input.label}
            locale={locale}
            onChange={(label) => replace(index, assign(input, 'label', label))}
          />
          <Select
            aria-label={`${t(locale, 'type')} ${index + 1}`}
            style={{ width: 110 }}
            value={input.type}
            options={COLUMN_TYPES.map((type) => ({ value: type, label: type }))}
            onChange={(type: FormulaInput['type']) => replace(index, { ...input, type })}
          />
          <Checkbox
            checked={input.required ?? true}
            onChange={(e) =>
              replace(index, assign(input, 'required', e.target.checked ? undefined : false))
            }
          >
            {t(locale, 'formulaRequired')}
          </Checkbox>
          <Input
            aria-label={`${t(locale, 'formulaDefault')} ${index + 1}`}
            placeholder={t(locale, 'formulaDefault')}
            style={{ width: 110 }}
            value={input.default === undefined ? '' : String(input.default)}
            onChange={(e) =>
              replace(index, assign(input, 'default', inputValue(e.target.value, input.type)))
            }
          />
          <Button
            type="text"
            danger
            aria-label={`${t(locale, 'delete')} ${input.id}`}
            icon={<DeleteOutlined />}
            onClick={() => onChange({ ...value, inputs: inputs.filter((_, i) => i !== index) })}
          />
        </Space>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() =>
          onChange({
            ...value,
            inputs: [
              ...inputs,
              {
                id: freshId(
                  'input',
                  inputs.map((i) => i.id),
                ),
                label: t(locale, 'formulaNewInput'),
                type: 'number',
              },
            ],
          })
        }
      >
        {t(locale, 'formulaAddInput')}
      </Button>
    </div>
  );
}

/** The output of a formula: type, label, precision and rounding. */
export function FormulaOutputEditor(props: {
  readonly value: FormulaOutput;
  readonly onChange: (next: FormulaOutput) => void;
  readonly locale: EditorLocale;
}): ReactElement {
  const { value, onChange, locale } = props;
  return (
    <Space wrap>
      <LocalizedInput
        ariaLabel={`${t(locale, 'formulaOutput')} ${t(locale, 'label')}`}
        value={value.label}
        locale={locale}
        onChange={(label) => onChange(assign(value, 'label', label))}
      />
      <Select
        aria-label={`${t(locale, 'formulaOutput')} ${t(locale, 'type')}`}
        style={{ width: 110 }}
        value={value.type}
        options={COLUMN_TYPES.map((type) => ({ value: type, label: type }))}
        onChange={(type: FormulaOutput['type']) => onChange({ ...value, type })}
      />
      <InputNumber
        aria-label={t(locale, 'formulaPrecision')}
        placeholder={t(locale, 'formulaPrecision')}
        min={0}
        max={10}
        value={value.precision}
        onChange={(precision) => onChange(assign(value, 'precision', precision ?? undefined))}
      />
      <Select
        aria-label={t(locale, 'formulaRounding')}
        style={{ width: 140 }}
        value={value.rounding ?? 'half-up'}
        options={ROUNDING.map((r) => ({ value: r, label: t(locale, `rounding.${r}`) }))}
        onChange={(rounding: (typeof ROUNDING)[number]) =>
          onChange(assign(value, 'rounding', rounding === 'half-up' ? undefined : rounding))
        }
      />
    </Space>
  );
}
