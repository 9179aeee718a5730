/**
 * Where a problem's JSON pointer lands on the form designer's canvas: a field (and maybe
 * one of its options), a group, or the form's own settings. The shell shows the JSON view
 * only for pointers the canvas cannot show (a form's validation rules, its `$schema`…).
 */
import { pointerSegments } from '../editors/common/pointers.js';
import { fieldIdOf, type EntityDef, type FormDef } from './formModel.js';

/** What the canvas selects for a pointer. */
export type CanvasTarget =
  | {
      readonly kind: 'field';
      readonly field: string;
      /** The option's index, for a pointer into `options`. */
      readonly option?: number;
      /** The option's property the pointer names (`id`, `label`). */
      readonly optionPart?: string;
    }
  | { readonly kind: 'group'; readonly group: number }
  | { readonly kind: 'form' };

/** Form properties edited in the form settings panel. */
const FORM_SETTINGS = new Set(['label', 'submitLabel', 'mode', 'shortcut']);

const index = (segment: string | undefined): number | undefined =>
  segment !== undefined && /^\d+$/.test(segment) ? Number(segment) : undefined;

function entityTarget(entity: EntityDef, segments: readonly string[]): CanvasTarget | undefined {
  if (segments[0] !== 'fields' || !Array.isArray(entity.fields)) return undefined;
  const i = index(segments[1]);
  const field = i === undefined ? undefined : entity.fields[i];
  const id = field?.id;
  // A field without a usable id cannot be selected (its id is the problem): JSON shows it.
  if (typeof id !== 'string' || id === '') return undefined;
  if (entity.fields.filter((f) => f.id === id).length > 1) return undefined;
  const option = segments[2] === 'options' ? index(segments[3]) : undefined;
  return option === undefined
    ? { kind: 'field', field: id }
    : { kind: 'field', field: id, option, ...(segments[4] ? { optionPart: segments[4] } : {}) };
}

function formTarget(form: FormDef, segments: readonly string[]): CanvasTarget | undefined {
  const [head] = segments;
  if (head !== undefined && FORM_SETTINGS.has(head) && segments.length === 1) {
    return { kind: 'form' };
  }
  if (head === 'fields' && Array.isArray(form.fields)) {
    const entry = form.fields[index(segments[1]) ?? -1];
    const id = fieldIdOf(entry);
    return id === '' ? undefined : { kind: 'field', field: id };
  }
  if (head === 'sections' && Array.isArray(form.sections)) {
    const group = index(segments[1]);
    const section = group === undefined ? undefined : form.sections[group];
    if (group === undefined || !section) return undefined;
    if (segments[2] === 'fields' && segments[3] !== undefined && Array.isArray(section.fields)) {
      const id = fieldIdOf(section.fields[index(segments[3]) ?? -1]);
      if (id !== '') return { kind: 'field', field: id };
    }
    return { kind: 'group', group };
  }
  return undefined;
}

/**
 * The canvas target of a pointer into a form or an entity definition, or `undefined`
 * when the canvas cannot show it.
 *
 * @example
 * canvasTargetOf('form', leadCreate, '/sections/1/fields/0'); // { kind: 'field', field: 'source' }
 * canvasTargetOf('entity', lead, '/fields/3/options/1/label');
 * // { kind: 'field', field: 'source', option: 1, optionPart: 'label' }
 */
export function canvasTargetOf(
  kind: 'form' | 'entity',
  value: unknown,
  pointer: string | undefined,
): CanvasTarget | undefined {
  if (pointer === undefined || typeof value !== 'object' || value === null) return undefined;
  const segments = pointerSegments(pointer);
  return kind === 'form'
    ? formTarget(value as FormDef, segments)
    : entityTarget(value as EntityDef, segments);
}

/**
 * True when the visual editor of a form or an entity shows the place a problem points
 * to, so a click in the problems panel may stay on the visual tab.
 *
 * @example
 * showsOnCanvas('form', leadCreate, '/sections/0/fields/2'); // true
 * showsOnCanvas('form', leadCreate, '/validations/0/expression'); // false
 */
export function showsOnCanvas(kind: unknown, value: unknown, pointer: string | undefined): boolean {
  if (kind !== 'form' && kind !== 'entity') return false;
  return canvasTargetOf(kind, value, pointer) !== undefined;
}

/**
 * Scrolls the card of a field (or, with `data-group`, a group) into view: after a problem
 * was clicked, or a group was added.
 *
 * @example
 * scrollToCard('.form-canvas', 'source');
 * scrollToCard('.form-canvas', 'group2', 'data-group');
 */
export function scrollToCard(container: string, fieldId: string, attribute = 'data-field'): void {
  const card = [...document.querySelectorAll(`${container} [${attribute}]`)].find(
    (element) => element.getAttribute(attribute) === fieldId,
  );
  // jsdom has no scrollIntoView.
  card?.scrollIntoView?.({ block: 'nearest' });
}
