/** The test runner's clock: `wait` fires timers on the way, steps fire what is due first, `timer` expectations. */
import { describe, expect, it } from 'vitest';
import { failuresOf, run, smallApp } from './__tests__/helpers.js';

const S = 'https://ruleloom.dev/schemas/v1';
const users = [
  { id: 'lina', roles: ['sales-rep'], manager: 'wanglei' },
  { id: 'wanglei', roles: ['sales-director'] },
];

/** The small app with a 48 h timer on opportunities (cancelled by leaving 线索) and a weekly one. */
const timed = smallApp((files) => {
  const manifest = files['app.json'] as { files: Record<string, string[]> };
  manifest.files['timers'] = ['timers/idle-48h.json', 'timers/weekly.json'];
  files['timers/idle-48h.json'] = {
    $schema: `${S}/timer.schema.json`,
    id: 'idle-48h',
    kind: 'relative',
    entity: 'opportunity',
    after: '48h',
    start: [{ type: 'record.created' }],
    cancelOn: [{ type: 'stage.left', stages: ['lead'] }],
    actions: [
      { type: 'mark', color: 'red' },
      {
        type: 'notify',
        channel: 'wecom',
        recipients: [{ field: 'owner' }],
        template: '{{title}} 48h',
      },
    ],
    escalation: [
      {
        after: '3 workdays',
        actions: [
          {
            type: 'notify',
            channel: 'wecom',
            recipients: [{ managerOf: 'owner' }],
            template: '{{title}} 3 workdays',
          },
        ],
      },
    ],
  };
  files['timers/weekly.json'] = {
    $schema: `${S}/timer.schema.json`,
    id: 'weekly',
    kind: 'recurring',
    entity: 'opportunity',
    cron: '0 16 * * FRI',
    actions: [
      { type: 'notify', channel: 'wecom', recipients: [{ field: 'owner' }], template: 'w' },
    ],
  };
});

const create = (at: string) =>
  ({
    type: 'create',
    entity: 'opportunity',
    record: 'O1',
    values: { title: '一期', owner: 'lina' },
    at,
    by: 'lina',
  }) as const;

describe('wait fires the timers due on the way', () => {
  it('47:59 nothing; 48:00 the timer fires at its due time, then waits for its escalation', () => {
    const before = run(
      {
        given: { now: '2026-03-02T10:00:00+08:00', users },
        steps: [
          create('2026-03-02T10:00:00+08:00'),
          { type: 'wait', for: '47h' },
          { type: 'wait', for: '59m' },
        ],
        expect: [
          {
            type: 'timer',
            timer: 'idle-48h',
            record: 'O1',
            pending: true,
            step: 0,
            dueAt: '2026-03-04T10:00:00+08:00',
            fired: 0,
          },
          { type: 'mark', record: 'O1', color: null },
          { type: 'effect', effect: 'notify', match: { source: { timer: 'idle-48h' } }, count: 0 },
        ],
      },
      timed,
    );
    expect(failuresOf(before)).toEqual([]);
    const at = run(
      {
        given: { now: '2026-03-02T10:00:00+08:00', users },
        steps: [create('2026-03-02T10:00:00+08:00'), { type: 'wait', for: '48h' }],
        expect: [
          // Escalation counts 3 workdays from the start: Mon 10:00 → Thu 10:00.
          {
            type: 'timer',
            timer: 'idle-48h',
            record: 'O1',
            fired: 1,
            firedAt: ['2026-03-04T10:00:00+08:00'],
            step: 1,
            dueAt: '2026-03-05T10:00:00+08:00',
          },
          { type: 'mark', record: 'O1', color: 'red' },
          {
            type: 'effect',
            effect: 'notify',
            match: { recipients: ['lina'], source: { timer: 'idle-48h' } },
            count: 1,
          },
        ],
      },
      timed,
    );
    expect(failuresOf(at)).toEqual([]);
  });

  it('one long wait fires every step once, each at its own time, in order', () => {
    const result = run(
      {
        given: { now: '2026-03-02T10:00:00+08:00', users },
        steps: [
          create('2026-03-02T10:00:00+08:00'),
          { type: 'wait', until: '2026-03-20T00:00:00+08:00' },
        ],
        expect: [
          {
            type: 'timer',
            timer: 'idle-48h',
            record: 'O1',
            pending: false,
            fired: 2,
            firedAt: ['2026-03-04T10:00:00+08:00', '2026-03-05T10:00:00+08:00'],
          },
          {
            type: 'effect',
            effect: 'notify',
            match: { recipients: ['wanglei'], source: { timer: 'idle-48h', step: 1 } },
            count: 1,
          },
          {
            type: 'timer',
            timer: 'weekly',
            fired: 2,
            firedAt: ['2026-03-06T16:00:00+08:00', '2026-03-13T16:00:00+08:00'],
            dueAt: '2026-03-20T16:00:00+08:00',
          },
          {
            type: 'expression',
            expression: { now: [] },
            value: Date.parse('2026-03-20T00:00:00+08:00'),
          },
        ],
      },
      timed,
    );
    expect(failuresOf(result)).toEqual([]);
  });

  it('a step fires the timers due at or before its time first; a cancel in time wins', () => {
    const late = run(
      {
        given: { now: '2026-03-02T10:00:00+08:00', users },
        steps: [
          create('2026-03-02T10:00:00+08:00'),
          {
            type: 'move',
            record: 'O1',
            to: 'proposal',
            at: '2026-03-04T10:00:00+08:00',
            by: 'lina',
          },
        ],
        expect: [{ type: 'timer', timer: 'idle-48h', record: 'O1', fired: 1, pending: false }],
      },
      timed,
    );
    expect(failuresOf(late)).toEqual([]);
    const inTime = run(
      {
        given: { now: '2026-03-02T10:00:00+08:00', users },
        steps: [
          create('2026-03-02T10:00:00+08:00'),
          {
            type: 'move',
            record: 'O1',
            to: 'proposal',
            at: '2026-03-04T09:59:00+08:00',
            by: 'lina',
          },
          { type: 'wait', for: '30d' },
        ],
        expect: [{ type: 'timer', timer: 'idle-48h', record: 'O1', fired: 0, pending: false }],
      },
      timed,
    );
    expect(failuresOf(inTime)).toEqual([]);
  });

  it('recurring timers are pending from the start (timers.sync)', () => {
    const result = run(
      {
        given: { now: '2026-03-02T10:00:00+08:00' },
        expect: [
          {
            type: 'timer',
            timer: 'weekly',
            pending: true,
            dueAt: '2026-03-06T16:00:00+08:00',
            fired: 0,
          },
        ],
      },
      timed,
    );
    expect(failuresOf(result)).toEqual([]);
  });
});

describe('timer expectations fail with what is wrong, in zh-CN and en', () => {
  it('pending, dueAt, step, fired and firedAt', () => {
    const result = run(
      {
        given: { now: '2026-03-02T10:00:00+08:00', users },
        steps: [create('2026-03-02T10:00:00+08:00'), { type: 'wait', for: '48h' }],
        expect: [
          { type: 'timer', timer: 'idle-48h', record: 'O1', pending: false },
          {
            type: 'timer',
            timer: 'idle-48h',
            record: 'O1',
            dueAt: '2026-03-05T11:00:00+08:00',
            step: 0,
          },
          {
            type: 'timer',
            timer: 'idle-48h',
            record: 'O1',
            fired: 2,
            firedAt: ['2026-03-04T09:00:00+08:00'],
          },
          { type: 'timer', timer: 'idle-48h', record: 'O2', pending: true },
          { type: 'timer', timer: 'nope' },
          { type: 'timer', timer: 'idle-48h', fired: 1 },
        ],
      },
      timed,
    );
    expect(failuresOf(result)).toEqual([
      '/expect/0: timer idle-48h of O1: should not be pending but is (due 2026-03-05T02:00:00.000Z)',
      '/expect/1: timer idle-48h of O1: should be due at 2026-03-05T11:00:00+08:00 but is due at 2026-03-05T02:00:00.000Z; should wait for step 0 but waits for step 1',
      '/expect/2: timer idle-48h of O1: should have fired 2 time(s) but fired 1; should have fired at ["2026-03-04T09:00:00+08:00"] but fired at [2026-03-04T02:00:00.000Z]',
      '/expect/3: timer idle-48h of O2: should be pending but is not (never started, cancelled or ended)',
      '/expect/4: the app has no timer or scheduled automation nope',
      '/expect/5: timer idle-48h runs per record: name the record',
    ]);
    for (const failure of result.failures) {
      expect(failure.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('schedule steps and automation schedules', () => {
  const scheduled = smallApp((files) => {
    const manifest = files['app.json'] as { files: { automations: string[] } };
    manifest.files.automations.push('automations/morning.json');
    files['automations/morning.json'] = {
      $schema: `${S}/automation.schema.json`,
      id: 'morning',
      entity: 'opportunity',
      trigger: { type: 'schedule', cron: '0 9 * * *' },
      actions: [
        {
          type: 'digest',
          groupBy: 'owner',
          channel: 'in-app',
          template: '{{count}}',
          itemTemplate: '{{title}}',
        },
      ],
    };
  });
  const given = {
    now: '2026-03-02T10:00:00+08:00',
    users,
    records: [{ entity: 'opportunity', id: 'O1', values: { title: '一期', owner: 'lina' } }],
  };

  it('a schedule step at its cron time is that run: it does not run twice', () => {
    const result = run(
      {
        given,
        steps: [{ type: 'schedule', automation: 'morning', at: '2026-03-03T09:00:00+08:00' }],
        expect: [
          { type: 'effect', effect: 'notify', count: 1 },
          { type: 'timer', timer: 'morning', fired: 1, dueAt: '2026-03-04T09:00:00+08:00' },
        ],
      },
      scheduled,
    );
    expect(failuresOf(result)).toEqual([]);
  });

  it('waiting over the cron time runs it; a schedule step off its cron runs it once more', () => {
    const result = run(
      {
        given,
        steps: [
          { type: 'wait', until: '2026-03-03T09:30:00+08:00' },
          { type: 'schedule', automation: 'morning' },
        ],
        expect: [
          { type: 'effect', effect: 'notify', count: 2 },
          { type: 'timer', timer: 'morning', fired: 1, firedAt: ['2026-03-03T09:00:00+08:00'] },
        ],
      },
      scheduled,
    );
    expect(failuresOf(result)).toEqual([]);
  });
});
