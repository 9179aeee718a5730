import type { Locale } from '@ruleloom/engine';

/**
 * The one-line usage of a command (or of `ruleloom` itself), shown after a usage error.
 *
 * @example
 * usageLine('validate', 'en'); // 'Usage: ruleloom validate [options] <files|dirs|globs...>'
 */
export function usageLine(command: string | undefined, locale: Locale): string {
  const zh = locale === 'zh-CN';
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
    command === 'validate' || command === 'test' ? `ruleloom ${command} --help` : 'ruleloom --help';
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
      ['help [命令]', '显示 ruleloom 或某个命令的帮助'],
    ],
  ],
  [
    '后续版本提供：',
    [
      ['simulate', '在虚拟时钟上用记录和事件模拟运行应用'],
      ['serve', '为应用目录启动设计器和模拟器'],
      ['pack', '把应用打包为带版本的模板'],
    ],
  ],
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

运行 "ruleloom validate --help" 或 "ruleloom test --help" 查看各命令的选项。
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
      ['help [command]', 'show the help of ruleloom or of a command'],
    ],
  ],
  [
    'Coming in later versions:',
    [
      ['simulate', 'replay records and events against an app on a virtual clock'],
      ['serve', 'serve the designer and simulator for an app folder'],
      ['pack', 'pack an app as a versioned template'],
    ],
  ],
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

Run "ruleloom validate --help" or "ruleloom test --help" for the options of each command.
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
