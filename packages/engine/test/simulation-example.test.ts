import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const built = existsSync(new URL('../dist/index.js', import.meta.url));
const run = built || process.env['CI'] ? it : it.skip;

describe('docs/examples/simulate-lead-timer.mjs (the simulation guide’s runnable example)', () => {
  run('runs with plain Node and prints what docs/guides/simulation.md shows', () => {
    const out = execFileSync(process.execPath, ['docs/examples/simulate-lead-timer.mjs'], {
      cwd: root,
      encoding: 'utf8',
    });
    const guide = readFileSync(
      new URL('../../../docs/guides/simulation.md', import.meta.url),
      'utf8',
    );
    const shown = /It prints \(a test checks this output\):\n\n```\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(shown).toBeDefined();
    expect(out).toBe(shown);
  });
});
