/** What a rep is told about a gate failure, in both languages. */
import type { GateFailure } from '../../app/types.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { LocalizedText } from '../../diagnostics/types.js';
import { joinLocalized, toLocalized } from '../text.js';

/** Labels of stages and roles, to name them as the rep knows them. */
export interface FailureLabels {
  stage(id: string): LocalizedText;
  role(id: string): LocalizedText;
}

const ids: FailureLabels = {
  stage: (id) => toLocalized(undefined, id),
  role: (id) => toLocalized(undefined, id),
};

/**
 * The message of one gate failure: 缺少必填字段「预算范围」 / missing required field "Budget
 * range"; a failed condition says its own message.
 *
 * @example
 * describeFailure({ type: 'missingAttachment', field: 'poAcceptanceScan', label }).en;
 * // 'missing attachment "PO acceptance scan"'
 */
export function describeFailure(failure: GateFailure, labels: FailureLabels = ids): LocalizedText {
  switch (failure.type) {
    case 'noTransition':
      return createDiagnostic('RL5252', '', {
        from: labels.stage(failure.from),
        to: labels.stage(failure.to),
      }).message;
    case 'notAllowed':
      return createDiagnostic('RL5253', '', {
        roles: joinLocalized(failure.roles.map((role) => labels.role(role))),
      }).message;
    case 'missingField':
      return createDiagnostic('RL5250', '', { field: failure.label }).message;
    case 'missingAttachment':
      return createDiagnostic('RL5251', '', { field: failure.label }).message;
    case 'condition':
      return failure.message;
  }
}
