import type { CatalogueEntry } from '../types.js';

/** Entities and forms: field values and form rules (RL51xx). */
export const formsCatalogue = {} as const satisfies Record<string, CatalogueEntry>;
