/**
 * `ruleloom test <app-dir>` and `ruleloom validate` on app folders, run in-process on copies
 * of a small app written to a temporary folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { smallAppFiles } from '../../../engine/src/app/__tests__/smallApp.js';
import type { JsonReport } from '../output/index.js';
import { run } from './runCapture.js';

const work = mkdtempSync(join(tmpdir(), 'ruleloom-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Files = Record<string, unknown>;

/** Writes an app folder under the work folder: JSON values 2-space indented, or raw text. */
function writeApp(name: string, files: Files): string {
  const root = join(work, name);
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
    writeFileSync(join(root, path), text);
  }
  return root;
}

const SCHEMA = 'https://ruleloom.dev/schemas/v1/test.schema.json';

/** A second test of the small app: a big deal is tagged, marked and notified (S2-like). */
const bigDealTest = {
  $schema: SCHEMA,
  id: 'big-deal-tagged',
  label: { 'zh-CN': '大单自动打标签并通知', en: 'Big deals are tagged and notified' },
  description:
    'S35: a new 150,000 opportunity is tagged 大单, marked orange and pushed to the rep.',
  given: { now: '2026-03-02T10:00:00+08:00', users: [{ id: 'lina', roles: ['sales-rep'] }] },
  steps: [
    {
      type: 'create',
      entity: 'opportunity',
      record: 'O2',
      values: { title: '温州口腔大单', amount: 150000, owner: 'lina' },
      by: 'lina',
    },
  ],
  expect: [
    { type: 'tags', record: 'O2', includes: ['大单'] },
    { type: 'mark', record: 'O2', color: 'orange' },
    { type: 'effect', effect: 'notify', match: { recipients: ['lina'] }, count: 1 },
  ],
};

/** The small app with its two tests. */
function passingFiles(): Files {
  const files = smallAppFiles();
  (files['app.json'] as { tests: string[] }).tests.push('tests/big-deal-tagged.json');
  files['tests/big-deal-tagged.json'] = bigDealTest;
  return files;
}

/** The same with the big-deal test expecting a red mark (it is orange). */
function failingFiles(): Files {
  const files = passingFiles();
  files['tests/big-deal-tagged.json'] = {
    ...bigDealTest,
    expect: [
      { type: 'tags', record: 'O2', includes: ['大单'] },
      { type: 'mark', record: 'O2', color: 'red' },
    ],
  };
  return files;
}

writeApp('passing', passingFiles());
writeApp('failing', failingFiles());

describe('ruleloom test', () => {
  test('all pass: one line per test with its scenario, the closing line, exit 0', async () => {
    const { code, stdout, stderr } = await run(['test', 'passing'], { cwd: work });
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'passing (mini-crm)',
        '  ✓ S38   s38-quote-gate  No quote without the budget range',
        '  ✓ S35   big-deal-tagged  Big deals are tagged and notified',
        '2 passed, 0 failed',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  test('a failing test: exit 1, the failure indented with its file and pointer', async () => {
    const { code, stdout, stderr } = await run(['test', 'failing'], { cwd: work });
    expect(stderr).toBe('');
    expect(stdout).toContain('  ✓ S38   s38-quote-gate  No quote without the budget range\n');
    expect(stdout).toContain(
      '  ✗ S35   big-deal-tagged  Big deals are tagged and notified\n' +
        '      failing/tests/big-deal-tagged.json#/expect/1: O2 should be marked {"color":"red"} but is {"color":"orange"}\n',
    );
    expect(stdout).toMatch(/\n1 passed, 1 failed\n$/);
    expect(code).toBe(1);
  });

  test('several apps: one closing line for all; any failure fails the run', async () => {
    const { code, stdout } = await run(['test', 'passing', 'failing'], { cwd: work });
    expect(stdout).toContain('passing (mini-crm)\n');
    expect(stdout).toContain('failing (mini-crm)\n');
    expect(stdout).toMatch(/\n3 passed, 1 failed\n$/);
    expect(code).toBe(1);
  });

  test('the app folder itself as the working directory is shown as "."', async () => {
    const { code, stdout } = await run(['test', '.'], { cwd: join(work, 'passing') });
    expect(stdout).toMatch(/^\. \(mini-crm\)\n/);
    expect(code).toBe(0);
  });

  test('--lang zh-CN: labels and messages in Chinese, and the closing line for CI tools', async () => {
    const { code, stdout } = await run(['test', 'failing', '--lang', 'zh-CN'], { cwd: work });
    expect(stdout).toContain('  ✓ S38   s38-quote-gate  未填预算不能进入报价\n');
    expect(stdout).toContain(
      '      failing/tests/big-deal-tagged.json#/expect/1: 记录 O2 的标记应为 {"color":"red"}，实际为',
    );
    expect(stdout).toMatch(/\n1 个通过，1 个失败\n1 passed, 1 failed\n$/);
    expect(code).toBe(1);
    // The environment's language, without --lang.
    const env = await run(['test', 'passing'], { cwd: work, env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.stdout).toContain('未填预算不能进入报价');
  });

  test('--format json: every app with its results, and the counts', async () => {
    const { code, stdout, stderr } = await run(['test', '--format', 'json', 'failing'], {
      cwd: work,
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      apps: { app: string; folder: string; results: Record<string, unknown>[] }[];
      passed: number;
      failed: number;
    };
    expect(report).toMatchObject({ passed: 1, failed: 1 });
    expect(report.apps).toHaveLength(1);
    expect(report.apps[0]).toMatchObject({ app: 'mini-crm', folder: 'failing' });
    expect(report.apps[0]?.results).toEqual([
      {
        id: 's38-quote-gate',
        file: 'failing/tests/s38-quote-gate.json',
        label: { 'zh-CN': '未填预算不能进入报价', en: 'No quote without the budget range' },
        scenario: 'S38',
        passed: true,
        failures: [],
      },
      {
        id: 'big-deal-tagged',
        file: 'failing/tests/big-deal-tagged.json',
        label: { 'zh-CN': '大单自动打标签并通知', en: 'Big deals are tagged and notified' },
        scenario: 'S35',
        passed: false,
        failures: [
          {
            pointer: '/expect/1',
            message: {
              'zh-CN': expect.stringMatching(/^记录 O2 的标记应为/),
              en: expect.stringMatching(/^O2 should be marked \{"color":"red"\}/),
            },
          },
        ],
      },
    ]);
    // No closing text line: stdout is one JSON document.
    expect(stdout.trim().endsWith('}')).toBe(true);
  });

  test('--format github: an annotation at the line and column of the failed expectation', async () => {
    const { code, stdout } = await run(['test', '-f', 'github', 'failing'], { cwd: work });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    // The file is written with JSON.stringify(…, null, 2): "expect" opens on line 33 and
    // its second entry starts on line 41, column 5.
    expect(lines[0]).toMatch(
      /^::error file=failing\/tests\/big-deal-tagged\.json,line=41,col=5,title=S35::O2 should be marked \{"color":"red"\} but is \{"color":"orange"\}$/,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('1 passed, 1 failed');

    const zh = await run(['test', '-f', 'github', '--lang', 'zh-CN', 'failing'], { cwd: work });
    expect(zh.stdout).toMatch(/title=S35::记录 O2 的标记应为/);
  });

  test('--format github: nothing but the closing line when all pass', async () => {
    const { code, stdout } = await run(['test', '-f', 'github', 'passing'], { cwd: work });
    expect(stdout).toBe('2 passed, 0 failed\n');
    expect(code).toBe(0);
  });

  test('an app with errors: its diagnostics and RL9012 on stderr, no tests run, exit 1', async () => {
    const files = passingFiles();
    (files['forms/opportunity-create.json'] as { entity: string }).entity = 'lead';
    writeApp('broken', files);
    const { code, stdout, stderr } = await run(['test', 'broken'], { cwd: work });
    expect(code).toBe(1);
    expect(stdout).toBe('0 passed, 0 failed\n');
    expect(stderr).toContain(
      'broken/forms/opportunity-create.json:8:13: error RL5005 refers to the unknown entity "lead"\n',
    );
    expect(stderr).toContain(
      'ruleloom: error RL9012 the app "broken" has errors, so its tests cannot run\n',
    );
    const zh = await run(['test', 'broken', '--lang', 'zh-CN'], { cwd: work });
    expect(zh.stderr).toContain('ruleloom: error RL9012 应用 "broken" 有错误，无法运行测试\n');
  });

  test('a file that is not JSON stops the tests too (it would otherwise silently vanish)', async () => {
    writeApp('not-json', { ...passingFiles(), 'tests/big-deal-tagged.json': '{ "id": ' });
    const { code, stdout, stderr } = await run(['test', 'not-json'], { cwd: work });
    expect(code).toBe(1);
    expect(stdout).toBe('0 passed, 0 failed\n');
    expect(stderr).toContain('not-json/tests/big-deal-tagged.json:1:9: error RL1002 ');
    expect(stderr).toContain('RL9012');
  });

  test('a test that names something the app lacks fails that expectation only', async () => {
    const files = passingFiles();
    files['tests/big-deal-tagged.json'] = {
      ...bigDealTest,
      expect: [
        { type: 'form', form: 'lead-create', data: {}, valid: true },
        { type: 'tags', record: 'O2', includes: ['大单'] },
      ],
    };
    writeApp('unknown-form', files);
    const { code, stdout } = await run(['test', 'unknown-form'], { cwd: work });
    expect(code).toBe(1);
    expect(stdout).toContain(
      '      unknown-form/tests/big-deal-tagged.json#/expect/0: cannot be checked: the app has no form with the id "lead-create"\n',
    );
    expect(stdout).toMatch(/\n1 passed, 1 failed\n$/);
  });

  test('not an app folder: RL9013, exit 2', async () => {
    mkdirSync(join(work, 'empty'), { recursive: true });
    const { code, stdout, stderr } = await run(['test', 'empty'], { cwd: work });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'ruleloom: error RL9013 "empty" is not an app folder (it has no app.json)\n',
    );
    expect(stderr).toContain('Usage: ruleloom test [options] <app-dirs...>\n');
    expect((await run(['test', 'passing/app.json'], { cwd: work })).code).toBe(2);
    expect((await run(['test', 'nowhere'], { cwd: work })).code).toBe(2);
  });

  test('no operand: RL9014, exit 2', async () => {
    const { code, stdout, stderr } = await run(['test'], { cwd: work });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('ruleloom: error RL9014 ');
    expect(stderr).toContain('Usage: ruleloom test [options] <app-dirs...>\n');
  });

  test('test --help: the options and exit codes', async () => {
    const { code, stdout } = await run(['test', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: ruleloom test \[options\] <app-dirs\.\.\.>\n/);
    expect(stdout).toContain('-f, --format <text|json|github>');
    expect(stdout).toContain('  1  a test failed, or the app has errors\n');
    expect((await run(['help', 'test', '--lang', 'zh-CN'])).stdout).toContain('退出码：');
  });

  test('an unknown format is a usage error', async () => {
    const { code, stderr } = await run(['test', '--format', 'junit', 'passing'], { cwd: work });
    expect(code).toBe(2);
    expect(stderr).toContain('RL9006');
  });
});

describe('ruleloom validate on app folders', () => {
  const files = passingFiles();
  // An unlisted form (a warning), a form with an unknown entity, a broken pipeline.
  files['forms/draft.json'] = { ...(files['forms/opportunity-create.json'] as Files), id: 'draft' };
  (files['forms/opportunity-create.json'] as { entity: string }).entity = 'lead';
  (files['pipelines/opportunity.json'] as { stages: unknown }).stages = 'lead, quote';
  writeApp('checked', files);

  test('a folder: the whole app compiled once, every file’s diagnostics', async () => {
    const { code, stdout } = await run(['validate', '-f', 'json', 'checked'], { cwd: work });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'checked/forms/draft.json:1:1 RL5003',
      'checked/forms/opportunity-create.json:8:13 RL5005',
      'checked/pipelines/opportunity.json:12:13 RL1010',
    ]);
    expect(report.summary).toEqual({ files: 9, errors: 2, warnings: 1 });
    const warning = report.diagnostics[0];
    expect(warning?.message).toBe(
      'the file "forms/draft.json" is not listed in app.json and is ignored',
    );
    expect(warning?.hint).toBe('add it to files.forms in app.json, or delete it');
  });

  test('one file of an app: checked in its app, only its own diagnostics', async () => {
    const { code, stdout } = await run(['validate', 'checked/forms/opportunity-create.json'], {
      cwd: work,
    });
    expect(stdout).toBe(
      'checked/forms/opportunity-create.json:8:13: error RL5005 refers to the unknown entity "lead"\n' +
        '  fix: known entities: opportunity. Check the spelling, or add the entity under entities/ and list it in app.json\n' +
        '\n' +
        '1 file, 1 error, 0 warnings\n',
    );
    expect(code).toBe(1);
  });

  test('a clean file of a broken app is clean', async () => {
    const { code, stdout } = await run(['validate', 'checked/entities/opportunity.json'], {
      cwd: work,
    });
    expect(stdout).toBe('1 file, 0 errors, 0 warnings\n');
    expect(code).toBe(0);
  });

  test('an unlisted file alone: the RL5003 warning, exit 0', async () => {
    const { code, stdout } = await run(['validate', 'checked/forms/draft.json'], { cwd: work });
    expect(stdout).toBe(
      'checked/forms/draft.json:1:1: warning RL5003 the file "forms/draft.json" is not listed in app.json and is ignored\n' +
        '  fix: add it to files.forms in app.json, or delete it\n' +
        '\n' +
        '1 file, 0 errors, 1 warning\n',
    );
    expect(code).toBe(0);
  });

  test('with a broken app.json the named file is still checked on its own', async () => {
    const broken = passingFiles();
    (broken['app.json'] as { version: string }).version = 'one';
    (broken['forms/opportunity-create.json'] as { fields: unknown }).fields = 3;
    writeApp('bad-manifest', broken);
    const form = await run(['validate', 'bad-manifest/forms/opportunity-create.json'], {
      cwd: work,
    });
    expect(form.stdout).toMatch(
      /^bad-manifest\/forms\/opportunity-create\.json:\d+:\d+: error RL1010 /,
    );
    expect(form.code).toBe(1);
    const whole = await run(['validate', '-f', 'json', 'bad-manifest'], { cwd: work });
    expect((JSON.parse(whole.stdout) as JsonReport).diagnostics.map((d) => d.code)).toEqual([
      'RL1017',
      'RL1010',
    ]);
  });

  test('the sample app validates clean', async () => {
    const { code, stdout } = await run(['validate', 'passing'], { cwd: work });
    expect(stdout).toBe('8 files, 0 errors, 0 warnings\n');
    expect(code).toBe(0);
  });
});
