import type { Locale } from '@ruleloom/engine';

/**
 * The one-line usage of a command (or of `ruleloom` itself), shown after a usage error.
 *
 * @example
 * usageLine('validate', 'en'); // 'Usage: ruleloom validate [options] <files|dirs|globs...>'
 */
export function usageLine(command: string | undefined, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (command === 'simulate') {
    return zh
      ? '用法：ruleloom simulate [选项] <应用文件夹> --events <事件.jsonl> --until <时间>'
      : 'Usage: ruleloom simulate [options] <app-dir> --events <file.jsonl> --until <time>';
  }
  if (command === 'serve') {
    return zh
      ? '用法：ruleloom serve [选项] <应用文件夹>'
      : 'Usage: ruleloom serve [options] <app-dir>';
  }
  if (command === 'test') {
    return zh
      ? '用法：ruleloom test [选项] <应用文件夹...>'
      : 'Usage: ruleloom test [options] <app-dirs...>';
  }
  if (command === 'validate') {
    return zh
      ? '用法：ruleloom validate [选项] <文件|文件夹|通配模式...>'
      : 'Usage: ruleloom validate [options] <files|dirs|globs...>';
  }
  return zh ? '用法：ruleloom <命令> [选项]' : 'Usage: ruleloom <command> [options]';
}

/**
 * Where to read more after a usage error.
 *
 * @example
 * moreHelpLine('validate', 'en'); // 'Run "ruleloom validate --help" for details.'
 */
export function moreHelpLine(command: string | undefined, locale: Locale): string {
  const call =
    command === 'validate' || command === 'test' || command === 'simulate' || command === 'serve'
      ? `ruleloom ${command} --help`
      : 'ruleloom --help';
  return locale === 'zh-CN' ? `运行 "${call}" 查看详细说明。` : `Run "${call}" for details.`;
}

/** A help section: a heading and rows of a term and its explanation (one or more lines). */
type Section = readonly [
  heading: string,
  rows: readonly (readonly [term: string, ...lines: string[]])[],
];

// Chinese characters and full-width punctuation take two columns in a terminal.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

function displayWidth(text: string): number {
  return Array.from(text).length + (text.match(WIDE)?.length ?? 0);
}

/** Lays sections out in two columns that line up in a terminal, whatever the script. */
function layout(sections: readonly Section[]): string {
  const width =
    Math.max(...sections.flatMap(([, rows]) => rows.map(([term]) => displayWidth(term)))) + 4;
  return sections
    .map(([heading, rows]) => {
      const lines = rows.flatMap(([term, first = '', ...rest]) => [
        `  ${term}${' '.repeat(width - 2 - displayWidth(term))}${first}`.trimEnd(),
        ...rest.map((line) => `${' '.repeat(width)}${line}`),
      ]);
      return `${heading}\n${lines.join('\n')}`;
    })
    .join('\n\n');
}

function mainHelp(locale: Locale, version: string): string {
  if (locale === 'zh-CN') {
    return `ruleloom ${version} - 销售管理应用的规则与流程引擎

用法：ruleloom <命令> [选项]

${layout([
  [
    '命令：',
    [
      ['validate <文件|文件夹|通配模式...>', '检查定义文件：JSON 语法、结构和表达式'],
      ['test <应用文件夹...>', '运行应用的测试定义，逐条报告场景结果'],
      ['simulate <应用文件夹>', '在虚拟时钟上重放带时间的事件日志，输出时间线'],
      ['serve <应用文件夹>', '在浏览器中打开应用的可视化设计器，保存即写回文件'],
      ['help [命令]', '显示 ruleloom 或某个命令的帮助'],
    ],
  ],
  ['后续版本提供：', [['pack', '把应用打包为带版本的模板']]],
  [
    '选项：',
    [
      [
        '--lang <zh-CN|en>',
        '消息语言（默认：LC_ALL、LC_MESSAGES 或 LANG',
        '以 "zh" 开头时为 zh-CN，否则为 en）',
      ],
      ['-h, --help', '显示本帮助'],
      ['-v, --version', '显示版本号'],
    ],
  ],
])}

运行 "ruleloom validate --help"、"ruleloom test --help" 或 "ruleloom serve --help" 查看各命令的选项。
`;
  }
  return `ruleloom ${version} - rules and workflows for sales-management apps

Usage: ruleloom <command> [options]

${layout([
  [
    'Commands:',
    [
      [
        'validate <files|dirs|globs...>',
        'check definition files: JSON syntax, schema, expressions',
      ],
      ['test <app-dirs...>', "run an app's test definitions, one line per scenario"],
      [
        'simulate <app-dir>',
        'replay a timestamped event log on a virtual clock; print the timeline',
      ],
      ['serve <app-dir>', 'open the visual designer of an app; saving writes its files'],
      ['help [command]', 'show the help of ruleloom or of a command'],
    ],
  ],
  ['Coming in later versions:', [['pack', 'pack an app as a versioned template']]],
  [
    'Options:',
    [
      [
        '--lang <zh-CN|en>',
        'language of messages (default: zh-CN when LC_ALL,',
        'LC_MESSAGES or LANG starts with "zh", else en)',
      ],
      ['-h, --help', 'show this help'],
      ['-v, --version', 'print the version'],
    ],
  ],
])}

Run "ruleloom validate --help", "ruleloom test --help" or "ruleloom serve --help" for the
options of each command.
`;
}

function validateHelp(locale: Locale): string {
  if (locale === 'zh-CN') {
    return `${usageLine('validate', locale)}

检查定义文件：JSON 语法、"$schema" 指定的结构（没有 "$schema" 时按文件在应用目录中
所在的文件夹推断：entities/、forms/、pipelines/ ……），以及其中的每个表达式和公式。
每个问题输出为一行：路径:行:列: 严重程度 代码 说明。

${layout([
  [
    '操作对象：',
    [
      ['文件', '一个定义文件，无论文件名为何都会检查'],
      ['文件夹', '其下所有 *.json 文件', '（跳过 node_modules 和隐藏文件夹）'],
      ['通配模式', '模式匹配到的 *.json 文件，', '例如 "apps/*/forms/*.json"（请加引号）'],
    ],
  ],
  [
    '选项：',
    [
      [
        '-f, --format <text|json|github>',
        '输出格式（默认：text）',
        '  text    路径:行:列 加修正建议，最后一行为汇总',
        '  json    一个 JSON 对象：诊断列表和汇总',
        '  github  GitHub Actions 注解（::error ...）',
      ],
      ['--lang <zh-CN|en>', '消息语言（默认：取自 LC_ALL、LC_MESSAGES', '或 LANG，否则为 en）'],
      ['-h, --help', '显示本帮助'],
    ],
  ],
])}

退出码：
  0  没有错误（可以有警告）
  1  至少有一个错误
  2  用法错误：未知命令或选项、选项取值无效、未指定路径、
     路径不存在或无法读取、文件夹或通配模式中没有 JSON 文件
`;
  }
  return `${usageLine('validate', locale)}

Checks definition files: JSON syntax, the schema named by "$schema" (or inferred from
the file's folder in an app: entities/, forms/, pipelines/, ...), and every expression
and formula text in them. Prints each problem as path:line:col: severity code message.

${layout([
  [
    'Operands:',
    [
      ['file', 'a definition file, checked whatever its name'],
      ['dir', 'every *.json file below it, skipping', 'node_modules and hidden folders'],
      ['glob', 'the *.json files a pattern matches, e.g.', '"apps/*/forms/*.json" (quote it)'],
    ],
  ],
  [
    'Options:',
    [
      [
        '-f, --format <text|json|github>',
        'output format (default: text)',
        '  text    path:line:col lines with fixes, then a summary',
        '  json    one JSON object: diagnostics and summary',
        '  github  GitHub Actions annotations (::error ...)',
      ],
      [
        '--lang <zh-CN|en>',
        'language of messages (default: from LC_ALL,',
        'LC_MESSAGES or LANG, else en)',
      ],
      ['-h, --help', 'show this help'],
    ],
  ],
])}

Exit codes:
  0  no errors (warnings allowed)
  1  at least one error
  2  usage error: unknown command or option, bad option value, no paths, a path
     that does not exist or cannot be read, a folder or pattern without JSON files
`;
}

/**
 * The help of `ruleloom` (no command) or of one command.
 *
 * @example
 * helpText('validate', 'en', '0.1.0').startsWith('Usage: ruleloom validate'); // true
 */
export function helpText(command: string | undefined, locale: Locale, version: string): string {
  if (command === 'validate') return validateHelp(locale);
  if (command === 'test') return testHelp(locale);
  if (command === 'serve') return serveHelp(locale);
  if (command === 'simulate') return simulateHelp(locale);
  return mainHelp(locale, version);
}

function testHelp(locale: Locale): string {
  if (locale === 'zh-CN') {
    return `${usageLine('test', locale)}

编译应用并运行 app.json 中 tests 列出的测试定义：每个测试一行（带场景编号），
最后一行为 “N passed, N failed”。应用有错误时先列出错误，不运行测试。

选项：
  -f, --format <text|json|github>  输出格式（默认：text）
  --lang <zh-CN|en>                消息语言
  -h, --help                       显示本帮助

退出码：
  0  所有测试通过
  1  有测试失败，或应用有错误
  2  用法错误：未指定应用文件夹、文件夹中没有 app.json、选项无效；
     或应用中有文件无法读取
`;
  }
  return `${usageLine('test', locale)}

Compiles the app and runs the test definitions app.json lists under "tests": one line
per test with its scenario id, then "N passed, N failed". When the app has errors they
are printed and no test runs.

Options:
  -f, --format <text|json|github>  output format (default: text)
  --lang <zh-CN|en>                language of messages
  -h, --help                       show this help

Exit codes:
  0  every test passed
  1  a test failed, or the app has errors
  2  usage error: no app folder, a folder without app.json, a bad option; or a file
     of the app cannot be read
`;
}

function serveHelp(locale: Locale): string {
  if (locale === 'zh-CN') {
    return `${usageLine('serve', locale)}

在本机启动 ruleloom 设计器，打开指定的应用文件夹：在浏览器中可视化地编辑表单、
流程和规则，实时查看问题，运行测试；点“保存”即把修改写回文件夹中的 JSON 文件
（只改动变化的部分，git diff 保持简洁）。启动后输出：
  ruleloom designer: http://127.0.0.1:5178/

选项：
  -p, --port <端口>     监听端口（默认：5178；0 表示自动选择空闲端口）
  --host <地址>         监听地址（默认：127.0.0.1，仅本机可访问）
  --lang <zh-CN|en>     消息语言
  -h, --help            显示本帮助

按 Ctrl+C 停止。设计器需要先构建：在仓库根目录运行 npm run build（npm start 会自动构建）。

退出码：
  0  正常停止
  2  用法错误：没有或多于一个应用文件夹、文件夹中没有 app.json、端口无效、
     端口被占用，或设计器尚未构建
`;
  }
  return `${usageLine('serve', locale)}

Starts the ruleloom designer on this machine for an app folder: edit forms, pipelines and
rules visually in the browser, see problems as you type, run the tests; Save writes the
changes back to the folder's JSON files (only what changed, so git diffs stay small).
Prints on start:
  ruleloom designer: http://127.0.0.1:5178/

Options:
  -p, --port <port>     port to listen on (default: 5178; 0 picks a free port)
  --host <address>      address to listen on (default: 127.0.0.1, this machine only)
  --lang <zh-CN|en>     language of messages
  -h, --help            show this help

Press Ctrl+C to stop. The designer must be built first: run npm run build at the root of
the repository (npm start builds it for you).

Exit codes:
  0  stopped cleanly
  2  usage error: no app folder or more than one, a folder without app.json, a bad port,
     a port in use, or the designer is not built
`;
}

function simulateHelp(locale: Locale): string {
  if (locale === 'zh-CN') {
    return `${usageLine('simulate', locale)}

在虚拟时钟上重放带时间的事件日志（JSON Lines，每行一个
{ "at": "2026-03-02T09:00:00+08:00", "event": { … }, "actor": { "id": "…" } }）：
事件按时间逐条处理，其间到期的计时器在各自的到期时间触发（与事件同一时刻到期的
计时器先触发）。输出可读的时间线（应用时区的本地时间），并把完整时间线（补丁、
效果、追踪）写成 JSON。

选项：
  --events <文件.jsonl>     事件日志（必填）
  --until <时间>            时钟停止的时间（必填，含该时刻），例如 2026-03-31T00:00+08:00
  --from <时间>             时钟开始的时间（默认：第一条事件的时间）
  --tick <时长>             时钟另外每隔这么久停一次（如 1h）；结果与步长无关
  --users <users.json>      用户目录（JSON 数组：id、label、roles、manager）；
                            默认：事件日志旁的 users.json（若存在）
  --out <文件.json>         JSON 时间线写到这里（默认：事件日志旁的
                            <名称>.timeline.json）
  -f, --format <text|json>  text：输出可读时间线（默认）；json：把 JSON 输出到标准输出
  --lang <zh-CN|en>         时间线和消息的语言
  -h, --help                显示本帮助

退出码：
  0  模拟到 --until 为止（被拒绝的事件也写在时间线里）
  1  应用有错误，或模拟达到步数上限提前停止
  2  用法错误：缺少应用文件夹、--events 或 --until，时间或时长无效；
     事件日志某行有误（按 文件:行:列 指出），或文件无法读取
`;
  }
  return `${usageLine('simulate', locale)}

Replays a timestamped event log (JSON Lines, one
{ "at": "2026-03-02T09:00:00+08:00", "event": { … }, "actor": { "id": "…" } } per line)
on a virtual clock: events are handled in time order, and the timers that come due in
between fire at their own due times (a timer due at the same instant as an event fires
first). Prints a readable timeline in local time of the app's zone and writes the whole
timeline (patches, effects, traces) as JSON.

Options:
  --events <file.jsonl>     the event log (required)
  --until <time>            when the clock stops, inclusive (required),
                            e.g. 2026-03-31T00:00+08:00
  --from <time>             when the clock starts (default: the first event's time)
  --tick <duration>         also stop the clock this often (e.g. 1h); the result is the
                            same with any tick
  --users <users.json>      the directory of users (a JSON array: id, label, roles,
                            manager); default: users.json beside the event log, if any
  --out <file.json>         where to write the JSON timeline (default:
                            <name>.timeline.json beside the event log)
  -f, --format <text|json>  text: print the readable timeline (default); json: print
                            the JSON to standard output
  --lang <zh-CN|en>         language of the timeline and messages
  -h, --help                show this help

Exit codes:
  0  simulated up to --until (refused events are in the timeline too)
  1  the app has errors, or the run stopped at its step limit
  2  usage error: no app folder, no --events or --until, a bad time or duration; a bad
     line in the event log (shown as file:line:col), or a file that cannot be read
`;
}
