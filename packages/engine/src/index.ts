/**
 * @ruleloom/engine — compiles ruleloom definitions and evaluates them, deterministic and
 * explained, in Node and in the browser. This file is the whole public surface.
 */
export * from './diagnostics/index.js';
export * from './expr/index.js';
export * from './definitions/index.js';
export * from './formula/index.js';
export * from './app/index.js';
export * from './testing/index.js';
export { describeFailure } from './pipelines/index.js';
export * from './routing/index.js';
export * from './tables/index.js';
export * from './formulas/index.js';
export * from './statements/index.js';
export * from './calendar/index.js';
export * from './simulation/index.js';
