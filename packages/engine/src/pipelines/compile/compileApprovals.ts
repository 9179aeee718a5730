/** The approvals of a transition checked and compiled: ids, conditions, approvers, rejectTo. */
import type { Approval, Party } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import { fieldTypeName, toLocalized } from '../text.js';
import type { CompiledApproval, CompiledApprovalStep } from '../types.js';
import type { CompileScope } from './CompileScope.js';
import { fieldOf } from './fieldReference.js';

/**
 * Checks one approver: a role the app declares (RL5211), or a user field of the entity
 * (RL5209, RL5212) for `field` and `managerOf`. A user id is an outside fact: not checked.
 */
function checkParty(scope: CompileScope, party: Party, pointer: string): void {
  if (party.role !== undefined && !scope.index.roles.has(party.role)) {
    scope.report('RL5211', `${pointer}/role`, {
      role: party.role,
      known: [...scope.index.roles].join(', '),
    });
  }
  for (const key of ['field', 'managerOf'] as const) {
    const path = party[key];
    if (path === undefined) continue;
    const field = fieldOf(scope, path, `${pointer}/${key}`);
    if (field !== undefined && field.type !== 'user') {
      scope.report('RL5212', `${pointer}/${key}`, { field: path, type: fieldTypeName(field.type) });
    }
  }
}

function compileSteps(
  scope: CompileScope,
  approval: Approval,
  pointer: string,
): CompiledApprovalStep[] {
  const seen = new Set<string>();
  return approval.steps.map((step, i) => {
    const at = appendPointer(`${pointer}/steps`, i);
    if (seen.has(step.id)) {
      scope.report('RL5214', `${at}/id`, { step: step.id, approval: approval.id });
    }
    seen.add(step.id);
    step.approvers.forEach((party, k) => checkParty(scope, party, `${at}/approvers/${k}`));
    const when = step.when === undefined ? undefined : scope.expression(step.when, `${at}/when`);
    return {
      id: step.id,
      label: toLocalized(step.label, step.id),
      kind: step.kind ?? 'approve',
      mode: step.mode ?? 'first',
      ...(when === undefined ? {} : { when }),
      approvers: step.approvers,
      pointer: at,
    };
  });
}

/**
 * Compiles the approvals of the transition at `pointer`. Ids repeated within the transition
 * are RL5213; `rejectTo` must name a stage (RL5206).
 *
 * @example
 * compileApprovals(scope, transition.approvals ?? [], '/transitions/1', 'send-quote', stageIds);
 */
export function compileApprovals(
  scope: CompileScope,
  approvals: readonly Approval[],
  pointer: string,
  transitionKey: string,
  stageIds: ReadonlySet<string>,
): CompiledApproval[] {
  const seen = new Set<string>();
  return approvals.map((approval, i) => {
    const at = `${pointer}/approvals/${i}`;
    if (seen.has(approval.id)) {
      scope.report('RL5213', `${at}/id`, { approval: approval.id, transition: transitionKey });
    }
    seen.add(approval.id);
    if (approval.rejectTo !== undefined && !stageIds.has(approval.rejectTo)) {
      scope.report('RL5206', `${at}/rejectTo`, {
        stage: approval.rejectTo,
        known: [...stageIds].join(', '),
      });
    }
    const when =
      approval.when === undefined ? undefined : scope.expression(approval.when, `${at}/when`);
    return {
      id: approval.id,
      label: toLocalized(approval.label, approval.id),
      ...(when === undefined ? {} : { when }),
      steps: compileSteps(scope, approval, at),
      ...(approval.rejectTo === undefined ? {} : { rejectTo: approval.rejectTo }),
    };
  });
}
