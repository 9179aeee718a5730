import type { CatalogueEntry } from '../types.js';

/**
 * Automations: triggers, actions, cascades (RL5300–RL5329), and handling events
 * (`app.handle`, RL5340–RL5359).
 */
export const automationsCatalogue = {
  RL5301: {
    severity: 'error',
    title: 'unknown entity',
    message: {
      'zh-CN': '自动化引用的实体 "{entity}" 不存在',
      en: 'the automation watches the entity "{entity}", which does not exist',
    },
    hint: {
      'zh-CN': '请选择应用中已有的实体（{known}），或先创建实体 "{entity}"',
      en: 'pick one of the entities of the app ({known}) or create the entity "{entity}" first',
    },
  },
  RL5302: {
    severity: 'error',
    title: 'unknown field',
    message: {
      'zh-CN': '实体 "{entity}" 没有字段 "{field}"',
      en: 'the entity "{entity}" has no field "{field}"',
    },
    hint: {
      'zh-CN':
        '使用字段 ID（不是显示名称），并检查拼写；实体 "{entity}" 的字段在实体定义中列出，"{field}" 不在其中',
      en: 'use the field id (not its label) and check the spelling; the fields of "{entity}" are listed in its entity definition and "{field}" is not one of them',
    },
  },
  RL5303: {
    severity: 'error',
    title: 'unknown pipeline',
    message: {
      'zh-CN': '实体 "{entity}" 没有阶段流程 "{pipeline}"',
      en: 'the entity "{entity}" has no pipeline "{pipeline}"',
    },
    hint: {
      'zh-CN': '选择实体 "{entity}" 的阶段流程之一，或删除 "{pipeline}" 这一项',
      en: 'pick one of the pipelines of "{entity}" or remove "{pipeline}"',
    },
  },
  RL5304: {
    severity: 'error',
    title: 'unknown stage',
    message: {
      'zh-CN': '阶段流程 "{pipeline}" 没有阶段 "{stage}"',
      en: 'the pipeline "{pipeline}" has no stage "{stage}"',
    },
    hint: {
      'zh-CN': '使用阶段 ID（不是显示名称）；"{pipeline}" 的阶段有：{known}',
      en: 'use the stage id (not its label); the stages of "{pipeline}" are: {known}',
    },
  },
  RL5305: {
    severity: 'error',
    title: 'unknown approval',
    message: {
      'zh-CN': '阶段流程 "{pipeline}" 中没有审批 "{approval}"',
      en: 'the pipeline "{pipeline}" declares no approval "{approval}"',
    },
    hint: {
      'zh-CN': '审批在阶段流程的流转（transitions）中定义；使用其中一个审批的 ID：{known}',
      en: 'approvals are declared on the transitions of the pipeline; use one of their ids: {known}',
    },
  },
  RL5306: {
    severity: 'error',
    title: 'computed field written',
    message: {
      'zh-CN': '字段 "{field}" 是计算字段，自动化不能给它赋值',
      en: 'the field "{field}" is computed; an automation cannot set it',
    },
    hint: {
      'zh-CN': '计算字段的值由其公式决定；请修改它引用的字段，或修改字段 "{field}" 的公式',
      en: 'a computed field takes the value of its expression; set the fields it reads instead, or change the expression of "{field}"',
    },
  },
  RL5307: {
    severity: 'error',
    title: 'value of the wrong type',
    message: {
      'zh-CN': '字段 "{field}" 需要{expected}，但这里给的是{actual}',
      en: 'the field "{field}" holds {expected} but the value is {actual}',
    },
    hint: {
      'zh-CN': '改写赋值表达式，使其结果是{expected}',
      en: 'change the value so that it gives {expected}',
    },
  },
  RL5308: {
    severity: 'error',
    title: 'not a user field',
    message: {
      'zh-CN': '字段 "{field}" 的类型是 {type}，不是人员字段，无法从中找到接收人',
      en: 'the field "{field}" is of type {type}, not a user field, so it names no person',
    },
    hint: {
      'zh-CN': '按字段指定人员时请选择人员（user）类型的字段，例如负责人 owner',
      en: 'to pick people by field, use a field of type user, such as owner',
    },
  },
  RL5309: {
    severity: 'error',
    title: 'unknown role',
    message: {
      'zh-CN': '角色 "{role}" 没有在应用中声明',
      en: 'the role "{role}" is not declared by the app',
    },
    hint: {
      'zh-CN': '在 app.json 的 roles 中声明 "{role}"，或使用已有的角色：{known}',
      en: 'declare "{role}" in the roles of app.json or use one of the declared roles: {known}',
    },
  },
  RL5310: {
    severity: 'error',
    title: 'unknown placeholder',
    message: {
      'zh-CN': '模板中的占位符 "{{{placeholder}}}" 不是实体 "{entity}" 的字段',
      en: 'the placeholder "{{{placeholder}}}" of the template is not a field of "{entity}"',
    },
    hint: {
      'zh-CN': '占位符写字段 ID，例如 {{name}}；记录标题写 {{record.label}}',
      en: 'a placeholder names a field id, such as {{name}}; the record title is {{record.label}}',
    },
  },
  RL5311: {
    severity: 'error',
    title: 'not an attachment field',
    message: {
      'zh-CN': '字段 "{field}" 的类型是 {type}，不是附件或照片字段，不能附加到任务上',
      en: 'the field "{field}" is of type {type}, not an attachment or photo field, so it cannot be attached to the task',
    },
    hint: {
      'zh-CN': '附加字段（attachFields）只能选择附件（attachment）或照片（photo）类型的字段',
      en: 'attachFields takes fields of type attachment or photo only',
    },
  },
  RL5312: {
    severity: 'error',
    title: 'not a tags field',
    message: {
      'zh-CN': '字段 "{field}" 的类型是 {type}，不是标签字段',
      en: 'the field "{field}" is of type {type}, not a tags field',
    },
    hint: {
      'zh-CN': '加/去标签只能作用于标签（tags）类型的字段；不填 field 时使用记录自带的标签',
      en: 'addTag and removeTag change a field of type tags; leave out field to use the record tags',
    },
  },
  RL5313: {
    severity: 'warning',
    title: 'business-time due date without a calendar',
    message: {
      'zh-CN': '任务期限 "{duration}" 按工作日历计算，但这里没有可用的工作日历，任务将没有截止时间',
      en: 'the due time "{duration}" counts business time, but no business calendar is available here; the task gets no due date',
    },
    hint: {
      'zh-CN':
        '在应用中编译该自动化（app.json 的 calendar 定义工作日与工作时间），或改用自然时间（如 72h、3d）',
      en: 'compile the automation as part of an app (app.json "calendar" sets working days and hours), or use clock time such as 72h or 3d',
    },
  },
  RL5314: {
    severity: 'warning',
    title: 'automations may trigger each other forever',
    message: {
      'zh-CN': '自动化可能互相触发、形成循环：{cycle}',
      en: 'these automations may keep triggering each other: {cycle}',
    },
    hint: {
      'zh-CN':
        '为“记录更新”触发器设置 changedFields 只监听需要的字段，或加条件让循环停止；运行时最多连锁执行 {rounds} 轮',
      en: 'narrow the record.updated triggers with changedFields or add a condition that ends the loop; at run time a cascade stops after {rounds} rounds',
    },
  },
  RL5315: {
    severity: 'error',
    title: 'cascade limit reached',
    message: {
      'zh-CN':
        '自动化连锁执行了 {rounds} 轮仍在修改字段（{fields}），已停止；最后触发的自动化：{automations}',
      en: 'automations were still changing fields ({fields}) after {rounds} rounds and were stopped; the last ones to fire: {automations}',
    },
    hint: {
      'zh-CN':
        '检查这些自动化是否互相触发；为触发器设置 changedFields 或加条件，使其在值不再变化时停止',
      en: 'check whether these automations trigger each other; narrow their triggers with changedFields or add conditions so that they stop once values settle',
    },
  },
  RL5316: {
    severity: 'error',
    title: 'stage trigger without a pipeline',
    message: {
      'zh-CN': '实体 "{entity}" 没有阶段流程，阶段触发器永远不会触发',
      en: 'the entity "{entity}" has no pipeline, so a stage trigger never fires',
    },
    hint: {
      'zh-CN': '先为实体 "{entity}" 创建阶段流程，或改用其他触发事件',
      en: 'create a pipeline for "{entity}" first or use another trigger',
    },
  },
  RL5317: {
    severity: 'error',
    title: 'pipeline not named',
    message: {
      'zh-CN': '实体 "{entity}" 有多个阶段流程（{known}），触发器必须指明 pipeline',
      en: 'the entity "{entity}" has several pipelines ({known}); the trigger must name its pipeline',
    },
    hint: {
      'zh-CN': '在触发器中加上 "pipeline"，值为 {known} 之一',
      en: 'add "pipeline" to the trigger with one of {known}',
    },
  },
  RL5318: {
    severity: 'error',
    title: 'unknown option',
    message: {
      'zh-CN': '字段 "{field}" 没有选项 "{option}"',
      en: 'the field "{field}" has no option "{option}"',
    },
    hint: {
      'zh-CN': '使用选项 ID（不是显示名称）；字段 "{field}" 的选项有：{known}',
      en: 'use the option id (not its label); the options of "{field}" are: {known}',
    },
  },
  RL5319: {
    severity: 'error',
    title: 'action failed',
    message: {
      'zh-CN': '自动化 "{automation}" 的第 {action} 个动作执行失败：{reason}',
      en: 'action {action} of the automation "{automation}" failed: {reason}',
    },
    hint: {
      'zh-CN': '该自动化的所有动作都未生效；请检查该动作用到的字段值',
      en: 'none of the actions of this automation took effect; check the values the action uses',
    },
  },
  RL5320: {
    severity: 'error',
    title: 'digest outside a schedule',
    message: {
      'zh-CN': '汇总推送（digest）只能用于定时触发（schedule）的自动化，这里的触发事件是 {trigger}',
      en: 'a digest runs only in an automation triggered by a schedule; this one is triggered by {trigger}',
    },
    hint: {
      'zh-CN':
        '把触发事件改为定时（schedule，如每天 9 点 "0 9 * * *"），或改用通知（notify）提醒单条记录',
      en: 'change the trigger to a schedule (such as "0 9 * * *" for 9:00 every day), or use notify for a message about one record',
    },
  },
  RL5321: {
    severity: 'error',
    title: 'record action on a schedule',
    message: {
      'zh-CN': '定时触发的自动化只能包含汇总推送（digest），不能包含 {type} 动作',
      en: 'an automation triggered by a schedule may only have digest actions, not {type}',
    },
    hint: {
      'zh-CN':
        '{type} 作用于单条记录，而定时触发没有具体记录；请把它放到由记录事件触发的自动化中，或改用汇总推送列出记录',
      en: '{type} acts on one record and a schedule has none; move it to an automation triggered by a record event, or list the records with a digest',
    },
  },
  RL5322: {
    severity: 'error',
    title: 'digest without an entity',
    message: {
      'zh-CN': '汇总推送需要自动化指定实体（entity），才知道要列出哪些记录',
      en: 'a digest needs the automation to name its entity, so that it knows which records to list',
    },
    hint: {
      'zh-CN': '在自动化中加上 "entity"，例如 "opportunity"',
      en: 'add "entity" to the automation, such as "opportunity"',
    },
  },
  RL5323: {
    severity: 'error',
    title: 'digest without recipients',
    message: {
      'zh-CN': '汇总推送既没有按人员分组（groupBy），也没有接收人（recipients），消息发不给任何人',
      en: 'the digest has neither groupBy nor recipients, so its message reaches nobody',
    },
    hint: {
      'zh-CN': '用 "groupBy": "owner" 给每位负责人各发一份，或用 recipients 指定接收人',
      en: 'add "groupBy": "owner" to send each owner their own list, or name the recipients',
    },
  },
  RL5324: {
    severity: 'error',
    title: 'unknown digest placeholder',
    message: {
      'zh-CN': '汇总消息中的占位符 "{{{placeholder}}}" 不可用；可用的有 {known}',
      en: 'the placeholder "{{{placeholder}}}" cannot be used in the digest message; use {known}',
    },
    hint: {
      'zh-CN': '记录的字段写在每行模板（itemTemplate）里，整条消息用 {{items}} 放入这些行',
      en: 'record fields go in itemTemplate; the message puts those lines in with {{items}}',
    },
  },
  RL5325: {
    severity: 'error',
    title: 'digest recipient field is not the group',
    message: {
      'zh-CN':
        '汇总推送的接收人引用了字段 "{field}"，但消息是按 {groupBy} 分组的，没有单条记录可读该字段',
      en: 'a recipient of the digest names the field "{field}", but the messages are grouped by {groupBy} and there is no single record to read it from',
    },
    hint: {
      'zh-CN':
        '接收人的 field / managerOf 只能写分组字段（如 {"managerOf": "owner"} 表示负责人的上级），或改用角色、指定人员',
      en: 'a field or managerOf recipient can only name the groupBy field (such as {"managerOf": "owner"} for the owner\'s manager); otherwise use a role or a user',
    },
  },
  RL5326: {
    severity: 'error',
    title: 'rank is not a number',
    message: {
      'zh-CN': '记录 "{record}" 的排序值不是数字（{value}），未列入汇总',
      en: 'the rank of the record "{record}" is not a number ({value}), so the digest leaves it out',
    },
    hint: {
      'zh-CN': '检查排序表达式（rank）用到的字段是否有值，可用 coalesce 为空值给出默认值',
      en: 'check that the fields the rank reads have values; coalesce gives a default for empty ones',
    },
  },
  RL5340: {
    severity: 'error',
    title: 'record not found',
    message: {
      'zh-CN': '找不到记录 "{record}"',
      en: 'there is no record "{record}"',
    },
    hint: {
      'zh-CN': '检查记录 ID；记录可能已被删除，或尚未创建',
      en: 'check the record id; the record may have been deleted or not created yet',
    },
  },
  RL5341: {
    severity: 'error',
    title: 'unknown entity in event',
    message: {
      'zh-CN': '应用中没有实体 "{entity}"，无法创建记录',
      en: 'the app has no entity "{entity}", so the record cannot be created',
    },
    hint: {
      'zh-CN': '使用应用中已有实体的 ID',
      en: 'use the id of an entity of the app',
    },
  },
  RL5342: {
    severity: 'error',
    title: 'record exists',
    message: {
      'zh-CN': '记录 "{record}" 已存在',
      en: 'the record "{record}" exists already',
    },
    hint: {
      'zh-CN': '新记录要用新的 ID；修改已有记录请用 record.update',
      en: 'give a new record a new id; change an existing one with record.update',
    },
  },
  RL5343: {
    severity: 'error',
    title: 'invalid values',
    message: {
      'zh-CN': '有 {count} 个字段的值不正确',
      en: '{count} field value(s) are not valid',
    },
    hint: {
      'zh-CN': '按各字段的错误信息修改后再提交',
      en: 'correct each field as its message says and submit again',
    },
  },
  RL5344: {
    severity: 'error',
    title: 'invalid time',
    message: {
      'zh-CN': '事件时间 "{now}" 不是有效的时间',
      en: 'the event time "{now}" is not a valid instant',
    },
    hint: {
      'zh-CN': 'ctx.now 应为 UTC 毫秒数，或带时区的 ISO 8601 时间（如 2024-06-03T09:00:00+08:00）',
      en: 'ctx.now takes UTC epoch milliseconds or ISO 8601 with an offset (such as 2024-06-03T09:00:00+08:00)',
    },
  },
  RL5345: {
    severity: 'error',
    title: 'no pipeline for the move',
    message: {
      'zh-CN': '记录 "{record}" 没有阶段流程 "{pipeline}"，无法移动到 "{stage}"',
      en: 'the record "{record}" has no pipeline "{pipeline}", so it cannot move to "{stage}"',
    },
    hint: {
      'zh-CN': '检查阶段流程 ID；实体有多个阶段流程时需要在事件中指明 pipeline',
      en: 'check the pipeline id; when the entity has several pipelines the event must name one',
    },
  },
  RL5346: {
    severity: 'error',
    title: 'move blocked',
    message: {
      'zh-CN': '不能从 "{from}" 推进到 "{to}"：有 {count} 项条件未满足',
      en: 'the record cannot move from "{from}" to "{to}": {count} requirement(s) are not met',
    },
    hint: {
      'zh-CN': '按阶段检查结果补齐缺少的内容后再推进',
      en: 'complete what the gate result lists and try again',
    },
  },
  RL5347: {
    severity: 'error',
    title: 'no such pending approval',
    message: {
      'zh-CN': '记录 "{record}" 没有进行中的审批 "{approval}"',
      en: 'the record "{record}" has no pending approval "{approval}"',
    },
    hint: {
      'zh-CN': '审批可能已经结束或被撤回；请刷新后查看审批状态',
      en: 'the approval may have ended or been recalled; reload and check its status',
    },
  },
  RL5348: {
    severity: 'error',
    title: 'stage changed outside a move',
    message: {
      'zh-CN': '字段 "{field}" 记录阶段，只能通过推进阶段来修改',
      en: 'the field "{field}" holds the stage and changes only by moving the record',
    },
    hint: {
      'zh-CN': '使用 stage.move 推进阶段，这样会检查阶段门槛和审批',
      en: 'use stage.move, which checks the stage gates and approvals',
    },
  },
  RL5349: {
    severity: 'error',
    title: 'event not understood',
    message: {
      'zh-CN': '无法处理该事件：{reason}',
      en: 'the event cannot be handled: {reason}',
    },
    hint: {
      'zh-CN':
        '事件应为 record.create、record.update、stage.move、approval.decide、approval.recall 或 schedule.due，并带上所需的属性',
      en: 'an event is record.create, record.update, stage.move, approval.decide, approval.recall or schedule.due with the properties it needs',
    },
  },
  RL5351: {
    severity: 'error',
    title: 'unknown scheduled automation',
    message: {
      'zh-CN': '应用中没有自动化 "{automation}"',
      en: 'the app has no automation "{automation}"',
    },
    hint: {
      'zh-CN': '使用自动化的 ID；定时触发的自动化有：{known}',
      en: 'use the id of an automation; those triggered by a schedule are: {known}',
    },
  },
  RL5352: {
    severity: 'error',
    title: 'automation not scheduled',
    message: {
      'zh-CN': '自动化 "{automation}" 不是定时触发的（触发事件：{trigger}），不能按计划运行',
      en: 'the automation "{automation}" is triggered by {trigger}, not by a schedule, so it cannot run on a schedule',
    },
    hint: {
      'zh-CN':
        'schedule.due 只能用于触发事件为定时（schedule）的自动化；定时触发的自动化有：{known}',
      en: 'schedule.due applies to automations whose trigger is a schedule; those are: {known}',
    },
  },
  RL5350: {
    severity: 'error',
    title: 'engine failure',
    message: {
      'zh-CN': '处理事件时引擎出错，未做任何修改：{reason}',
      en: 'the engine failed while handling the event and changed nothing: {reason}',
    },
    hint: {
      'zh-CN': '这是引擎的缺陷，请连同事件与状态一起报告给开发者',
      en: 'this is a bug in the engine; report it to the developers with the event and the state',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
