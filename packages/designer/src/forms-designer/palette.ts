/**
 * The field types of the palette: each is an entity field type (field-type.schema.json)
 * with the properties that make it what an admin expects (手机号 is text with the phone
 * format, 下拉 is an enum shown as a dropdown, …).
 */
import type { StringKey } from '../i18n/strings.js';

/** One palette entry. */
export interface PaletteItem {
  /** Stable key (also the `data-palette` attribute the browser tests use). */
  readonly key: string;
  readonly label: StringKey;
  /** The new entity field, without id and label. */
  readonly field: Readonly<Record<string, unknown>>;
}

const twoOptions = (n: number): Record<string, unknown>[] =>
  [1, 2]
    .map((i) => ({
      id: `option${i}`,
      label: { 'zh-CN': `选项${i}`, en: `Option ${i}` },
    }))
    .slice(0, n);

/** Every palette entry, in palette order. */
export const PALETTE: readonly PaletteItem[] = [
  { key: 'text', label: 'type.text', field: { type: 'text' } },
  {
    key: 'textarea',
    label: 'type.textarea',
    field: { type: 'text', multiline: true },
  },
  { key: 'phone', label: 'type.phone', field: { type: 'text', format: 'phone' } },
  { key: 'email', label: 'type.email', field: { type: 'text', format: 'email' } },
  { key: 'url', label: 'type.url', field: { type: 'text', format: 'url' } },
  { key: 'number', label: 'type.number', field: { type: 'number' } },
  { key: 'money', label: 'type.money', field: { type: 'money', currency: 'CNY' } },
  { key: 'percent', label: 'type.percent', field: { type: 'percent' } },
  { key: 'date', label: 'type.date', field: { type: 'date' } },
  { key: 'datetime', label: 'type.datetime', field: { type: 'datetime' } },
  {
    key: 'dropdown',
    label: 'type.dropdown',
    field: { type: 'enum', display: 'dropdown', options: twoOptions(2) },
  },
  {
    key: 'radio',
    label: 'type.radio',
    field: { type: 'enum', display: 'radio', options: twoOptions(2) },
  },
  {
    key: 'multi-enum',
    label: 'type.multi-enum',
    field: { type: 'multi-enum', display: 'checkboxes', options: twoOptions(2) },
  },
  { key: 'boolean', label: 'type.boolean', field: { type: 'boolean' } },
  { key: 'user', label: 'type.user', field: { type: 'user' } },
  {
    key: 'ref',
    label: 'type.ref',
    field: { type: 'ref', entity: 'customer' },
  },
  {
    key: 'attachment',
    label: 'type.attachment',
    field: { type: 'attachment' },
  },
  { key: 'photo', label: 'type.photo', field: { type: 'photo', watermark: true } },
  { key: 'geo', label: 'type.geo', field: { type: 'geo' } },
  { key: 'tags', label: 'type.tags', field: { type: 'tags' } },
];

/**
 * The palette entry of a key.
 *
 * @example
 * paletteItem('dropdown')?.field.type; // 'enum'
 */
export function paletteItem(key: string): PaletteItem | undefined {
  return PALETTE.find((item) => item.key === key);
}

/**
 * The palette key that best describes an existing entity field (for its icon and name).
 *
 * @example
 * paletteKeyOf({ type: 'text', format: 'phone' }); // 'phone'
 */
export function paletteKeyOf(field: Readonly<Record<string, unknown>>): string {
  const type = String(field['type']);
  if (type === 'text') {
    if (field['multiline'] === true) return 'textarea';
    const format = field['format'];
    if (format === 'phone' || format === 'email' || format === 'url') return format;
    return 'text';
  }
  if (type === 'enum') return field['display'] === 'radio' ? 'radio' : 'dropdown';
  return PALETTE.some((item) => item.key === type) ? type : 'text';
}
