/**
 * A "show when" / "required when" condition of a form field, edited with the visual
 * condition builder of the editors (AND / OR groups of field-operator-value rows that read
 * and write JsonLogic).
 */
import { Spin, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { ConditionField as BuilderField } from '../editors/condition/index.js';
import { useI18n } from '../i18n/I18n.js';

// Loaded with the property panel's first condition, not with the first screen: the builder
// brings the engine with it.
const ConditionBuilder = lazy(async () => ({
  default: (await import('../editors/condition/index.js')).ConditionBuilder,
}));

/** A field the condition builder may offer. */
export type ConditionFieldOption = BuilderField;

/**
 * One condition of a field.
 *
 * @example
 * <ConditionField label="显示条件" value={entry.visibleWhen} onChange={…} fields={fields} testId="x" />
 */
export function ConditionField(props: {
  readonly label: string;
  readonly value: unknown;
  readonly onChange: (next: unknown) => void;
  readonly fields: readonly ConditionFieldOption[];
  readonly testId: string;
}): ReactNode {
  const { locale } = useI18n();
  return (
    <div className="condition-field" data-testid={props.testId}>
      <Typography.Text strong>{props.label}</Typography.Text>
      <Suspense fallback={<Spin size="small" />}>
        <ConditionBuilder
          value={props.value}
          onChange={props.onChange}
          fields={props.fields}
          locale={locale}
          ariaLabel={props.label}
        />
      </Suspense>
    </div>
  );
}
