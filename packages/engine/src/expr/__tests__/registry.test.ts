import { describe, expect, it } from 'vitest';
import { RuleloomError } from '../../diagnostics/errors.js';
import { compileExpression } from '../compile.js';
import { OperatorRegistry } from '../registry.js';

describe('OperatorRegistry: an embedding app adds its own operators', () => {
  const operators = new OperatorRegistry().register('credit_limit', {
    evaluate: ([grade]) => (grade === 'A' ? 500000 : 100000),
    arity: [1, 1],
    result: 'number',
  });

  it('a registered operator is compiled and evaluated with its evaluated arguments', () => {
    const rule = { '>': [{ var: 'amount' }, { credit_limit: [{ var: 'grade' }] }] };
    const compiled = compileExpression(rule, { operators });
    expect(compiled.evaluate({ amount: 200000, grade: 'A' })).toBe(false);
    expect(compiled.evaluate({ amount: 200000, grade: 'B' })).toBe(true);
  });

  it('is unknown to compiles that do not use the registry', () => {
    expect(compileExpression({ credit_limit: ['A'] }).diagnostics[0]?.code).toBe('RL2001');
  });

  it('checks arity at compile time', () => {
    expect(compileExpression({ credit_limit: [] }, { operators }).diagnostics[0]?.code).toBe(
      'RL2004',
    );
  });

  it('receives the evaluation context (the acting user, outside facts)', () => {
    const withContext = new OperatorRegistry().register('is_me', {
      evaluate: ([user], context) => user === context['userId'],
    });
    expect(
      compileExpression({ is_me: [{ var: 'owner' }] }, { operators: withContext }).evaluate(
        { owner: 'u1' },
        { userId: 'u1' },
      ),
    ).toBe(true);
  });

  it.each([
    ['if', 'a built-in'],
    ['method', 'reserved'],
    ['__proto__', 'reserved'],
    ['has space', 'letters'],
  ])('refuses the name %s (RL2010)', (name) => {
    expect(() => new OperatorRegistry().register(name, { evaluate: () => 1 })).toThrow(
      RuleloomError,
    );
  });
});
