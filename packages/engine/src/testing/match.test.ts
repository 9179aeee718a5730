/** How test expectations compare values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual, partialMatch, sameSet } from './match.js';

describe('deepEqual', () => {
  it.each([
    [1, 1.0, true],
    [0, -0, true],
    [Number.NaN, Number.NaN, true],
    ['1', 1, false],
    [null, undefined, false],
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [[1], { 0: 1 }, false],
    [{}, [], false],
  ])('%j and %j: %s', (a, b, equal) => {
    expect(deepEqual(a, b)).toBe(equal);
    expect(deepEqual(b, a)).toBe(equal);
  });

  it('is true for a JSON value and its parsed copy (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(deepEqual(value, JSON.parse(JSON.stringify(value)))).toBe(true);
      }),
    );
  });
});

describe('partialMatch', () => {
  const effect = {
    type: 'notify',
    channel: 'wecom',
    recipients: ['lina', 'wanglei'],
    message: { 'zh-CN': '新大单', en: 'New big deal' },
  };

  it.each([
    [{}, true],
    [{ channel: 'wecom' }, true],
    [{ message: { en: 'New big deal' } }, true],
    [{ recipients: ['lina', 'wanglei'] }, true],
    // Lists must be equal, not contain.
    [{ recipients: ['lina'] }, false],
    [{ channel: 'sms' }, false],
    [{ missing: null }, false],
    [{ message: 'New big deal' }, false],
  ])('%j: %s', (pattern, matches) => {
    expect(partialMatch(effect, pattern)).toBe(matches);
  });

  it('anything but an object pattern must be equal', () => {
    expect(partialMatch(3, 3)).toBe(true);
    expect(partialMatch([1, 2], [1, 2])).toBe(true);
    expect(partialMatch({ a: 1 }, [1])).toBe(false);
    expect(partialMatch(null, { a: 1 })).toBe(false);
  });
});

describe('sameSet', () => {
  it('ignores order and repeats', () => {
    expect(sameSet(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSet(['a', 'a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSet([], [])).toBe(true);
    expect(sameSet(['a'], ['a', 'b'])).toBe(false);
    expect(sameSet(['a', 'c'], ['a', 'b'])).toBe(false);
  });
});
