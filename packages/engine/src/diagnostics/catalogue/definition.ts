import type { CatalogueEntry } from '../types.js';

/**
 * Diagnostics of definition files: JSON syntax, kind, schema (RL1xxx). The schema ones are
 * what `validateDefinition` turns ajv's errors into; each points at the value to change.
 */
export const definitionCatalogue = {
  RL1001: {
    severity: 'error',
    title: 'schema violation',
    message: {
      'zh-CN': '定义不符合 {kind} 的结构：{detail}',
      en: 'the definition does not match the {kind} schema: {detail}',
    },
    hint: {
      'zh-CN': '对照定义语言参考修正该处',
      en: 'correct it after the definition-language reference',
    },
  },
  RL1002: {
    severity: 'error',
    title: 'invalid JSON',
    message: {
      'zh-CN': '文件不是有效的 JSON（第 {line} 行第 {column} 列）：{detail}',
      en: 'the file is not valid JSON (line {line}, column {column}): {detail}',
    },
    hint: {
      'zh-CN': '检查该处附近的逗号、引号和括号；JSON 不允许注释和末尾多余的逗号',
      en: 'check the commas, quotes and brackets near there; JSON allows no comments and no trailing commas',
    },
  },
  RL1003: {
    severity: 'error',
    title: 'unknown definition kind',
    message: {
      'zh-CN': '无法判断这是哪一类定义',
      en: 'cannot tell what kind of definition this is',
    },
    hint: {
      'zh-CN':
        '加上 "$schema"（例如 "https://ruleloom.dev/schemas/v1/entity.schema.json"），或把文件放到应用目录中对应的文件夹（entities/、forms/、pipelines/ …）',
      en: 'add "$schema" (e.g. "https://ruleloom.dev/schemas/v1/entity.schema.json") or put the file in its folder of the app (entities/, forms/, pipelines/ …)',
    },
  },
  RL1004: {
    severity: 'error',
    title: 'unknown $schema',
    message: {
      'zh-CN': '"$schema" 的值 {value} 不是 ruleloom 的定义结构',
      en: '"$schema" is {value}, which is not a ruleloom definition schema',
    },
    hint: {
      'zh-CN': '写成 https://ruleloom.dev/schemas/v1/<类型>.schema.json，类型为 {kinds} 之一',
      en: 'write https://ruleloom.dev/schemas/v1/<kind>.schema.json with one of the kinds {kinds}',
    },
  },
  RL1005: {
    severity: 'warning',
    title: 'kind differs from the file location',
    message: {
      'zh-CN': '"$schema" 表明这是 {kind} 定义，但文件所在位置应是 {expected} 定义',
      en: '"$schema" says the kind is {kind}, but the file sits where {expected} definitions belong',
    },
    hint: {
      'zh-CN': '把文件移到 {kind} 所在的文件夹，或改正 "$schema"',
      en: 'move the file to the folder of {kind} definitions, or correct "$schema"',
    },
  },
  RL1006: {
    severity: 'error',
    title: 'missing property',
    message: {
      'zh-CN': '缺少必填属性 "{property}"',
      en: 'the required property "{property}" is missing',
    },
    hint: {
      'zh-CN': '在此处补上 "{property}"；定义语言参考说明了它的写法',
      en: 'add "{property}" here; the definition-language reference says what it holds',
    },
  },
  RL1007: {
    severity: 'error',
    title: 'unknown property',
    message: {
      'zh-CN': '未知属性 "{property}"{suggestion}',
      en: 'unknown property "{property}"{suggestion}',
    },
    hint: {
      'zh-CN': '此处可用的属性：{allowed}。检查拼写和大小写',
      en: 'properties allowed here: {allowed}. Check the spelling and case',
    },
  },
  RL1008: {
    severity: 'error',
    title: 'property does not apply',
    message: {
      'zh-CN': '{condition}时不能使用属性 "{property}"',
      en: 'the property "{property}" does not apply when {condition}',
    },
    hint: {
      'zh-CN': '删除 "{property}"，或改成需要它的类型',
      en: 'remove "{property}", or change to a setting that uses it',
    },
  },
  RL1009: {
    severity: 'error',
    title: 'conflicting properties',
    message: {
      'zh-CN': '"{property}" 不能与 "{other}" 同时使用',
      en: '"{property}" cannot be used together with "{other}"',
    },
    hint: { 'zh-CN': '只保留其中一个', en: 'keep only one of them' },
  },
  RL1010: {
    severity: 'error',
    title: 'wrong type',
    message: {
      'zh-CN': '此处应为{expected}，实际为{actual}',
      en: 'this should be {expected} but is {actual}',
    },
    hint: {
      'zh-CN': '改成{expected}；数字和 true/false 不要加引号，文本要加引号',
      en: 'write {expected} here; numbers and true/false go without quotes, text goes in quotes',
    },
  },
  RL1011: {
    severity: 'error',
    title: 'value not allowed',
    message: { 'zh-CN': '此处不能使用 {value}', en: '{value} is not allowed here' },
    hint: { 'zh-CN': '可用的值：{allowed}', en: 'allowed values: {allowed}' },
  },
  RL1012: {
    severity: 'error',
    title: 'invalid duration',
    message: { 'zh-CN': '{value} 不是有效的时长', en: '{value} is not a valid duration' },
    hint: {
      'zh-CN': '写作数字加单位：30m、48h、3d、2w，或按工作日历计算的 3 workdays、2 business hours',
      en: 'write a number and a unit: 30m, 48h, 3d, 2w, or on the business calendar 3 workdays, 2 business hours',
    },
  },
  RL1013: {
    severity: 'error',
    title: 'invalid cron expression',
    message: {
      'zh-CN': '{value} 不是有效的 cron 表达式',
      en: '{value} is not a valid cron expression',
    },
    hint: {
      'zh-CN': '写 5 个以空格分隔的字段：分 时 日 月 周，例如每周五 17:00 为 "0 17 * * 5"',
      en: 'write 5 fields separated by spaces: minute hour day month weekday, e.g. "0 17 * * 5" for Fridays 17:00',
    },
  },
  RL1014: {
    severity: 'error',
    title: 'invalid id',
    message: { 'zh-CN': '{value} 不是有效的 ID', en: '{value} is not a valid id' },
    hint: {
      'zh-CN':
        'ID 以字母（可为汉字）或 _ 开头，只含字母、数字、_ 和 -，最长 64 个字符，例如 budgetRange、线索',
      en: 'an id starts with a letter (any script) or _ and holds only letters, digits, _ and -, at most 64 characters, e.g. budgetRange',
    },
  },
  RL1015: {
    severity: 'error',
    title: 'invalid field reference',
    message: {
      'zh-CN': '{value} 不是有效的字段引用',
      en: '{value} is not a valid field reference',
    },
    hint: {
      'zh-CN': '用字段 ID 引用字段（不是显示名称），嵌套数据用点分隔，例如 customer.grade',
      en: 'refer to a field by its id (not its label), with dots for nested data, e.g. customer.grade',
    },
  },
  RL1016: {
    severity: 'error',
    title: 'reserved name',
    message: {
      'zh-CN': '{value} 是保留名称，不能用作 ID 或字段路径',
      en: '{value} is a reserved name and cannot be an id or field path',
    },
    hint: {
      'zh-CN': '__proto__、constructor、prototype 不能使用，请换一个名称',
      en: '__proto__, constructor and prototype cannot be used; choose another name',
    },
  },
  RL1017: {
    severity: 'error',
    title: 'invalid version',
    message: { 'zh-CN': '{value} 不是有效的版本号', en: '{value} is not a valid version' },
    hint: {
      'zh-CN': '版本号写作 主版本.次版本.修订号，例如 1.0.0 或 2.1.0-beta.1',
      en: 'write a semantic version major.minor.patch, e.g. 1.0.0 or 2.1.0-beta.1',
    },
  },
  RL1018: {
    severity: 'error',
    title: 'invalid time zone',
    message: { 'zh-CN': '{value} 不是有效的时区名称', en: '{value} is not a valid time zone name' },
    hint: {
      'zh-CN': '使用 IANA 时区名，例如 Asia/Shanghai、Asia/Tokyo 或 UTC',
      en: 'use an IANA zone name such as Asia/Shanghai, Asia/Tokyo or UTC',
    },
  },
  RL1019: {
    severity: 'error',
    title: 'invalid format',
    message: { 'zh-CN': '{value} 不是有效的{what}', en: '{value} is not a valid {what}' },
    hint: { 'zh-CN': '应写成{example}', en: 'write it as {example}' },
  },
  RL1020: {
    severity: 'error',
    title: 'value out of range',
    message: {
      'zh-CN': '{value} 超出范围：应 {comparison} {limit}',
      en: '{value} is out of range: it should be {comparison} {limit}',
    },
    hint: { 'zh-CN': '改成范围内的值', en: 'use a value within the range' },
  },
  RL1021: {
    severity: 'error',
    title: 'wrong size',
    message: { 'zh-CN': '此处应有{constraint}', en: 'this should have {constraint}' },
    hint: {
      'zh-CN': '增加或删除内容，使数量符合要求',
      en: 'add or remove entries to meet the limit',
    },
  },
  RL1022: {
    severity: 'error',
    title: 'duplicate entries',
    message: {
      'zh-CN': '列表中第 {first} 项与第 {second} 项重复',
      en: 'entries {first} and {second} of the list are the same',
    },
    hint: { 'zh-CN': '删除重复的一项', en: 'remove the duplicate' },
  },
  RL1023: {
    severity: 'error',
    title: 'no allowed form matches',
    message: {
      'zh-CN': '此处的值不符合任何一种允许的写法',
      en: 'the value here matches none of the allowed forms',
    },
    hint: {
      'zh-CN': '对照定义语言参考中该属性的写法',
      en: 'see the definition-language reference for this property',
    },
  },
  RL1024: {
    severity: 'error',
    title: 'definition could not be checked',
    message: {
      'zh-CN': '检查定义时出错：{detail}',
      en: 'the definition could not be checked: {detail}',
    },
    hint: {
      'zh-CN': '这是 ruleloom 的缺陷，请附上该文件报告问题',
      en: 'this is a bug in ruleloom; please report it with the file',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
