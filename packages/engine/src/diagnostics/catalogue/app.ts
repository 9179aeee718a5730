import type { CatalogueEntry } from '../types.js';

/** Apps: cross-file references and structure (RL50xx). */
export const appCatalogue = {} as const satisfies Record<string, CatalogueEntry>;
