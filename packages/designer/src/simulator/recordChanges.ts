/**
 * What one step did to the records, for a person: per record, the fields whose value changed
 * (old → new), the mark and the tags — read from the state before and after the step's
 * patches.
 */
import type { AppState, RecordMark, RecordState } from '@ruleloom/engine';
import type { Patch } from 'immer';

/** A field whose value changed. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** What a step changed on one record. */
export interface RecordChange {
  readonly recordId: string;
  readonly entity: string;
  /** The step created the record (every field is new). */
  readonly created: boolean;
  readonly fields: readonly FieldChange[];
  /** Present when the mark changed (colour or flag): before and after. */
  readonly mark?: { readonly before?: RecordMark; readonly after?: RecordMark };
  readonly tagsAdded: readonly string[];
  readonly tagsRemoved: readonly string[];
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function markKey(mark: RecordMark | undefined): string {
  return mark ? `${mark.color ?? ''}|${mark.flag ?? ''}` : '';
}

function changeOf(
  recordId: string,
  before: RecordState | undefined,
  after: RecordState | undefined,
): RecordChange | undefined {
  const record = after ?? before;
  if (!record) return undefined;
  const old = before?.values ?? {};
  const now = after?.values ?? {};
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])]
    .filter((field) => !same(old[field], now[field]))
    .map((field) => ({ field, before: old[field], after: now[field] }));
  const oldTags = before?.tags ?? [];
  const newTags = after?.tags ?? [];
  const change: RecordChange = {
    recordId,
    entity: record.entity,
    created: before === undefined,
    fields,
    ...(markKey(before?.mark) === markKey(after?.mark)
      ? {}
      : {
          mark: {
            ...(before?.mark ? { before: before.mark } : {}),
            ...(after?.mark ? { after: after.mark } : {}),
          },
        }),
    tagsAdded: newTags.filter((tag) => !oldTags.includes(tag)),
    tagsRemoved: oldTags.filter((tag) => !newTags.includes(tag)),
  };
  const changed =
    change.created ||
    fields.length > 0 ||
    change.mark !== undefined ||
    change.tagsAdded.length > 0 ||
    change.tagsRemoved.length > 0;
  return changed ? change : undefined;
}

/**
 * The records a step's patches touched, with what changed on each (stamps such as
 * `updatedAt`, `version` and the stage history are left out: they follow from the rest).
 *
 * @example
 * recordChanges(before, after, entry.patches);
 * // [{ recordId: 'L1', entity: 'lead', created: false, fields: [], mark: { after: { color: 'red', … } }, … }]
 */
export function recordChanges(
  before: AppState,
  after: AppState,
  patches: readonly Patch[],
): RecordChange[] {
  const ids: string[] = [];
  for (const patch of patches) {
    const [root, id] = patch.path;
    if (root === 'records' && typeof id === 'string' && !ids.includes(id)) ids.push(id);
  }
  return ids.flatMap((id) => {
    const change = changeOf(
      id,
      Object.hasOwn(before.records, id) ? before.records[id] : undefined,
      Object.hasOwn(after.records, id) ? after.records[id] : undefined,
    );
    return change ? [change] : [];
  });
}
