import { parseTree, type Node } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import {
  lineStartsOf,
  locatePointer,
  nodeAtPointer,
  offsetInString,
  pointerSegments,
  positionAt,
  type JsonText,
} from './position.js';

function jsonText(text: string): JsonText {
  return { text, tree: parseTree(text), lineStarts: lineStartsOf(text) };
}

function at(text: string, pointer: string, column?: number): string {
  const { line, column: col } = locatePointer(jsonText(text), pointer, column);
  return `${line}:${col}`;
}

describe('lineStartsOf / positionAt', () => {
  test('\\n, \\r\\n and a lone \\r end lines', () => {
    expect(lineStartsOf('a\nb\r\nc\rd')).toEqual([0, 2, 5, 7]);
    const text = 'ab\r\ncd';
    expect(positionAt(text, lineStartsOf(text), 5)).toEqual({ line: 2, column: 2 });
  });

  test('columns count characters: a surrogate pair is one, a Chinese character is one', () => {
    const text = '"😀中x"';
    // offsets: " 0, 😀 1-2, 中 3, x 4
    expect(positionAt(text, lineStartsOf(text), 4)).toEqual({ line: 1, column: 4 });
  });

  test('offsets out of range are clamped', () => {
    expect(positionAt('ab', [0], 99)).toEqual({ line: 1, column: 3 });
    expect(positionAt('ab', [0], -1)).toEqual({ line: 1, column: 1 });
  });
});

describe('pointerSegments', () => {
  test('unescapes ~1 and ~0 (in that order)', () => {
    expect(pointerSegments('/a~1b/~01/0')).toEqual(['a/b', '~1', '0']);
    expect(pointerSegments('')).toEqual([]);
    expect(pointerSegments('/')).toEqual(['']);
  });
});

describe('locatePointer', () => {
  const doc = [
    '{',
    '  "$schema": "x",',
    '  "fields": [',
    '    { "id": "a", "type": "text" },',
    '    {',
    '      "id": "b",',
    '      "computed": { "var": "__proto__.x" }',
    '    }',
    '  ],',
    '  "a/b": { "~": 1 },',
    '  "": 2',
    '}',
  ].join('\n');

  test('the root is the first character of the document', () => {
    expect(at(doc, '')).toBe('1:1');
    expect(at(`\n\n  ${doc}`, '')).toBe('3:3');
  });

  test('a property points at its value', () => {
    expect(at(doc, '/$schema')).toBe('2:14');
    expect(at(doc, '/fields')).toBe('3:13');
    expect(at(doc, '/fields/0/type')).toBe('4:26');
    expect(at(doc, '/fields/1')).toBe('5:5');
    expect(at(doc, '/fields/1/computed/var')).toBe('7:28');
  });

  test('escaped and empty keys', () => {
    expect(at(doc, '/a~1b/~0')).toBe('10:17');
    expect(at(doc, '/')).toBe('11:7');
  });

  test('a missing property or index points at the nearest existing parent', () => {
    expect(at(doc, '/fields/0/options')).toBe('4:5');
    expect(at(doc, '/fields/7/id')).toBe('3:13');
    expect(at(doc, '/nothing/deeper')).toBe('1:1');
    expect(at(doc, '/fields/01')).toBe('3:13');
  });

  test('of duplicate keys the last counts, as in JSON.parse', () => {
    expect(at('{"a": 1,\n "a": 2}', '/a')).toBe('2:7');
  });

  test('no tree: line 1, column 1', () => {
    expect(locatePointer({ text: '[]', tree: undefined, lineStarts: [0] }, '/0')).toEqual({
      line: 1,
      column: 1,
    });
  });

  test('a formula column lands on that character of the string', () => {
    const text = '{\n  "text": "IF(a > 1, 2"\n}';
    // The string starts at column 11; formula column 1 is column 12.
    expect(at(text, '/text', 1)).toBe('2:12');
    expect(at(text, '/text', 4)).toBe('2:15');
    // Past the end (a missing ")"): the closing quote.
    expect(at(text, '/text', 12)).toBe('2:23');
    expect(at(text, '/text', 99)).toBe('2:23');
  });

  test('a formula column ignores columns on values that are not strings', () => {
    expect(at('{"text": 12}', '/text', 3)).toBe('1:10');
  });
});

describe('offsetInString', () => {
  function stringNode(text: string): Node {
    const node = parseTree(text);
    if (!node) throw new Error('no tree');
    return node;
  }

  test.each([
    ['plain', '"abc"', 3, 3],
    ['Chinese', '"回款率 >= 1"', 5, 5],
    ['escaped quote', '"a\\"b"', 3, 4],
    ['escaped newline', '"a\\nb"', 3, 4],
    ['unicode escape', '"\\u56de\\u6b3e x"', 3, 13],
    ['escaped surrogate pair', '"\\ud83d\\ude00x"', 2, 13],
    ['raw surrogate pair', '"😀x"', 2, 3],
  ])('%s', (_name, text, column, offset) => {
    expect(offsetInString(text, stringNode(text), column)).toBe(offset);
  });
});

describe('nodeAtPointer', () => {
  test('arrays accept only canonical indexes', () => {
    const tree = parseTree('[10, 20]');
    expect(nodeAtPointer(tree, '/1')?.value).toBe(20);
    expect(nodeAtPointer(tree, '/-')?.type).toBe('array');
    expect(nodeAtPointer(tree, '/1.0')?.type).toBe('array');
  });

  test('a scalar has no children', () => {
    expect(nodeAtPointer(parseTree('{"a": 1}'), '/a/b')?.value).toBe(1);
  });
});
