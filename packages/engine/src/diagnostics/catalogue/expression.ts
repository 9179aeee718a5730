import type { CatalogueEntry } from '../types.js';

/** Diagnostics of compiling and type-checking JsonLogic expressions (RL2xxx). */
export const expressionCatalogue = {
  RL2001: {
    severity: 'error',
    title: 'unknown operator',
    message: { 'zh-CN': '未知的运算符 "{operator}"', en: 'unknown operator "{operator}"' },
    hint: {
      'zh-CN':
        '检查拼写，或查看表达式参考中支持的运算符列表；嵌入方可通过运算符注册表添加自定义运算符',
      en: 'check the spelling or see the expression reference for the supported operators; an embedding app can register its own operators',
    },
  },
  RL2002: {
    severity: 'error',
    title: 'forbidden path segment',
    message: {
      'zh-CN': '字段路径 "{path}" 含有禁止使用的片段 "{segment}"',
      en: 'field path "{path}" contains the forbidden segment "{segment}"',
    },
    hint: {
      'zh-CN': '__proto__、constructor、prototype 不能出现在字段路径中，请改用实际的字段 ID',
      en: '__proto__, constructor and prototype may not appear in a field path; use a real field id',
    },
  },
  RL2003: {
    severity: 'error',
    title: 'forbidden operator',
    message: {
      'zh-CN': '出于安全原因不允许使用运算符 "{operator}"',
      en: 'the operator "{operator}" is not allowed for safety',
    },
    hint: {
      'zh-CN': '规则来自不受信任的来源时不能调用对象方法；请改用字符串、日期或金额等内置运算符',
      en: 'rules may come from untrusted sources and cannot call object methods; use the built-in string, date or money operators instead',
    },
  },
  RL2004: {
    severity: 'error',
    title: 'wrong number of arguments',
    message: {
      'zh-CN': '运算符 "{operator}" 需要 {expected} 个参数，实际为 {actual} 个',
      en: 'operator "{operator}" takes {expected} argument(s) but got {actual}',
    },
    hint: {
      'zh-CN': '按表达式参考中的写法补齐或删除参数',
      en: 'add or remove arguments as the expression reference shows',
    },
  },
  RL2005: {
    severity: 'error',
    title: 'expression too deep',
    message: {
      'zh-CN': '表达式嵌套超过 {limit} 层',
      en: 'the expression is nested deeper than {limit} levels',
    },
    hint: {
      'zh-CN': '把规则拆成几个公式或决策表，或提高 limits.maxDepth',
      en: 'split the rule into several formulas or decision tables, or raise limits.maxDepth',
    },
  },
  RL2006: {
    severity: 'error',
    title: 'expression too large',
    message: {
      'zh-CN': '表达式有 {size} 个节点，超过上限 {limit}',
      en: 'the expression has {size} nodes, more than the limit of {limit}',
    },
    hint: {
      'zh-CN': '把规则拆成几个公式或决策表，或提高 limits.maxNodes',
      en: 'split the rule into several formulas or decision tables, or raise limits.maxNodes',
    },
  },
  RL2007: {
    severity: 'error',
    title: 'unknown field',
    message: { 'zh-CN': '未知字段 "{field}"', en: 'unknown field "{field}"' },
    hint: {
      'zh-CN': '可用字段：{known}。字段要用 ID（不是显示名称）引用',
      en: 'known fields: {known}. Refer to fields by id, not by label',
    },
  },
  RL2008: {
    severity: 'error',
    title: 'type mismatch',
    message: {
      'zh-CN': '运算符 "{operator}" 的第 {position} 个参数应为{expected}，实际为{actual}',
      en: 'argument {position} of "{operator}" should be {expected} but is {actual}',
    },
    hint: {
      'zh-CN': '换一个类型匹配的字段或常量，或先用转换运算符转换',
      en: 'use a field or constant of the right type, or convert it first',
    },
  },
  RL2009: {
    severity: 'error',
    title: 'invalid operator form',
    message: {
      'zh-CN': '"{operator}" 的写法不正确：{detail}',
      en: 'invalid use of "{operator}": {detail}',
    },
    hint: {
      'zh-CN': '参照表达式参考中的示例改写',
      en: 'rewrite it after the example in the expression reference',
    },
  },
  RL2010: {
    severity: 'error',
    title: 'invalid operator name',
    message: {
      'zh-CN': '无法注册运算符 "{operator}"：{detail}',
      en: 'cannot register operator "{operator}": {detail}',
    },
    hint: {
      'zh-CN': '自定义运算符名称不能与内置运算符重名，且实现必须是函数',
      en: 'a custom operator must not reuse a built-in name and must be a function',
    },
  },
  RL2011: {
    severity: 'warning',
    title: 'comparison of different types',
    message: {
      'zh-CN': '"{operator}" 比较了{left}与{right}，结果可能不符合预期',
      en: '"{operator}" compares {left} with {right}; the result may not be what you expect',
    },
    hint: {
      'zh-CN': '比较前把两边转换成同一种类型',
      en: 'convert both sides to the same type before comparing',
    },
  },
  RL2013: {
    severity: 'error',
    title: 'unreadable expression',
    message: {
      'zh-CN': '无法读取表达式：{detail}',
      en: 'the expression cannot be read: {detail}',
    },
    hint: {
      'zh-CN': '表达式必须是普通的 JSON 数据（不能含函数、getter 或循环引用）',
      en: 'an expression must be plain JSON data (no functions, getters or cycles)',
    },
  },
  RL2012: {
    severity: 'error',
    title: 'invalid duration',
    message: { 'zh-CN': '无法识别的时长 "{value}"', en: 'unrecognised duration "{value}"' },
    hint: {
      'zh-CN': '时长写作数字加单位，例如 48h、30m、3d、2w',
      en: 'write a duration as a number and a unit, e.g. 48h, 30m, 3d, 2w',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Errors raised while evaluating an expression (RL3xxx). */
export const evaluationCatalogue = {
  RL3001: {
    severity: 'error',
    title: 'work limit exceeded',
    message: {
      'zh-CN': '一次求值的计算步数超过上限 {limit}',
      en: 'one evaluation took more than {limit} steps',
    },
    hint: {
      'zh-CN': '检查对大数组的 map/filter/reduce 嵌套，或提高 limits.maxSteps',
      en: 'look for map/filter/reduce nested over large arrays, or raise limits.maxSteps',
    },
  },
  RL3002: {
    severity: 'error',
    title: 'expression does not compile',
    message: {
      'zh-CN': '表达式有 {count} 个错误，不能求值：{first}',
      en: 'the expression has {count} error(s) and cannot be evaluated: {first}',
    },
    hint: { 'zh-CN': '先修正编译诊断中的错误', en: 'fix the compile diagnostics first' },
  },
  RL3003: {
    severity: 'error',
    title: 'operator failed',
    message: {
      'zh-CN': '运算符 "{operator}" 执行失败：{detail}',
      en: 'operator "{operator}" failed: {detail}',
    },
    hint: {
      'zh-CN': '检查传给该运算符的数据；自定义运算符应返回值而不是抛出异常',
      en: 'check the data given to the operator; a custom operator should return a value rather than throw',
    },
  },
  RL3004: {
    severity: 'error',
    title: 'value too large',
    message: {
      'zh-CN': '运算符 "{operator}" 产生的结果过大（{size}，上限 {limit}）',
      en: 'operator "{operator}" produced a result that is too large ({size}, limit {limit})',
    },
    hint: {
      'zh-CN': '检查是否在循环中拼接了过长的字符串或数组，或提高 limits.maxResultSize',
      en: 'look for strings or arrays grown in a loop, or raise limits.maxResultSize',
    },
  },
  RL3005: {
    severity: 'error',
    title: 'invalid money amount',
    message: { 'zh-CN': '"{value}" 不是有效的金额', en: '"{value}" is not a valid money amount' },
    hint: {
      'zh-CN': '金额应为数字或数字字符串，例如 12.50 或 "12.50"',
      en: 'an amount is a number or a numeric string, e.g. 12.50 or "12.50"',
    },
  },
  RL3006: {
    severity: 'error',
    title: 'missing clock',
    message: {
      'zh-CN': '运算符 "{operator}" 需要当前时间，但上下文中没有提供 now',
      en: 'operator "{operator}" needs the current time but the context gives no now',
    },
    hint: {
      'zh-CN': '调用 evaluate(data, { now }) 时传入当前时间（UTC 毫秒或 ISO 字符串）',
      en: 'pass the current time as evaluate(data, { now }) (UTC epoch ms or an ISO string)',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
