import type { CatalogueEntry } from '../types.js';

/**
 * Errors of `simulate` (RL566x, with the timers): a timestamped event log that cannot be
 * replayed, a window or tick that is not a time, and the step limit that stops a run.
 */
export const simulationCatalogue = {
  RL5660: {
    severity: 'error',
    title: 'event log entry is not an event',
    message: {
      'zh-CN': '事件日志第 {index} 条不是事件：{reason}',
      en: 'entry {index} of the event log is not an event: {reason}',
    },
    hint: {
      'zh-CN':
        '每条写成 { "at": "2026-03-02T09:00:00+08:00", "event": { "type": "record.create", … } }，可加 "actor"',
      en: 'write each entry as { "at": "2026-03-02T09:00:00+08:00", "event": { "type": "record.create", … } }, optionally with "actor"',
    },
  },
  RL5661: {
    severity: 'error',
    title: 'event log time is not a time',
    message: {
      'zh-CN': '事件日志第 {index} 条的时间 {value} 不是有效的时间',
      en: 'entry {index} of the event log: {value} is not a time',
    },
    hint: {
      'zh-CN': '写带时区偏移的 ISO 8601 时间（2026-03-02T09:00:00+08:00）或 UTC 毫秒数',
      en: 'write an ISO 8601 time with an offset (2026-03-02T09:00:00+08:00) or UTC epoch milliseconds',
    },
  },
  RL5662: {
    severity: 'error',
    title: 'simulation window is not a time',
    message: {
      'zh-CN': '模拟的{what}时间 {value} 不是有效的时间',
      en: 'the simulation {what} time {value} is not a time',
    },
    hint: {
      'zh-CN':
        '写带时区偏移的 ISO 8601 时间，例如 2026-03-31T00:00+08:00；没有事件时必须给出开始时间',
      en: 'write an ISO 8601 time with an offset, e.g. 2026-03-31T00:00+08:00; without events a start time is required',
    },
  },
  RL5663: {
    severity: 'error',
    title: 'simulation ends before it starts',
    message: {
      'zh-CN': '模拟的结束时间 {to} 早于开始时间 {from}',
      en: 'the simulation ends at {to}, before it starts at {from}',
    },
    hint: {
      'zh-CN': '把结束时间改到开始时间之后',
      en: 'make the end time later than the start time',
    },
  },
  RL5664: {
    severity: 'error',
    title: 'tick is not a duration',
    message: {
      'zh-CN': '时钟步长 {value} 不是时长',
      en: 'the clock tick {value} is not a duration',
    },
    hint: {
      'zh-CN': '写一个大于零的固定时长，例如 30m、1h、1d',
      en: 'write a fixed duration greater than zero, e.g. 30m, 1h, 1d',
    },
  },
  RL5665: {
    severity: 'error',
    title: 'event before the simulation starts',
    message: {
      'zh-CN': '事件日志第 {index} 条的时间 {at} 早于模拟开始时间 {from}',
      en: 'entry {index} of the event log happens at {at}, before the simulation starts at {from}',
    },
    hint: {
      'zh-CN': '把开始时间提前到第一条事件之前，或删除更早的事件',
      en: 'start the simulation before the first event, or remove the earlier events',
    },
  },
  RL5666: {
    severity: 'warning',
    title: 'simulation stopped at its step limit',
    message: {
      'zh-CN': '模拟在 {steps} 步后停止（上限 {limit} 步），时钟停在 {at}',
      en: 'the simulation stopped after {steps} steps (the limit is {limit}), with the clock at {at}',
    },
    hint: {
      'zh-CN': '缩短模拟时段，或提高步数上限（maxSteps）；检查是否有计时器过于频繁地重复',
      en: 'simulate a shorter window or raise the step limit (maxSteps); check for a timer that recurs too often',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
