/**
 * `ruleloom simulate <app-dir> --events log.jsonl --until …`, run in-process on a small app
 * written to a temporary folder, and on the S45 example of examples/sales-crm.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtureFiles } from '../../../engine/src/simulation/__tests__/fixtureApp.js';
import { run } from './runCapture.js';

const work = mkdtempSync(join(tmpdir(), 'ruleloom-simulate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(path: string, value: unknown): string {
  const full = join(work, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
  return full;
}

for (const [path, value] of Object.entries(fixtureFiles())) write(`app/${path}`, value);

const line = (at: string, event: unknown, actor?: string): string =>
  JSON.stringify({ at, event, ...(actor ? { actor: { id: actor } } : {}) });

const journey = [
  line(
    '2026-03-02T10:00:00+08:00',
    {
      type: 'record.create',
      entity: 'receivable',
      recordId: 'R1',
      values: { title: 'HT-031 预付款', owner: 'zhangwei' },
    },
    'zhangwei',
  ),
  line('2026-03-03T10:00:00+08:00', { type: 'stage.move', recordId: 'R1', to: 'invoice-signed' }),
  line('2026-03-04T15:00:00+08:00', { type: 'stage.move', recordId: 'R1', to: 'payment-started' }),
  '',
  line('2026-03-07T11:00:00+08:00', { type: 'stage.move', recordId: 'R1', to: 'customer-paid' }),
].join('\n');

write('logs/journey.jsonl', `${journey}\n`);
write('logs/users.json', [
  { id: 'zhangwei', label: { 'zh-CN': '张伟', en: 'Zhang Wei' }, roles: ['sales'] },
  { id: 'chenjing', label: { 'zh-CN': '陈静', en: 'Chen Jing' }, roles: ['finance'] },
]);

const until = ['--until', '2026-03-15T00:00+08:00'];

describe('ruleloom simulate', () => {
  test('prints the timeline and writes the JSON beside the log; exit 0', async () => {
    const { code, stdout, stderr } = await run(
      ['simulate', 'app', '--events', 'logs/journey.jsonl', ...until],
      { cwd: work },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'app (sim-test) · 2026-03-02 Mon 10:00 → 2026-03-15 Sun 00:00 (Asia/Shanghai)',
    );
    expect(stdout).toContain('2026-03-02 Mon 10:00  event  created receivable R1 (by Zhang Wei)');
    expect(stdout).toMatch(
      /2026-03-06 Fri 15:00 {2}timer {2}"Payment node stalled for 48 h" 48h · receivable R1\n +notify wecom → Zhang Wei, Chen Jing: /,
    );
    expect(stdout).toContain(
      '4 events (0 refused), 2 timers fired, 2 effects; JSON timeline written to logs/journey.timeline.json',
    );
    const json = JSON.parse(readFileSync(join(work, 'logs/journey.timeline.json'), 'utf8'));
    expect(json).toMatchObject({ app: 'sim-test', zone: 'Asia/Shanghai', truncated: false });
    expect(json.from).toBe('2026-03-02T10:00:00+08:00');
    expect(json.timeline.map((e: { at: string; kind: string }) => `${e.kind} ${e.at}`)).toEqual([
      'event 2026-03-02T10:00:00+08:00',
      'event 2026-03-03T10:00:00+08:00',
      'event 2026-03-04T15:00:00+08:00',
      'timer 2026-03-06T15:00:00+08:00',
      'event 2026-03-07T11:00:00+08:00',
      'timer 2026-03-09T11:00:00+08:00',
    ]);
  });

  test('the timeline in Chinese, and the same JSON with any --tick', async () => {
    const plain = await run(
      ['simulate', 'app', '--events', 'logs/journey.jsonl', ...until, '--out', 'out/a.json'],
      { cwd: work },
    );
    const ticked = await run(
      [
        'simulate',
        'app',
        '--events',
        'logs/journey.jsonl',
        ...until,
        '--tick',
        '7h',
        '--out',
        'out/b.json',
        '--lang',
        'zh-CN',
      ],
      { cwd: work },
    );
    expect(ticked.code).toBe(0);
    expect(ticked.stdout).toContain(
      '2026-03-06 周五 15:00  计时器  「回款节点48小时无进展」48h · 回款 R1',
    );
    expect(ticked.stdout).toContain('4 个事件（0 个被拒绝），2 次计时器触发，2 个效果');
    expect(plain.code).toBe(0);
    const timeline = (file: string): unknown =>
      JSON.parse(readFileSync(join(work, file), 'utf8')).timeline;
    expect(timeline('out/b.json')).toEqual(timeline('out/a.json'));
  });

  test('--format json prints the JSON and writes no file unless --out says so', async () => {
    rmSync(join(work, 'logs/journey.timeline.json'), { force: true });
    const { code, stdout } = await run(
      ['simulate', 'app', '--events', 'logs/journey.jsonl', ...until, '--format', 'json'],
      { cwd: work },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).stats).toMatchObject({ events: 4, timersFired: 2 });
    expect(existsSync(join(work, 'logs/journey.timeline.json'))).toBe(false);
  });

  test('a bad line is reported at file:line:col; exit 2', async () => {
    write(
      'logs/bad.jsonl',
      [
        line('2026-03-02T10:00:00+08:00', { type: 'timers.sync' }),
        '{"at": "2026-03-02T11:00:00+08:00", "event": {"type": "timers.sync"},}',
        '{"at": "2026-03-02T12:00:00+08:00", "event": {"recordId": "R1"}}',
        '{"at": "next tuesday", "event": {"type": "timers.sync"}}',
        '[1, 2]',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await run(
      ['simulate', 'app', '--events', 'logs/bad.jsonl', ...until],
      { cwd: work },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      'logs/bad.jsonl:2:69: error RL9033 line 2 of the event log is not JSON: trailing comma: JSON allows no comma before } or ]',
      'logs/bad.jsonl:3:46: error RL9034 line 3 of the event log is not an event: "event" is missing or has no string "type"',
      'logs/bad.jsonl:4:8: error RL9035 line 4 of the event log: the time "next tuesday" is not a time',
      'logs/bad.jsonl:5:1: error RL9034 line 5 of the event log is not an event: the line must be a JSON object',
      '',
    ]);
    const zh = await run(
      ['simulate', 'app', '--events', 'logs/bad.jsonl', ...until, '--lang', 'zh-CN'],
      {
        cwd: work,
      },
    );
    expect(zh.stderr).toContain(
      'logs/bad.jsonl:4:8: error RL9035 事件日志第 4 行的时间 "next tuesday" 不是有效的时间',
    );
  });

  test('an event before --from is reported at its line', async () => {
    const { code, stderr } = await run(
      [
        'simulate',
        'app',
        '--events',
        'logs/journey.jsonl',
        ...until,
        '--from',
        '2026-03-03T00:00+08:00',
      ],
      { cwd: work },
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'logs/journey.jsonl:1:7: error RL9036 line 1 of the event log happens at',
    );
  });

  test.each([
    [['simulate'], 'RL9030'],
    [['simulate', 'app', ...until], 'RL9031'],
    [['simulate', 'app', '--events', 'logs/journey.jsonl'], 'RL9031'],
    [['simulate', 'app', '--events', 'logs/journey.jsonl', '--until', 'soon'], 'RL9032'],
    [['simulate', 'app', '--events', 'logs/journey.jsonl', ...until, '--tick', '0m'], 'RL9032'],
    [['simulate', 'logs', '--events', 'logs/journey.jsonl', ...until], 'RL9013'],
    [['simulate', 'app', '--events', 'logs/none.jsonl', ...until], 'RL9010'],
    [
      ['simulate', 'app', '--events', 'logs/journey.jsonl', ...until, '--users', 'app/app.json'],
      'RL9037',
    ],
  ])('usage errors exit 2: %j → %s', async (argv, code) => {
    const result = await run(argv, { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error ${code} `);
  });

  test('--help', async () => {
    const { code, stdout } = await run(['simulate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Usage: ruleloom simulate [options] <app-dir> --events <file.jsonl> --until <time>',
    );
  });
});

describe('ruleloom simulate on the S45 example', () => {
  const root = join(import.meta.dirname, '..', '..', '..', '..');
  const log = join(root, 'examples/sales-crm/simulations/s45-payment-journey.jsonl');
  test.runIf(existsSync(log))(
    'one node stalls for more than 48 h: one alert, then the receipt',
    async () => {
      const out = join(work, 's45.json');
      const { code, stdout } = await run(
        [
          'simulate',
          'examples/sales-crm',
          '--events',
          log,
          '--until',
          '2026-03-31T00:00+08:00',
          '--out',
          out,
        ],
        { cwd: root },
      );
      expect(code).toBe(0);
      const json = JSON.parse(readFileSync(out, 'utf8'));
      const alerts = json.timeline.filter(
        (e: { timer?: { timer: string } }) => e.timer?.timer === 's45-payment-node-48h',
      );
      expect(alerts.map((e: { at: string }) => e.at)).toEqual(['2026-03-06T11:00:00+08:00']);
      expect(stdout).toContain('2026-03-06 Fri 11:00  timer');
    },
  );
});
