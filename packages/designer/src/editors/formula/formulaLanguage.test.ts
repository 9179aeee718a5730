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
