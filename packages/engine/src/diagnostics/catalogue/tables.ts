import type { CatalogueEntry } from '../types.js';

/**
 * Decision tables and formulas (RL54xx). RL5401–RL5419 are found when a table compiles,
 * RL5420–RL5429 when a table is evaluated, RL5430–RL5449 when formulas compile (calls
 * between formulas and tables, cycles, types), RL5450 and up when a formula is evaluated.
 * Evaluation codes come back as error values (`{ ok: false, error }`), never thrown.
 */
export const tablesCatalogue = {
  RL5401: {
    severity: 'error',
    title: 'unreadable table cell',
    message: {
      'zh-CN': '列"{column}"的条件 "{text}" 无法识别：{detail}（第 {position} 个字符）',
      en: 'the test "{text}" in column "{column}" cannot be read: {detail} (at character {position})',
    },
    hint: {
      'zh-CN':
        '可写：[5万..20万)（方括号含端点、圆括号不含）、>= 300000、85%、1, 2, 3（列表）、not(…)（取反）、-（任意）',
      en: 'write e.g. [5万..20万) (square brackets include the end, round ones exclude it), >= 300000, 85%, 1, 2, 3 (a list), not(…) (negation), - (any)',
    },
  },
  RL5402: {
    severity: 'error',
    title: 'cell does not fit its column',
    message: {
      'zh-CN': '列"{column}"的类型是{type}，{value} 不符合',
      en: 'the column "{column}" holds {type}; {value} does not fit it',
    },
    hint: {
      'zh-CN': '改成该类型的值，或修改列的类型',
      en: 'write a value of that type, or change the type of the column',
    },
  },
  RL5403: {
    severity: 'error',
    title: 'unknown input column',
    message: {
      'zh-CN': '规则"{row}"的条件用到了 "{column}"，它不是决策表的输入列',
      en: 'row "{row}" tests "{column}", which is not an input column of the table',
    },
    hint: {
      'zh-CN': '改成已有的输入列 ID（{known}），或先添加该输入列',
      en: 'use the id of an input column ({known}), or add the column first',
    },
  },
  RL5404: {
    severity: 'error',
    title: 'unknown output column',
    message: {
      'zh-CN': '规则"{row}"给出了 "{column}" 的值，它不是决策表的输出列',
      en: 'row "{row}" sets "{column}", which is not an output column of the table',
    },
    hint: {
      'zh-CN': '改成已有的输出列 ID（{known}），或先添加该输出列',
      en: 'use the id of an output column ({known}), or add the column first',
    },
  },
  RL5405: {
    severity: 'error',
    title: 'duplicate id in a table or formula',
    message: {
      'zh-CN': '{kind} ID "{id}" 重复',
      en: 'the {kind} id "{id}" is used more than once',
    },
    hint: {
      'zh-CN': '每个 ID 必须唯一；修改其中一个（名称可以相同）',
      en: 'every id must be unique; change one of them (labels may repeat)',
    },
  },
  RL5406: {
    severity: 'error',
    title: 'rows overlap under hit policy unique',
    message: {
      'zh-CN': '规则"{first}"和"{second}"会同时命中（例如 {example}），但命中策略是 unique',
      en: 'rows "{first}" and "{second}" both match (e.g. {example}), but the hit policy is unique',
    },
    hint: {
      'zh-CN': '收窄其中一条规则的条件使它们不重叠，或把命中策略改为 first（按顺序取第一条）',
      en: 'narrow the tests of one of the rows so they do not overlap, or use hit policy first (the first matching row wins)',
    },
  },
  RL5407: {
    severity: 'error',
    title: 'overlapping rows disagree under hit policy any',
    message: {
      'zh-CN':
        '规则"{first}"和"{second}"会同时命中（例如 {example}），但结果不同，而命中策略是 any',
      en: 'rows "{first}" and "{second}" both match (e.g. {example}) with different results, but the hit policy is any',
    },
    hint: {
      'zh-CN': '让重叠的规则给出相同的结果，或收窄条件，或改用 first / priority',
      en: 'give overlapping rows the same results, narrow their tests, or use first / priority',
    },
  },
  RL5408: {
    severity: 'warning',
    title: 'values no row matches',
    message: {
      'zh-CN': '"{column}"取这些值时没有规则命中：{gaps}',
      en: 'no row matches these values of "{column}": {gaps}',
    },
    hint: {
      'zh-CN': '添加覆盖这些取值的规则（可直接复制上面的条件），或为每个输出列设置默认值',
      en: 'add a row for them (the tests above can be pasted as they are), or give every output a default',
    },
  },
  RL5409: {
    severity: 'warning',
    title: 'row can never match',
    message: {
      'zh-CN': '规则"{row}"对"{column}"的条件不可能成立，该规则永远不会命中',
      en: 'row "{row}" can never match: no value of "{column}" passes its test',
    },
    hint: {
      'zh-CN': '检查区间的上下限是否写反，或比较条件是否互相矛盾',
      en: 'check whether the ends of a range are swapped or two comparisons contradict each other',
    },
  },
  RL5410: {
    severity: 'warning',
    title: 'row is never used',
    message: {
      'zh-CN': '规则"{row}"永远不会被用到：上方的规则"{by}"已命中它能命中的所有输入',
      en: 'row "{row}" is never used: row "{by}" above it matches every input it matches',
    },
    hint: {
      'zh-CN': '命中策略为 first 时先写更具体的规则；把"{row}"移到"{by}"之前，或删除它',
      en: 'with hit policy first, put the more specific rows first; move "{row}" above "{by}", or remove it',
    },
  },
  RL5411: {
    severity: 'error',
    title: 'aggregator needs numbers',
    message: {
      'zh-CN': '汇总方式 {aggregator} 需要数字结果，但输出列"{column}"的类型是{type}',
      en: 'the aggregator {aggregator} needs numbers, but the output "{column}" holds {type}',
    },
    hint: {
      'zh-CN': '把输出列改为数字、金额或百分比，或改用 count，或去掉汇总方式以得到列表',
      en: 'make the output a number, money or percent, use count, or drop the aggregator to get the list',
    },
  },
  RL5412: {
    severity: 'error',
    title: 'value not in the priority list',
    message: {
      'zh-CN': '规则"{row}"给出的"{column}"值 {value} 不在该列的优先级列表 values 中（{values}）',
      en: 'row "{row}" gives {value} for "{column}", which is not in the priority list of the column ({values})',
    },
    hint: {
      'zh-CN': '命中策略为 priority 时按 values 的顺序挑选结果：把该值加入 values',
      en: 'hit policy priority picks by the order of values: add the value to values',
    },
  },
  RL5413: {
    severity: 'warning',
    title: 'row sets no value',
    message: {
      'zh-CN': '规则"{row}"没有给出"{column}"的值，该列也没有默认值，命中时结果为空',
      en: 'row "{row}" sets no value for "{column}" and the column has no default: its result is blank',
    },
    hint: {
      'zh-CN': '在 then 中写出该列的值（可写 null 表示有意留空），或为该列设置默认值',
      en: 'set the column in then (null if blank is intended), or give the column a default',
    },
  },
  RL5414: {
    severity: 'warning',
    title: 'percent written as a whole number',
    message: {
      'zh-CN': '百分比列"{column}"中的 {value} 表示 {percent}',
      en: '{value} in the percent column "{column}" means {percent}',
    },
    hint: {
      'zh-CN': '百分比按小数保存（0.85 即 85%）；若指 {value}% 请写 "{value}%"',
      en: 'percentages are stored as ratios (0.85 is 85%); write "{value}%" if you meant {value} percent',
    },
  },
  RL5420: {
    severity: 'error',
    title: 'several rows match a unique table',
    message: {
      'zh-CN': '决策表"{table}"的命中策略是 unique，但有多条规则同时命中：{rows}',
      en: 'the table "{table}" has hit policy unique, but several rows match: {rows}',
    },
    hint: {
      'zh-CN': '修改这些规则的条件使它们互不重叠，或改用命中策略 first',
      en: 'change the tests of these rows so they do not overlap, or use hit policy first',
    },
  },
  RL5421: {
    severity: 'error',
    title: 'matching rows disagree',
    message: {
      'zh-CN': '决策表"{table}"的命中策略是 any，但同时命中的规则结果不同：{rows}',
      en: 'the table "{table}" has hit policy any, but the matching rows give different results: {rows}',
    },
    hint: {
      'zh-CN': '让这些规则给出相同结果，或改用 first / priority',
      en: 'give these rows the same results, or use first / priority',
    },
  },
  RL5422: {
    severity: 'error',
    title: 'input of the wrong type',
    message: {
      'zh-CN': '{owner}的输入"{input}"应为{type}，收到的是 {value}',
      en: 'the input "{input}" of {owner} must be {type}; it is {value}',
    },
    hint: {
      'zh-CN': '检查传入的数据；金额和数字可写成 300000 或 "30万"，百分比写成 0.85 或 "85%"',
      en: 'check the data passed in; amounts and numbers may be 300000 or "30万", percentages 0.85 or "85%"',
    },
  },
  RL5423: {
    severity: 'error',
    title: 'result of the wrong type',
    message: {
      'zh-CN': '{owner}的结果"{output}"应为{type}，实际是 {value}',
      en: 'the result "{output}" of {owner} must be {type}; it is {value}',
    },
    hint: {
      'zh-CN': '检查计算式：例如除以 0、对文本做算术，或条件分支返回了不同类型的值',
      en: 'check the calculation: e.g. a division by 0, arithmetic on text, or branches that return different types',
    },
  },
  RL5430: {
    severity: 'error',
    title: 'unknown table output',
    message: {
      'zh-CN': '决策表"{table}"没有输出列 "{column}"',
      en: 'the table "{table}" has no output column "{column}"',
    },
    hint: {
      'zh-CN': '改成已有的输出列 ID（{known}），或写 null 取全部输出',
      en: 'use the id of an output column ({known}), or null for all outputs',
    },
  },
  RL5431: {
    severity: 'error',
    title: 'not an input of the callee',
    message: {
      'zh-CN': '调用{target}时给出的 "{input}" 不是它读取的输入',
      en: 'the call to {target} passes "{input}", which it does not read',
    },
    hint: {
      'zh-CN': '它读取的输入：{known}',
      en: 'the inputs it reads: {known}',
    },
  },
  RL5432: {
    severity: 'error',
    title: 'call target not written out',
    message: {
      'zh-CN': '{operator} 的第一个参数必须直接写出 ID（文本），不能是计算结果',
      en: 'the first argument of {operator} must be an id written as text, not a calculation',
    },
    hint: {
      'zh-CN': '写成 {"{operator}": ["rebate-tier", …]}，这样才能在编译时检查调用关系',
      en: 'write {"{operator}": ["rebate-tier", …]}, so calls can be checked when the app compiles',
    },
  },
  RL5433: {
    severity: 'error',
    title: 'malformed call',
    message: {
      'zh-CN': '{operator} 调用的参数不正确：{detail}',
      en: 'the arguments of the {operator} call are not right: {detail}',
    },
    hint: {
      'zh-CN':
        '写法：{"table": [表 ID, 输出列或 null, 输入名, 值, …]}，{"formula": [公式 ID, 输入名, 值, …]}；不写输入时传入当前公式的全部输入',
      en: 'write {"table": [table id, output column or null, input name, value, …]} or {"formula": [formula id, input name, value, …]}; without inputs the current formula passes all of its own',
    },
  },
  RL5434: {
    severity: 'error',
    title: 'calls form a cycle',
    message: {
      'zh-CN': '公式和决策表相互调用形成了循环：{cycle}',
      en: 'formulas and tables call each other in a cycle: {cycle}',
    },
    hint: {
      'zh-CN': '去掉其中一个调用；循环调用永远算不出结果',
      en: 'remove one of the calls; a cycle never produces a result',
    },
  },
  RL5435: {
    severity: 'error',
    title: 'required input not passed',
    message: {
      'zh-CN': '调用公式"{formula}"时没有给出它的必填输入 "{input}"',
      en: 'the call to the formula "{formula}" does not pass its required input "{input}"',
    },
    hint: {
      'zh-CN': '在调用中加上 "{input}" 和它的值，或在被调用的公式中为它设置默认值',
      en: 'pass "{input}" and its value in the call, or give the input a default in the called formula',
    },
  },
  RL5436: {
    severity: 'warning',
    title: 'table input not passed',
    message: {
      'zh-CN': '调用决策表"{table}"时没有给出 "{input}"：该列为空，只会命中"-"（任意）的条件',
      en: 'the call to the table "{table}" does not pass "{input}": the column is blank and matches only "-" (any) tests',
    },
    hint: {
      'zh-CN': '在调用中加上 "{input}" 和它的值，或为公式添加同名输入',
      en: 'pass "{input}" and its value in the call, or give the formula an input of that id',
    },
  },
  RL5437: {
    severity: 'warning',
    title: 'call not listed in uses',
    message: {
      'zh-CN': '调用了{kind}"{id}"，但 uses 中没有列出它',
      en: 'the {kind} "{id}" is called but not listed in uses',
    },
    hint: {
      'zh-CN': '把它加入 uses，让其他管理员一眼看出依赖关系',
      en: 'add it to uses, so other admins see what the calculation depends on',
    },
  },
  RL5438: {
    severity: 'error',
    title: 'result does not fit the output type',
    message: {
      'zh-CN': '公式的计算结果是{actual}，但输出类型是{expected}',
      en: 'the calculation gives {actual}, but the output type is {expected}',
    },
    hint: {
      'zh-CN': '修改计算式，或修改 output.type',
      en: 'change the calculation, or change output.type',
    },
  },
  RL5439: {
    severity: 'error',
    title: 'calls a definition with errors',
    message: {
      'zh-CN': '调用的{kind}"{id}"有错误（或它调用的定义有错误），无法使用',
      en: 'the {kind} "{id}" it calls cannot be used: it, or something it calls, has errors',
    },
    hint: {
      'zh-CN': '先修正该{kind}的错误',
      en: 'fix the errors of that {kind} first',
    },
  },
  RL5440: {
    severity: 'error',
    title: 'table call passes no inputs',
    message: {
      'zh-CN': '决策表中的 {operator} 调用必须写出传入的输入（输入名和值成对）',
      en: 'a {operator} call inside a table must name the inputs it passes (name and value pairs)',
    },
    hint: {
      'zh-CN': '例如 {"formula": ["tier-coefficient", "paymentRate", {"var": "paymentRate"}]}',
      en: 'e.g. {"formula": ["tier-coefficient", "paymentRate", {"var": "paymentRate"}]}',
    },
  },
  RL5450: {
    severity: 'error',
    title: 'required input missing',
    message: {
      'zh-CN': '公式"{formula}"缺少必填输入 "{input}"',
      en: 'the formula "{formula}" needs the input "{input}"',
    },
    hint: {
      'zh-CN': '传入该值，或在公式中把它设为非必填或设置默认值',
      en: 'pass the value, or make the input optional or give it a default in the formula',
    },
  },
  RL5451: {
    severity: 'error',
    title: 'calls nested too deeply',
    message: {
      'zh-CN': '公式与决策表的调用嵌套超过 {limit} 层',
      en: 'calls between formulas and tables are nested more than {limit} deep',
    },
    hint: {
      'zh-CN': '检查是否存在循环调用（应用编译时会报告 RL5434）',
      en: 'look for calls in a cycle (compiling the app reports them as RL5434)',
    },
  },
  RL5452: {
    severity: 'error',
    title: 'calls unavailable',
    message: {
      'zh-CN': '{operator} 只能在应用的公式和决策表中求值',
      en: '{operator} can only be evaluated among the formulas and tables of an app',
    },
    hint: {
      'zh-CN': '通过 compileFormulas 得到的公式求值，或用 createCallContext 提供公式和决策表',
      en: 'evaluate through formulas from compileFormulas, or pass a context from createCallContext',
    },
  },
  RL5453: {
    severity: 'error',
    title: 'evaluation failed',
    message: {
      'zh-CN': '{owner}求值失败：{detail}',
      en: '{owner} could not be evaluated: {detail}',
    },
    hint: {
      'zh-CN': '这是 ruleloom 的缺陷，请附上定义和输入数据报告问题',
      en: 'this is a bug in ruleloom; please report it with the definition and the input',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;

/** A code of the tables and formulas catalogue. */
export type TablesCode = keyof typeof tablesCatalogue;
