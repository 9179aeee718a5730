import { describe, expect, it } from 'vitest';
import { RuleloomError } from '../../diagnostics/errors.js';
import { compileExpression } from '../compile.js';

const codes = (logic: unknown): string[] => compileExpression(logic).diagnostics.map((d) => d.code);

describe('untrusted rules cannot reach JavaScript internals', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'a.__proto__.polluted', 'a.constructor.name'])(
    'a literal var path with "%s" is refused at compile time (RL2002)',
    (path) => {
      const compiled = compileExpression({ var: path });
      expect(compiled.ok).toBe(false);
      expect(compiled.diagnostics[0]).toMatchObject({ code: 'RL2002', pointer: '/var' });
    },
  );

  it('a path computed at run time that names __proto__ reads as missing', () => {
    const compiled = compileExpression({ var: [{ cat: ['__pro', 'to__'] }, 'fallback'] });
    expect(compiled.ok).toBe(true);
    expect(compiled.evaluate({})).toBe('fallback');
    expect(
      compileExpression({ var: { cat: ['a.', 'constructor'] } }).evaluate({ a: {} }),
    ).toBeNull();
  });

  it('inherited methods such as toString read as missing, not as functions', () => {
    expect(compileExpression({ var: 'toString' }).evaluate({})).toBeNull();
    expect(compileExpression({ var: 'a.hasOwnProperty' }).evaluate({ a: {} })).toBeNull();
    expect(compileExpression({ missing: ['valueOf'] }).evaluate({})).toEqual(['valueOf']);
  });

  it('the method operator is refused (RL2003), and so are prototype names as operators', () => {
    expect(codes({ method: [{ var: 'name' }, 'toUpperCase'] })).toEqual(['RL2003']);
    // JSON.parse makes "__proto__" an own key, as in a definition file.
    expect(codes(JSON.parse('{"__proto__": [1]}'))).toEqual(['RL2003']);
    expect(codes(JSON.parse('{"a": {"__proto__": {"polluted": 1}}, "b": 2}'))).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(codes({ constructor: [1] })).toEqual(['RL2003']);
  });

  it('an unknown operator is a diagnostic that names it and points at it', () => {
    const [diagnostic] = compileExpression({ and: [true, { frobnicate: [1] }] }).diagnostics;
    expect(diagnostic).toMatchObject({
      code: 'RL2001',
      pointer: '/and/1/frobnicate',
      params: { operator: 'frobnicate' },
    });
    expect(diagnostic?.message['zh-CN']).toContain('frobnicate');
  });

  it('evaluating a rule that did not compile throws a typed error', () => {
    const compiled = compileExpression({ frobnicate: [1] });
    expect(() => compiled.evaluate({})).toThrow(RuleloomError);
    expect(compiled.safeEvaluate({})).toMatchObject({ ok: false, error: { code: 'RL3002' } });
  });
});

describe('limits stop hostile rules with typed errors', () => {
  it('a rule nested 100,000 levels deep gives RL2005 instead of overflowing the stack', () => {
    let logic: unknown = 1;
    for (let i = 0; i < 100_000; i++) logic = { '!': [logic] };
    expect(codes(logic)).toEqual(['RL2005']);
  });

  it('a literal array nested 100,000 levels deep gives RL2005', () => {
    let logic: unknown = [];
    for (let i = 0; i < 100_000; i++) logic = [logic];
    expect(codes(logic)).toEqual(['RL2005']);
  });

  it('a rule with more nodes than maxNodes gives RL2006', () => {
    const logic = { '+': Array.from({ length: 200 }, () => 1) };
    expect(
      compileExpression(logic, { limits: { maxNodes: 100 } }).diagnostics.map((d) => d.code),
    ).toEqual(['RL2006']);
  });

  it('nested loops over large lists stop at maxSteps with RL3001', () => {
    const items = Array.from({ length: 2000 }, (_, i) => i);
    const logic = { some: [{ var: 'items' }, { some: [{ var: '' }, false] }] };
    // Each inner `some` reads the item (a number) as its list: cheap. Make the inner list large:
    const heavy = { map: [{ var: 'items' }, { map: [{ var: 'x' }, 1] }] };
    const data = { items: items.map(() => ({ x: items })) };
    const result = compileExpression(heavy).safeEvaluate(data);
    expect(result).toMatchObject({ ok: false, error: { code: 'RL3001' } });
    expect(compileExpression(logic).safeEvaluate({ items })).toEqual({ ok: true, value: false });
  });

  it('a reduce that doubles a string stops at maxResultSize with RL3004', () => {
    const logic = {
      reduce: [{ var: 'n' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'],
    };
    const result = compileExpression(logic).safeEvaluate({
      n: Array.from({ length: 40 }, () => 0),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'RL3004' } });
  });

  it('limits can be raised or lowered per compile', () => {
    const logic = { map: [{ var: 'xs' }, 1] };
    const data = { xs: [1, 2, 3, 4, 5] };
    expect(compileExpression(logic, { limits: { maxSteps: 4 } }).safeEvaluate(data)).toMatchObject({
      ok: false,
      error: { code: 'RL3001' },
    });
    expect(compileExpression(logic, { limits: { maxSteps: 5 } }).evaluate(data)).toEqual([
      1, 1, 1, 1, 1,
    ]);
  });

  it('a failing custom operator becomes a typed RL3003 error', () => {
    const compiled = compileExpression({ '+': [{ var: 'a' }, 1] });
    const hostile = {
      get a(): number {
        throw new Error('boom');
      },
    };
    expect(compiled.safeEvaluate(hostile)).toMatchObject({ ok: false, error: { code: 'RL3003' } });
  });
});
