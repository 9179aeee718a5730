import type { CatalogueEntry } from '../types.js';

/**
 * Timers: checks of a timer definition (RL5600–RL5629) and refusals while firing one
 * (RL5640–RL5649).
 */
export const timersCatalogue = {
  RL5601: {
    severity: 'error',
    title: 'unknown date field',
    message: {
      'zh-CN': '计时器按字段 "{field}" 计时，但实体 "{entity}" 没有这个字段',
      en: 'the timer counts from the field "{field}", which the entity "{entity}" does not have',
    },
    hint: {
      'zh-CN': '使用日期或日期时间字段的 ID；"{entity}" 的日期字段有：{known}',
      en: 'use the id of a date or datetime field; the date fields of "{entity}" are: {known}',
    },
  },
  RL5602: {
    severity: 'error',
    title: 'field is not a date',
    message: {
      'zh-CN': '字段 "{field}" 的类型是 {type}，计时器只能按日期或日期时间字段计时',
      en: 'the field "{field}" is of type {type}; a timer can only count from a date or datetime field',
    },
    hint: {
      'zh-CN': '选择日期或日期时间字段（{known}），或把 "{field}" 改为日期类型',
      en: 'pick a date or datetime field ({known}), or change "{field}" to a date type',
    },
  },
  RL5603: {
    severity: 'error',
    title: 'invalid cron schedule',
    message: {
      'zh-CN': '无法读取定时规则 "{cron}"：{detail}',
      en: 'the schedule "{cron}" cannot be read: {detail}',
    },
    hint: {
      'zh-CN':
        '写 5 个字段：分 时 日 月 周，例如每周五 16:00 为 "0 16 * * FRI"；时区用 IANA 名称，如 Asia/Shanghai',
      en: 'write five fields: minute hour day month weekday, e.g. "0 16 * * FRI" for Fridays 16:00; zones are IANA names such as Asia/Shanghai',
    },
  },
  RL5604: {
    severity: 'warning',
    title: 'schedule never runs',
    message: {
      'zh-CN': '定时规则 "{cron}" 在未来 5 年内不会运行',
      en: 'the schedule "{cron}" does not run in the next 5 years',
    },
    hint: {
      'zh-CN': '检查日期和月份的组合（例如 2 月 30 日不存在）',
      en: 'check the day and month (February 30 does not exist, for example)',
    },
  },
  RL5605: {
    severity: 'error',
    title: 'escalation on a recurring timer',
    message: {
      'zh-CN': '周期计时器不能有升级步骤',
      en: 'a recurring timer cannot have escalation steps',
    },
    hint: {
      'zh-CN':
        '把升级放在相对或绝对计时器上（例如"到期后 48 小时通知经理"），周期计时器每次按计划运行',
      en: 'put escalations on a relative or absolute timer (e.g. "48 h after it is due, tell the manager"); a recurring timer simply runs on its schedule',
    },
  },
  RL5606: {
    severity: 'error',
    title: 'recurring timer without entity',
    message: {
      'zh-CN': '周期计时器需要实体：第 {action} 个动作（{type}）要对某个实体的记录执行',
      en: 'a recurring timer needs an entity: action {action} ({type}) runs for records of one',
    },
    hint: {
      'zh-CN': '填写 entity，动作会对该实体每条满足条件的记录执行；或用 digest 动作发送记录汇总',
      en: 'set `entity`: the actions then run for every record of it that meets the condition; or send a digest of the records',
    },
  },
  RL5607: {
    severity: 'warning',
    title: 'escalation steps out of order',
    message: {
      'zh-CN':
        '升级步骤 {step} 的时间（{after}）不晚于前一步（{previous}），会在同一时间或更早运行',
      en: 'escalation step {step} ({after}) is not later than the step before it ({previous}), so it runs at the same time or earlier',
    },
    hint: {
      'zh-CN': '按时间顺序排列升级步骤，例如 48h、72h、96h',
      en: 'order the steps by time, e.g. 48h, 72h, 96h',
    },
  },
  RL5608: {
    severity: 'error',
    title: 'unknown timer',
    message: {
      'zh-CN': '动作要{verb}的计时器 "{timer}" 不存在',
      en: 'the action {verb} the timer "{timer}", which does not exist',
    },
    hint: {
      'zh-CN': '使用计时器的 ID；应用中的计时器有：{known}',
      en: 'use the id of a timer; the timers of the app are: {known}',
    },
  },
  RL5609: {
    severity: 'error',
    title: 'timer of another entity',
    message: {
      'zh-CN': '计时器 "{timer}" 作用于实体 "{timerEntity}"，不能由 "{entity}" 的动作启动或取消',
      en: 'the timer "{timer}" runs for the entity "{timerEntity}"; an action on "{entity}" cannot start or cancel it',
    },
    hint: {
      'zh-CN': '选择 "{entity}" 的计时器，或把动作移到 "{timerEntity}" 的自动化中',
      en: 'pick a timer of "{entity}", or move the action to an automation of "{timerEntity}"',
    },
  },
  RL5610: {
    severity: 'error',
    title: 'recurring timer cannot be started',
    message: {
      'zh-CN': '计时器 "{timer}" 是周期计时器，按计划运行，不能由动作启动或取消',
      en: 'the timer "{timer}" is recurring: it runs on its schedule and cannot be started or cancelled by an action',
    },
    hint: {
      'zh-CN': '使用相对或绝对计时器，或用 enabled: false 关闭周期计时器',
      en: 'use a relative or absolute timer, or switch the recurring one off with enabled: false',
    },
  },
  RL5640: {
    severity: 'error',
    title: 'timer not pending',
    message: {
      'zh-CN': '计时器 "{timer}" 当前没有待触发的实例（已触发或已取消）',
      en: 'the timer "{timer}" is not pending (it has fired or was cancelled)',
    },
    hint: {
      'zh-CN': '只触发 app.due(state, now) 列出的计时器；重复触发会被忽略，不会重复执行动作',
      en: 'fire only the timers app.due(state, now) lists; firing one twice is refused, so its actions never run twice',
    },
  },
  RL5641: {
    severity: 'error',
    title: 'timer fired early',
    message: {
      'zh-CN': '计时器 "{timer}" 要到 {dueAt} 才到期，现在是 {now}',
      en: 'the timer "{timer}" is due at {dueAt}, but it is now {now}',
    },
    hint: {
      'zh-CN': '在到期时间或之后触发（ctx.now ≥ dueAt）',
      en: 'fire it at or after its due time (ctx.now ≥ dueAt)',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
