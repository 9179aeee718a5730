/**
 * Automations: event → condition → actions. Compiled against the app (located diagnostics
 * RL53xx), run purely: record changes on immer drafts, effects as data, and a trace of every
 * automation considered.
 */
export { compileAutomation } from './compileAutomation.js';
export { findAutomationLoops } from './findAutomationLoops.js';
export {
  runAutomations,
  DEFAULT_MAX_ROUNDS,
  type CascadeInput,
  type CascadeResult,
} from './runAutomations.js';
export { triggerMatches, watchedFields } from './triggers.js';
export { renderTemplate, placeholdersOf } from './templates.js';
export { displayValue, recordLabel, type DisplayEnv } from './displayValue.js';
export { resolveParties } from './parties.js';
export type { ActionPlan, AutomationEvent, AutomationRunContext, ConditionCheck } from './types.js';
