/**
 * A scheduled automation over every record of its entity: the condition per record, then
 * each digest selects, ranks, groups and renders one `notify` per group. Reads only: no
 * record changes, so a schedule can be fired again (a retry, a replay) without harm.
 */
import type { DigestGroupTrace, Effect, RecordState, TraceEntry } from '../../app/types.js';
import type { CompiledExpression } from '../../expr/compile.js';
import { truthy } from '../../expr/values.js';
import type { DisplayEnv } from '../displayValue.js';
import { resolveParties } from '../parties.js';
import { renderDigest } from './render.js';
import {
  evaluateFor,
  groupRecords,
  recordError,
  selectRecords,
  type DigestGroup,
} from './select.js';
import type {
  CompiledDigest,
  DigestRun,
  DigestSetting,
  ScheduleContext,
  ScheduleRun,
} from './types.js';

/**
 * Who receives a group's message: the group's user first, then the digest's `recipients`
 * (a `field` / `managerOf` party reads the group's user), each once.
 */
function recipientsOf(group: DigestGroup, digest: CompiledDigest, ctx: ScheduleContext): string[] {
  const { groupBy, recipients = [] } = digest.action;
  const values =
    typeof group.user === 'string' && groupBy !== undefined
      ? Object.fromEntries([[groupBy, group.user]])
      : {};
  const own = typeof group.user === 'string' ? [group.user] : [];
  return [...new Set([...own, ...resolveParties(recipients, values, ctx.users)])];
}

/**
 * Runs one digest over the records the condition let through: one `notify` effect per
 * group that lists anything (with `items` for a UI to link), and what it did for the trace.
 *
 * @example
 * runDigest(digest, records, { now, users }, setting).effects[0].items;
 * // [{ recordId: 'O3', rank: 0.9 }, { recordId: 'O4', rank: 0.3 }, { recordId: 'O1', rank: 0.25 }]
 */
export function runDigest(
  digest: CompiledDigest,
  records: readonly RecordState[],
  ctx: ScheduleContext,
  setting: DigestSetting,
): DigestRun {
  const { action } = digest;
  const selection = selectRecords(digest, records, ctx, setting);
  const env: DisplayEnv = { entity: setting.entity, users: ctx.users, zone: setting.zone };
  const limit =
    typeof action.limit === 'number' && action.limit >= 1 ? Math.floor(action.limit) : Infinity;
  const effects: Effect[] = [];
  const groups: DigestGroupTrace[] = [];
  for (const group of groupRecords(selection.ranked, action.groupBy)) {
    const listed = group.records.slice(0, limit);
    const first = listed[0];
    if (!first) continue;
    const recipients = recipientsOf(group, digest, ctx);
    const { title, message } = renderDigest(action, group, listed, env);
    effects.push({
      type: 'notify',
      recordId: first.record.id,
      channel: action.channel,
      recipients,
      ...(title === undefined ? {} : { title }),
      message,
      items: listed.map((item) => ({
        recordId: item.record.id,
        ...(item.rank === undefined ? {} : { rank: item.rank }),
      })),
      source: { automation: setting.automation, action: digest.index },
    });
    groups.push({
      ...(group.user === undefined ? {} : { user: group.user }),
      selected: group.records.length,
      listed: listed.map((item) => item.record.id),
      recipients,
    });
  }
  return {
    effects,
    trace: { action: digest.index, selected: selection.ranked.length, groups },
    errors: selection.errors,
  };
}

/**
 * Runs a scheduled automation over `records` (the records of its entity, in id order,
 * computed fields as of now). The trace starts with one `schedule` entry (records
 * considered, matched by the condition, and per digest: selected, and per group: listed
 * and recipients), followed by an `automation` error entry for each record an expression
 * could not be evaluated for. Never throws for record values.
 *
 * @example
 * runSchedule(condition, digests, records, { now, users }, setting);
 * // { effects: [notify to zhangwei, notify to lina], trace: [{ kind: 'schedule', considered: 9, … }] }
 */
export function runSchedule(
  condition: CompiledExpression | undefined,
  digests: readonly CompiledDigest[],
  records: readonly RecordState[],
  ctx: ScheduleContext,
  setting: DigestSetting & { readonly entityId: string },
): ScheduleRun {
  const errors: TraceEntry[] = [];
  const matched = condition
    ? records.filter((record) => {
        const result = evaluateFor(condition, record, '/condition', -1, ctx, setting);
        if ('error' in result) errors.push(recordError(setting, record, result.error));
        return 'value' in result && truthy(result.value);
      })
    : records;
  const runs = digests.map((digest) => runDigest(digest, matched, ctx, setting));
  return {
    effects: runs.flatMap((run) => run.effects),
    trace: [
      {
        kind: 'schedule',
        automation: setting.automation,
        entity: setting.entityId,
        outcome: 'fired',
        considered: records.length,
        matched: matched.length,
        digests: runs.map((run) => run.trace),
      },
      ...errors,
      ...runs.flatMap((run) => run.errors),
    ],
  };
}
