import type { Action } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import type { AutomationCompileEnv } from '../compileEnv.js';
import { checkParty, resolveParties } from '../parties.js';
import { checkTemplate, renderTemplate } from '../templates.js';
import type { CompiledAction } from './types.js';

type NotifyAction = Extract<Action, { type: 'notify' }>;

/**
 * `notify`: a message on a channel (企业微信, 钉钉, e-mail, SMS, in-app) to the resolved
 * recipients, with the record's fields filled into the title and text in both languages.
 * The caller sends it; the engine only says what to send.
 *
 * @example
 * compileNotify({ type: 'notify', channel: 'wecom', recipients: [{ field: 'owner' }],
 *   template: '{{name}} 下载了白皮书' }, '/actions/1', env);
 */
export function compileNotify(
  action: NotifyAction,
  pointer: string,
  env: AutomationCompileEnv,
): CompiledAction {
  action.recipients.forEach((party, i) =>
    checkParty(party, appendPointer(appendPointer(pointer, 'recipients'), i), env),
  );
  checkTemplate(action.title, appendPointer(pointer, 'title'), env);
  checkTemplate(action.template, appendPointer(pointer, 'template'), env);
  return {
    writes: [],
    run(draft, run) {
      const record = run.snapshot();
      run.emit({
        type: 'notify',
        recordId: draft.id,
        channel: action.channel,
        recipients: resolveParties(action.recipients, record.values, run.users),
        ...(action.title === undefined ? {} : { title: renderTemplate(action.title, record, run) }),
        message: renderTemplate(action.template, record, run),
        source: run.source,
      });
    },
  };
}
