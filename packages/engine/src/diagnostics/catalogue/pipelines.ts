import type { CatalogueEntry } from '../types.js';

/** Pipelines: stages, transitions, gates and approvals (RL52xx). */
export const pipelinesCatalogue = {} as const satisfies Record<string, CatalogueEntry>;
