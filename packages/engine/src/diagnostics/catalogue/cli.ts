import type { CatalogueEntry } from '../types.js';

/**
 * Errors of the `ruleloom` command line (RL9xxx): how it was called and what it could not
 * read. Each one stops the run with exit code 2; none is about a definition's content.
 */
export const cliCatalogue = {
  RL9001: {
    severity: 'error',
    title: 'unknown command',
    message: { 'zh-CN': '未知命令 "{command}"', en: 'unknown command "{command}"' },
    hint: {
      'zh-CN': '可用的命令：{commands}。运行 ruleloom --help 查看说明',
      en: 'the commands are: {commands}. Run ruleloom --help for details',
    },
  },
  RL9002: {
    severity: 'error',
    title: 'command not available yet',
    message: {
      'zh-CN': '命令 "{command}" 尚未提供',
      en: 'the command "{command}" is not available yet',
    },
    hint: {
      'zh-CN': '它将在 ruleloom 的后续版本中提供；目前可用的命令：{commands}',
      en: 'it comes in a later version of ruleloom; available now: {commands}',
    },
  },
  RL9003: {
    severity: 'error',
    title: 'unknown option',
    message: { 'zh-CN': '未知选项 "{option}"', en: 'unknown option "{option}"' },
    hint: {
      'zh-CN': '可用的选项：{options}。以 - 开头的文件路径请写在 -- 之后',
      en: 'the options are: {options}. Put a path that starts with - after --',
    },
  },
  RL9004: {
    severity: 'error',
    title: 'option needs a value',
    message: { 'zh-CN': '选项 {option} 缺少取值', en: 'the option {option} needs a value' },
    hint: {
      'zh-CN': '写作 {option} <取值>，取值为 {allowed} 之一',
      en: 'write {option} <value> with one of {allowed}',
    },
  },
  RL9005: {
    severity: 'error',
    title: 'option takes no value',
    message: { 'zh-CN': '选项 {option} 不接受取值', en: 'the option {option} takes no value' },
    hint: { 'zh-CN': '只写 {option}，不要加 =…', en: 'write just {option}, without =…' },
  },
  RL9006: {
    severity: 'error',
    title: 'invalid option value',
    message: {
      'zh-CN': '{value} 不是选项 {option} 的有效取值',
      en: '{value} is not a valid value of {option}',
    },
    hint: { 'zh-CN': '可用的取值：{allowed}', en: 'use one of: {allowed}' },
  },
  RL9007: {
    severity: 'error',
    title: 'no paths given',
    message: { 'zh-CN': '没有指定要检查的文件', en: 'no files to check were given' },
    hint: {
      'zh-CN': '写出文件、文件夹或通配模式，例如 ruleloom validate examples/sales-crm',
      en: 'name files, folders or patterns, e.g. ruleloom validate examples/sales-crm',
    },
  },
  RL9008: {
    severity: 'error',
    title: 'path not found',
    message: { 'zh-CN': '路径 "{path}" 不存在', en: 'the path "{path}" does not exist' },
    hint: {
      'zh-CN': '检查路径的拼写；通配模式请加引号，例如 "apps/**/*.json"',
      en: 'check the spelling of the path; quote a pattern, e.g. "apps/**/*.json"',
    },
  },
  RL9009: {
    severity: 'error',
    title: 'no files match',
    message: {
      'zh-CN': '"{pattern}" 没有匹配到任何 JSON 文件',
      en: 'no JSON files match "{pattern}"',
    },
    hint: {
      'zh-CN':
        '检查模式或文件夹；文件夹会检查其下所有 *.json 文件（跳过 node_modules 和隐藏文件夹）',
      en: 'check the pattern or folder; a folder is searched for *.json files below it, skipping node_modules and hidden folders',
    },
  },
  RL9010: {
    severity: 'error',
    title: 'cannot read file',
    message: { 'zh-CN': '无法读取 "{path}"：{detail}', en: 'cannot read "{path}": {detail}' },
    hint: {
      'zh-CN': '确认该文件存在、是普通文件且有读取权限',
      en: 'make sure it exists, is a regular file and may be read',
    },
  },
  RL9011: {
    severity: 'error',
    title: 'unexpected failure',
    message: {
      'zh-CN': 'ruleloom 运行时发生意外错误：{detail}',
      en: 'ruleloom failed unexpectedly: {detail}',
    },
    hint: {
      'zh-CN': '这是 ruleloom 的缺陷，请附上所运行的命令和相关文件报告问题',
      en: 'this is a bug in ruleloom; please report it with the command you ran and the files',
    },
  },
  RL9012: {
    severity: 'error',
    title: 'app does not compile',
    message: {
      'zh-CN': '应用 "{path}" 有错误，无法运行测试',
      en: 'the app "{path}" has errors, so its tests cannot run',
    },
    hint: {
      'zh-CN': '先修正上面列出的错误（也可以运行 ruleloom validate 查看）',
      en: 'fix the errors listed above first (ruleloom validate shows them too)',
    },
  },
  RL9013: {
    severity: 'error',
    title: 'not an app folder',
    message: {
      'zh-CN': '"{path}" 不是应用文件夹（其中没有 app.json）',
      en: '"{path}" is not an app folder (it has no app.json)',
    },
    hint: {
      'zh-CN': '指定包含 app.json 的文件夹，例如 ruleloom test examples/sales-crm',
      en: 'name a folder that holds an app.json, e.g. ruleloom test examples/sales-crm',
    },
  },
  RL9014: {
    severity: 'error',
    title: 'no app folder given',
    message: { 'zh-CN': '没有指定要测试的应用文件夹', en: 'no app folder to test was given' },
    hint: {
      'zh-CN': '写出包含 app.json 的文件夹，例如 ruleloom test examples/sales-crm',
      en: 'name a folder that holds an app.json, e.g. ruleloom test examples/sales-crm',
    },
  },
  RL9015: {
    severity: 'error',
    title: 'designer not built',
    message: {
      'zh-CN': '设计器尚未构建：找不到 {path}',
      en: 'the designer is not built: {path} does not exist',
    },
    hint: {
      'zh-CN': '在仓库根目录运行 npm run build（或 npm start，它会先构建再启动）',
      en: 'run npm run build at the root of the repository (or npm start, which builds first)',
    },
  },
  RL9016: {
    severity: 'error',
    title: 'invalid port',
    message: {
      'zh-CN': '{value} 不是有效的端口号',
      en: '{value} is not a valid port',
    },
    hint: {
      'zh-CN': '端口是 0 到 65535 之间的整数；0 表示自动选择一个空闲端口',
      en: 'a port is a whole number from 0 to 65535; 0 picks a free one',
    },
  },
  RL9017: {
    severity: 'error',
    title: 'cannot listen',
    message: {
      'zh-CN': '无法在 {address} 上启动设计器：{detail}',
      en: 'cannot start the designer on {address}: {detail}',
    },
    hint: {
      'zh-CN': '换一个端口（--port 0 自动选择空闲端口），或检查 --host 是否为本机地址',
      en: 'use another port (--port 0 picks a free one), or check that --host is an address of this machine',
    },
  },
  RL9018: {
    severity: 'error',
    title: 'one app folder to serve',
    message: {
      'zh-CN': 'ruleloom serve 需要且只需要一个应用文件夹（收到 {count} 个）',
      en: 'ruleloom serve takes exactly one app folder ({count} given)',
    },
    hint: {
      'zh-CN': '写出一个包含 app.json 的文件夹，例如 ruleloom serve examples/sales-crm',
      en: 'name one folder that holds an app.json, e.g. ruleloom serve examples/sales-crm',
    },
  },
  RL9030: {
    severity: 'error',
    title: 'no app folder to simulate',
    message: { 'zh-CN': '没有指定要模拟的应用文件夹', en: 'no app folder to simulate was given' },
    hint: {
      'zh-CN':
        '写出一个包含 app.json 的文件夹，例如 ruleloom simulate examples/sales-crm --events log.jsonl --until 2026-03-31T00:00+08:00',
      en: 'name one folder that holds an app.json, e.g. ruleloom simulate examples/sales-crm --events log.jsonl --until 2026-03-31T00:00+08:00',
    },
  },
  RL9031: {
    severity: 'error',
    title: 'option required',
    message: { 'zh-CN': '缺少选项 {option}', en: 'the option {option} is required' },
    hint: { 'zh-CN': '加上它，例如 {example}', en: 'add it, e.g. {example}' },
  },
  RL9032: {
    severity: 'error',
    title: 'option value is not a time or duration',
    message: {
      'zh-CN': '{option} 的值 {value} 不是{what}',
      en: 'the value {value} of {option} is not {what}',
    },
    hint: {
      'zh-CN': '时间写成带时区偏移的 ISO 8601，例如 2026-03-31T00:00+08:00；时长写成 30m、1h、1d',
      en: 'write a time as ISO 8601 with an offset, e.g. 2026-03-31T00:00+08:00; a duration as 30m, 1h, 1d',
    },
  },
  RL9033: {
    severity: 'error',
    title: 'event log line is not JSON',
    message: {
      'zh-CN': '事件日志第 {line} 行不是 JSON：{detail}',
      en: 'line {line} of the event log is not JSON: {detail}',
    },
    hint: {
      'zh-CN':
        '每行写一个 JSON 对象（JSON Lines），例如 { "at": "2026-03-02T09:00:00+08:00", "event": { … } }',
      en: 'write one JSON object per line (JSON Lines), e.g. { "at": "2026-03-02T09:00:00+08:00", "event": { … } }',
    },
  },
  RL9034: {
    severity: 'error',
    title: 'event log line is not an event',
    message: {
      'zh-CN': '事件日志第 {line} 行不是事件：{reason}',
      en: 'line {line} of the event log is not an event: {reason}',
    },
    hint: {
      'zh-CN':
        '写成 { "at": "…", "event": { "type": "record.create", … } }，可加 "actor": { "id": "…" }；事件类型见 docs/guides/simulation.md',
      en: 'write { "at": "…", "event": { "type": "record.create", … } }, optionally with "actor": { "id": "…" }; the event types are in docs/guides/simulation.md',
    },
  },
  RL9035: {
    severity: 'error',
    title: 'event log time is not a time',
    message: {
      'zh-CN': '事件日志第 {line} 行的时间 {value} 不是有效的时间',
      en: 'line {line} of the event log: the time {value} is not a time',
    },
    hint: {
      'zh-CN': '写带时区偏移的 ISO 8601 时间（2026-03-02T09:00:00+08:00）或 UTC 毫秒数',
      en: 'write an ISO 8601 time with an offset (2026-03-02T09:00:00+08:00) or UTC epoch milliseconds',
    },
  },
  RL9036: {
    severity: 'error',
    title: 'event before --from',
    message: {
      'zh-CN': '事件日志第 {line} 行的时间 {at} 早于模拟开始时间 {from}',
      en: 'line {line} of the event log happens at {at}, before the simulation starts at {from}',
    },
    hint: {
      'zh-CN': '把 --from 提前到第一条事件之前，或省略 --from（默认从第一条事件开始）',
      en: 'move --from before the first event, or leave it out (the default is the first event)',
    },
  },
  RL9037: {
    severity: 'error',
    title: 'users file is not a list of users',
    message: {
      'zh-CN': '用户文件 "{path}" 不是用户列表：{detail}',
      en: 'the users file "{path}" is not a list of users: {detail}',
    },
    hint: {
      'zh-CN':
        '写成 JSON 数组：[{ "id": "zhangwei", "label": "张伟", "roles": ["sales-rep"], "manager": "zhoumin" }]',
      en: 'write a JSON array: [{ "id": "zhangwei", "label": "张伟", "roles": ["sales-rep"], "manager": "zhoumin" }]',
    },
  },
  RL9038: {
    severity: 'error',
    title: 'app does not compile (simulate)',
    message: {
      'zh-CN': '应用 "{path}" 有错误，无法模拟',
      en: 'the app "{path}" has errors, so it cannot be simulated',
    },
    hint: {
      'zh-CN': '先修正上面列出的错误（也可以运行 ruleloom validate 查看）',
      en: 'fix the errors listed above first (ruleloom validate shows them too)',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
