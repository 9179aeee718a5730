import type { Action } from '@ruleloom/schemas';
import { appendPointer } from '../../diagnostics/diagnostic.js';
import type { CompiledExpression } from '../../expr/compile.js';
import type { AutomationCompileEnv } from '../compileEnv.js';
import { cloneJson } from '../recordValues.js';
import type { CompiledAction } from './types.js';

type WebhookAction = Extract<Action, { type: 'callWebhook' }>;

/**
 * `callWebhook`: an HTTP call for the caller to make (S12: the ERP hand-off). Each body
 * property is an expression over the record, evaluated when the automation fires; headers
 * are literal (credentials are the embedding app's business, never a definition's).
 *
 * @example
 * compileCallWebhook({ type: 'callWebhook', url: 'https://erp.example.com/orders',
 *   body: { amount: { var: 'amount' }, taxRate: 0.13 } }, '/actions/2', env);
 */
export function compileCallWebhook(
  action: WebhookAction,
  pointer: string,
  env: AutomationCompileEnv,
): CompiledAction | undefined {
  const bodyPointer = appendPointer(pointer, 'body');
  const body: [string, CompiledExpression | undefined][] = Object.entries(action.body ?? {}).map(
    ([key, logic]) => [key, env.expression(logic, appendPointer(bodyPointer, key))],
  );
  if (body.some(([, compiled]) => compiled === undefined)) return undefined;
  const headers = Object.fromEntries(
    Object.entries(action.headers ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  const method = action.method ?? 'POST';
  return {
    writes: [],
    run(draft, run) {
      const values = run.snapshot().values;
      run.emit({
        type: 'callWebhook',
        recordId: draft.id,
        method,
        url: action.url,
        headers: { ...headers },
        // fromEntries: a body key such as "__proto__" stays an ordinary property.
        body:
          action.body === undefined
            ? undefined
            : Object.fromEntries(
                body.map(([key, compiled]) => [
                  key,
                  cloneJson(compiled?.evaluate(values, run.evaluation)),
                ]),
              ),
        source: run.source,
      });
    },
  };
}
