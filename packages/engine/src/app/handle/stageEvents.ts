/** `stage.move`: the gate, then either the approvals the move waits for or the move itself. */
import type { AutomationEvent } from '../../automations/types.js';
import { toLocalized } from '../../pipelines/text.js';
import type { LocalizedText } from '../../diagnostics/types.js';
import type { CompiledPipeline } from '../parts.js';
import type { AppEvent, RecordState, TraceEntry } from '../types.js';
import { approverNotices } from './approvalNotices.js';
import { entityOf, findRecord, pipelinesOf, type EventScope, named } from './scope.js';
import { settle } from './settle.js';
import { refuse, type EventStep } from './step.js';

type MoveEvent = Extract<AppEvent, { type: 'stage.move' }>;

/** A stage's label as the rep sees it (方案 → 报价), its id when it has none or is unknown. */
function stageLabel(pipeline: CompiledPipeline, id: string): LocalizedText {
  const stage = pipeline.definition.stages.find((candidate) => candidate.id === id);
  return toLocalized(stage?.label, id);
}

/**
 * The pipeline a move means: the named one, else the entity's only one, else the first of
 * its pipelines that has the target stage.
 */
function pipelineFor(scope: EventScope, record: RecordState, event: MoveEvent) {
  const pipelines = pipelinesOf(scope, record.entity);
  if (event.pipeline !== undefined) {
    return pipelines.find((pipeline) => pipeline.id === event.pipeline);
  }
  if (pipelines.length === 1) return pipelines[0];
  return pipelines.find((pipeline) =>
    pipeline.definition.stages.some((stage) => stage.id === event.to),
  );
}

/**
 * The record after entering `to`, and the stage events of the move (`stage.left` of the
 * stage it was in, then `stage.entered`).
 *
 * @example
 * enter(scope, pipeline, record, 'quote', 'u-rep'); // { record, events: [left proposal, entered quote] }
 */
export function enter(
  scope: EventScope,
  pipeline: CompiledPipeline,
  record: RecordState,
  to: string,
  by: string | undefined,
): { record: RecordState; events: AutomationEvent[] } {
  const from = pipeline.stageOf(record);
  const events: AutomationEvent[] = [];
  if (from !== undefined) events.push({ type: 'stage.left', pipeline: pipeline.id, stage: from });
  events.push({ type: 'stage.entered', pipeline: pipeline.id, stage: to });
  return { record: pipeline.enterStage(record, to, scope.now, by), events };
}

/**
 * Moves a record to a stage. A failed gate refuses the move (`gate`, state unchanged), as
 * does an approval step that applies but has nobody to decide it (`approval`, RL5266). A
 * move that needs approvals stores them on the record, notifies the approvers and reports
 * them as pending; otherwise the record enters the stage and the automations for
 * `stage.left` and `stage.entered` run.
 *
 * @example
 * moveRecord(scope, { type: 'stage.move', recordId: 'O1', to: 'quote' });
 */
export function moveRecord(scope: EventScope, event: MoveEvent): EventStep {
  const record = findRecord(scope.state, event.recordId);
  if (!record) return refuse('not-found', 'RL5340', { record: named(event.recordId) });
  if (!entityOf(scope, record.entity)) {
    return refuse('not-found', 'RL5341', { entity: String(record.entity) });
  }
  const pipeline = typeof event.to === 'string' ? pipelineFor(scope, record, event) : undefined;
  if (!pipeline) {
    return refuse('not-found', 'RL5345', {
      record: record.id,
      pipeline: named(event.pipeline ?? '-'),
      stage: named(event.to),
    });
  }
  const request = pipeline.requestMove(record, event.to, scope.ctx);
  const gateEntry: TraceEntry = { kind: 'gate', recordId: record.id, result: request.gate };
  if (!request.gate.allowed) {
    return refuse(
      'gate',
      'RL5346',
      {
        from: stageLabel(pipeline, request.gate.from),
        to: stageLabel(pipeline, request.gate.to),
        count: request.gate.failures.length,
      },
      { gate: request.gate, trace: [gateEntry] },
    );
  }
  if (request.blocked) {
    // A step nobody can decide would wait forever: refused, nothing stored (RL5266).
    return {
      outcome: { ok: false, reason: 'approval', message: request.blocked.message },
      effects: [],
      trace: [gateEntry],
    };
  }
  if (request.approvals.length > 0) {
    // Asked again while waiting: the running approvals come back and are not stored twice.
    const started = request.approvals.filter((approval) => !record.approvals.includes(approval));
    const next =
      started.length > 0 ? { ...record, approvals: [...record.approvals, ...started] } : record;
    return settle(scope, record, next, [], {
      outcome: { ok: true, pendingApprovals: request.approvals.map((approval) => approval.id) },
      effects: started.flatMap((approval) =>
        approverNotices(scope, pipeline, next, approval, undefined),
      ),
      trace: [
        gateEntry,
        ...request.approvals.map((approval): TraceEntry => ({
          kind: 'approval',
          recordId: record.id,
          approval: approval.id,
          status: approval.status,
          ...stepOf(approval),
        })),
      ],
    });
  }
  const moved = enter(scope, pipeline, record, event.to, scope.ctx.actor?.id);
  return settle(scope, record, moved.record, moved.events, {
    outcome: { ok: true },
    trace: [gateEntry],
  });
}

/**
 * The pending step of an approval, for its trace entry.
 *
 * @example
 * stepOf(approval); // { step: 'director' }
 */
export function stepOf(approval: { readonly steps: readonly { id: string; status: string }[] }): {
  step?: string;
} {
  const pending = approval.steps.find((step) => step.status === 'pending');
  return pending ? { step: pending.id } : {};
}
