import type { CatalogueEntry } from '../types.js';

/** Automations: triggers, actions, cascades (RL53xx). */
export const automationsCatalogue = {} as const satisfies Record<string, CatalogueEntry>;
