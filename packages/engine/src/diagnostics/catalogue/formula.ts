import type { CatalogueEntry } from '../types.js';

/**
 * Diagnostics of Excel-like formula text (RL4xxx). RL4001–RL4019 come from parsing text and
 * carry the 1-based `column` (also in the message); RL4020–RL4029 come from printing
 * JsonLogic as text and carry the JSON pointer of the node that cannot be printed.
 */
export const formulaCatalogue = {
  RL4001: {
    severity: 'error',
    title: 'formula syntax error',
    message: {
      'zh-CN': '公式第 {column} 列有语法错误：这里不应出现 "{found}"',
      en: 'syntax error at column {column} of the formula: "{found}" is not expected here',
    },
    hint: {
      'zh-CN': '检查括号、逗号和引号是否成对，以及是否有参数没写值',
      en: 'check that brackets, commas and quotes are balanced and that no argument is left empty',
    },
  },
  RL4002: {
    severity: 'error',
    title: 'unterminated text',
    message: {
      'zh-CN': '公式第 {column} 列开始的文本缺少结束引号',
      en: 'the text that starts at column {column} of the formula has no closing quote',
    },
    hint: {
      'zh-CN': '在文本末尾补上 "；文本里的引号写成 "" 或 \\"',
      en: 'close the text with "; write a quote inside text as "" or \\"',
    },
  },
  RL4003: {
    severity: 'error',
    title: 'missing closing bracket',
    message: {
      'zh-CN': '公式第 {column} 列缺少 "{close}"，它与第 {openColumn} 列的 "{open}" 配对',
      en: 'missing "{close}" at column {column} of the formula, to match the "{open}" at column {openColumn}',
    },
    hint: {
      'zh-CN': '补上缺少的括号，并检查每个函数的参数是否都已写完',
      en: 'add the missing bracket and check that every function call is complete',
    },
  },
  RL4004: {
    severity: 'error',
    title: 'unmatched closing bracket',
    message: {
      'zh-CN': '公式第 {column} 列的 "{close}" 没有对应的 "{open}"',
      en: 'the "{close}" at column {column} of the formula has no matching "{open}"',
    },
    hint: {
      'zh-CN': '删除多余的括号，或在前面补上缺少的左括号',
      en: 'remove the extra bracket or add the missing opening one',
    },
  },
  RL4005: {
    severity: 'error',
    title: 'unknown function',
    message: {
      'zh-CN': '公式第 {column} 列的函数 "{function}" 不存在',
      en: 'unknown function "{function}" at column {column} of the formula',
    },
    hint: {
      'zh-CN': '相近的函数：{suggestions}。全部函数见公式参考',
      en: 'similar functions: {suggestions}. The formula reference lists every function',
    },
  },
  RL4006: {
    severity: 'error',
    title: 'wrong number of arguments',
    message: {
      'zh-CN': '公式第 {column} 列的函数 {function} 需要 {expected} 个参数，实际为 {actual} 个',
      en: 'function {function} at column {column} of the formula takes {expected} argument(s) but got {actual}',
    },
    hint: {
      'zh-CN': '按公式参考中 {function} 的写法补齐或删除参数',
      en: 'add or remove arguments as the formula reference shows for {function}',
    },
  },
  RL4007: {
    severity: 'error',
    title: 'unknown field name',
    message: {
      'zh-CN': '公式第 {column} 列的字段 "{field}" 不存在',
      en: 'unknown field "{field}" at column {column} of the formula',
    },
    hint: {
      'zh-CN': '可用字段：{known}。字段名含空格或符号时写成 [字段名]',
      en: 'known fields: {known}. Write a name with spaces or punctuation as [name]',
    },
  },
  RL4008: {
    severity: 'error',
    title: 'ambiguous field label',
    message: {
      'zh-CN': '公式第 {column} 列的 "{field}" 同时是多个字段的名称：{candidates}',
      en: '"{field}" at column {column} of the formula is the label of several fields: {candidates}',
    },
    hint: {
      'zh-CN': '改用字段 ID（{candidates} 之一）指明是哪个字段',
      en: 'use the field id (one of {candidates}) to say which field you mean',
    },
  },
  RL4009: {
    severity: 'error',
    title: 'formula nested too deep',
    message: {
      'zh-CN': '公式在第 {column} 列处嵌套超过 {limit} 层',
      en: 'the formula is nested deeper than {limit} levels at column {column}',
    },
    hint: {
      'zh-CN': '把公式拆成几个公式或一张决策表',
      en: 'split it into several formulas or a decision table',
    },
  },
  RL4010: {
    severity: 'error',
    title: 'invalid number',
    message: {
      'zh-CN': '公式第 {column} 列的数字 {number} 无效或超出范围',
      en: 'the number {number} at column {column} of the formula is invalid or out of range',
    },
    hint: {
      'zh-CN': '数字写作 300000、0.85、1.2e3 或 85%，不要加千位分隔符',
      en: 'write numbers as 300000, 0.85, 1.2e3 or 85%, without thousands separators',
    },
  },
  RL4011: {
    severity: 'error',
    title: 'field not visible inside a list function',
    message: {
      'zh-CN': '公式第 {column} 列：{function} 的条件里不能使用 "{field}"，那里只能访问当前项',
      en: '"{field}" at column {column} of the formula cannot be used inside {function}: only the current item is visible there',
    },
    hint: {
      'zh-CN': '用 item.字段 引用当前项的字段（REDUCE 里还可以用 acc 引用累计值）',
      en: 'refer to a field of the current item as item.name (and to the running value as acc in REDUCE)',
    },
  },
  RL4012: {
    severity: 'error',
    title: 'chained comparison',
    message: {
      'zh-CN': '公式第 {column} 列：比较运算不能这样连写',
      en: 'comparisons cannot be chained like this at column {column} of the formula',
    },
    hint: {
      'zh-CN': '改写成 AND(a < b, b < c)；只有 a < b < c 和 a <= b <= c（介于）可以连写',
      en: 'write AND(a < b, b < c); only a < b < c and a <= b <= c (between) may be chained',
    },
  },
  RL4013: {
    severity: 'error',
    title: 'empty formula',
    message: {
      'zh-CN': '公式是空的（第 {column} 列）',
      en: 'the formula is empty (column {column})',
    },
    hint: {
      'zh-CN': '写一个值或表达式，例如 IF(回款率 >= 0.85, 1.2, 1)',
      en: 'write a value or an expression, e.g. IF(paymentRate >= 0.85, 1.2, 1)',
    },
  },
  RL4014: {
    severity: 'error',
    title: 'formula ends too early',
    message: {
      'zh-CN': '公式在第 {column} 列意外结束，这里还应有一个值',
      en: 'the formula ends at column {column} where a value is expected',
    },
    hint: {
      'zh-CN': '补上缺少的值，或删除末尾多余的运算符或逗号',
      en: 'add the missing value or remove the trailing operator or comma',
    },
  },
  RL4015: {
    severity: 'error',
    title: 'missing operator or comma',
    message: {
      'zh-CN': '公式第 {column} 列的 "{found}" 前面缺少运算符或逗号',
      en: 'an operator or a comma is missing before "{found}" at column {column} of the formula',
    },
    hint: {
      'zh-CN': '两个值之间要有运算符或逗号；字段名以数字开头或含空格、符号时写成 [字段名]',
      en: 'put an operator or a comma between two values; write a field name that starts with a digit or holds spaces or punctuation as [name]',
    },
  },
  RL4016: {
    severity: 'error',
    title: 'unrecognised character',
    message: {
      'zh-CN': '公式第 {column} 列有无法识别的字符 "{char}"',
      en: 'unrecognised character "{char}" at column {column} of the formula',
    },
    hint: {
      'zh-CN': '文本放在双引号里；参数之间用逗号；取余数用 MOD(a, b)；取反用 NOT(x)；不支持乘方 ^',
      en: 'text goes in double quotes, arguments are separated by commas, a remainder is MOD(a, b), negation is NOT(x); there is no ^ operator',
    },
  },
  RL4017: {
    severity: 'error',
    title: 'misplaced percent sign',
    message: {
      'zh-CN': '公式第 {column} 列的 % 只能紧跟在数字后面，表示百分比',
      en: 'the % at column {column} of the formula may only follow a number, as a percentage',
    },
    hint: {
      'zh-CN': '85% 即 0.85；求余数用 MOD(a, b)；表达式的百分比写成 x / 100',
      en: '85% means 0.85; use MOD(a, b) for a remainder and x / 100 for a percentage of an expression',
    },
  },
  RL4018: {
    severity: 'error',
    title: 'empty field name',
    message: {
      'zh-CN': '公式第 {column} 列的方括号里没有字段名',
      en: 'the brackets at column {column} of the formula hold no field name',
    },
    hint: {
      'zh-CN': '在 [ 和 ] 之间写字段 ID 或字段名称；列表写成 {1, 2, 3}',
      en: 'write a field id or label between [ and ]; a list is written {1, 2, 3}',
    },
  },
  RL4020: {
    severity: 'error',
    title: 'operator has no formula form',
    message: {
      'zh-CN': '运算符 "{operator}" 没有对应的公式写法',
      en: 'operator "{operator}" has no formula-text form',
    },
    hint: {
      'zh-CN': '在 JSON 中编辑这条规则，或改用公式参考中列出的运算符',
      en: 'edit this rule as JSON, or use an operator listed in the formula reference',
    },
  },
  RL4021: {
    severity: 'error',
    title: 'operator arguments have no formula form',
    message: {
      'zh-CN': '运算符 "{operator}" 带了 {actual} 个参数，它的公式写法需要 {expected} 个',
      en: 'operator "{operator}" has {actual} argument(s); its formula-text form takes {expected}',
    },
    hint: {
      'zh-CN': '修正参数个数，或在 JSON 中编辑这条规则',
      en: 'fix the number of arguments, or edit this rule as JSON',
    },
  },
  RL4022: {
    severity: 'error',
    title: 'value has no formula form',
    message: {
      'zh-CN': '值 {value} 不能写成公式文本',
      en: 'the value {value} cannot be written as formula text',
    },
    hint: {
      'zh-CN':
        '公式文本可以表示数字、文本、TRUE/FALSE、NULL、列表和运算；其他值（如多键对象）请在 JSON 中编辑',
      en: 'formula text holds numbers, text, TRUE/FALSE, NULL, lists and operations; edit other values (such as objects) as JSON',
    },
  },
  RL4023: {
    severity: 'error',
    title: 'expression too deep to print',
    message: {
      'zh-CN': '表达式嵌套超过 {limit} 层，不能写成公式文本',
      en: 'the expression is nested deeper than {limit} levels and cannot be written as formula text',
    },
    hint: {
      'zh-CN': '把规则拆成几个公式或一张决策表',
      en: 'split the rule into several formulas or a decision table',
    },
  },
  RL4024: {
    severity: 'error',
    title: 'field not in the field list',
    message: {
      'zh-CN': '字段 "{field}" 不在字段列表中',
      en: 'field "{field}" is not in the field list',
    },
    hint: {
      'zh-CN': '可用字段：{known}。字段可能已被删除或改了 ID',
      en: 'known fields: {known}. The field may have been deleted or its id changed',
    },
  },
  RL4025: {
    severity: 'error',
    title: 'field reference has no formula form here',
    message: {
      'zh-CN': '字段引用 "{path}" 在这里不能写成公式文本',
      en: 'the field reference "{path}" cannot be written as formula text here',
    },
    hint: {
      'zh-CN':
        'MAP、FILTER 等函数的条件里只能引用 item（REDUCE 里还有 acc）；整条记录和与字段名称冲突的路径请在 JSON 中编辑',
      en: 'inside MAP, FILTER and the like only item (and acc in REDUCE) can be referred to; edit references to the whole record, or paths that clash with field labels, as JSON',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
