import { readdirSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type * as Engine from '@ruleloom/engine';
import { fixturesDir, run } from './runCapture.js';

// Failures the file system and the engine cannot be made to produce on demand: a file that
// lists but cannot be read, and a bug that throws. Both must end in a message and exit 2.

const failures = vi.hoisted(() => ({ readFile: undefined as string | undefined, engine: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const readFile = (async (...args: Parameters<typeof actual.readFile>) => {
    if (failures.readFile !== undefined && String(args[0]).endsWith(failures.readFile)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(args[0])}'`), {
        code: 'EACCES',
      });
    }
    return actual.readFile(...args);
  }) as typeof actual.readFile;
  return { ...actual, readFile, default: { ...actual, readFile } };
});

vi.mock('@ruleloom/engine', async (importOriginal) => {
  const actual = await importOriginal<typeof Engine>();
  return {
    ...actual,
    validateDefinition: (...args: Parameters<typeof actual.validateDefinition>) => {
      if (failures.engine) throw new TypeError('boom');
      return actual.validateDefinition(...args);
    },
  };
});

afterEach(() => {
  failures.readFile = undefined;
  failures.engine = false;
});

describe('failures', () => {
  test('a file that cannot be read: reported on stderr, the others still checked, exit 2', async () => {
    failures.readFile = 'bad-cron.json';
    const { code, stdout, stderr } = await run(['validate', 'invalid/timer']);
    expect(stderr).toContain(
      'ruleloom: error RL9010 cannot read "invalid/timer/bad-cron.json": EACCES: permission denied',
    );
    expect(stdout).not.toContain('bad-cron.json');
    expect(stdout).toContain('invalid/timer/bad-duration.json:7:12: error RL1012');
    const others = readdirSync(join(fixturesDir, 'invalid/timer')).length - 1;
    expect(stdout).toMatch(new RegExp(`\n${others} files, \\d+ errors, 0 warnings\n$`));
    expect(code).toBe(2);
  });

  test('an unexpected exception: one clear line, no stack trace, exit 2', async () => {
    failures.engine = true;
    const { code, stdout, stderr } = await run(['validate', 'valid/timer']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'ruleloom: error RL9011 ruleloom failed unexpectedly: boom\n' +
        '  fix: this is a bug in ruleloom; please report it with the command you ran and the files\n',
    );
  });
});
