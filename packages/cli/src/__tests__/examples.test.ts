import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { run } from './runCapture.js';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const apps = readdirSync(join(repository, 'examples'), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && existsSync(join(repository, 'examples', entry.name, 'app.json')),
  )
  .map((entry) => `examples/${entry.name}`);

describe('the example apps', () => {
  test('there is at least the sales-crm example', () => {
    expect(apps).toContain('examples/sales-crm');
  });

  test.each(apps)('%s validates with no errors and no warnings', async (app) => {
    const { code, stdout } = await run(['validate', app], { cwd: repository });
    expect(stdout).toMatch(/, 0 errors, 0 warnings\n$/);
    expect(code).toBe(0);
  });

  test.each(apps)('%s passes every scenario test (ruleloom test)', async (app) => {
    const { code, stdout } = await run(['test', app], { cwd: repository });
    expect(stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(stdout).not.toContain('✗');
    expect(code).toBe(0);
  });
});
