/**
 * Lead routing as data: what `route` is handed (the lead, the routing snapshot, the time and
 * the directory) and what it hands back (the pick, the next snapshot, effects and the
 * explanation). Everything is JSON-serialisable: a caller stores the snapshot between
 * calls, and a manager can be shown the explanation.
 */
import type { BusinessCalendar, RoutingDefinition, RoutingStrategy } from '@ruleloom/schemas';
import type { CompiledEntity } from '../app/parts.js';
import type { DirectoryUser, Effect, EffectSource, Instant } from '../app/types.js';
import type { Diagnostic, LocalizedText } from '../diagnostics/types.js';
import type { TraceNode } from '../expr/types.js';

// ─── Compiling ─────────────────────────────────────────────────────────────────────────

/** What `compileRouting` needs of the app besides the file. */
export interface CompileRoutingOptions {
  /** Receives every diagnostic, located by file and JSON pointer. */
  report(diagnostic: Diagnostic): void;
  /** The routed entity: conditions are type-checked against its fields, field ids checked. */
  readonly entity?: CompiledEntity;
  /**
   * The app's entities, to find the routed one by id (RL5501 when it is missing). Used when
   * `entity` is not given.
   */
  readonly entities?: ReadonlyMap<string, CompiledEntity>;
  /** Roles declared in app.json; pools and fallback recipients are checked against them. */
  readonly roles?: ReadonlySet<string>;
  /** IANA zone of the app: conditions, working hours and "today" are read in it. Default Asia/Shanghai. */
  readonly zone?: string;
  /** The app's business calendar, for `workingHoursOnly`. Default Monday–Friday 09:00–12:00, 13:30–18:00. */
  readonly calendar?: BusinessCalendar;
}

/** A routing definition ready to route records. */
export interface CompiledRouting {
  readonly id: string;
  /** The entity whose records it assigns. */
  readonly entity: string;
  readonly file: string;
  readonly definition: RoutingDefinition;
  /** The user field that receives the pick (default `owner`). */
  readonly assignField: string;
  /**
   * Picks an owner for the lead, or the fallback queue, and explains why. Pure: the same
   * lead, snapshot and context give the same result; nothing given is changed. Never throws.
   */
  route(
    lead: RoutedLead,
    snapshot: RoutingSnapshot,
    ctx: RouteContext,
    options?: RouteOptions,
  ): RouteResult;
  /**
   * Routes leads in order (a batch of imported expo scans), each seeing the snapshot the
   * previous ones left: the same picks as calling `route` in a loop, without copying the
   * snapshot for every lead. Pure; never throws.
   */
  routeMany(
    leads: readonly RoutedLead[],
    snapshot: RoutingSnapshot,
    ctx: RouteContext,
    options?: RouteOptions,
  ): BatchRouteResult;
  /**
   * The explanation as lines a sales manager reads, in both languages (规则、候选人、为何跳过、
   * 结果). `users` supplies display names; ids are shown without them.
   */
  describe(result: LeadRouting, users?: readonly DirectoryUser[]): readonly LocalizedText[];
}

// ─── Routing ───────────────────────────────────────────────────────────────────────────

/** The record being routed: its id and field values (conditions read the values). */
export interface RoutedLead {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** What `route` needs besides the lead and the snapshot. */
export interface RouteContext {
  /** When the lead is routed: UTC epoch ms or ISO 8601 with an offset. Never a clock. */
  readonly now: Instant | string;
  /** The directory: roles, teams and statuses of the reps. Treat the array as immutable. */
  readonly users: readonly DirectoryUser[];
  /** Where the fallback notification comes from (the automation and action that asked). */
  readonly source?: EffectSource;
}

/** What the routing knows of one rep between calls. Missing numbers count as 0. */
export interface RepLoad {
  /** Open records the rep owns now: `maxOpenItems` and least-loaded `open-items` read it. */
  readonly open?: number;
  /** Records assigned to the rep on the snapshot's `day` (least-loaded `assigned-today`). */
  readonly assignedToday?: number;
  /** Deals the rep signed in the last 7 days (least-loaded `signed-7d`); the caller keeps it. */
  readonly signed7d?: number;
  /**
   * Status such as 出差 / 休假. When present it is used instead of the directory's status
   * (an attendance feed is usually fresher than the directory).
   */
  readonly status?: string;
}

/**
 * The routing's memory, threaded from one `route` call to the next: loads, turns and who
 * holds which customer. `route` returns the next snapshot; the caller stores it, and
 * corrects it when the world changes (a lead closed: `open` − 1; a customer handed over).
 */
export interface RoutingSnapshot {
  /** Per rep, by user id. */
  readonly reps?: Readonly<Record<string, RepLoad>>;
  /** The local day (YYYY-MM-DD in the app zone) that `assignedToday` counts; another day resets them. */
  readonly day?: string;
  /** Round robin: per rule id, the rep who had the rule's last turn. */
  readonly cursors?: Readonly<Record<string, string>>;
  /** Weighted: per rule id, each rep's credit in smooth weighted round robin. */
  readonly credits?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Who holds each customer: per customer field (`customer`, `phone`), per customer key, the
   * reps who were given its records, in the order they got them. Sticky and dedupe read it.
   */
  readonly customers?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** How `route` and `routeMany` work. */
export interface RouteOptions {
  /**
   * Default true: the explanation lists every rule tried with its condition trace and every
   * rep considered with why they were skipped. False: conditions are evaluated without
   * traces, and reps are not listed (`rules[].trace`, `preferences[].trace` and `candidates`
   * are empty); the pick, queue, rule, effects, error, decision and next snapshot are the
   * same. For bulk routing whose explanations nobody reads.
   */
  readonly explain?: boolean;
}

/** What a routing strategy measures as load for least-loaded. */
export type LoadMeasure = 'open-items' | 'assigned-today' | 'signed-7d';

/** Why a rep could not take the lead. A rep may have several reasons. */
export type SkipReason =
  /** The pool names a user the directory does not know (left the company, misspelt). */
  | { readonly type: 'not-in-directory' }
  /** A preferred rep who is not among the rule's candidates. */
  | { readonly type: 'not-in-pool' }
  /** The rep's status is one of `skipStatuses` (出差, 休假). */
  | { readonly type: 'status'; readonly status: string }
  /** The rep owns more than `maxOpenItems` open records. */
  | { readonly type: 'over-capacity'; readonly open: number; readonly max: number }
  /** `workingHoursOnly` and the time is outside the calendar's working hours. */
  | { readonly type: 'outside-hours'; readonly localTime: string }
  /** The customer already has `limit` owners and this rep is not one of them (dedupe). */
  | {
      readonly type: 'customer-held';
      readonly holders: readonly string[];
      readonly limit: number;
    };

/** One rule as `route` saw it. Rules after the first match are not evaluated or listed. */
export interface RuleCheck {
  readonly rule: string;
  readonly matched: boolean;
  /** The condition's evaluated operations (empty for a rule without `when`). */
  readonly trace: readonly TraceNode[];
  /** Set when the condition could not be evaluated; the rule then counts as not matched. */
  readonly error?: Diagnostic;
}

/** One rep the decision looked at. */
export interface CandidateCheck {
  readonly user: string;
  /** `pool`: from the rule's pool; `customer`: holds the lead's customer (dedupe adds them). */
  readonly via: 'pool' | 'customer';
  /** Why the rep was passed over; empty: eligible. */
  readonly skipped: readonly SkipReason[];
}

/** One preferred rep tried for a preference that applies. */
export interface PreferredRepCheck {
  readonly user: string;
  readonly picked: boolean;
  /** Why the rep was passed over (`not-in-pool`, or the candidate's reasons). */
  readonly skipped: readonly SkipReason[];
}

/** One preference as `route` saw it; preferences after the one that picked are not listed. */
export interface PreferenceCheck {
  readonly preference: string;
  /** Its `when` holds for the lead. */
  readonly applies: boolean;
  readonly trace: readonly TraceNode[];
  readonly error?: Diagnostic;
  /** The preferred reps in order, up to the one picked (empty when it does not apply). */
  readonly tried: readonly PreferredRepCheck[];
}

/** The lead's customer as dedupe saw it. */
export interface CustomerCheck {
  /** The customer field (`constraints.customerField`). */
  readonly field: string;
  /** The customer key read from the lead. */
  readonly key: string;
  /** Reps who hold the customer already, in the order they got it. */
  readonly holders: readonly string[];
  /** `maxOwnersPerCustomer`. */
  readonly limit: number;
  /** The customer has `limit` holders: only they may take the lead. */
  readonly full: boolean;
}

/** How the pick was made, or why there is none. */
export type RouteDecision =
  | { readonly by: 'preference'; readonly preference: string }
  | { readonly by: 'sticky'; readonly field: string; readonly customer: string }
  /** `after`: the rep who had the previous turn (absent: the first turn). */
  | { readonly by: 'round-robin'; readonly after?: string }
  | { readonly by: 'least-loaded'; readonly measure: LoadMeasure; readonly load: number }
  | { readonly by: 'weighted'; readonly weight: number }
  | {
      readonly by: 'fallback';
      /**
       * `no-rule`: no rule matched. `no-eligible`: every candidate was skipped.
       * `customer-held`: the customer's holders are all skipped and nobody else may take it.
       * `error`: routing could not run (see `RouteResult.error`).
       */
      readonly reason: 'no-rule' | 'no-eligible' | 'customer-held' | 'error';
    };

/** Why the lead went where it went: every rule, rep and preference considered. */
export interface RouteExplanation {
  /** The local time of the routing in the app zone, `YYYY-MM-DD HH:mm` (empty if `now` is invalid). */
  readonly localTime: string;
  readonly rules: readonly RuleCheck[];
  /** Present when dedupe applies and the lead names its customer. */
  readonly customer?: CustomerCheck;
  /**
   * The reps the decision looked at, in the order it looked: preferred reps, the customer's
   * holders, then the strategy's order (round robin from the last turn until one could take
   * it; least loaded and weighted look at everyone). When nobody could take it, everyone.
   */
  readonly candidates: readonly CandidateCheck[];
  /** How many candidates the matched rule has (0 when no rule matched). */
  readonly candidateCount: number;
  readonly preferences: readonly PreferenceCheck[];
  /** The strategy of the matched rule (its own or the routing's). */
  readonly strategy?: RoutingStrategy['type'];
  readonly decision: RouteDecision;
}

/** Where one lead went and why (a result of `routeMany` has no snapshot of its own). */
export interface LeadRouting {
  /** The routing's id. */
  readonly routing: string;
  /** The lead's id. */
  readonly record: string;
  /** The field that receives `assignee` (the routing's `assignField`). */
  readonly field: string;
  /** The rep picked; absent when the lead went to the fallback queue. */
  readonly assignee?: string;
  /** The fallback queue, when nobody was picked. */
  readonly queue?: string;
  /** The rule that matched, if any. */
  readonly rule?: string;
  /** A `notify` to the fallback's recipients when the lead fell into the queue. */
  readonly effects: readonly Effect[];
  readonly explanation: RouteExplanation;
  /** Set when routing could not run normally (an invalid `now`, an unexpected failure). */
  readonly error?: Diagnostic;
}

/** What `route` returns: where the lead went, why, and the snapshot for the next call. */
export interface RouteResult extends LeadRouting {
  /**
   * The snapshot to pass to the next call: the assignee's load, today's count, the rule's
   * turn and the customer's holders updated. The given snapshot when nobody was picked.
   */
  readonly snapshot: RoutingSnapshot;
}

/** What `routeMany` returns: one result per lead, in order, and the snapshot after all. */
export interface BatchRouteResult {
  readonly results: readonly LeadRouting[];
  readonly snapshot: RoutingSnapshot;
}
