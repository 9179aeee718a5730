/**
 * The small app (smallApp.ts) with the S36 tables and formulas and a routing of its
 * opportunities: for the tests of compileApp's tables, formulas and routings and of the
 * test runner's `table`, `formula` and `routing` expectations. Fresh objects on each call.
 */
import {
  newProductBonus,
  quarterlyRebate,
  rebateTier,
  storeTier,
} from '../../formulas/__tests__/s36.js';
import { smallAppFiles } from './smallApp.js';

type Json = Record<string, unknown>;

/** Routes opportunities to the two reps of the small app, skipping reps on leave. */
export const opportunityRouting = () => ({
  $schema: 'https://ruleloom.dev/schemas/v1/routing.schema.json',
  id: 'opportunity-routing',
  entity: 'opportunity',
  rules: [
    {
      id: 'big',
      when: { '>': [{ var: 'amount' }, 100000] },
      pool: { users: ['lina', 'zhangwei'] },
    },
  ],
  strategy: { type: 'round-robin' },
  constraints: { skipStatuses: ['休假'] },
  fallback: { queue: 'opportunity-pool' },
});

/** A table whose output calls a formula (through the call operators). */
const bonusTable = () => ({
  $schema: 'https://ruleloom.dev/schemas/v1/table.schema.json',
  id: 'bonus-by-amount',
  hitPolicy: 'first',
  inputs: [{ id: 'newProductAmount', type: 'money' }],
  outputs: [{ id: 'bonus', type: 'money' }],
  rows: [
    {
      id: 'any',
      when: {},
      then: {
        bonus: {
          expression: {
            formula: ['new-product-bonus', 'newProductAmount', { var: 'newProductAmount' }],
          },
        },
      },
    },
  ],
});

export function decisionFiles(): Json {
  const files = smallAppFiles() as Json;
  const manifest = files['app.json'] as Json;
  manifest['files'] = {
    ...(manifest['files'] as Json),
    tables: ['tables/rebate-tier.json', 'tables/store-tier.json', 'tables/bonus-by-amount.json'],
    formulas: ['formulas/new-product-bonus.json', 'formulas/quarterly-rebate.json'],
    routing: ['routing/opportunity-routing.json'],
  };
  files['tables/rebate-tier.json'] = rebateTier;
  files['tables/store-tier.json'] = storeTier;
  files['tables/bonus-by-amount.json'] = bonusTable();
  files['formulas/new-product-bonus.json'] = newProductBonus;
  files['formulas/quarterly-rebate.json'] = quarterlyRebate;
  files['routing/opportunity-routing.json'] = opportunityRouting();
  return files;
}
