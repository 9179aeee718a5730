/**
 * Telling approvers that a step waits for them (an in-app message per step that became
 * pending) or no longer does (its approval was cancelled), naming the record, the move and
 * the approval in both languages.
 */
import { recordLabel, textIn } from '../../automations/displayValue.js';
import { fillLocalized } from '../../diagnostics/format.js';
import type { LocalizedText } from '../../diagnostics/types.js';
import type { ApprovalUpdate, CompiledPipeline } from '../parts.js';
import type { ApprovalState, Effect, RecordState } from '../types.js';
import type { EventScope } from './scope.js';

const TITLE: LocalizedText = { 'zh-CN': '待审批', en: 'Approval requested' };
const MESSAGE: LocalizedText = {
  'zh-CN': '「{record}」从「{from}」推进到「{to}」需要您审批：{approval}',
  en: '"{record}" moving from "{from}" to "{to}" needs your approval: {approval}',
};
const CANCELLED_TITLE: LocalizedText = { 'zh-CN': '审批已撤销', en: 'Approval cancelled' };
const CANCELLED_MESSAGE: LocalizedText = {
  'zh-CN': '「{record}」从「{from}」推进到「{to}」的审批已撤销，无需处理：{approval}（{by}{how}）',
  en: '"{record}" moving from "{from}" to "{to}" no longer needs your approval: {approval} ({by} was {how})',
};
const HOW: Readonly<Record<string, LocalizedText>> = {
  rejected: { 'zh-CN': '被驳回', en: 'rejected' },
  recalled: { 'zh-CN': '被撤回', en: 'recalled' },
};

function stageLabel(pipeline: CompiledPipeline, stage: string): LocalizedText {
  const label = pipeline.definition.stages.find((candidate) => candidate.id === stage)?.label;
  return { 'zh-CN': textIn(label, 'zh-CN', stage), en: textIn(label, 'en', stage) };
}

function approvalLabel(pipeline: CompiledPipeline, approval: ApprovalState): LocalizedText {
  const label = (pipeline.definition.transitions ?? [])
    .flatMap((transition) => transition.approvals ?? [])
    .find((candidate) => candidate.id === approval.id)?.label;
  return { 'zh-CN': textIn(label, 'zh-CN', approval.id), en: textIn(label, 'en', approval.id) };
}

/** The record, the move and the approval, as a message names them. */
function moveParams(
  scope: EventScope,
  pipeline: CompiledPipeline,
  record: RecordState,
  approval: ApprovalState,
): Readonly<Record<string, LocalizedText>> {
  const env = {
    entity: scope.app.entities.get(record.entity),
    users: scope.users,
    zone: scope.app.zone,
  };
  return {
    record: { 'zh-CN': recordLabel(record, 'zh-CN', env), en: recordLabel(record, 'en', env) },
    from: stageLabel(pipeline, approval.from),
    to: stageLabel(pipeline, approval.to),
    approval: approvalLabel(pipeline, approval),
  };
}

/**
 * One `notify` effect per step of `approval` that is pending now and was not before (all
 * pending steps of a new approval).
 *
 * @example
 * approverNotices(scope, pipeline, record, started, undefined);
 * // [{ type: 'notify', channel: 'in-app', recipients: ['u-director'], … }]
 */
export function approverNotices(
  scope: EventScope,
  pipeline: CompiledPipeline,
  record: RecordState,
  approval: ApprovalState,
  before: ApprovalState | undefined,
): Effect[] {
  const message = fillLocalized(MESSAGE, moveParams(scope, pipeline, record, approval));
  return approval.steps
    .filter(
      (step) =>
        step.status === 'pending' &&
        step.approvers.length > 0 &&
        before?.steps.find((earlier) => earlier.id === step.id)?.status !== 'pending',
    )
    .map((step) => ({
      type: 'notify',
      recordId: record.id,
      channel: 'in-app',
      recipients: [...step.approvers],
      title: TITLE,
      message,
      source: { approval: approval.id, pipeline: pipeline.id },
    }));
}

/**
 * One `notify` effect per approval the update cancelled, to the approvers of the step that
 * was pending who have not decided yet (they were asked and it is still on their list; those
 * of later steps never were), telling them they need not act and why: the approval of the
 * same request that was rejected or recalled.
 *
 * @example
 * cancelledNotices(scope, pipeline, record, rejection);
 * // [{ type: 'notify', recipients: ['u-zhao'], title: { 'zh-CN': '审批已撤销', … }, … }]
 */
export function cancelledNotices(
  scope: EventScope,
  pipeline: CompiledPipeline,
  record: RecordState,
  update: ApprovalUpdate,
): Effect[] {
  const how = HOW[update.approval.status];
  if (how === undefined) return [];
  const by = approvalLabel(pipeline, update.approval);
  return (update.cancelled ?? []).flatMap((approval): Effect[] => {
    const step = approval.steps.find((candidate) => candidate.status === 'pending');
    const asked = (step?.approvers ?? []).filter(
      (user) => !step?.decisions.some((decision) => decision.by === user),
    );
    if (asked.length === 0) return [];
    const params = { ...moveParams(scope, pipeline, record, approval), by, how };
    return [
      {
        type: 'notify',
        recordId: record.id,
        channel: 'in-app',
        recipients: asked,
        title: CANCELLED_TITLE,
        message: fillLocalized(CANCELLED_MESSAGE, params),
        source: { approval: approval.id, pipeline: pipeline.id },
      },
    ];
  });
}
