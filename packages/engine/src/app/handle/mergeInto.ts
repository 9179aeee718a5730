/**
 * Writing a new version of a record into an immer draft as the smallest set of changes, so
 * that the patches say "values.status became 已签约" rather than "the record was replaced".
 */
import { cloneJson, isPlainObject, jsonEqual } from '../../automations/recordValues.js';
import { FORBIDDEN_SEGMENTS } from '../../expr/values.js';

type Container = Record<string, unknown> | unknown[];

function mergeValue(
  target: Container,
  key: string | number,
  before: unknown,
  after: unknown,
): void {
  if (before === after) return;
  const slot = target as Record<string | number, unknown>;
  if (
    (Array.isArray(before) && Array.isArray(after)) ||
    (isPlainObject(before) && isPlainObject(after))
  ) {
    mergeInto(slot[key] as Container, before, after);
    return;
  }
  if (jsonEqual(before, after)) return;
  slot[key] = cloneJson(after);
}

/**
 * Makes `draft` (an immer draft of `base`) equal to `next`, touching only what differs:
 * objects key by key, arrays index by index (shortened or extended at the end). Values
 * written are copies, so freezing the result never freezes the caller's objects.
 *
 * @example
 * produceWithPatches(state, (draft) => mergeInto(draft.records.L1, state.records.L1, next));
 * // patches: [{ op: 'replace', path: ['records', 'L1', 'values', 'status'], value: 'signed' }, …]
 */
export function mergeInto(draft: object, base: object, next: object): void {
  if (Array.isArray(next) && Array.isArray(base) && Array.isArray(draft)) {
    const shared = Math.min(base.length, next.length);
    for (let i = 0; i < shared; i++) mergeValue(draft, i, base[i], next[i]);
    if (base.length > next.length) draft.splice(next.length);
    for (let i = base.length; i < next.length; i++) draft.push(cloneJson(next[i]));
    return;
  }
  const target = draft as Record<string, unknown>;
  const before = base as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) delete target[key];
  }
  for (const key of Object.keys(after)) {
    // Such a key would set the draft's prototype rather than a property.
    if (FORBIDDEN_SEGMENTS.has(key)) continue;
    if (Object.hasOwn(before, key)) mergeValue(target, key, before[key], after[key]);
    else if (after[key] !== undefined) target[key] = cloneJson(after[key]);
  }
}
