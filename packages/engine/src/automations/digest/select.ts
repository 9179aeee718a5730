/**
 * Which records a digest lists and in what order: the filter and the rank evaluated per
 * record (a record whose expressions fail is left out and explained, never thrown), the
 * highest rank first with ties broken by record id, then one group per user.
 */
import type { RecordState, TraceEntry } from '../../app/types.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { CompiledExpression } from '../../expr/compile.js';
import { readProperty, truthy } from '../../expr/values.js';
import { errorDiagnostic } from '../failures.js';
import { userIds } from '../parties.js';
import type { CompiledDigest, DigestSetting, RankedRecord, ScheduleContext } from './types.js';

/**
 * Code-point order: the same in every locale and runtime.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareIds); // ['B', 'a', 'b']
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A value as a short text for a message (never throws, whatever it is). */
function shown(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
}

/** An expression's value for a record, or why it has none. */
export type Evaluated = { readonly value: unknown } | { readonly error: Diagnostic };

/**
 * Evaluates an expression of the automation (at `pointer`; `action` -1 for the condition)
 * for one record. Plain evaluation, not `explain`: a schedule reads every record, and the
 * trace keeps counts, not a tree per record.
 *
 * @example
 * evaluateFor(rank, record, '/actions/0/rank', 0, { now, users }, setting); // { value: 0.9 }
 */
export function evaluateFor(
  expression: CompiledExpression,
  record: RecordState,
  pointer: string,
  action: number,
  ctx: ScheduleContext,
  setting: DigestSetting,
): Evaluated {
  try {
    return { value: expression.evaluate(record.values, { now: ctx.now, zone: setting.zone }) };
  } catch (error) {
    const fallback = { automation: setting.automation, action, pointer };
    return { error: errorDiagnostic(error, setting.file, fallback) };
  }
}

/** The trace entry of a record left out because one of its expressions failed. */
export function recordError(
  setting: DigestSetting,
  record: RecordState,
  error: Diagnostic,
): TraceEntry {
  return {
    kind: 'automation',
    automation: setting.automation,
    recordId: record.id,
    outcome: 'error',
    error,
    round: 0,
  };
}

/** What selecting gives: the records in list order, and why others were left out. */
export interface Selection {
  readonly ranked: readonly RankedRecord[];
  readonly errors: readonly TraceEntry[];
}

/**
 * The records that pass the digest's filter, each with its rank, highest first (ties by
 * record id; without a rank, by record id). A filter or rank that cannot be evaluated, or
 * a rank that is not a finite number (RL5326), leaves the record out with an error entry.
 *
 * @example
 * selectRecords(digest, records, { now, users }, setting).ranked.map((r) => r.record.id);
 * // ['O3', 'O4', 'O1', …]
 */
export function selectRecords(
  digest: CompiledDigest,
  records: readonly RecordState[],
  ctx: ScheduleContext,
  setting: DigestSetting,
): Selection {
  const ranked: RankedRecord[] = [];
  const errors: TraceEntry[] = [];
  const fail = (record: RecordState, error: Diagnostic): void => {
    errors.push(recordError(setting, record, error));
  };
  const pointer = (part: string): string => `/actions/${digest.index}/${part}`;
  for (const record of records) {
    if (digest.filter) {
      const passed = evaluateFor(
        digest.filter,
        record,
        pointer('filter'),
        digest.index,
        ctx,
        setting,
      );
      if ('error' in passed) {
        fail(record, passed.error);
        continue;
      }
      if (!truthy(passed.value)) continue;
    }
    if (!digest.rank) {
      ranked.push({ record });
      continue;
    }
    const rank = evaluateFor(digest.rank, record, pointer('rank'), digest.index, ctx, setting);
    if ('error' in rank) fail(record, rank.error);
    else if (typeof rank.value !== 'number' || !Number.isFinite(rank.value)) {
      const params = { record: record.id, value: shown(rank.value) };
      fail(record, createDiagnostic('RL5326', pointer('rank'), params, { file: setting.file }));
    } else ranked.push({ record, rank: rank.value });
  }
  ranked.sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0) || compareIds(a.record.id, b.record.id));
  return { ranked, errors };
}

/** The records of one message: the group's user (null: none), in list order. */
export interface DigestGroup {
  readonly user?: string | null;
  readonly records: readonly RankedRecord[];
}

/**
 * The groups of a digest: one per user of the `groupBy` field, in user-id order, then one
 * for records without a user (a record of a multi-user field is in each of its users'
 * groups); without `groupBy`, one group of everything. Empty groups are not returned.
 *
 * @example
 * groupRecords(ranked, 'owner').map((g) => g.user); // ['lina', 'zhangwei', null]
 */
export function groupRecords(
  ranked: readonly RankedRecord[],
  groupBy: string | undefined,
): DigestGroup[] {
  if (groupBy === undefined) return ranked.length > 0 ? [{ records: ranked }] : [];
  const byUser = new Map<string, RankedRecord[]>();
  const unassigned: RankedRecord[] = [];
  for (const item of ranked) {
    let value: unknown = item.record.values;
    for (const segment of groupBy.split('.')) value = readProperty(value, segment);
    const users = [...new Set(userIds(value))];
    if (users.length === 0) unassigned.push(item);
    for (const user of users) {
      const list = byUser.get(user);
      if (list) list.push(item);
      else byUser.set(user, [item]);
    }
  }
  const groups: DigestGroup[] = [...byUser.keys()]
    .sort(compareIds)
    .map((user) => ({ user, records: byUser.get(user) ?? [] }));
  if (unassigned.length > 0) groups.push({ user: null, records: unassigned });
  return groups;
}
