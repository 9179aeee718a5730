/**
 * The simulator's run held in the panel (never in the store: not saved, not undoable). A run
 * starts when the compiled app is first there, and again on reset; the steps use whatever the
 * app is at the time of each click, so an edit made meanwhile takes effect from then on. The
 * routing snapshots start where the panel says (the directory, or a test's `given.routing`)
 * and the admin may change a rep's status or load at any time.
 */
import type {
  AppEvent,
  CompiledApp,
  DirectoryUser,
  Instant,
  RoutingSnapshot,
} from '@ruleloom/engine';
import { useState } from 'react';
import { defaultStart } from './clockAdvance.js';
import type { RoutingSnapshots } from './routingSnapshots.js';
import {
  advanceClock,
  createRecords,
  fireEvents,
  importRecords,
  startRun,
  type RunContext,
  type SampleRecord,
  type SimRun,
} from './simulationRun.js';

/** The run and what a person can do to it. */
export interface SimulatorRun {
  readonly run: SimRun | undefined;
  /** The app the run started with (to tell when the definitions changed since). */
  readonly startedWith: CompiledApp | undefined;
  /** Why the first run could not start (the engine threw). */
  readonly startError: unknown;
  reset(start: Instant): void;
  advanceTo(to: Instant): void;
  fire(events: readonly AppEvent[], context: RunContext): void;
  create(records: readonly SampleRecord[], context: RunContext): void;
  importExisting(records: readonly SampleRecord[]): void;
  /** Replaces one routing's snapshot (a rep's status or load edited, another start chosen). */
  setRouting(routingId: string, snapshot: RoutingSnapshot): void;
}

/**
 * The simulator's run for the current app; `onError` hears what the engine could not do;
 * `routingStart` is where the routing snapshots start (on the first run and on reset).
 *
 * @example
 * const sim = useSimulatorRun(app, users, (error) => message.error(String(error)), {});
 * sim.advanceTo(sim.run.now + 48 * 3_600_000);
 */
export function useSimulatorRun(
  app: CompiledApp | undefined,
  users: readonly DirectoryUser[],
  onError: (error: unknown) => void,
  routingStart: RoutingSnapshots,
): SimulatorRun {
  const [held, setHeld] = useState<{ run: SimRun; app: CompiledApp }>();
  const [startError, setStartError] = useState<unknown>();
  // The first run starts at 09:00 today as soon as the app is compiled (state adjusted
  // during render).
  if (app && !held && startError === undefined) {
    try {
      const start = defaultStart(Date.now(), app.zone);
      setHeld({ run: startRun(app, start, { users }, routingStart), app });
    } catch (error) {
      setStartError(error);
    }
  }
  const run = held?.run;
  const change = (next: (app: CompiledApp, run: SimRun) => SimRun): void => {
    if (!app || !held) return;
    try {
      setHeld({ ...held, run: next(app, held.run) });
    } catch (error) {
      onError(error);
    }
  };
  return {
    run,
    startedWith: held?.app,
    startError,
    reset: (at) => {
      if (!app) return;
      try {
        setHeld({ run: startRun(app, at, { users }, routingStart), app });
        setStartError(undefined);
      } catch (error) {
        onError(error);
      }
    },
    advanceTo: (to) => change((a, r) => advanceClock(a, r, to, { users })),
    fire: (events, context) => change((a, r) => fireEvents(a, r, events, context)),
    create: (records, context) => change((a, r) => createRecords(a, r, records, context)),
    importExisting: (records) => change((a, r) => importRecords(a, r, records, { users })),
    setRouting: (routingId, snapshot) =>
      change((_, r) => ({ ...r, routing: { ...r.routing, [routingId]: snapshot } })),
  };
}
