/**
 * The candidates of the matched rule and why each one can or cannot take the lead:
 * status (出差 / 休假), capacity (more than `maxOpenItems` open), working hours, and dedupe
 * (a customer with its full number of owners stays with them).
 *
 * Reps are checked when the decision needs them, each at most once: the preferred reps, the
 * customer's holders, then the strategy's own order (round robin from the last turn until
 * one can take it; least loaded and weighted check everyone). A pool of 500 does not cost 500
 * checks per lead when the third rep in turn takes it, and the explanation lists exactly the
 * reps the decision looked at, in the order it looked.
 */
import type { Directory } from './directory.js';
import type { RoutingModel, RuleModel } from './model.js';
import type { SnapshotState } from './snapshotState.js';
import type { CandidateCheck, CustomerCheck, SkipReason } from './types.js';

/** The facts of this routing call that every candidate is checked against. */
export interface CandidateFacts {
  readonly directory: Directory;
  readonly state: SnapshotState;
  /** Set when `workingHoursOnly` and the time is outside working hours: the local time. */
  readonly outsideHours?: string;
  readonly customer?: CustomerCheck;
  /** False: the reps checked are not listed (`checked()` stays empty). */
  readonly explain: boolean;
}

const NONE: readonly SkipReason[] = Object.freeze([]);
const NOT_IN_POOL: readonly SkipReason[] = Object.freeze([{ type: 'not-in-pool' } as const]);

function skipReasons(
  user: string,
  model: RoutingModel,
  facts: CandidateFacts,
): readonly SkipReason[] {
  const known = facts.directory.byId.get(user);
  if (!known) return [{ type: 'not-in-directory' }];
  let reasons: SkipReason[] | undefined;
  const add = (reason: SkipReason): void => {
    (reasons ??= []).push(reason);
  };
  const { maxOpenItems, skipStatuses } = model.constraints;
  if (skipStatuses.size > 0) {
    const status = facts.state.status(user) ?? known.status;
    if (typeof status === 'string' && skipStatuses.has(status)) add({ type: 'status', status });
  }
  if (maxOpenItems !== undefined) {
    const open = facts.state.open(user);
    if (open > maxOpenItems) add({ type: 'over-capacity', open, max: maxOpenItems });
  }
  if (facts.outsideHours !== undefined) {
    add({ type: 'outside-hours', localTime: facts.outsideHours });
  }
  const customer = facts.customer;
  if (customer?.full && !customer.holders.includes(user)) {
    add({ type: 'customer-held', holders: customer.holders, limit: customer.limit });
  }
  return reasons ?? NONE;
}

/** The candidates of one routing call, checked on demand. */
export class Candidates {
  /** Every candidate, in candidate order: the pool's members, then holders added by dedupe. */
  readonly order: readonly string[];
  private readonly positions: ReadonlyMap<string, number>;
  private readonly poolSize: number;
  private readonly reasons: (readonly SkipReason[] | undefined)[];
  private readonly checks: CandidateCheck[] = [];

  constructor(
    rule: RuleModel,
    private readonly model: RoutingModel,
    private readonly facts: CandidateFacts,
  ) {
    const pool = facts.directory.pool(rule.pool);
    const customer = facts.customer;
    const extra = customer?.full ? customer.holders.filter((id) => !pool.positions.has(id)) : [];
    this.poolSize = pool.members.length;
    if (extra.length === 0) {
      this.order = pool.members;
      this.positions = pool.positions;
    } else {
      this.order = [...pool.members, ...extra];
      this.positions = new Map(this.order.map((id, i) => [id, i]));
    }
    this.reasons = new Array<readonly SkipReason[] | undefined>(this.order.length);
  }

  /** Where the candidate stands in the order; undefined for someone who is not a candidate. */
  position(user: string): number | undefined {
    return this.positions.get(user);
  }

  /** Why the rep cannot take the lead (empty: can); `not-in-pool` for a non-candidate. */
  reasonsOf(user: string): readonly SkipReason[] {
    const at = this.positions.get(user);
    return at === undefined ? NOT_IN_POOL : this.checkAt(at);
  }

  /** True when the rep is a candidate and can take the lead. */
  canTake(user: string): boolean {
    return this.reasonsOf(user).length === 0;
  }

  /** Every eligible candidate, in candidate order (checks everyone). */
  eligible(): string[] {
    return this.order.filter((_, i) => this.checkAt(i).length === 0);
  }

  /** The reps checked so far, in the order they were checked. */
  checked(): readonly CandidateCheck[] {
    return this.checks;
  }

  /** How many candidates there are. */
  get size(): number {
    return this.order.length;
  }

  private checkAt(at: number): readonly SkipReason[] {
    let reasons = this.reasons[at];
    if (reasons === undefined) {
      const user = this.order[at] as string;
      reasons = skipReasons(user, this.model, this.facts);
      this.reasons[at] = reasons;
      if (this.facts.explain)
        this.checks.push({ user, via: at < this.poolSize ? 'pool' : 'customer', skipped: reasons });
    }
    return reasons;
  }
}
