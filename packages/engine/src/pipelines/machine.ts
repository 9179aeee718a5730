/**
 * The pipeline as an xstate machine: stages are states, final stages are final states, each
 * transition is one event, and its guard is the gate. The engine asks the machine (through
 * xstate's pure API, no actor) which moves leave a stage and whether a move is allowed.
 */
import { getNextTransitions, setup } from 'xstate';
import type { MoveContext } from './types.js';

/** A move event: its type is the transition's key. */
export interface MoveEvent {
  readonly type: string;
}

/** The guard of every transition: checks the gate of the transition named in its params. */
export type GatePredicate = (transitionKey: string, context: MoveContext) => boolean;

/** A stage as the machine needs it. */
interface MachineStage {
  readonly id: string;
  readonly final: boolean;
}

/** A transition as the machine needs it. */
interface MachineTransition {
  readonly key: string;
  readonly from: readonly string[];
  readonly to: string;
}

interface StateConfig {
  type?: 'final';
  on?: Record<string, { target: string; guard: { type: 'gate'; params: { transition: string } } }>;
}

function machineFor(
  id: string,
  initialStage: string,
  states: Record<string, StateConfig>,
  passes: GatePredicate,
) {
  return setup({
    types: {
      context: {} as MoveContext,
      events: {} as MoveEvent,
      input: {} as MoveContext,
    },
    guards: {
      gate: ({ context }, params: { transition: string }) => passes(params.transition, context),
    },
  }).createMachine({
    id,
    initial: initialStage,
    context: ({ input }) => input,
    states,
  });
}

/** The xstate machine of a pipeline. */
export type PipelineMachine = ReturnType<typeof machineFor>;

/**
 * Builds the machine of a pipeline. Transitions from unknown or final stages, or to unknown
 * stages, are left out (the compiler reports them).
 *
 * @example
 * const machine = buildPipelineMachine('deal', 'lead', stages, transitions, (key, ctx) => true);
 * machine.resolveState({ value: 'lead', context }).can({ type: 'lead->quote' });
 */
export function buildPipelineMachine(
  id: string,
  initialStage: string,
  stages: readonly MachineStage[],
  transitions: readonly MachineTransition[],
  passes: GatePredicate,
): PipelineMachine {
  const states: Record<string, StateConfig> = {};
  for (const stage of stages) states[stage.id] = stage.final ? { type: 'final' } : { on: {} };
  for (const transition of transitions) {
    if (states[transition.to] === undefined) continue;
    for (const from of transition.from) {
      const on = states[from]?.on;
      if (on === undefined) continue;
      on[transition.key] = {
        target: transition.to,
        guard: { type: 'gate', params: { transition: transition.key } },
      };
    }
  }
  return machineFor(id, initialStage, states, passes);
}

/**
 * A context for questions about the machine's structure (which moves leave a stage), where
 * no guard runs and no record is involved.
 *
 * @example
 * getNextTransitions(snapshotAt(machine, 'lead', STRUCTURE_ONLY));
 */
export const STRUCTURE_ONLY: MoveContext = {
  record: {
    id: '',
    entity: '',
    values: {},
    tags: [],
    stageHistory: {},
    approvals: [],
    createdAt: 0,
    updatedAt: 0,
    version: 0,
  },
  ctx: { now: 0 },
  ignoreRoles: true,
};

/**
 * The machine's snapshot of a record sitting in `stage`, with the context its guards read.
 *
 * @example
 * snapshotAt(machine, 'proposal', { record, ctx, ignoreRoles: false }).can({ type: 'send-quote' });
 */
export function snapshotAt(machine: PipelineMachine, stage: string, context: MoveContext) {
  return machine.resolveState({ value: stage, context });
}

/**
 * The keys of the transitions that leave `stage`, in definition order, whatever their gates
 * say (xstate's `getNextTransitions`); none for a final stage.
 *
 * @example
 * outgoingKeys(machine, 'quote'); // ['sign-contract', 'lose']
 */
export function outgoingKeys(
  machine: PipelineMachine,
  stage: string,
  context: MoveContext = STRUCTURE_ONLY,
): string[] {
  const snapshot = snapshotAt(machine, stage, context);
  if (snapshot.status !== 'active') return [];
  return getNextTransitions(snapshot).map((transition) => transition.eventType);
}

/**
 * True when the machine takes the transition `key` from `stage` now: the transition leaves
 * the stage and its guard (roles and gates) passes.
 *
 * @example
 * canMove(machine, 'proposal', 'send-quote', context); // false while the budget is empty
 */
export function canMove(
  machine: PipelineMachine,
  stage: string,
  key: string,
  context: MoveContext,
): boolean {
  return snapshotAt(machine, stage, context).can({ type: key });
}
