import { FORMULA_OPERATOR, TABLE_OPERATOR } from '../formulas/calls.js';
import { describe, expect, it } from 'vitest';
import { builtinOperatorNames, defaultRegistry } from '../expr/index.js';
import { isPlainSegment } from './characters.js';
import {
  formulaFunctions,
  functionsNamed,
  infixOperatorFor,
  infixOperators,
  printedFunctionFor,
} from './functionTable.js';

// JsonLogic operators formula text deliberately has no form for (see the reference).
const NOT_IN_FORMULA_TEXT = ['?:'];

describe('the function table', () => {
  it('reads every printed name back as the same operator, for every argument count it prints', () => {
    for (const f of formulaFunctions.filter((entry) => entry.printed)) {
      const most = Math.min(f.arity[1], f.arity[0] + 3);
      for (let count = f.arity[0]; count <= most; count++) {
        const readings = functionsNamed(f.name).filter(
          (r) => count >= r.arity[0] && count <= r.arity[1],
        );
        expect(
          readings.map((r) => r.op),
          `${f.name} with ${count} argument(s)`,
        ).toEqual([f.op]);
      }
    }
  });

  it('gives every spelling of a name disjoint argument counts, so a call has one reading', () => {
    const spellings = new Set(
      formulaFunctions.flatMap((f) => [f.name, ...f.aliases].map((n) => n.toUpperCase())),
    );
    for (const spelling of spellings) {
      const readings = [...functionsNamed(spelling)].sort((a, b) => a.arity[0] - b.arity[0]);
      readings.slice(1).forEach((reading, i) => {
        expect(reading.arity[0], spelling).toBeGreaterThan(readings[i]?.arity[1] ?? -1);
      });
    }
  });

  it('prints each operator by one function at most, under an upper-case plain name', () => {
    const printed = formulaFunctions.filter((f) => f.printed);
    expect(new Set(printed.map((f) => f.op)).size).toBe(printed.length);
    for (const f of formulaFunctions) {
      expect(f.name).toBe(f.name.toUpperCase());
      for (const spelling of [f.name, ...f.aliases])
        expect(isPlainSegment(spelling, true), spelling).toBe(true);
    }
  });

  it('covers every built-in operator of the engine, except the ones the reference excludes', () => {
    const uncovered = builtinOperatorNames.filter(
      (op) => !printedFunctionFor(op) && !infixOperatorFor(op) && !NOT_IN_FORMULA_TEXT.includes(op),
    );
    expect(uncovered).toEqual([]);
    // TABLE() and FORMULA() are the call operators formulas and computed fields compile with.
    const known = [...builtinOperatorNames, TABLE_OPERATOR, FORMULA_OPERATOR];
    for (const op of [...formulaFunctions.map((f) => f.op), ...infixOperators.map((o) => o.op)]) {
      expect(known, op).toContain(op);
    }
  });

  it('accepts no more arguments than the engine does', () => {
    for (const f of formulaFunctions) {
      const arity = defaultRegistry.lookup(f.op)?.arity;
      if (!arity) continue;
      expect(f.arity[0], f.name).toBeGreaterThanOrEqual(arity[0]);
      expect(f.arity[1], f.name).toBeLessThanOrEqual(arity[1]);
    }
  });

  it('runs a body per item exactly where the engine does', () => {
    for (const f of formulaFunctions) {
      const scoped = defaultRegistry.lookup(f.op)?.scoped ?? [];
      expect(scoped, f.name).toEqual(f.body ? [1] : []);
    }
  });

  it('marks exactly the list functions as having a per-item body', () => {
    expect(formulaFunctions.filter((f) => f.body).map((f) => [f.name, f.body])).toEqual([
      ['MAP', 'item'],
      ['FILTER', 'item'],
      ['REDUCE', 'reduce'],
      ['ALL', 'item'],
      ['SOME', 'item'],
      ['NONE', 'item'],
    ]);
  });
});
