import { describe, expect, it } from 'vitest';
import { pointerRange, pointerSegments } from './pointerLocation.js';

describe('JSON pointers in text', () => {
  it('splits pointers, unescaping ~1 and ~0', () => {
    expect(pointerSegments('/fields/3/a~1b~0')).toEqual(['fields', 3, 'a/b~']);
    expect(pointerSegments('')).toEqual([]);
  });

  it('finds the property of a pointer, or its nearest existing parent', () => {
    const text = '{\n  "a": [1, {"b": 2}]\n}';
    const b = pointerRange(text, '/a/1/b')!;
    expect(text.slice(b.offset, b.offset + b.length)).toBe('"b": 2');
    const missing = pointerRange(text, '/a/1/zzz')!;
    expect(text.slice(missing.offset, missing.offset + missing.length)).toBe('{"b": 2}');
  });
});
