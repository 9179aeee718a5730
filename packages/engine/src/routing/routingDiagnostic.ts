/** Diagnostics of routing (RL55xx), built from their catalogue entries. */
import { routingCatalogue } from '../diagnostics/catalogue/routing.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, DiagnosticParams } from '../diagnostics/types.js';

/** A code of the routing catalogue. */
export type RoutingCode = keyof typeof routingCatalogue;

/**
 * Builds a routing diagnostic: `createDiagnostic` narrowed to the routing codes.
 *
 * @example
 * routingDiagnostic('RL5505', '/rules/0/pool', { rule: 'east' }, 'routing/lead-routing.json');
 * // { severity: 'error', code: 'RL5505', message: { en: 'the pool of the rule "east" is empty: …' }, … }
 */
export function routingDiagnostic(
  code: RoutingCode,
  pointer: string,
  params: DiagnosticParams = {},
  file?: string,
): Diagnostic {
  return createDiagnostic(code, pointer, params, file === undefined ? {} : { file });
}
