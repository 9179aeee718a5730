import type { CatalogueEntry } from '../types.js';
import { cliCatalogue } from './cli.js';
import { definitionCatalogue } from './definition.js';
import { evaluationCatalogue, expressionCatalogue } from './expression.js';
import { formulaCatalogue } from './formula.js';

/**
 * Every diagnostic and error code of ruleloom, in one table (the idea of immer's error table).
 *
 * Code ranges: RL1xxx definition files, RL2xxx expressions, RL3xxx evaluation,
 * RL4xxx formula text, RL9xxx command line.
 */
export const catalogue = {
  ...definitionCatalogue,
  ...expressionCatalogue,
  ...evaluationCatalogue,
  ...formulaCatalogue,
  ...cliCatalogue,
} as const satisfies Record<string, CatalogueEntry>;

/** A code that has an entry in the catalogue. */
export type DiagnosticCode = keyof typeof catalogue;
