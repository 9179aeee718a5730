export { simulate, DEFAULT_MAX_STEPS } from './simulate.js';
export { readEventLog, type TimedEvent } from './eventLog.js';
export {
  formatTimeline,
  formatLocalTime,
  isIdle,
  type FormatTimelineOptions,
} from './formatTimeline.js';
export type {
  FiredTimer,
  LoggedEvent,
  SimulateOptions,
  SimulationResult,
  SimulationStats,
  TimelineEntry,
} from './types.js';
