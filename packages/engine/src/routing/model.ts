/**
 * A routing definition as `route` uses it: checked, with defaults filled in and conditions
 * compiled. Internal to the routing folder.
 */
import type { Party, RoutingDefinition } from '@ruleloom/schemas';
import type { LocalizedText } from '../diagnostics/types.js';
import type { CompiledExpression } from '../expr/compile.js';
import type { LoadMeasure } from './types.js';
import type { WorkingCalendar } from './workingTime.js';

/** Who a pool names. */
export interface PoolModel {
  readonly users: readonly string[];
  readonly roles: readonly string[];
  readonly teams: readonly string[];
}

/** A strategy with its defaults. */
export type StrategyModel =
  | { readonly type: 'round-robin' }
  | { readonly type: 'least-loaded'; readonly measure: LoadMeasure }
  | { readonly type: 'weighted'; readonly weights: ReadonlyMap<string, number> }
  | {
      readonly type: 'sticky';
      readonly by: string;
      readonly otherwise: 'round-robin' | 'least-loaded';
    };

/** A rule ready to test and route. */
export interface RuleModel {
  readonly id: string;
  readonly label: LocalizedText;
  /** Absent: the rule takes every record. */
  readonly when?: CompiledExpression;
  readonly pool: PoolModel;
  readonly strategy: StrategyModel;
}

/** A preference ready to test. */
export interface PreferenceModel {
  readonly id: string;
  readonly label: LocalizedText;
  readonly when: CompiledExpression;
  readonly prefer: readonly string[];
}

/** Dedupe by customer. */
export interface DedupeModel {
  readonly field: string;
  readonly limit: number;
}

/** The constraints with their defaults. */
export interface ConstraintsModel {
  readonly maxOpenItems?: number;
  readonly skipStatuses: ReadonlySet<string>;
  readonly workingHoursOnly: boolean;
  readonly dedupe?: DedupeModel;
}

/** Everything `route` reads. */
export interface RoutingModel {
  readonly id: string;
  readonly label: LocalizedText;
  readonly entity: string;
  readonly file: string;
  readonly definition: RoutingDefinition;
  readonly assignField: string;
  readonly zone: string;
  readonly calendar: WorkingCalendar;
  readonly rules: readonly RuleModel[];
  readonly preferences: readonly PreferenceModel[];
  readonly constraints: ConstraintsModel;
  readonly fallback: { readonly queue: string; readonly notify: readonly Party[] };
  /** Customer fields whose holders the snapshot keeps (the dedupe field and sticky `by` fields). */
  readonly customerFields: readonly string[];
}
