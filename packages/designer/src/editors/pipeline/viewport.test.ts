import { describe, expect, it } from 'vitest';
import { STAGE_SIZE } from './graph.js';
import { viewportShowing } from './viewport.js';

/** Where a flow point lands on the screen under a viewport. */
const onScreen = (v: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({
  x: p.x * v.zoom + v.x,
  y: p.y * v.zoom + v.y,
});

describe('viewportShowing', () => {
  it('given two stages that fit, then they are shown at full size in the middle of the free area', () => {
    const stages = [
      { x: 310, y: 87 },
      { x: 625, y: 20 },
    ];
    const v = viewportShowing(stages, { width: 600, height: 560 })!;
    expect(v.zoom).toBe(1);
    const left = onScreen(v, { x: 310, y: 20 });
    const right = onScreen(v, { x: 625 + STAGE_SIZE.width, y: 87 + STAGE_SIZE.height });
    expect(left.x).toBeCloseTo(600 - right.x);
    expect(left.y).toBeCloseTo(560 - right.y);
  });

  it('given stages wider than the free area, then the zoom shrinks until they fit, down to the smallest zoom', () => {
    const wide = [
      { x: 0, y: 0 },
      { x: 900, y: 0 },
    ];
    const fit = viewportShowing(wide, { width: 600, height: 560 })!;
    expect(fit.zoom).toBeLessThan(1);
    expect(onScreen(fit, { x: 900 + STAGE_SIZE.width, y: 0 }).x).toBeLessThanOrEqual(600);
    expect(onScreen(fit, { x: 0, y: 0 }).x).toBeGreaterThanOrEqual(0);
    const far = [
      { x: 0, y: 0 },
      { x: 5000, y: 0 },
    ];
    expect(viewportShowing(far, { width: 600, height: 560 })!.zoom).toBe(0.5);
  });

  it('given no stages or no free area, then the view is left alone', () => {
    expect(viewportShowing([], { width: 600, height: 560 })).toBeUndefined();
    expect(viewportShowing([{ x: 0, y: 0 }], { width: 0, height: 560 })).toBeUndefined();
  });
});
