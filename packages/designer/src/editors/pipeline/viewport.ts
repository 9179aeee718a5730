/**
 * Bringing a transition into view: the canvas viewport that shows its stages, at a size one
 * can read, in the part of the canvas the gate drawer leaves uncovered.
 */
import { STAGE_SIZE, type Position } from './graph.js';

/** A canvas viewport as React Flow takes it (screen = flow × zoom + x / y). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Room kept around the stages, in screen pixels. */
const MARGIN = 48;

/**
 * The viewport that shows stages drawn at `stages` in the middle of a visible area of
 * `width` × `height` screen pixels (the left part of the canvas), as large as fits up to
 * `maxZoom`, and no smaller than `minZoom`.
 *
 * @example
 * viewportShowing([{ x: 310, y: 87 }, { x: 625, y: 20 }], { width: 560, height: 560 });
 * // { x: …, y: …, zoom: 1 }
 */
export function viewportShowing(
  stages: readonly Position[],
  area: { readonly width: number; readonly height: number },
  zoomRange: { readonly minZoom?: number; readonly maxZoom?: number } = {},
): Viewport | undefined {
  if (stages.length === 0 || area.width <= 0 || area.height <= 0) return undefined;
  const left = Math.min(...stages.map((s) => s.x));
  const top = Math.min(...stages.map((s) => s.y));
  const right = Math.max(...stages.map((s) => s.x + STAGE_SIZE.width));
  const bottom = Math.max(...stages.map((s) => s.y + STAGE_SIZE.height));
  const fit = Math.min(
    (area.width - 2 * MARGIN) / (right - left),
    (area.height - 2 * MARGIN) / (bottom - top),
  );
  const zoom = Math.max(zoomRange.minZoom ?? 0.5, Math.min(zoomRange.maxZoom ?? 1, fit));
  return {
    x: area.width / 2 - ((left + right) / 2) * zoom,
    y: area.height / 2 - ((top + bottom) / 2) * zoom,
    zoom,
  };
}
