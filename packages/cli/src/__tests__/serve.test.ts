import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServeCommand } from '../commands/serve.js';
import { appFilePath, formatNewFile, updateFileText } from '../commands/serveFiles.js';
import type { DesignerServer } from '../commands/serveServer.js';
import { run } from './runCapture.js';

const salesCrm = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'sales-crm');
const work = mkdtempSync(join(tmpdir(), 'ruleloom-serve-'));
const appDir = join(work, 'crm');
const distDir = join(work, 'dist');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('paths the API accepts', () => {
  test.each([
    ['forms/lead.json', true],
    ['app.json', true],
    ['../secret.json', false],
    ['forms/../../x.json', false],
    ['/etc/passwd.json', false],
    ['forms/lead.txt', false],
    ['.git/config.json', false],
    ['forms//lead.json', false],
    ['node_modules/x.json', false],
    ['forms\\lead.json', false],
  ])('%s → %s', (path, allowed) => {
    expect(appFilePath('/apps/crm', path) !== undefined).toBe(allowed);
  });
});

describe('files are written with the smallest change', () => {
  const before = readFileSync(join(salesCrm, 'forms', 'lead-create.json'), 'utf8');
  const form = JSON.parse(before) as {
    sections: { fields: unknown[] }[];
    label: Record<string, string>;
  };

  test('given an unchanged value, then the text is the same', () => {
    expect(updateFileText(before, form)).toBe(before);
  });

  test('given a field added and a label changed, then only those lines change', () => {
    const next = structuredClone(form);
    next.sections[1]!.fields.push('industry');
    next.label['zh-CN'] = '新线索';
    const after = updateFileText(before, next);
    expect(JSON.parse(after)).toEqual(next);
    const beforeLines = before.split('\n');
    const changed = after.split('\n').filter((line) => !beforeLines.includes(line));
    expect(changed.length).toBeLessThanOrEqual(3);
    expect(after.endsWith('}\n')).toBe(true);
  });

  test('given keys in a new order, then the file is rewritten in that order', () => {
    const after = updateFileText('{ "a": 1, "b": 2 }\n', { b: 2, a: 1 });
    expect(after).toBe(formatNewFile({ b: 2, a: 1 }));
  });

  test('given an element removed in the middle of a list, then the others stay', () => {
    const after = updateFileText('{\n  "l": [1, 2, 3, 4]\n}\n', { l: [1, 3, 4] });
    expect(JSON.parse(after)).toEqual({ l: [1, 3, 4] });
  });
});

function call(
  url: string,
  method: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('ruleloom serve', () => {
  let server: DesignerServer;
  let stdout = '';
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    cpSync(salesCrm, appDir, { recursive: true });
    mkdirSync(join(distDir, 'assets'), { recursive: true });
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>designer</title>');
    writeFileSync(join(distDir, 'assets', 'a.js'), 'export {};');
    server = await startServeCommand(
      { operands: [appDir], port: '0', host: undefined, locale: 'en' },
      {
        stdout: (text) => (stdout += text),
        stderr: () => undefined,
        cwd: work,
        env: { RULELOOM_DESIGNER_DIST: distDir },
      },
    );
  });

  afterAll(async () => server?.close());

  test('prints the URL of the designer, on a free port', () => {
    expect(stdout).toMatch(/^ruleloom designer: http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(server.port).toBeGreaterThan(0);
  });

  test('serves the designer, and its page for any other path', async () => {
    expect((await call(server.url, 'GET')).text).toContain('<title>designer</title>');
    expect((await call(`${server.url}assets/a.js`, 'GET')).text).toBe('export {};');
    expect((await call(`${server.url}forms/x`, 'GET')).text).toContain('designer');
    expect((await call(`${server.url}..%2F..%2Fetc%2Fpasswd`, 'GET')).text).toContain('designer');
  });

  test('GET /api/app answers the app folder', async () => {
    const { status, text } = await call(`${server.url}api/app`, 'GET');
    const app = JSON.parse(text) as { name: string; files: Record<string, unknown> };
    expect(status).toBe(200);
    expect(app.name).toBe('crm');
    expect(app.files['forms/lead-create.json']).toMatchObject({ id: 'lead-create' });
  });

  test('PUT writes a file, formatted, and DELETE removes it', async () => {
    const put = await call(`${server.url}api/files/forms/new.json`, 'PUT', '{"id":"new"}', json);
    expect(put.status).toBe(200);
    expect(readFileSync(join(appDir, 'forms', 'new.json'), 'utf8')).toBe('{\n  "id": "new"\n}\n');
    const removed = await call(`${server.url}api/files/forms/new.json`, 'DELETE');
    expect(removed.status).toBe(200);
    expect(() => readFileSync(join(appDir, 'forms', 'new.json'))).toThrow();
  });

  test('refuses paths outside the app folder, other files, bodies that are not JSON', async () => {
    const escape = await call(`${server.url}api/files/..%2Fescape.json`, 'PUT', '{}', json);
    expect(escape.status).toBe(400);
    expect((await call(`${server.url}api/files/a.txt`, 'PUT', '{}', json)).status).toBe(400);
    expect((await call(`${server.url}api/files/a.json`, 'PUT', '{', json)).status).toBe(400);
    expect((await call(`${server.url}api/files/a.json`, 'PUT', '{}')).status).toBe(415);
    const rebound = await call(`${server.url}api/app`, 'GET', undefined, { host: 'evil.example' });
    expect(rebound.status).toBe(403);
  });
});

describe('ruleloom serve usage errors', () => {
  test.each([
    [['serve'], 'RL9018'],
    [['serve', 'a', 'b'], 'RL9018'],
    [['serve', 'valid'], 'RL9013'],
    [['serve', salesCrm, '--port', 'x'], 'RL9016'],
    [['serve', salesCrm, '--port', '70000'], 'RL9016'],
  ])('%j → %s, exit 2', async (argv, code) => {
    const { code: exit, stderr } = await run(argv);
    expect(exit).toBe(2);
    expect(stderr).toContain(code);
  });

  test('the designer not built: RL9015 names the folder to build', async () => {
    const { code, stderr } = await run(['serve', salesCrm, '--lang', 'zh-CN'], {
      env: { RULELOOM_DESIGNER_DIST: join(work, 'missing') },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('RL9015 设计器尚未构建');
    expect(stderr).toContain('npm run build');
  });

  test('help serve prints the options', async () => {
    const { code, stdout } = await run(['serve', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--port <port>');
  });
});
