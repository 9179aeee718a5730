import type { Action } from '@ruleloom/schemas';
import type { AutomationCompileEnv } from '../compileEnv.js';
import { compileCallWebhook } from './callWebhook.js';
import { compileCreateTask } from './createTask.js';
import { compileAssign, compileTimer } from './handOffs.js';
import { compileMark } from './mark.js';
import { compileNotify } from './notify.js';
import { compileSetField } from './setField.js';
import { compileTag } from './tags.js';
import type { CompiledAction } from './types.js';

export type { ActionEnv, ActionRunner, CompiledAction } from './types.js';

/**
 * Checks one action of an automation and makes it runnable; undefined when it cannot run
 * (its diagnostics are reported).
 *
 * @example
 * compileAction({ type: 'addTag', tag: '高意向' }, '/actions/1', env);
 */
export function compileAction(
  action: Action,
  pointer: string,
  env: AutomationCompileEnv,
): CompiledAction | undefined {
  switch (action.type) {
    case 'setField':
      return compileSetField(action, pointer, env);
    case 'addTag':
    case 'removeTag':
      return compileTag(action, pointer, env);
    case 'notify':
      return compileNotify(action, pointer, env);
    case 'createTask':
      return compileCreateTask(action, pointer, env);
    case 'callWebhook':
      return compileCallWebhook(action, pointer, env);
    case 'mark':
      return compileMark(action);
    case 'assign':
      return compileAssign(action, pointer, env);
    case 'startTimer':
    case 'cancelTimer':
      return compileTimer(action);
    default:
      // The schema allows no other type; a file that skipped it compiles to nothing.
      return undefined;
  }
}
