import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const built = existsSync(new URL('../dist/index.js', import.meta.url));
// `npm test` builds first; a bare `vitest` run without a build skips these (never in CI).
const run = built || process.env['CI'] ? it : it.skip;

/** Runs an ES module snippet with plain Node at the repository root, as a user of the package would. */
function node(source: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('the built @ruleloom/engine package (what ships is what is tested)', () => {
  run('is importable by name from plain Node ESM at the repository root', () => {
    const out = node(`
      import { compileExpression } from '@ruleloom/engine';
      const rule = compileExpression({ if: [{ and: [{ '>=': [{ var: '回款率' }, 0.85] }, { '>=': [{ var: '新品采购额' }, 300000] }] }, 1.2, 1] });
      console.log(JSON.stringify(rule.evaluate({ 回款率: 0.9, 新品采购额: 320000 })));
    `);
    expect(out.trim()).toBe('1.2');
  });

  run('passes the official JsonLogic suite from dist, not only from the sources', () => {
    const out = node(`
      import { readFileSync } from 'node:fs';
      import { isDeepStrictEqual } from 'node:util';
      import { compileExpression } from '@ruleloom/engine';
      const cases = JSON.parse(readFileSync('packages/engine/test/fixtures/jsonlogic/tests.json', 'utf8')).filter(Array.isArray);
      const failed = cases.filter(([rule, data, expected]) => !isDeepStrictEqual(compileExpression(rule).evaluate(data), expected));
      console.log(cases.length + ' ' + failed.length);
    `);
    expect(out.trim()).toBe('277 0');
  });

  run('ships type declarations and imports no Node built-in modules (it runs in browsers)', () => {
    const out = node(`
      import { readdirSync, readFileSync, statSync } from 'node:fs';
      import { join } from 'node:path';
      const files = [];
      const walk = (dir) => { for (const name of readdirSync(dir)) { const p = join(dir, name); statSync(p).isDirectory() ? walk(p) : files.push(p); } };
      walk('packages/engine/dist');
      const js = files.filter((f) => f.endsWith('.js'));
      const nodeImports = js.filter((f) => /from ['"](node:|fs['"]|path['"]|child_process|os['"])/.test(readFileSync(f, 'utf8')));
      console.log(JSON.stringify({ declarations: files.some((f) => f.endsWith('index.d.ts')), js: js.length > 0, nodeImports }));
    `);
    expect(JSON.parse(out)).toEqual({ declarations: true, js: true, nodeImports: [] });
  });
});
