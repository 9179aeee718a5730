import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesDir } from './runCapture.js';

// What ships is what is tested: the built binary, run as a user runs it. `npm test` builds
// first; a bare `vitest run` without a build skips this with the reason in its title.

const bin = join(import.meta.dirname, '..', '..', 'dist', 'bin.js');
const built = existsSync(bin);
const title = built
  ? 'the built binary (node packages/cli/dist/bin.js)'
  : 'the built binary — SKIPPED: packages/cli/dist/bin.js does not exist; run `npm run build` first';

function ruleloom(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: fixturesDir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!built)(title, () => {
  test('valid fixtures: exit 0', () => {
    const { code, stdout } = ruleloom('validate', 'valid');
    expect(stdout).toMatch(/^\d+ files, 0 errors, 0 warnings\n$/);
    expect(code).toBe(0);
  });

  test('invalid fixtures: a located diagnostic for each, exit 1', () => {
    const { code, stdout, stderr } = ruleloom('validate', 'invalid');
    expect(stderr).toBe('');
    expect(stdout).toContain('invalid/formula/text-syntax-error.json:9:56: error RL4003 ');
    expect(stdout).toContain('invalid/formula/broken-json.json:6:81: error RL1002 ');
    expect(code).toBe(1);
  });

  test('--format github and --lang zh-CN', () => {
    const { code, stdout } = ruleloom(
      'validate',
      '--format',
      'github',
      '--lang',
      'zh-CN',
      'invalid/timer/bad-cron.json',
    );
    expect(stdout).toMatch(
      /^::error file=invalid\/timer\/bad-cron\.json,line=5,col=11,title=RL1013::/,
    );
    expect(code).toBe(1);
  });

  test('--version and a usage error without a stack trace', () => {
    expect(ruleloom('--version').stdout).toMatch(/^\d+\.\d+\.\d+/);
    const { code, stderr } = ruleloom('validate', '--nope');
    expect(code).toBe(2);
    expect(stderr).toContain('ruleloom: error RL9003 unknown option "--nope"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
