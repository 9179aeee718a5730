import { createDiagnostic, type Diagnostic } from '@ruleloom/engine';
import { describe, expect, test } from 'vitest';
import { formatReport, summaryLine } from './index.js';
import type { ValidationReport } from './types.js';

const error = createDiagnostic('RL1006', '/fields/0', { property: 'type', about: '' });
const warning = createDiagnostic('RL1005', '/$schema', { kind: 'form', expected: 'entity' });
const info: Diagnostic = { ...warning, severity: 'info' };

function report(...diagnostics: Diagnostic[]): ValidationReport {
  return {
    files: 2,
    diagnostics: diagnostics.map((diagnostic, i) => ({
      file: 'apps/a.json',
      line: i + 3,
      column: 5,
      diagnostic,
    })),
  };
}

describe('summaryLine', () => {
  test('English counts in singular and plural', () => {
    expect(summaryLine({ files: 1, errors: 1, warnings: 1 }, 'en')).toBe(
      '1 file, 1 error, 1 warning',
    );
    expect(summaryLine({ files: 0, errors: 2, warnings: 0 }, 'en')).toBe(
      '0 files, 2 errors, 0 warnings',
    );
  });

  test('Chinese', () => {
    expect(summaryLine({ files: 3, errors: 1, warnings: 0 }, 'zh-CN')).toBe(
      '3 个文件，1 个错误，0 个警告',
    );
  });
});

describe('text', () => {
  test('one line per diagnostic with its fix, a blank line, the summary; info counts as neither', () => {
    expect(formatReport(report(error, warning, info), 'text', 'en')).toBe(
      [
        `apps/a.json:3:5: error RL1006 ${error.message.en}`,
        `  fix: ${error.hint.en}`,
        `apps/a.json:4:5: warning RL1005 ${warning.message.en}`,
        `  fix: ${warning.hint.en}`,
        `apps/a.json:5:5: info RL1005 ${warning.message.en}`,
        `  fix: ${warning.hint.en}`,
        '',
        '2 files, 1 error, 1 warning',
        '',
      ].join('\n'),
    );
  });

  test('nothing found: the summary alone', () => {
    expect(formatReport(report(), 'text', 'zh-CN')).toBe('2 个文件，0 个错误，0 个警告\n');
  });
});

describe('github', () => {
  test('severity → error, warning, notice', () => {
    const lines = formatReport(report(error, warning, info), 'github', 'en').split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf(' ')))).toEqual([
      '::error',
      '::warning',
      '::notice',
      '2',
      '',
    ]);
  });

  test('escapes %, CR and LF in the message and also : and , in properties', () => {
    const odd: Diagnostic = {
      ...error,
      message: { en: '100% sure,\r\nreally: yes', 'zh-CN': '' },
      hint: { en: '', 'zh-CN': '' },
    };
    const text = formatReport(
      { files: 1, diagnostics: [{ file: 'a,b:c%.json', line: 1, column: 2, diagnostic: odd }] },
      'github',
      'en',
    );
    expect(text.split('\n')[0]).toBe(
      '::error file=a%2Cb%3Ac%25.json,line=1,col=2,title=RL1006::100%25 sure,%0D%0Areally: yes',
    );
  });
});

describe('json', () => {
  test('messages and hints in the chosen language', () => {
    const parsed = JSON.parse(formatReport(report(error), 'json', 'zh-CN')) as {
      diagnostics: { message: string; hint: string; pointer: string }[];
      summary: unknown;
    };
    expect(parsed.diagnostics[0]).toMatchObject({
      message: error.message['zh-CN'],
      hint: error.hint['zh-CN'],
      pointer: '/fields/0',
    });
    expect(parsed.summary).toEqual({ files: 2, errors: 1, warnings: 0 });
  });
});
