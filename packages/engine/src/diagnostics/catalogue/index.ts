import type { CatalogueEntry } from '../types.js';
import { appCatalogue } from './app.js';
import { automationsCatalogue } from './automations.js';
import { cliCatalogue } from './cli.js';
import { definitionCatalogue } from './definition.js';
import { evaluationCatalogue, expressionCatalogue } from './expression.js';
import { formsCatalogue } from './forms.js';
import { formulaCatalogue } from './formula.js';
import { pipelinesCatalogue } from './pipelines.js';
import { routingCatalogue } from './routing.js';
import { simulationCatalogue } from './simulation.js';
import { tablesCatalogue } from './tables.js';
import { timersCatalogue } from './timers.js';

/**
 * Every diagnostic and error code of ruleloom, in one table (the idea of immer's error table).
 *
 * Code ranges: RL1xxx definition files, RL2xxx expressions, RL3xxx evaluation,
 * RL4xxx formula text, RL50xx apps, RL51xx entities and forms, RL52xx pipelines, RL53xx
 * automations, RL54xx tables and formulas, RL55xx routing, RL56xx timers (RL566x simulation), RL9xxx command line.
 */
export const catalogue = {
  ...definitionCatalogue,
  ...expressionCatalogue,
  ...evaluationCatalogue,
  ...formulaCatalogue,
  ...appCatalogue,
  ...formsCatalogue,
  ...pipelinesCatalogue,
  ...automationsCatalogue,
  ...tablesCatalogue,
  ...routingCatalogue,
  ...timersCatalogue,
  ...simulationCatalogue,
  ...cliCatalogue,
} as const satisfies Record<string, CatalogueEntry>;

/** A code that has an entry in the catalogue. */
export type DiagnosticCode = keyof typeof catalogue;
