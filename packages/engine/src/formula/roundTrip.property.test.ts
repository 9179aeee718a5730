import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../diagnostics/diagnostic.js';
import {
  canonicalLogicArb,
  fieldsArb,
  formulaishText,
  messyFormulaArb,
  messyFormulaText,
  textArb,
  typedNamesOf,
} from './__tests__/arbitraries.js';
import { parseFormula, printFormula } from './index.js';
import { parseSyntax } from './parseFormula.js';
import { printSyntax } from './printFormula.js';
import type { FormulaNode } from './syntax.js';

// RUNS=20000 npx vitest run … searches harder (for a hunt, not for CI).
const runs = { numRuns: Number(process.env.RUNS ?? 2000) };

// The tree without where it came from, to compare printed and parsed trees.
function shape(node: FormulaNode | undefined): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) => (key === 'column' ? undefined : value)),
  );
}

describe('printing then parsing gives back the same JsonLogic', () => {
  it('for random logic over every printable operator, without a field list', () => {
    fc.assert(
      fc.property(canonicalLogicArb({ record: textArb.filter((p) => p !== '') }), (logic) => {
        const printed = printFormula(logic);
        expect(printed.diagnostics).toEqual([]);
        expect(printed.ok).toBe(true);
        const parsed = parseFormula(printed.text ?? '');
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.logic).toStrictEqual(logic);
      }),
      runs,
    );
  });

  it('for random logic over random fields, printed by id or by label in either locale', () => {
    const cases = fieldsArb.chain(({ fields, paths }) =>
      fc.record({
        fields: fc.constant(fields),
        logic: canonicalLogicArb({ record: paths }),
        useLabels: fc.constantFrom(false as const, 'zh-CN' as const, 'en' as const),
      }),
    );
    let printedCount = 0;
    fc.assert(
      fc.property(cases, ({ fields, logic, useLabels }) => {
        const printed = printFormula(logic, { fields, useLabels });
        if (!printed.ok) return;
        printedCount++;
        const parsed = parseFormula(printed.text ?? '', { fields });
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.logic).toStrictEqual(logic);
      }),
      runs,
    );
    // Most generated logic must print, or the property says little.
    expect(printedCount).toBeGreaterThan(runs.numRuns * 0.8);
  });

  it('reads the printed text back into exactly the tree the printer rendered', () => {
    fc.assert(
      fc.property(canonicalLogicArb({ record: textArb.filter((p) => p !== '') }), (logic) => {
        const printed = printSyntax(logic);
        const text = printFormula(logic).text ?? '';
        expect(shape(parseSyntax(text).node)).toStrictEqual(shape(printed.node));
      }),
      { numRuns: 500 },
    );
  });
});

describe('text → logic → text is stable after one normalisation', () => {
  it('for formula text as people type it (aliases, full-width punctuation, extra brackets)', () => {
    let parsedCount = 0;
    fc.assert(
      fc.property(fc.oneof(messyFormulaText, formulaishText), (text) => {
        const first = parseFormula(text);
        if (!first.ok) return;
        parsedCount++;
        const printed = printFormula(first.logic);
        expect(printed.diagnostics).toEqual([]);
        const again = parseFormula(printed.text ?? '');
        expect(again.logic).toStrictEqual(first.logic);
        expect(printFormula(again.logic).text).toBe(printed.text);
      }),
      { numRuns: Number(process.env.RUNS ?? 5000) },
    );
    expect(parsedCount).toBeGreaterThan(1500);
  });

  it('for text over random fields: whatever parses prints, by id and by label, and reads back', () => {
    const cases = fieldsArb.chain(({ fields }) =>
      fc.record({
        fields: fc.constant(fields),
        text: messyFormulaArb(typedNamesOf(fields)),
        useLabels: fc.constantFrom(false as const, 'zh-CN' as const, 'en' as const),
      }),
    );
    let parsedCount = 0;
    fc.assert(
      fc.property(cases, ({ fields, text, useLabels }) => {
        const first = parseFormula(text, { fields });
        if (!first.ok) return;
        parsedCount++;
        const printed = printFormula(first.logic, { fields, useLabels });
        expect(printed.diagnostics).toEqual([]);
        expect(parseFormula(printed.text ?? '', { fields }).logic).toStrictEqual(first.logic);
      }),
      { numRuns: Number(process.env.RUNS ?? 5000) },
    );
    expect(parsedCount).toBeGreaterThan(1000);
  });

  it('for any JSON that prints, shorthand forms included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (logic) => {
        const printed = printFormula(logic);
        if (!printed.ok) return;
        const parsed = parseFormula(printed.text ?? '');
        expect(parsed.ok).toBe(true);
        expect(printFormula(parsed.logic).text).toBe(printed.text);
      }),
      runs,
    );
  });
});

describe('parseFormula on any string', () => {
  const neverThrows = (text: string): void => {
    const result = parseFormula(text);
    expect(result.ok).toBe(!hasErrors(result.diagnostics));
    expect(result.ok ? 'logic' in result : result.diagnostics.length > 0).toBe(true);
    const length = Array.from(text).length;
    for (const d of result.diagnostics) {
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeLessThanOrEqual(length + 1);
      expect(d.params['column']).toBe(d.column);
      expect(d.pointer).toBe('');
    }
  };

  it('never throws and points inside the text (ASCII)', () => {
    fc.assert(fc.property(fc.string(), neverThrows), runs);
  });

  it('never throws on any code points, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), neverThrows), runs);
  });

  it('never throws on grapheme clusters', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), neverThrows), runs);
  });

  it('never throws on formula-like text', () => {
    fc.assert(fc.property(formulaishText, neverThrows), {
      numRuns: Number(process.env.RUNS ?? 5000),
    });
  });

  it('refuses deep nesting with a diagnostic instead of overflowing the stack', () => {
    const deep = [
      '('.repeat(100_000) + '1' + ')'.repeat(100_000),
      '-'.repeat(100_000) + 'a',
      'NOT('.repeat(10_000) + 'a' + ')'.repeat(10_000),
      '{'.repeat(10_000),
      Array.from({ length: 10_000 }, (_, i) => `a${i}`).join(' - '),
    ];
    for (const text of deep) {
      const result = parseFormula(text);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['RL4009']);
    }
    // Long flat chains are one operation, not deep.
    expect(parseFormula(Array.from({ length: 10_000 }, (_, i) => `a${i}`).join(' + ')).ok).toBe(
      true,
    );
  });
});

describe('large input', () => {
  it('reads and prints long names and long chains in linear time', () => {
    const fields = [{ id: 'a', type: 'ref' as const, label: '客户' }];
    // Quadratic work here would take minutes and trip the test timeout.
    const name = Array.from({ length: 100_000 }, () => 'a').join('.');
    const parsed = parseFormula(name, { fields });
    expect(parsed.ok).toBe(true);
    expect(printFormula(parsed.logic, { fields, useLabels: 'zh-CN' }).text).toMatch(/^客户\.a\.a/);
    const chain = Array.from({ length: 100_000 }, (_, i) => `"s${i}"`).join(' & ');
    const concatenated = parseFormula(chain);
    expect(printFormula(concatenated.logic).text).toBe(chain);
  });
});

describe('printFormula on any value', () => {
  it('never throws on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (logic) => {
        const result = printFormula(logic);
        expect(result.ok).toBe(result.diagnostics.length === 0);
        if (result.ok) expect(typeof result.text).toBe('string');
      }),
      runs,
    );
  });

  it('never throws on anything JavaScript can hold', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
          withObjectString: true,
        }),
        (value) => {
          expect(() => printFormula(value)).not.toThrow();
        },
      ),
      runs,
    );
  });

  it('refuses logic nested deeper than the limit, and cyclic values', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { '!': [deep] };
    expect(printFormula(deep).diagnostics.map((d) => d.code)).toEqual(['RL4023']);
    const cyclic: Record<string, unknown[]> = { '+': [1] };
    cyclic['+']?.push(cyclic);
    expect(printFormula(cyclic).diagnostics.map((d) => d.code)).toEqual(['RL4023']);
  });
});
