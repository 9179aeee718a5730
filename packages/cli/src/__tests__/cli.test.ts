import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { JsonReport } from '../output/index.js';
import { fixturesDir, run } from './runCapture.js';

const version = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const zhEnv = { LANG: 'zh_CN.UTF-8' };

describe('help and version', () => {
  test('--help lists the commands, the coming ones too; exit 0', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: ruleloom <command> [options]');
    expect(stdout).toContain('validate <files|dirs|globs...>');
    expect(stdout).toContain('Coming in later versions:');
    expect(stdout).toContain('test <app-dirs...>');
    for (const coming of ['simulate', 'serve', 'pack'])
      expect(stdout).toMatch(new RegExp(`^  ${coming} `, 'm'));
  });

  test('the help in Chinese', async () => {
    const { code, stdout } = await run(['-h'], { env: zhEnv });
    expect(code).toBe(0);
    expect(stdout).toContain('用法：ruleloom <命令> [选项]');
    expect(stdout).toContain('后续版本提供：');
  });

  test('validate --help and help validate print the options and exit codes', async () => {
    const a = await run(['validate', '--help']);
    const b = await run(['help', 'validate']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('-f, --format <text|json|github>');
    expect(a.stdout).toContain('Exit codes:');
    expect((await run(['validate', '-h', '--lang', 'zh-CN'])).stdout).toContain('退出码：');
  });

  test('--version prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await run(['validate', '-v'])).stdout).toBe(`${version}\n`);
  });

  test('no command: the help on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: ruleloom <command> [options]');
  });
});

describe('usage errors: exit 2, message and usage on stderr, nothing on stdout', () => {
  test.each([
    [['frobnicate'], 'RL9001', 'unknown command "frobnicate"'],
    [['help', 'frobnicate'], 'RL9001', 'unknown command "frobnicate"'],
    [['test'], 'RL9014', 'no app folder to test was given'],
    [['test', 'valid'], 'RL9013', '"valid" is not an app folder (it has no app.json)'],
    [['simulate'], 'RL9030', 'no app folder to simulate was given'],
    [['serve'], 'RL9018', 'ruleloom serve takes exactly one app folder (0 given)'],
    [['pack', '--help'], 'RL9002', 'the command "pack" is not available yet'],
    [['validate', '--frmat', 'json', 'valid'], 'RL9003', 'unknown option "--frmat"'],
    [['validate', 'valid', '--format'], 'RL9004', 'the option --format needs a value'],
    [['validate', '--version=1'], 'RL9005', 'the option --version takes no value'],
    [['validate', '--format', 'xml', 'valid'], 'RL9006', '"xml" is not a valid value of --format'],
    [['validate', '--lang', 'fr', 'valid'], 'RL9006', '"fr" is not a valid value of --lang'],
    [['validate'], 'RL9007', 'no files to check were given'],
    [
      ['validate', 'valid', 'no/such/file.json'],
      'RL9008',
      'the path "no/such/file.json" does not exist',
    ],
    [
      ['validate', 'valid/app/sales-crm.json/x'],
      'RL9008',
      'the path "valid/app/sales-crm.json/x" does not exist',
    ],
    [['validate', 'nothing/**/*.json'], 'RL9009', 'no JSON files match "nothing/**/*.json"'],
    [['validate', 'valid/*/*.yaml'], 'RL9009', 'no JSON files match "valid/*/*.yaml"'],
  ])('%j → %s', async (argv, code, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`ruleloom: error ${code} ${message}`);
    expect(result.stderr).toMatch(/\n {2}fix: .+\n\nUsage: ruleloom /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('in Chinese, from LANG or --lang', async () => {
    const fromEnv = await run(['validate'], { env: zhEnv });
    expect(fromEnv.stderr).toContain('ruleloom: error RL9007 没有指定要检查的文件');
    expect(fromEnv.stderr).toContain('用法：ruleloom validate [选项]');
    const fromFlag = await run(['validate', '--lang', 'zh-CN', '--bogus']);
    expect(fromFlag.stderr).toContain('未知选项 "--bogus"');
    // An invalid --lang is reported in the language of the environment.
    expect((await run(['validate', '--lang', 'xx'], { env: zhEnv })).stderr).toContain(
      '"xx" 不是选项 --lang 的有效取值',
    );
  });

  test('a folder without JSON files', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ruleloom-empty-'));
    try {
      const result = await run(['validate', empty]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('RL9009');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('languages', () => {
  const file = 'invalid/formula/missing-output.json';

  test('English by default', async () => {
    expect((await run(['validate', file])).stdout).toBe(
      `${file}:1:1: error RL1006 the required property "output" is missing\n` +
        `  fix: add "output" here; the definition-language reference says what it holds\n` +
        '\n1 file, 1 error, 0 warnings\n',
    );
  });

  test('Chinese from --lang zh-CN, from LANG and from LC_ALL', async () => {
    const expected = await run(['validate', '--lang', 'zh-CN', file]);
    expect(expected.code).toBe(1);
    expect(expected.stdout).toMatch(
      new RegExp(
        `^${file}:1:1: error RL1006 缺少必填属性 "output"\n {2}修正：.+\n\n1 个文件，1 个错误，0 个警告\n$`,
      ),
    );
    expect((await run(['validate', file], { env: zhEnv })).stdout).toBe(expected.stdout);
    expect(
      (await run(['validate', file], { env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } }))
        .stdout,
    ).toBe(expected.stdout);
  });

  test('--lang en wins over a Chinese environment', async () => {
    expect((await run(['validate', '--lang', 'en', file], { env: zhEnv })).stdout).toContain(
      'is missing',
    );
  });

  test('a JSON syntax error in both languages', async () => {
    const en = await run(['validate', 'invalid/formula/broken-json.json']);
    expect(en.stdout).toContain(
      'invalid/formula/broken-json.json:6:81: error RL1002 the file is not valid JSON (line 6, column 81): trailing comma',
    );
    const zh = await run(['validate', '--lang=zh-CN', 'invalid/formula/broken-json.json']);
    expect(zh.stdout).toContain(
      'invalid/formula/broken-json.json:6:81: error RL1002 文件不是有效的 JSON（第 6 行第 81 列）：多余的逗号',
    );
  });
});

describe('formats', () => {
  const files = ['invalid/formula/missing-output.json', 'invalid/test/unknown-schema-url.json'];

  test('json: diagnostics with file, line, column, severity, code, message, hint, pointer; and the summary', async () => {
    const { code, stdout } = await run(['validate', '--format', 'json', ...files]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary).toEqual({ files: 2, errors: 3, warnings: 0 });
    expect(report.diagnostics[0]).toEqual({
      file: 'invalid/formula/missing-output.json',
      line: 1,
      column: 1,
      severity: 'error',
      code: 'RL1006',
      message: 'the required property "output" is missing',
      hint: 'add "output" here; the definition-language reference says what it holds',
      pointer: '',
    });
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'invalid/formula/missing-output.json:1:1 RL1006',
      'invalid/test/unknown-schema-url.json:1:1 RL1003',
      'invalid/test/unknown-schema-url.json:2:14 RL1004',
    ]);
  });

  test('json in Chinese; a clean run has an empty list', async () => {
    const zh = JSON.parse(
      (await run(['validate', '-f', 'json', '--lang', 'zh-CN', files[0] ?? ''])).stdout,
    ) as JsonReport;
    expect(zh.diagnostics[0]?.message).toBe('缺少必填属性 "output"');
    const clean = await run(['validate', '--format=json', 'valid/timer']);
    expect(clean.code).toBe(0);
    const timers = readdirSync(join(fixturesDir, 'valid/timer')).length;
    expect(JSON.parse(clean.stdout)).toEqual({
      diagnostics: [],
      summary: { files: timers, errors: 0, warnings: 0 },
    });
  });

  test('github: one workflow command per diagnostic, the hint on a second line, then the summary', async () => {
    const { code, stdout } = await run(['validate', '--format', 'github', files[0] ?? '']);
    expect(code).toBe(1);
    expect(stdout).toBe(
      '::error file=invalid/formula/missing-output.json,line=1,col=1,title=RL1006::the required property "output" is missing' +
        '%0Aadd "output" here; the definition-language reference says what it holds\n' +
        '1 file, 1 error, 0 warnings\n',
    );
  });

  test('github in Chinese', async () => {
    const { stdout } = await run([
      'validate',
      '--format',
      'github',
      '--lang',
      'zh-CN',
      files[0] ?? '',
    ]);
    expect(stdout).toMatch(
      /^::error file=invalid\/formula\/missing-output\.json,line=1,col=1,title=RL1006::缺少必填属性 "output"%0A/,
    );
    expect(stdout).toMatch(/1 个文件，1 个错误，0 个警告\n$/);
  });
});

describe('files: folders, globs, app folders', () => {
  const work = mkdtempSync(join(tmpdir(), 'ruleloom-cli-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const app = join(work, 'sales');
  const lead = JSON.parse(
    readFileSync(join(fixturesDir, 'valid/entity/lead.json'), 'utf8'),
  ) as Record<string, unknown>;
  const { $schema: _schema, ...leadWithoutSchema } = lead;
  mkdirSync(join(app, 'entities'), { recursive: true });
  mkdirSync(join(app, 'forms'), { recursive: true });
  mkdirSync(join(app, 'node_modules', 'x'), { recursive: true });
  mkdirSync(join(app, '.cache'), { recursive: true });
  cpSync(join(fixturesDir, 'valid/app/sales-crm.json'), join(app, 'app.json'));
  writeFileSync(join(app, 'entities', 'lead.json'), JSON.stringify(leadWithoutSchema, null, 2));
  // A form definition in the folder of entities: valid, but a warning.
  cpSync(join(fixturesDir, 'valid/form/lead-create.json'), join(app, 'entities', 'lead-form.json'));
  cpSync(join(fixturesDir, 'valid/form/lead-create.json'), join(app, 'forms', 'lead-create.json'));
  writeFileSync(join(app, 'node_modules', 'x', 'broken.json'), '{');
  writeFileSync(join(app, '.cache', 'broken.json'), '{');
  writeFileSync(join(app, 'README.md'), '# not JSON');

  test('a folder: every *.json below, node_modules and hidden folders skipped, sorted', async () => {
    const { stdout } = await run(['validate', '--format', 'json', 'sales'], { cwd: work });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary.files).toBe(4);
    // The whole app is compiled: app.json lists files this app does not have (RL5002), and
    // the form's entity does not compile (its file lacks "$schema").
    expect(new Set(report.diagnostics.map((d) => d.file))).toEqual(
      new Set([
        'sales/app.json',
        'sales/entities/lead.json',
        'sales/entities/lead-form.json',
        'sales/forms/lead-create.json',
      ]),
    );
    expect(
      new Set(report.diagnostics.filter((d) => d.file === 'sales/app.json').map((d) => d.code)),
    ).toEqual(new Set(['RL5002']));
  });

  test('without $schema the kind comes from the folder in the app (entities/ → entity)', async () => {
    const { code, stdout } = await run(['validate', '--format', 'json', 'entities/lead.json'], {
      cwd: app,
    });
    const report = JSON.parse(stdout) as JsonReport;
    // Validated as an entity: the schema asks for "$schema", the rest is right.
    expect(report.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '1:1 RL1006 the required property "$schema" is missing',
    ]);
    expect(code).toBe(1);
  });

  test('the app folder is found from a sub-folder too', async () => {
    const { stdout } = await run(['validate', '--format', 'json', 'lead.json'], {
      cwd: join(app, 'entities'),
    });
    expect((JSON.parse(stdout) as JsonReport).diagnostics.map((d) => d.code)).toEqual(['RL1006']);
  });

  test('a file outside any app folder and without $schema: the kind is unknown (RL1003)', async () => {
    const loose = join(work, 'loose');
    mkdirSync(loose, { recursive: true });
    writeFileSync(join(loose, 'lead.json'), JSON.stringify(leadWithoutSchema));
    const { stdout } = await run(['validate', '--format', 'json', 'loose/lead.json'], {
      cwd: work,
    });
    expect((JSON.parse(stdout) as JsonReport).diagnostics.map((d) => d.code)).toEqual(['RL1003']);
  });

  test('warnings alone exit 0 and are counted', async () => {
    const { code, stdout } = await run(['validate', 'entities/lead-form.json'], { cwd: app });
    expect(stdout).toContain('entities/lead-form.json:1:1: warning RL5003 ');
    expect(stdout).toContain('entities/lead-form.json:2:14: warning RL1005 ');
    expect(stdout).toContain('1 file, 0 errors, 2 warnings\n');
    expect(code).toBe(0);
  });

  test('globs (quoted): only .json files, node_modules skipped; each file once', async () => {
    const { stdout } = await run(
      ['validate', '-f', 'json', 'sales/**/*', 'sales/forms/lead-create.json'],
      { cwd: work },
    );
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary.files).toBe(4);
  });

  test('paths outside the working directory are printed relative to it', async () => {
    const { stdout } = await run(['validate', join(app, 'entities', 'lead.json')], {
      cwd: join(work, 'loose'),
    });
    expect(stdout).toMatch(/^\.\.\/sales\/entities\/lead\.json:1:1: error RL1006 /);
  });
});
