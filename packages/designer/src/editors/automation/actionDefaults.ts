/** What each action type needs to be valid, and what the action forms can offer. */
import type { Action } from '@ruleloom/schemas';
import type { ConditionField } from '../condition/operators.js';
import type { PartyChoices } from '../common/PartyListEditor.js';
import { t, type EditorLocale } from '../i18n.js';

/** Every action type of action.schema.json, in the order the picker lists them. */
export const ACTION_TYPES = [
  'notify',
  'setField',
  'addTag',
  'removeTag',
  'createTask',
  'assign',
  'mark',
  'startTimer',
  'cancelTimer',
  'callWebhook',
  'digest',
] as const satisfies readonly Action['type'][];

/** What the action forms offer: fields, people, routings and timers of the app. */
export interface ActionChoices {
  readonly fields: readonly ConditionField[];
  readonly parties: PartyChoices;
  readonly routings: readonly string[];
  readonly timers: readonly string[];
  readonly locale: EditorLocale;
}

/**
 * A new action of `type` with everything the schema requires, filled from the app where it
 * can be (the first field, routing, timer, the record's owner).
 *
 * @example
 * newAction('notify', choices); // { type: 'notify', channel: 'wecom', recipients: [{ field: 'owner' }], template: '…' }
 */
export function newAction(type: Action['type'], choices: ActionChoices): Action {
  const { locale } = choices;
  const owner = choices.parties.userFields[0]?.value ?? 'owner';
  switch (type) {
    case 'setField':
      return { type, field: choices.fields[0]?.id ?? 'field', value: '' };
    case 'addTag':
    case 'removeTag':
      return { type, tag: t(locale, 'actDefaultTag') };
    case 'notify':
      return {
        type,
        channel: 'wecom',
        recipients: [{ field: owner }],
        template: t(locale, 'actDefaultTemplate'),
      };
    case 'createTask':
      return { type, title: t(locale, 'actDefaultTask'), assignee: { field: owner } };
    case 'assign':
      return { type, routing: choices.routings[0] ?? 'routing' };
    case 'startTimer':
    case 'cancelTimer':
      return { type, timer: choices.timers[0] ?? 'timer' };
    case 'callWebhook':
      return { type, url: 'https://example.com/hook' };
    case 'mark':
      return { type, color: 'red' };
    case 'digest':
      return {
        type,
        channel: 'in-app',
        template: '{{items}}',
        itemTemplate: '{{position}}. {{record.label}}',
      };
  }
}

/** `action` as another type: its id, label and description kept, the rest new. */
export function changeActionType(
  action: Action,
  type: Action['type'],
  choices: ActionChoices,
): Action {
  const fresh = newAction(type, choices);
  const kept: Partial<Pick<Action, 'id' | 'label' | 'description'>> = {};
  if (action.id !== undefined) kept.id = action.id;
  if (action.label !== undefined) kept.label = action.label;
  if (action.description !== undefined) kept.description = action.description;
  return { ...fresh, ...kept } as Action;
}
