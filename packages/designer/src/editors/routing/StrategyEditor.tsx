import { Input, Select, Space } from 'antd';
import type { RoutingStrategy } from '@ruleloom/schemas';
import type { ReactElement } from 'react';
import { t, type EditorLocale } from '../i18n.js';

const TYPES = ['round-robin', 'least-loaded', 'weighted', 'sticky'] as const;
const MEASURES = ['open-items', 'assigned-today', 'signed-7d'] as const;

/** `zhangwei: 2, lina: 1` ↔ `{ zhangwei: 2, lina: 1 }`. */
export function weightsText(
  weights: Readonly<Record<string, number | undefined>> | undefined,
): string {
  return Object.entries(weights ?? {})
    .map(([user, weight]) => `${user}: ${weight}`)
    .join(', ');
}

/** Reads `zhangwei: 2, lina: 1` (also `zhangwei=2`, Chinese commas); skips what does not read. */
export function parseWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const part of text.split(/[,，;；\n]/)) {
    const match = /^\s*([^:：=\s]+)\s*[:：=]\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (match && Number(match[2]) > 0) weights[match[1]!] = Number(match[2]);
  }
  return weights;
}

/** A strategy with the options its type takes (routing.schema.json `strategy`). */
export function StrategyEditor(props: {
  readonly value: RoutingStrategy | undefined;
  readonly onChange: (next: RoutingStrategy | undefined) => void;
  /** Offer "use the default" (a rule's own strategy). */
  readonly optional: boolean;
  readonly fields: readonly { value: string; label: string }[];
  readonly locale: EditorLocale;
  readonly ariaLabel: string;
}): ReactElement {
  const { value, onChange, locale } = props;
  const type = value?.type ?? (props.optional ? 'default' : 'round-robin');
  const options = [
    ...(props.optional ? [{ value: 'default', label: t(locale, 'routingDefaultStrategy') }] : []),
    ...TYPES.map((s) => ({ value: s, label: t(locale, `strategy.${s}`) })),
  ];
  const choose = (next: string): void => {
    if (next === 'default') onChange(undefined);
    else if (next === 'weighted') onChange({ type: 'weighted', weights: { user: 1 } });
    else if (next === 'sticky')
      onChange({ type: 'sticky', by: props.fields[0]?.value ?? 'customer' });
    else onChange({ type: next } as RoutingStrategy);
  };
  return (
    <Space wrap>
      <Select
        aria-label={props.ariaLabel}
        style={{ width: 190 }}
        value={type}
        options={options}
        onChange={choose}
      />
      {value?.type === 'least-loaded' && (
        <Select
          aria-label={t(locale, 'routingMeasure')}
          style={{ width: 170 }}
          value={value.measure ?? 'open-items'}
          options={MEASURES.map((m) => ({ value: m, label: t(locale, `measure.${m}`) }))}
          onChange={(measure: (typeof MEASURES)[number]) => onChange({ ...value, measure })}
        />
      )}
      {value?.type === 'weighted' && (
        <Input
          key={weightsText(value.weights)}
          aria-label={t(locale, 'routingWeights')}
          placeholder={t(locale, 'routingWeights')}
          style={{ width: 280 }}
          defaultValue={weightsText(value.weights)}
          onBlur={(e) => {
            const weights = parseWeights(e.target.value);
            if (Object.keys(weights).length > 0) onChange({ ...value, weights });
          }}
        />
      )}
      {value?.type === 'sticky' && (
        <>
          <Select
            aria-label={t(locale, 'routingStickyBy')}
            style={{ width: 170 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={value.by}
            options={
              props.fields.some((f) => f.value === value.by)
                ? [...props.fields]
                : [...props.fields, { value: value.by, label: value.by }]
            }
            onChange={(by: string) => onChange({ ...value, by })}
          />
          <Select
            aria-label={t(locale, 'routingOtherwise')}
            style={{ width: 240 }}
            value={value.otherwise ?? 'round-robin'}
            options={(['round-robin', 'least-loaded'] as const).map((s) => ({
              value: s,
              label: `${t(locale, 'routingOtherwise')}: ${t(locale, `strategy.${s}`)}`,
            }))}
            onChange={(otherwise: 'round-robin' | 'least-loaded') =>
              onChange({ ...value, otherwise })
            }
          />
        </>
      )}
    </Space>
  );
}
