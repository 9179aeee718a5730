import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import type { Gate, PipelineDefinition, Transition } from '@ruleloom/schemas';
import type { ApprovalUpdate } from '../app/parts.js';
import type { ApprovalState, RecordState } from '../app/types.js';
import {
  as,
  clone,
  HOUR,
  opportunity,
  opportunityPipeline,
  record,
  T0,
  users,
} from './__tests__/index.js';
import { isSameApproval } from './approvals/cancelSiblings.js';
import { sameRequest } from './approvals/findApproval.js';

/**
 * The fixture with a second approval on 发送报价 over 200,000: the owner's manager, who may
 * be nobody (no owner, or 张总监 who has none). Gates are the fixture's, so the oracle holds.
 */
function withOwnerCheck(): PipelineDefinition {
  const definition: PipelineDefinition = clone(opportunityPipeline);
  definition.transitions![1]!.approvals!.push({
    id: 'owner-check',
    when: { '>': [{ var: 'amount' }, 200000] },
    steps: [{ id: 'manager', approvers: [{ managerOf: 'owner' }] }],
  });
  return definition;
}

const pipeline = opportunity(withOwnerCheck());
const STAGES = opportunityPipeline.stages.map((stage) => stage.id);
const USERS = ['u-rep', 'u-manager', 'u-director', 'u-legal', 'u-finance'] as const;

// ─── An oracle that does not use the engine ────────────────────────────────────────────

const filled = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  !(typeof value === 'string' && value.trim() === '') &&
  !(Array.isArray(value) && value.length === 0);

const hasFile = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(hasFile)
    : typeof value === 'string'
      ? value.trim() !== ''
      : typeof value === 'object' && value !== null;

/** A gate of the fixture, checked by hand and by json-logic-js. */
function gateHolds(gate: Gate | undefined, values: Readonly<Record<string, unknown>>): boolean {
  if (gate === undefined) return true;
  return (
    (gate.requiredFields ?? []).every((field) => filled(values[field])) &&
    (gate.requiredAttachments ?? []).every((field) => hasFile(values[field])) &&
    (gate.conditions ?? []).every((condition) =>
      Boolean(jsonLogic.apply(condition.expression as jsonLogic.RulesLogic, values)),
    )
  );
}

const entryGate = (stage: string): Gate | undefined =>
  opportunityPipeline.stages.find((s) => s.id === stage)?.entryGate;

const sources = (transition: Transition): readonly string[] =>
  typeof transition.from === 'string' ? [transition.from] : (transition.from ?? []);

/** May `roles` move the fixture's record from `from` to `to` with these values? */
function oracleAllows(
  from: string,
  to: string,
  values: Readonly<Record<string, unknown>>,
  roles: readonly string[],
): boolean {
  return (opportunityPipeline.transitions ?? []).some(
    (transition) =>
      sources(transition).includes(from) &&
      transition.to === to &&
      (transition.allowedRoles ?? roles).some((role) => roles.includes(role)) &&
      gateHolds(transition.gate, values) &&
      gateHolds(entryGate(to), values),
  );
}

/** The moves the fixture defines, as `from->to`. */
const MOVES = new Set(
  (opportunityPipeline.transitions ?? []).flatMap((transition) =>
    sources(transition).map((stage) => `${stage}->${transition.to}`),
  ),
);

/** The S34 path: where "advance" goes from each stage. */
const NEXT: Readonly<Record<string, string>> = {
  lead: 'proposal',
  proposal: 'quote',
  quote: 'contract',
  contract: 'payment',
  payment: 'paid',
};

// ─── Arbitraries ───────────────────────────────────────────────────────────────────────

const valuesArb = fc.record(
  {
    budgetRange: fc.constantFrom(undefined, null, '', '  ', 'under-50k', 'over-200k', 'over-200k'),
    decisionRole: fc.constantFrom(undefined, '', 'user', 'decision-maker', 'decision-maker'),
    amount: fc.constantFrom(undefined, null, 0, -5, 1, 50000, 50001, 499999, 500000, 'abc'),
    quotedMilestoneDays: fc.constantFrom(undefined, 30, 30, 31),
    contractMilestoneDays: fc.constantFrom(undefined, 30, 33, 34, 45),
    poAcceptanceScan: fc.constantFrom(
      undefined,
      null,
      '',
      [],
      [{}],
      [{ name: 'po.pdf' }],
      'po.pdf',
    ),
    owner: fc.constantFrom(undefined, 'u-rep', 'u-manager', 'u-director'),
  },
  { requiredKeys: [] },
);

// Weighted towards going onwards along S34 and towards decisions by someone who may make
// them: random moves to 输单 end a run early, and the late stages must be reached often.
const actionArb = fc.oneof(
  { weight: 3, arbitrary: valuesArb.map((values) => ({ kind: 'update' as const, values })) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      to: fc.constantFrom(...STAGES, 'nowhere'),
      user: fc.constantFrom(...USERS),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      user: fc.constantFrom(...USERS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      approval: fc.constantFrom('large-quote', 'legal', 'owner-check'),
      decision: fc.constantFrom('approve' as const, 'reject' as const),
      user: fc.constantFrom(...USERS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      decision: fc.constantFrom('approve' as const, 'approve' as const, 'reject' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('recall' as const),
      approval: fc.constantFrom('large-quote', 'legal', 'owner-check'),
      user: fc.constantFrom(...USERS),
    }),
  },
);

/** Freezes deeply: a call that changes its input then throws (ES modules are strict). */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) frozen((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The record with an update in place: the approval, and the pending ones it cancelled. */
function replaced(opp: RecordState, update: ApprovalUpdate): RecordState {
  const changed = [update.approval, ...(update.cancelled ?? [])];
  return {
    ...opp,
    approvals: opp.approvals.map(
      (a) => (a.status === 'pending' && changed.find((c) => isSameApproval(c, a))) || a,
    ),
  };
}

/**
 * What must hold of a record's approvals after any step: every step that applies has
 * someone to decide it; once one approval of a request is rejected or recalled none of the
 * others is pending; a cancelled one names an approval of its request that ended so.
 */
function expectApprovalsSound(approvals: readonly ApprovalState[]): void {
  for (const approval of approvals) {
    for (const step of approval.steps) {
      if (step.status !== 'skipped') expect(step.approvers.length).toBeGreaterThan(0);
    }
    const request = sameRequest(approvals, approval);
    if (approval.status === 'rejected' || approval.status === 'recalled') {
      expect(request.filter((other) => other.status === 'pending')).toEqual([]);
    }
    if (approval.status === 'cancelled') {
      expect(
        request.some(
          (other) =>
            other.id === approval.cancelledBy &&
            (other.status === 'rejected' || other.status === 'recalled'),
        ),
      ).toBe(true);
    }
  }
}

describe('pipeline properties', () => {
  it('random moves, decisions and value changes never leave a record in a stage whose gates failed when it entered, nor an approval nobody can decide or one whose request was rejected', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        valuesArb,
        fc.array(actionArb, { minLength: 20, maxLength: 60, size: 'max' }),
        (initial, actions) => {
          let opp = frozen(pipeline.enterStage(record(initial), 'lead', T0));
          let now = T0;
          const enter = (to: string, by: string, gated: boolean): void => {
            const from = pipeline.stageOf(opp);
            if (gated) {
              expect(MOVES.has(`${from}->${to}`)).toBe(true);
              expect(gateHolds(entryGate(to), opp.values)).toBe(true);
            }
            reached.add(to);
            opp = frozen(pipeline.enterStage(opp, to, now, by));
          };
          for (const action of actions) {
            now += HOUR;
            if (action.kind === 'update') {
              opp = frozen({ ...opp, values: { ...opp.values, ...action.values } });
            } else if (action.kind === 'move' || action.kind === 'advance') {
              const from = pipeline.stageOf(opp) ?? '';
              const to = action.kind === 'move' ? action.to : (NEXT[from] ?? 'lost');
              const roles = users.find((user) => user.id === action.user)?.roles ?? [];
              const request = pipeline.requestMove(opp, to, as(action.user, now));
              expect(request.gate.allowed).toBe(oracleAllows(from, to, opp.values, roles));
              if (!request.gate.allowed) {
                expect(request.approvals).toEqual([]);
                expect(request.gate.failures.length).toBeGreaterThan(0);
              } else if (request.blocked) {
                // Only the owner's manager can be nobody: no owner, or one without a manager.
                expect(request.blocked.code).toBe('RL5266');
                expect(request.approvals).toEqual([]);
                const owner = users.find((user) => user.id === opp.values.owner);
                expect(owner?.manager).toBeUndefined();
              } else if (request.approvals.length === 0) {
                enter(to, action.user, true);
              } else {
                const started = request.approvals.filter((a) => !opp.approvals.includes(a));
                opp = frozen({ ...opp, approvals: [...opp.approvals, ...started] });
              }
            } else {
              const pending = opp.approvals.find((approval) => approval.status === 'pending');
              const user =
                action.kind === 'answer'
                  ? (pending?.steps.find((step) => step.status === 'pending')?.approvers[0] ?? '')
                  : action.user;
              const ctx = as(user, now);
              const update =
                action.kind === 'recall'
                  ? pipeline.recall(opp, action.approval, ctx)
                  : action.kind === 'answer'
                    ? pipeline.decide(opp, pending?.id ?? '', action.decision, ctx)
                    : pipeline.decide(opp, action.approval, action.decision, ctx);
              if ('error' in update) continue;
              opp = frozen(replaced(opp, update));
              if (update.moveTo !== undefined) {
                // A rejection sends the record back without gates; an approval goes through them.
                enter(update.moveTo, user, update.ended === 'approved');
              }
            }
            expect(STAGES).toContain(pipeline.stageOf(opp));
            expectApprovalsSound(opp.approvals);
          }
        },
      ),
      { numRuns: 400 },
    );
    // The runs went all the way: the gated late stages were entered.
    expect([...reached]).toEqual(expect.arrayContaining(['quote', 'contract', 'paid']));
  });

  it('checkTransition and requestMove never throw on arbitrary record values, and agree with their failures', () => {
    const keys = fc.oneof(
      fc.constantFrom('stage', 'budgetRange', 'decisionRole', 'amount', 'poAcceptanceScan'),
      fc.constantFrom('quotedMilestoneDays', 'contractMilestoneDays', 'owner', '__proto__'),
      fc.string({ maxLength: 4 }),
    );
    const anything = fc.anything({
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
    });
    fc.assert(
      fc.property(
        fc.dictionary(keys, anything),
        fc.oneof(fc.constantFrom(...STAGES), fc.string({ maxLength: 6 })),
        fc.option(fc.record({ id: fc.constantFrom(...USERS), roles: fc.array(fc.string()) }), {
          nil: undefined,
        }),
        fc.oneof(fc.integer(), fc.string({ maxLength: 30 })),
        (values, to, actor, now) => {
          const ctx = { now, ...(actor === undefined ? {} : { actor }) };
          const opp = frozen(record(values));
          const result = pipeline.checkTransition(opp, to, ctx);
          const blocking = result.failures.filter(
            (f) => !(f.type === 'condition' && f.severity === 'warning'),
          );
          expect(result.allowed).toBe(blocking.length === 0);
          for (const failure of result.failures) {
            const message = pipeline.describeFailure(failure);
            expect(message['zh-CN'].length).toBeGreaterThan(0);
          }
          const request = pipeline.requestMove(opp, to, ctx);
          expect(request.gate).toEqual(result);
        },
      ),
      { numRuns: 500 },
    );
  });
});
