import { describe, expect, test } from 'vitest';
import { readJsonText } from './jsonSyntax.js';

function errorAt(text: string): string {
  const { syntaxError } = readJsonText(text);
  if (!syntaxError) throw new Error('expected a syntax error');
  return `${syntaxError.position.line}:${syntaxError.position.column} ${syntaxError.detail.en}`;
}

describe('readJsonText: syntax errors at their exact place', () => {
  test.each([
    ['trailing comma in an object: the comma', '{\n  "id": "lead",\n}', '2:15 trailing comma'],
    ['trailing comma in an array: the comma', '{"a": [1, 2, ]}', '1:12 trailing comma'],
    ['missing comma: where it belongs', '{\n  "a": 1\n  "b": 2\n}', '3:3 a comma is expected'],
    ['missing colon', '{"a" 1}', '1:6 a colon (:) is expected'],
    ['single quotes', "{'a': 1}", '1:2 JSON puts text and property names in double quotes'],
    ['NaN', '{"a": NaN}', '1:7 "NaN" is not expected here'],
    [
      'unclosed text: where it starts',
      '{"a": "abc}',
      '1:7 the text that starts here has no closing double quote',
    ],
    ['a tab inside text: the tab itself', '{"a": "x\ty"}', '1:9 text cannot contain line breaks'],
    ['a bad escape: the backslash', '{"a": "ok \\x"}', '1:11 invalid escape'],
    ['a bad unicode escape: the backslash', '{"a": "ok \\u12"}', '1:11 '],
    ['a comment', '{\n  // note\n  "a": 1\n}', '2:3 JSON allows no comments'],
    ['text after the value', '{"a": 1} x', '1:10 '],
    ['a missing closing brace', '{"a": 1', '1:8 a closing } is expected'],
    [
      'a } where ] belongs: the bracket, naming the open one',
      '{\n  "a": [1, 2}',
      '2:13 a ] is expected here to close the [ at line 2, column 8, but } is found',
    ],
    [
      'brackets inside text do not count',
      '{"s": "[{", "a": [1}',
      '1:20 a ] is expected here to close the [ at line 1, column 18',
    ],
    ['an empty file', '', '1:1 the file is empty'],
    ['only spaces', '  \n ', '1:1 the file is empty'],
    ['CRLF lines', '{\r\n  "a": 1,\r\n}', '2:9 trailing comma'],
    ['Chinese before the error counts one column each', '{"名称": "线索",}', '1:12 trailing comma'],
  ])('%s', (_name, text, expected) => {
    expect(errorAt(text)).toContain(expected);
  });

  test('both languages describe the error', () => {
    const { syntaxError } = readJsonText('{"a": 1,}');
    expect(syntaxError?.detail['zh-CN']).toContain('多余的逗号');
    expect(syntaxError?.detail.en).toContain('trailing comma');
  });
});

describe('readJsonText: valid JSON', () => {
  test('a byte-order mark is ignored', () => {
    const read = readJsonText('\uFEFF{"a": 1}');
    expect(read.syntaxError).toBeUndefined();
    expect(read.value).toEqual({ a: 1 });
    expect(read.json.tree?.offset).toBe(0);
  });

  test('__proto__ stays a plain own property (JSON.parse, not jsonc-parser, gives the value)', () => {
    const value = readJsonText('{"__proto__": {"polluted": true}}').value as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('nesting too deep for jsonc-parser still gives the value, without a tree', () => {
    const depth = 100_000;
    const read = readJsonText('['.repeat(depth) + ']'.repeat(depth));
    expect(read.syntaxError).toBeUndefined();
    expect(Array.isArray(read.value)).toBe(true);
    expect(read.json.tree).toBeUndefined();
  });
});
