import { parseFormula } from '@ruleloom/engine';
import { describe, expect, it } from 'vitest';
import {
  formulaCompletions,
  formulaMarkers,
  functionNames,
  positionAt,
} from './formulaLanguage.js';

describe('formula language', () => {
  it('finds the editor position of an engine column', () => {
    expect(positionAt('IF(a > 1, 2)', 1)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionAt('IF(a > 1,\n  😀)', 13)).toEqual({ lineNumber: 2, column: 3 });
    expect(positionAt('回款率 > 😀 + x', 9)).toEqual({ lineNumber: 1, column: 10 });
  });

  it('marks a parse error where the engine says it is', () => {
    const text = 'IF(回款率 >= 0.85, 1.2';
    const { diagnostics } = parseFormula(text);
    const [marker] = formulaMarkers(text, diagnostics, 'zh-CN');
    expect(marker).toBeDefined();
    expect(marker!.severity).toBe('error');
    expect(marker!.startLineNumber).toBe(1);
    expect(marker!.startColumn).toBe(diagnostics[0]!.column);
    expect(marker!.message).toContain(diagnostics[0]!.code);
  });

  it('given a misspelled function, then its marker underlines the name and says the fix in zh-CN', () => {
    const text = 'MONY_MUL(本单新品金额, 0.02, 2)';
    const fields = [
      {
        id: 'orderNewProductAmount',
        type: 'money' as const,
        label: { 'zh-CN': '本单新品金额', en: 'New products in the order' },
      },
    ];
    const { diagnostics } = parseFormula(text, { fields });
    const [marker] = formulaMarkers(text, diagnostics, 'zh-CN');
    expect(marker).toMatchObject({ startColumn: 1, endColumn: 9, severity: 'error' });
    expect(marker!.message).toContain('RL4005 公式第 1 列的函数 "MONY_MUL" 不存在');
    expect(marker!.message).toContain('相近的函数：MONEY_MUL');
  });

  it('completes inputs by label and id, and the engine functions', () => {
    const completions = formulaCompletions(
      [{ id: 'paymentRate', type: 'percent', label: { 'zh-CN': '回款率', en: 'Payment rate' } }],
      'en',
    );
    const labels = completions.map((c) => c.label);
    expect(labels).toContain('Payment rate');
    expect(labels).toContain('paymentRate');
    expect(labels).toContain('IF');
    expect(completions.find((c) => c.label === 'Payment rate')?.insertText).toBe('[Payment rate]');
    expect(functionNames()).toContain('如果');
  });
});
