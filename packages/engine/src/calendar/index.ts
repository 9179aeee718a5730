/**
 * Business calendars and durations: working days and hours in an IANA zone, Chinese public
 * holidays with their make-up workdays, and `addDuration` / `durationBetween`.
 */
export {
  compileCalendar,
  type CalendarOptions,
  type CompiledCalendar,
  type DayInfo,
  type DayKind,
  type WorkingInterval,
} from './compile.js';
export {
  addDuration,
  durationBetween,
  parseBusinessDuration,
  type BusinessDuration,
  type DurationUnit,
} from './duration.js';
