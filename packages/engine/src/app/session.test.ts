/**
 * AppSession handles events in place and must give exactly what `app.handle` gives on the
 * equivalent immutable state: outcome, effects, trace, and patches that turn the old state
 * into the new one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyPatches, enablePatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { compileApp } from './compileApp.js';
import type { AppEvent, AppState, DirectoryUser } from './types.js';

enablePatches();

const root = join(import.meta.dirname, '../../../../examples/sales-crm');

function salesCrm(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.json'))
        files[path] = JSON.parse(readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('');
  return files;
}

const compiled = compileApp({ files: salesCrm() });
if (!compiled.ok) throw new Error('examples/sales-crm does not compile');
const app = compiled.app;

const users: DirectoryUser[] = [
  { id: 'zhangwei', roles: ['sales-rep'], manager: 'chenjing' },
  { id: 'lina', roles: ['sales-rep'], manager: 'chenjing' },
  { id: 'chenjing', roles: ['sales-manager'], manager: 'zhaogang' },
  { id: 'zhaogang', roles: ['regional-director', 'sales-director'] },
];

const START = Date.parse('2026-03-02T09:00:00+08:00');

/** Random lead events: create, update the grade or owner, move on; and clock steps. */
const script = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('create' as const),
      id: fc.integer({ min: 1, max: 4 }),
      grade: fc.constantFrom('A', 'B', 'C'),
    }),
    fc.record({
      kind: fc.constant('update' as const),
      id: fc.integer({ min: 1, max: 4 }),
      grade: fc.constantFrom('A', 'B', 'C'),
    }),
    fc.record({
      kind: fc.constant('move' as const),
      id: fc.integer({ min: 1, max: 4 }),
      to: fc.constantFrom('contacted', 'qualified', 'new'),
    }),
    fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 60 }) }),
  ),
  { maxLength: 25 },
);

function toEvent(step: {
  kind: 'create' | 'update' | 'move';
  id: number;
  grade?: string;
  to?: string;
}): AppEvent {
  const recordId = `L${step.id}`;
  if (step.kind === 'create') {
    return {
      type: 'record.create',
      entity: 'lead',
      recordId,
      values: {
        name: `客户${step.id}`,
        company: '某公司',
        phone: '13800000000',
        source: 'website',
        intentGrade: step.grade,
        owner: 'zhangwei',
      },
    };
  }
  if (step.kind === 'update') {
    return { type: 'record.update', recordId, values: { intentGrade: step.grade } };
  }
  return { type: 'stage.move', recordId, to: step.to ?? 'contacted' };
}

describe('AppSession', () => {
  it('gives the same outcome, effects, trace and state as app.handle, with patches that apply', () => {
    fc.assert(
      fc.property(script, (steps) => {
        let state: AppState = app.emptyState();
        const session = app.session(state);
        let now = START;
        const both = (event: AppEvent, at: number): void => {
          const ctx = { now: at, users };
          const immutable = app.handle(state, event, ctx);
          const inPlace = session.handle(event, ctx);
          expect(inPlace.outcome).toEqual(immutable.outcome);
          expect(inPlace.effects).toEqual(immutable.effects);
          expect(inPlace.trace).toEqual(immutable.trace);
          expect(applyPatches(state, inPlace.patches)).toEqual(immutable.state);
          expect(applyPatches(immutable.state, inPlace.inversePatches)).toEqual(state);
          state = immutable.state;
          expect(session.snapshot()).toEqual(state);
        };
        both({ type: 'timers.sync' }, now);
        for (const step of steps) {
          if (step.kind === 'wait') {
            const target = now + (step.hours ?? 1) * 3_600_000;
            for (;;) {
              const [due] = app.due(state, target);
              expect(session.due(target)[0]).toEqual(due);
              if (!due) break;
              now = Math.max(now, due.dueAt);
              both({ type: 'timer.fired', timer: due.id }, now);
            }
            now = target;
            continue;
          }
          both(toEvent(step), now);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never changes the state it was given', () => {
    const given = app.handle(app.emptyState(), toEvent({ kind: 'create', id: 1, grade: 'B' }), {
      now: START,
      users,
    }).state;
    const copy = JSON.parse(JSON.stringify(given)) as AppState;
    const session = app.session(given);
    session.handle(toEvent({ kind: 'update', id: 1, grade: 'A' }), { now: START + 1000, users });
    session.handle({ type: 'timers.sync' }, { now: START + 2000, users });
    expect(JSON.parse(JSON.stringify(given))).toEqual(copy);
  });
});
