import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDefinition } from '@ruleloom/schemas';
import { describe, expect, it } from 'vitest';
import { addDuration, compileApp, runTests, testsOf } from '../src/index.js';

// docs/guides/timers.md shows files of the example apps: every block marked
// `<!-- example: path -->` must be that file, the app must compile, and the tests the guide
// shows must pass — so the guide cannot drift from what the engine runs.

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const guide = readFileSync(join(repo, 'docs/guides/timers.md'), 'utf8');
const examples = [...guide.matchAll(/<!-- example: (\S+) -->\n\n```json\n([\s\S]*?)\n```/g)].map(
  ([, path = '', json = '']) => ({ path, json }),
);

function appFiles(dir: string): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.json')) {
        files[relative(dir, path)] = JSON.parse(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(dir);
  return files;
}

const crmDir = join(repo, 'examples/sales-crm');
const files = appFiles(crmDir);
const compiled = compileApp({ files });

describe('docs/guides/timers.md', () => {
  it('shows examples, each from an app file', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const { path } of examples) expect(path).toMatch(/^examples\/sales-crm\//);
  });

  it.each(examples.map((e) => [e.path, e] as const))('%s is the file as it is', (path, e) => {
    const file = JSON.parse(readFileSync(join(repo, path), 'utf8')) as unknown;
    expect(JSON.parse(e.json)).toEqual(file);
  });

  it('the app the examples come from compiles without diagnostics', () => {
    expect(compiled.ok).toBe(true);
    expect(compiled.diagnostics).toEqual([]);
  });

  it('every timer and test shown is listed in app.json, and the tests pass', () => {
    if (!compiled.ok) throw new Error('the app does not compile');
    const app = compiled.app;
    const shown = examples.map((e) => relative('examples/sales-crm', e.path));
    for (const path of shown.filter((p) => p.startsWith('timers/'))) {
      expect(app.manifest.files.timers).toContain(path);
    }
    const tests = shown.filter((p) => p.startsWith('tests/'));
    expect(tests.length).toBeGreaterThan(0);
    // The other side of the boundary, named in the guide, too.
    const boundary = [...tests, 'tests/s3-b-lead-47h59-not-red.json'];
    expect(guide).toContain('s3-b-lead-47h59-not-red');
    const report = runTests(
      app,
      testsOf({ files }, boundary) as { file: string; definition: TestDefinition }[],
    );
    expect(report.results.map((r) => [r.id, r.failures])).toEqual(
      report.results.map((r) => [r.id, []]),
    );
    expect(report.results).toHaveLength(boundary.length);
  });

  it('the Spring Festival table: Fri 13 Feb 2026 10:00 + 3 workdays is Wed 25 Feb 10:00', () => {
    if (!compiled.ok || !compiled.app.calendar) throw new Error('no calendar');
    const calendar = compiled.app.calendar;
    const start = Date.parse('2026-02-13T10:00:00+08:00');
    expect(addDuration(start, '3 workdays', calendar)).toBe(
      Date.parse('2026-02-25T10:00:00+08:00'),
    );
    expect(addDuration(start, '1 workdays', calendar)).toBe(
      Date.parse('2026-02-14T10:00:00+08:00'),
    );
    expect(addDuration(start, '2 workdays', calendar)).toBe(
      Date.parse('2026-02-24T10:00:00+08:00'),
    );
    const restart = Date.parse('2026-02-14T10:00:00+08:00');
    expect(addDuration(restart, '3 workdays', calendar)).toBe(
      Date.parse('2026-02-26T10:00:00+08:00'),
    );
    const lateFeb = Date.parse('2026-02-27T10:00:00+08:00');
    expect(addDuration(lateFeb, '3 workdays', calendar)).toBe(
      Date.parse('2026-03-03T10:00:00+08:00'),
    );
    for (const day of ['2026-02-15', '2026-02-23']) {
      expect(calendar.describeDay(day)?.kind).toBe('public-holiday');
    }
    expect(calendar.describeDay('2026-02-14')?.kind).toBe('make-up-workday');
    expect(calendar.describeDay('2026-02-28')?.kind).toBe('make-up-workday');
  });
});
