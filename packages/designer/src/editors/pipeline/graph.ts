/**
 * The pipeline as a graph: stages → nodes, transitions → edges (one per source stage), the
 * diagnostics that fall on each, and an automatic left-to-right layout with dagre.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { Diagnostic } from '@ruleloom/engine';
import type { PipelineDefinition } from '@ruleloom/schemas';
import { diagnosticsWithin, pointerSegments } from '../common/pointers.js';
import { transitionSources } from './pipelineEdits.js';

/** Size of a stage node, for the layout. */
export const STAGE_SIZE = { width: 170, height: 64 } as const;

/** A point on the canvas. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/** One drawn edge of a transition. */
export interface TransitionLink {
  /** `t<index>:<source>`. */
  readonly id: string;
  readonly index: number;
  readonly source: string;
  readonly target: string;
  /** The transition has no `from`: it may start from any stage that is not final. */
  readonly fromAny: boolean;
}

/**
 * The edges of the transitions: one per source stage; a transition without `from` gets one
 * edge from every stage that is not final (drawn dashed).
 */
export function transitionLinks(pipeline: PipelineDefinition): TransitionLink[] {
  const stageIds = new Set(pipeline.stages.map((s) => s.id));
  const open = pipeline.stages.filter((s) => !s.final).map((s) => s.id);
  return (pipeline.transitions ?? []).flatMap((tr, index) => {
    const sources = transitionSources(tr);
    const fromAny = sources.length === 0;
    return (fromAny ? open.filter((s) => s !== tr.to) : sources)
      .filter((source) => stageIds.has(source) && stageIds.has(tr.to))
      .map((source) => ({ id: `t${index}:${source}`, index, source, target: tr.to, fromAny }));
  });
}

/**
 * Positions for every stage, left to right along the transitions (in stage order when there
 * are none).
 */
export function layoutStages(pipeline: PipelineDefinition): Record<string, Position> {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 140 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const stage of pipeline.stages) graph.setNode(stage.id, { ...STAGE_SIZE });
  const links = transitionLinks(pipeline).filter((l) => !l.fromAny);
  if (links.length === 0) {
    pipeline.stages.slice(1).forEach((s, i) => graph.setEdge(pipeline.stages[i]!.id, s.id));
  }
  for (const link of links) graph.setEdge(link.source, link.target);
  layout(graph);
  const positions: Record<string, Position> = {};
  for (const stage of pipeline.stages) {
    const node = graph.node(stage.id) as { x: number; y: number } | undefined;
    // dagre gives centres; React Flow wants the top-left corner.
    positions[stage.id] = node
      ? { x: node.x - STAGE_SIZE.width / 2, y: node.y - STAGE_SIZE.height / 2 }
      : { x: 0, y: 0 };
  }
  return positions;
}

/** The diagnostics on stage `index` (its pointer is inside `/stages/<index>`). */
export function stageDiagnostics(
  diagnostics: readonly Diagnostic[],
  index: number,
): readonly Diagnostic[] {
  return diagnosticsWithin(diagnostics, `/stages/${index}`);
}

/** The diagnostics on transition `index`. */
export function transitionDiagnostics(
  diagnostics: readonly Diagnostic[],
  index: number,
): readonly Diagnostic[] {
  return diagnosticsWithin(diagnostics, `/transitions/${index}`);
}

/** What a focus pointer selects: a stage or a transition, by index. */
export type PipelineSelection =
  | { readonly kind: 'stage'; readonly index: number }
  | { readonly kind: 'transition'; readonly index: number };

/** The stage or transition at or above `pointer`, if any. */
export function selectionAt(pointer: string | undefined): PipelineSelection | undefined {
  const [head, index] = pointerSegments(pointer);
  const n = Number(index);
  if (!Number.isInteger(n) || n < 0) return undefined;
  if (head === 'stages') return { kind: 'stage', index: n };
  if (head === 'transitions') return { kind: 'transition', index: n };
  return undefined;
}
