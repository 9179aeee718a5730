/** Why a step's approvers resolve to nobody, as the diagnostic that refuses the move (RL5266). */
import type { Party } from '@ruleloom/schemas';
import type { DirectoryUser, RecordState } from '../../app/types.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { Diagnostic, LocalizedText } from '../../diagnostics/types.js';
import { joinLocalized, toLocalized } from '../text.js';
import type { CompiledApproval, CompiledApprovalStep, PipelineModel } from '../types.js';
import { readField } from '../values.js';
import { usersIn } from './resolveApprovers.js';

const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Why one party found nobody, in the words of the directory and the record. */
function whyNobody(
  model: PipelineModel,
  party: Party,
  record: RecordState,
  users: readonly DirectoryUser[],
): LocalizedText[] {
  if (party.role !== undefined) {
    const role = model.roleLabels.get(party.role) ?? toLocalized(undefined, party.role);
    return [both(`没有人担任「${role['zh-CN']}」`, `nobody has the role "${role.en}"`)];
  }
  const path = party.field ?? party.managerOf;
  if (path === undefined) return party.user === undefined ? [both('未指定', 'none is set')] : [];
  const field = model.fieldLabel(path);
  const ids = usersIn(readField(record.values, path));
  if (ids.length === 0) return [both(`「${field['zh-CN']}」为空`, `"${field.en}" is empty`)];
  if (party.managerOf === undefined) return [];
  return ids.map((id) => {
    const user = users.find((known) => known.id === id);
    const name = toLocalized(user?.label, id);
    return user === undefined
      ? both(
          `${field['zh-CN']} ${name['zh-CN']} 不在通讯录中`,
          `${field.en} ${name.en} is not in the directory`,
        )
      : both(
          `${field['zh-CN']} ${name['zh-CN']} 没有上级`,
          `${field.en} ${name.en} has no manager`,
        );
  });
}

/**
 * RL5266 for a step whose approvers resolve to nobody: names the step and, per approver
 * setting, why it found nobody (负责人 张伟 没有上级, 没有人担任「法务」, 「负责人」为空).
 * Located at the step in the pipeline file.
 *
 * @example
 * unassignedStep(model, approval, step, record, users).message['zh-CN'];
 * // '审批步骤「总监审批」找不到审批人（负责人 张伟 没有上级）'
 */
export function unassignedStep(
  model: PipelineModel,
  approval: CompiledApproval,
  step: CompiledApprovalStep,
  record: RecordState,
  users: readonly DirectoryUser[] = [],
): Diagnostic {
  const reasons = step.approvers.flatMap((party) => whyNobody(model, party, record, users));
  const reasonsText = joinLocalized(reasons.length > 0 ? reasons : [both('未指定', 'none is set')]);
  return createDiagnostic(
    'RL5266',
    step.pointer,
    { step: step.label, approval: approval.label, reasons: reasonsText },
    { file: model.file },
  );
}
