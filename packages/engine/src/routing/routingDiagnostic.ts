/** Diagnostics of routing (RL55xx), built from their catalogue entries. */
import { routingCatalogue } from '../diagnostics/catalogue/routing.js';
import { fillLocalized } from '../diagnostics/format.js';
import type { Diagnostic, DiagnosticParams } from '../diagnostics/types.js';

/** A code of the routing catalogue. */
export type RoutingCode = keyof typeof routingCatalogue;

/**
 * Builds a routing diagnostic from `routingCatalogue` (the same shape `createDiagnostic`
 * gives for the codes of the main catalogue).
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
  const entry = routingCatalogue[code];
  return {
    severity: entry.severity,
    code,
    message: fillLocalized(entry.message, params),
    hint: fillLocalized(entry.hint, params),
    pointer,
    params,
    ...(file === undefined ? {} : { file }),
  };
}
