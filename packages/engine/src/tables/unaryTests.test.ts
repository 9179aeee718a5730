import { describe, expect, it } from 'vitest';
import { codes, compile, mustCompile, tableOf } from './__tests__/helpers.js';
import { parseNumberText, scanNumber } from './numbers.js';
import { parseUnaryTest } from './unaryTests.js';

const NUMBER = { 'zh-CN': '数字', en: 'a number' };
const parse = (text: string) => parseUnaryTest(text, scanNumber, NUMBER);

/** Which of the amounts a cell of a money column accepts. */
function accepted(cell: unknown, amounts: readonly number[]): number[] {
  const table = mustCompile(
    tableOf({
      hitPolicy: 'collect',
      rows: [{ id: 'r', when: { amount: cell as never }, then: { rate: 0.01 } }],
    }),
  );
  return amounts.filter((amount) => {
    const result = table.evaluate({ amount });
    return result.ok && result.matched.length === 1;
  });
}

describe('numbers as admins write them', () => {
  it.each([
    ['300000', 300000],
    ['300,000', 300000],
    ['1,234,567.5', 1234567.5],
    ['30万', 300000],
    ['1.1万', 11000],
    ['30 万', 300000],
    ['30万元', 300000],
    ['1.5千', 1500],
    ['300k', 300000],
    ['300K', 300000],
    ['30w', 300000],
    ['2亿', 200000000],
    ['85%', 0.85],
    ['12.5%', 0.125],
    ['3‰', 0.003],
    ['-5', -5],
    ['−5万', -50000],
    ['.5', 0.5],
  ])('%s is %d (exactly)', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each(['', 'abc', '300kg', '3e5', '1,0000', '5万5', '85%%'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});

describe('parseUnaryTest', () => {
  it('reads "-" (and its full-width forms) as any value', () => {
    for (const text of ['-', ' - ', '－', '—'])
      expect(parse(text)).toEqual({ ok: true, test: { kind: 'any' } });
  });

  it('reads a range with 万, start included and end excluded', () => {
    const parsed = parse('[5万..20万)');
    expect(parsed).toMatchObject({
      ok: true,
      test: {
        kind: 'tests',
        negated: false,
        items: [
          {
            kind: 'range',
            loClosed: true,
            hiClosed: false,
            lo: { value: 50000, text: '5万', position: 2 },
            hi: { value: 200000, position: 6 },
          },
        ],
      },
    });
  });

  it.each([
    ['[1..2]', true, true],
    ['[1..2)', true, false],
    ['(1..2]', false, true],
    ['(1..2)', false, false],
    [']1..2[', false, false],
    ['[1..2[', true, false],
    ['（1..2］', false, true],
    ['【1 .. 2】', true, true],
  ])('%s has ends closed: %s, %s', (text, loClosed, hiClosed) => {
    expect(parse(text)).toMatchObject({
      ok: true,
      test: { items: [{ kind: 'range', loClosed, hiClosed }] },
    });
  });

  it.each([
    ['>= 300000', '>=', 300000],
    ['≥30万', '>=', 300000],
    ['＞＝ 30万', '>=', 300000],
    ['<85%', '<', 0.85],
    ['≤ 1k', '<=', 1000],
    ['> -5', '>', -5],
    ['= 5', '=', 5],
    ['== 5', '=', 5],
    ['5', '=', 5],
    ['!= 0', '!=', 0],
    ['<> 0', '!=', 0],
    ['≠ 0', '!=', 0],
  ])('%s compares with %s %d', (text, op, value) => {
    expect(parse(text)).toMatchObject({
      ok: true,
      test: { items: [{ kind: 'compare', op, value: { value } }] },
    });
  });

  it('reads lists separated by commas (ASCII, full width, 、) and negation', () => {
    expect(parse('1, 2，3、<0')).toMatchObject({
      ok: true,
      test: { negated: false, items: [{ op: '=' }, { op: '=' }, { op: '=' }, { op: '<' }] },
    });
    expect(parse('not([5万..20万), > 100万)')).toMatchObject({
      ok: true,
      test: { negated: true, items: [{ kind: 'range' }, { kind: 'compare', op: '>' }] },
    });
    expect(parse('NOT(0)')).toMatchObject({ ok: true, test: { negated: true } });
  });

  it.each([
    ['', 1, 'the test is empty'],
    ['[5万..20万', 9, 'close the range'],
    ['[5万,20万)', 4, 'write ".."'],
    ['[20万..5万)', 1, 'starts after it ends'],
    ['(5..5)', 1, 'holds no value'],
    ['>= abc', 4, '"abc" is not a number'],
    ['>=', 3, 'a number is expected'],
    ['1, 2,', 6, 'missing after the comma'],
    ['1 2', 3, 'separate tests with commas'],
    ['not(1, 2', 9, 'missing ")"'],
  ])('%j cannot be read: at %d, %s', (text, position, detail) => {
    const parsed = parse(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.position).toBe(position);
    expect(parsed.detail.en).toContain(detail);
  });

  it('counts positions in characters, not UTF-16 units', () => {
    // 𝟘 is one character (two UTF-16 units) and not an ASCII digit.
    expect(parse('[5万..𝟘)')).toMatchObject({ ok: false, position: 6 });
    expect(parse('𝟘, [5万..20万')).toMatchObject({ ok: false, position: 1 });
  });

  it('refuses very long text rather than scanning it', () => {
    expect(parse('1,'.repeat(2000)).ok).toBe(false);
  });
});

describe('cells of a number column', () => {
  const amounts = [-1, 0, 49999, 50000, 100000, 199999, 200000, 300000, 1000000];

  it.each<[unknown, number[]]>([
    ['[5万..20万)', [50000, 100000, 199999]],
    ['(5万..20万]', [100000, 199999, 200000]],
    ['>= 300000', [300000, 1000000]],
    ['>= 300,000', [300000, 1000000]],
    ['< 5万, >= 100万', [-1, 0, 49999, 1000000]],
    ['not([5万..20万))', [-1, 0, 49999, 200000, 300000, 1000000]],
    ['-', amounts],
    [100000, [100000]],
    ['20万', [200000]],
    [
      [0, '30万', '>= 100万'],
      [0, 300000, 1000000],
    ],
    [{ '>=': 50000, '<': '20万' }, [50000, 100000, 199999]],
    [{ between: ['5万', 200000] }, [50000, 100000, 199999]],
    [{ in: [0, 200000] }, [0, 200000]],
    [{ notIn: [0, 200000] }, [-1, 49999, 50000, 100000, 199999, 300000, 1000000]],
    [{ '!=': 0 }, [-1, 49999, 50000, 100000, 199999, 200000, 300000, 1000000]],
    [{ expression: { '>': [{ var: 'amount' }, 250000] } }, [300000, 1000000]],
    [{ '>': 0, expression: { '<': [{ var: 'amount' }, 60000] } }, [49999, 50000]],
  ])('%j accepts %j', (cell, expected) => {
    expect(accepted(cell, amounts)).toEqual(expected);
  });

  it('reads input values written with units too', () => {
    const table = mustCompile(
      tableOf({ rows: [{ id: 'r', when: { amount: '>= 30万' }, then: { rate: 0.1 } }] }),
    );
    expect(table.evaluate({ amount: '35万' }).outputs).toEqual({ rate: 0.1 });
    expect(table.evaluate({ amount: '350,000' }).outputs).toEqual({ rate: 0.1 });
  });

  it('a blank value matches only "-" and expressions', () => {
    const table = mustCompile(
      tableOf({
        hitPolicy: 'rule-order',
        rows: [
          { id: 'range', when: { amount: '>= 0' }, then: { rate: 0.1 } },
          { id: 'negated', when: { amount: { '!=': 5 } }, then: { rate: 0.2 } },
          { id: 'any', when: { amount: '-' }, then: { rate: 0.3 } },
          {
            id: 'blank',
            when: { amount: { expression: { '==': [{ var: 'amount' }, null] } } },
            then: { rate: 0.4 },
          },
        ],
      }),
    );
    for (const amount of [null, undefined, '']) {
      expect(table.evaluate({ amount }).matched.map((m) => m.rowId)).toEqual(['any', 'blank']);
    }
  });
});

describe('cells of other columns', () => {
  const store = (cell: unknown, type = 'enum') =>
    mustCompile(
      tableOf({
        hitPolicy: 'collect',
        inputs: [{ id: 'x', type: type as never }],
        rows: [{ id: 'r', when: { x: cell as never }, then: { rate: 1 } }],
      }),
    );
  const hits = (cell: unknown, values: readonly unknown[], type = 'enum') => {
    const table = store(cell, type);
    return values.filter((x) => table.evaluate({ x }).matched.length === 1);
  };

  it('text and options: equality, lists, in / notIn, != and "-"', () => {
    const values = ['ka', 'community', 'online'];
    expect(hits('ka', values)).toEqual(['ka']);
    expect(hits(['ka', 'community'], values)).toEqual(['ka', 'community']);
    expect(hits({ in: ['online'] }, values)).toEqual(['online']);
    expect(hits({ notIn: ['online'] }, values)).toEqual(['ka', 'community']);
    expect(hits({ '!=': 'ka' }, values)).toEqual(['community', 'online']);
    expect(hits('-', values)).toEqual(values);
    // In a text column a string is a value, not a test: "<5" is the text "<5".
    expect(hits('<5', ['<5', '4'], 'text')).toEqual(['<5']);
  });

  it('yes/no', () => {
    expect(hits(true, [true, false], 'boolean')).toEqual([true]);
    expect(hits({ '!=': true }, [true, false], 'boolean')).toEqual([false]);
  });

  it('lists (tags, multi-enum): a value is held, a list: any held', () => {
    const values = [['vip', 'south'], ['north'], []];
    expect(hits('vip', values, 'tags')).toEqual([['vip', 'south']]);
    expect(hits(['north', 'south'], values, 'tags')).toEqual([['vip', 'south'], ['north']]);
    expect(hits({ notIn: ['vip'] }, values, 'multi-enum')).toEqual([['north'], []]);
  });

  it('dates: ranges and comparisons of ISO days, a date-time belongs to its day in the zone', () => {
    const values = [
      '2026-03-31',
      '2026-03-31T23:30:00+08:00',
      '2026-04-01',
      '2026-03-31T16:30:00Z',
    ];
    expect(hits('[2026-01-01..2026-03-31]', values, 'date')).toEqual([
      '2026-03-31',
      '2026-03-31T23:30:00+08:00',
    ]);
    expect(hits('>= 2026-04-01', values, 'date')).toEqual(['2026-04-01', '2026-03-31T16:30:00Z']);
    expect(hits('< 2026-03-31T18:00', values, 'datetime')).toEqual(['2026-03-31']);
  });
});

describe('cells that cannot be read or do not fit their column', () => {
  it('reports an unreadable cell at the cell, with the character', () => {
    const { table, diagnostics } = compile(
      tableOf({ rows: [{ id: 'r', when: { amount: '[5万..20万' }, then: { rate: 0.1 } }] }),
    );
    expect(table).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'RL5401',
      pointer: '/rows/0/when/amount',
      column: 9,
      file: 'tables/test-table.json',
      severity: 'error',
    });
    expect(diagnostics[0]?.message['zh-CN']).toContain('列"金额"的条件 "[5万..20万" 无法识别');
    expect(diagnostics[0]?.message.en).toContain('(at character 9)');
  });

  it.each<[string, unknown, string]>([
    ['money', true, '/rows/0/when/x'],
    ['money', { '>=': 'lots' }, '/rows/0/when/x/>='],
    ['money', { between: [1, 'two'] }, '/rows/0/when/x/between/1'],
    ['money', { in: [1, false] }, '/rows/0/when/x/in/1'],
    ['enum', 5, '/rows/0/when/x'],
    ['enum', { '>': 'a' }, '/rows/0/when/x/>'],
    ['enum', { between: ['a', 'b'] }, '/rows/0/when/x/between'],
    ['boolean', 'yes', '/rows/0/when/x'],
    ['date', 20260101, '/rows/0/when/x'],
    ['date', { '<': '31/03/2026' }, '/rows/0/when/x/<'],
    ['geo', 'here', '/rows/0/when/x'],
    ['tags', 5, '/rows/0/when/x'],
  ])('a %s column refuses %j (RL5402 at %s)', (type, cell, pointer) => {
    const { table, diagnostics } = compile(
      tableOf({
        inputs: [{ id: 'x', type: type as never }],
        rows: [{ id: 'r', when: { x: cell as never }, then: { rate: 0.1 } }],
      }),
    );
    expect(table).toBeUndefined();
    expect(codes(diagnostics)).toEqual([`RL5402 ${pointer}`]);
  });

  it('warns when a percent column holds a whole number meant as a percentage', () => {
    const { table, diagnostics } = compile(
      tableOf({
        inputs: [{ id: 'paymentRate', label: '回款率', type: 'percent' }],
        rows: [{ id: 'r', when: { paymentRate: '>= 85' }, then: { rate: 0.1 } }],
      }),
    );
    expect(table).toBeDefined();
    expect(codes(diagnostics)).toContain('RL5414 /rows/0/when/paymentRate');
    expect(diagnostics.find((d) => d.code === 'RL5414')?.message.en).toBe(
      '85 in the percent column "回款率" means 8500%',
    );
    expect(
      codes(
        compile(
          tableOf({
            inputs: [{ id: 'paymentRate', type: 'percent' }],
            rows: [{ id: 'r', when: { paymentRate: '>= 85%' }, then: { rate: 0.1 } }],
          }),
        ).diagnostics,
      ),
    ).not.toContain('RL5414 /rows/0/when/paymentRate');
  });
});
