import type { Action } from '@ruleloom/schemas';
import type { CompiledAction } from './types.js';
import { bothLanguages } from '../templates.js';

type MarkAction = Extract<Action, { type: 'mark' }>;

/**
 * `mark`: colours the record (S3 red when stuck, S35 orange for high intent) with the
 * reason shown next to the colour, when and by which automation.
 *
 * @example
 * compileMark({ type: 'mark', color: 'orange', reason: { 'zh-CN': '高意向', en: 'High intent' } });
 */
export function compileMark(action: MarkAction): CompiledAction {
  const reason = action.reason === undefined ? undefined : bothLanguages(action.reason);
  return {
    writes: [],
    run(draft, run) {
      draft.mark = {
        color: action.color,
        ...(reason === undefined ? {} : { reason: { ...reason } }),
        at: run.now,
        by: run.source.automation,
      };
    },
  };
}
