/**
 * Telling approvers that a step waits for them: an in-app message per step that became
 * pending, naming the record, the move and the approval in both languages.
 */
import { recordLabel, textIn } from '../../automations/displayValue.js';
import { fillLocalized } from '../../diagnostics/format.js';
import type { LocalizedText } from '../../diagnostics/types.js';
import type { CompiledPipeline } from '../parts.js';
import type { ApprovalState, Effect, RecordState } from '../types.js';
import type { EventScope } from './scope.js';

const TITLE: LocalizedText = { 'zh-CN': '待审批', en: 'Approval requested' };
const MESSAGE: LocalizedText = {
  'zh-CN': '「{record}」从「{from}」推进到「{to}」需要您审批：{approval}',
  en: '"{record}" moving from "{from}" to "{to}" needs your approval: {approval}',
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
  const env = {
    entity: scope.app.entities.get(record.entity),
    users: scope.users,
    zone: scope.app.zone,
  };
  const message = fillLocalized(MESSAGE, {
    record: { 'zh-CN': recordLabel(record, 'zh-CN', env), en: recordLabel(record, 'en', env) },
    from: stageLabel(pipeline, approval.from),
    to: stageLabel(pipeline, approval.to),
    approval: approvalLabel(pipeline, approval),
  });
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
