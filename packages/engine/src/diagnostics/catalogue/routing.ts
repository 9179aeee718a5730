import type { CatalogueEntry } from '../types.js';

/**
 * Lead routing: checks of a routing definition (RL5500–RL5529) and failures while routing
 * a record (RL5540–RL5549).
 */
export const routingCatalogue = {
  RL5500: {
    severity: 'error',
    title: 'malformed routing',
    message: {
      'zh-CN': '无法读取分配规则：{detail}',
      en: 'the routing definition cannot be read: {detail}',
    },
    hint: {
      'zh-CN': '先修正结构错误（ruleloom validate 会指出位置），再检查规则内容',
      en: 'fix the structure first (ruleloom validate shows where), then check the rules',
    },
  },
  RL5501: {
    severity: 'error',
    title: 'unknown entity',
    message: {
      'zh-CN': '分配规则作用的实体 "{entity}" 不存在',
      en: 'the routing assigns records of the entity "{entity}", which does not exist',
    },
    hint: {
      'zh-CN': '请选择应用中已有的实体（{known}），或先创建实体 "{entity}"',
      en: 'pick one of the entities of the app ({known}) or create the entity "{entity}" first',
    },
  },
  RL5502: {
    severity: 'error',
    title: 'unknown field',
    message: {
      'zh-CN': '实体 "{entity}" 没有字段 "{field}"',
      en: 'the entity "{entity}" has no field "{field}"',
    },
    hint: {
      'zh-CN': '使用字段 ID（不是显示名称），并检查拼写；"{entity}" 的字段有：{known}',
      en: 'use the field id (not its label) and check the spelling; the fields of "{entity}" are: {known}',
    },
  },
  RL5503: {
    severity: 'error',
    title: 'not a user field',
    message: {
      'zh-CN': '字段 "{field}" 的类型是 {type}，不是人员字段，无法保存或找到负责人',
      en: 'the field "{field}" is a {type} field, not a user field, so it cannot hold an owner',
    },
    hint: {
      'zh-CN': '选择类型为“人员”（user）的字段，例如 owner',
      en: 'pick a field of type user, such as owner',
    },
  },
  RL5504: {
    severity: 'error',
    title: 'unknown role',
    message: {
      'zh-CN': '角色 "{role}" 没有在 app.json 中声明',
      en: 'the role "{role}" is not declared in app.json',
    },
    hint: {
      'zh-CN': '使用已声明的角色（{known}），或先在 app.json 的 roles 中加上 "{role}"',
      en: 'use a declared role ({known}) or add "{role}" to the roles of app.json first',
    },
  },
  RL5505: {
    severity: 'error',
    title: 'empty pool',
    message: {
      'zh-CN': '规则 "{rule}" 的候选人范围是空的：没有列出任何人员、角色或团队',
      en: 'the pool of the rule "{rule}" is empty: it lists no users, roles or teams',
    },
    hint: {
      'zh-CN': '至少列出一位销售、一个角色或一个团队，否则该规则的线索总会进入公海',
      en: 'list at least one user, role or team; otherwise every record of the rule goes to the fallback queue',
    },
  },
  RL5506: {
    severity: 'error',
    title: 'bad weight',
    message: {
      'zh-CN': '"{user}" 的权重 {weight} 无效：权重必须是大于 0 的数字',
      en: 'the weight {weight} of "{user}" is not valid: a weight must be a number above 0',
    },
    hint: {
      'zh-CN':
        '写一个正数，例如 2 表示分得的线索是权重为 1 的人的两倍；不想分给此人就把他移出候选范围',
      en: 'write a positive number, e.g. 2 for twice the records of a rep with weight 1; to give someone nothing, take them out of the pool',
    },
  },
  RL5507: {
    severity: 'warning',
    title: 'weight of a rep outside the pool',
    message: {
      'zh-CN': '"{user}" 设置了权重，但不在规则 "{rule}" 的候选人中',
      en: '"{user}" has a weight but is not in the pool of the rule "{rule}"',
    },
    hint: {
      'zh-CN': '把 "{user}" 加入候选人，或删除这个权重（检查人员 ID 的拼写）',
      en: 'add "{user}" to the pool or remove the weight (check the spelling of the user id)',
    },
  },
  RL5508: {
    severity: 'error',
    title: 'duplicate rule id',
    message: {
      'zh-CN': '规则 ID "{rule}" 重复（第 {first} 条与第 {second} 条）',
      en: 'the rule id "{rule}" is used twice (rules {first} and {second})',
    },
    hint: {
      'zh-CN': '每条规则的 ID 必须唯一：分配说明和轮询位置都按 ID 区分规则',
      en: 'give each rule its own id: explanations and round-robin turns tell rules apart by id',
    },
  },
  RL5509: {
    severity: 'error',
    title: 'duplicate preference id',
    message: {
      'zh-CN': '优先规则 ID "{preference}" 重复（第 {first} 条与第 {second} 条）',
      en: 'the preference id "{preference}" is used twice (preferences {first} and {second})',
    },
    hint: {
      'zh-CN': '每条优先规则的 ID 必须唯一，分配说明按 ID 显示',
      en: 'give each preference its own id; explanations show it',
    },
  },
  RL5510: {
    severity: 'warning',
    title: 'unreachable rule',
    message: {
      'zh-CN': '规则 "{rule}" 永远不会生效：前面的规则 "{catchAll}" 没有条件，所有线索都会停在那里',
      en: 'the rule "{rule}" is never used: the rule "{catchAll}" before it has no condition and takes every record',
    },
    hint: {
      'zh-CN': '把没有条件的兜底规则移到最后，或给它加上条件',
      en: 'move the catch-all rule to the end, or give it a condition',
    },
  },
  RL5511: {
    severity: 'error',
    title: 'customer limit without customer field',
    message: {
      'zh-CN': '设置了每个客户最多 {limit} 位负责人，但没有指定哪个字段代表客户',
      en: 'at most {limit} owners per customer is set, but no field says who the customer is',
    },
    hint: {
      'zh-CN': '在 constraints 中加上 customerField（例如 customer 或 phone）',
      en: 'add customerField to the constraints (e.g. customer or phone)',
    },
  },
  RL5512: {
    severity: 'warning',
    title: 'customer field without a limit',
    message: {
      'zh-CN': '指定了客户字段 "{field}"，但没有设置每个客户最多几位负责人，不会去重',
      en: 'the customer field "{field}" is set but maxOwnersPerCustomer is not, so customers are not deduplicated',
    },
    hint: {
      'zh-CN': '加上 maxOwnersPerCustomer（1 表示一个客户只归一位销售），或删除 customerField',
      en: 'add maxOwnersPerCustomer (1: one rep per customer) or remove customerField',
    },
  },
  RL5513: {
    severity: 'warning',
    title: 'preferred rep in no pool',
    message: {
      'zh-CN': '优先规则 "{preference}" 优先分给 "{user}"，但任何规则的候选人中都没有此人',
      en: 'the preference "{preference}" prefers "{user}", who is in the pool of no rule',
    },
    hint: {
      'zh-CN': '优先只在候选人之中生效：把 "{user}" 加入相应规则的候选人，或检查人员 ID 的拼写',
      en: 'a preference only picks among the candidates: add "{user}" to the pool of a rule, or check the spelling of the user id',
    },
  },
  RL5514: {
    severity: 'error',
    title: 'unknown strategy',
    message: {
      'zh-CN': '分配方式 "{strategy}" 不存在',
      en: 'there is no strategy "{strategy}"',
    },
    hint: {
      'zh-CN':
        '可用的分配方式：round-robin（轮流）、least-loaded（负载最少）、weighted（按权重）、sticky（同一客户给同一人）',
      en: 'strategies: round-robin, least-loaded, weighted, sticky',
    },
  },
  RL5540: {
    severity: 'error',
    title: 'no valid routing time',
    message: {
      'zh-CN': '分配时间 {value} 不是有效的时间，线索进入公海 "{queue}"',
      en: 'the routing time {value} is not a valid instant; the record goes to the queue "{queue}"',
    },
    hint: {
      'zh-CN': '调用方应传入 UTC 毫秒数或带时区的 ISO 8601 时间，例如 2026-03-02T10:00:00+08:00',
      en: 'the caller should pass UTC epoch milliseconds or ISO 8601 with an offset, e.g. 2026-03-02T10:00:00+08:00',
    },
  },
  RL5541: {
    severity: 'error',
    title: 'routing failed',
    message: {
      'zh-CN': '分配过程出现意外错误，线索进入公海 "{queue}"：{detail}',
      en: 'routing stopped on an unexpected error and the record goes to the queue "{queue}": {detail}',
    },
    hint: {
      'zh-CN': '这是 ruleloom 的缺陷，请附上线索数据和分配规则报告问题',
      en: 'this is a bug in ruleloom; please report it with the record and the routing definition',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
