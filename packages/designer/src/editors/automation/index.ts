/** The automation editor and the parts the timer editor shares: events and action lists. */
export { AutomationEditor } from './AutomationEditor.js';
export { ActionList } from './ActionList.js';
export { ActionForm } from './ActionForm.js';
export { EventEditor, CronInput, EVENT_TYPES, newEvent, type EventChoices } from './EventEditor.js';
export { ACTION_TYPES, changeActionType, newAction, type ActionChoices } from './actionDefaults.js';
export { useAppChoices } from './useAppChoices.js';
