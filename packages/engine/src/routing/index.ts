/**
 * Lead routing (S42): ordered rules pick a candidate pool, constraints skip reps who are
 * overloaded, away or outside working hours, dedupe keeps one customer with its owners,
 * preferences pick first, a strategy picks the rest, and a fallback queue catches what is
 * left. Pure, deterministic and explained.
 */
export { compileRouting } from './compileRouting.js';
export type {
  BatchRouteResult,
  CandidateCheck,
  CompiledRouting,
  CompileRoutingOptions,
  CustomerCheck,
  LeadRouting,
  LoadMeasure,
  PreferenceCheck,
  PreferredRepCheck,
  RepLoad,
  RouteContext,
  RouteOptions,
  RoutedLead,
  RouteDecision,
  RouteExplanation,
  RouteResult,
  RoutingSnapshot,
  RuleCheck,
  SkipReason,
} from './types.js';
