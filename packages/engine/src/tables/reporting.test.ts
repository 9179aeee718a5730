import { describe, expect, it } from 'vitest';
import { tablesCatalogue } from '../diagnostics/catalogue/tables.js';
import { RuleloomError } from '../diagnostics/errors.js';
import {
  EvaluationFailure,
  tablesDiagnostic,
  tablesError,
  toEvaluationError,
} from './reporting.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

// The same invariants the main catalogue test checks, until the catalogue index lists these.
describe('the tables and formulas catalogue (RL54xx)', () => {
  it.each(Object.entries(tablesCatalogue))(
    '%s has a title, and a message and a hint in zh-CN and en',
    (code, entry) => {
      expect(code).toMatch(/^RL54\d\d$/);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect(entry.title.length).toBeGreaterThan(0);
      expect(placeholders(entry.message['zh-CN'])).toEqual(placeholders(entry.message.en));
      expect(entry.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.hint['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.hint.en.trim().length).toBeGreaterThan(0);
    },
  );
});

describe('reporting', () => {
  it('builds diagnostics the way createDiagnostic does, with the character of a cell', () => {
    expect(
      tablesDiagnostic(
        'RL5403',
        '/rows/0/when/budget',
        { row: 'r', column: 'budget', known: 'amount' },
        { file: 'tables/t.json', column: 3 },
      ),
    ).toEqual({
      severity: 'error',
      code: 'RL5403',
      message: {
        'zh-CN': '规则"r"的条件用到了 "budget"，它不是决策表的输入列',
        en: 'row "r" tests "budget", which is not an input column of the table',
      },
      hint: {
        'zh-CN': '改成已有的输入列 ID（amount），或先添加该输入列',
        en: 'use the id of an input column (amount), or add the column first',
      },
      pointer: '/rows/0/when/budget',
      params: { row: 'r', column: 'budget', known: 'amount' },
      file: 'tables/t.json',
      column: 3,
    });
  });

  it('carries an error value through expression code as a RuleloomError and back', () => {
    const error = tablesError('RL5451', { limit: 32 }, { file: 'formulas/a.json' });
    const failure = new EvaluationFailure(error, 'formula');
    expect(failure).toBeInstanceOf(RuleloomError);
    expect(toEvaluationError(failure, { 'zh-CN': 'x', en: 'x' }, 'other.json')).toBe(error);
  });

  it('keeps the code and pointer of other ruleloom errors and wraps anything else as RL5453', () => {
    const owner = { 'zh-CN': '公式"a"', en: 'the formula "a"' };
    expect(
      toEvaluationError(
        new RuleloomError('RL3001', { limit: 5 }, '/expression/map'),
        owner,
        'formulas/a.json',
      ),
    ).toMatchObject({
      code: 'RL3001',
      pointer: '/expression/map',
      file: 'formulas/a.json',
    });
    expect(toEvaluationError(new TypeError('boom'), owner, undefined)).toMatchObject({
      code: 'RL5453',
      message: { en: 'the formula "a" could not be evaluated: boom' },
    });
  });
});
