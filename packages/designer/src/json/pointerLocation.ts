/**
 * Where a JSON pointer points in a JSON text (for revealing a problem in the JSON view).
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

/** Splits an RFC 6901 pointer into its segments (array indexes as numbers). */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The offset and length of the deepest node on the pointer's path that exists in `text`
 * (a missing property points at its parent).
 *
 * @example
 * pointerRange('{"a":[1,2]}', '/a/1'); // { offset: 8, length: 1 }
 */
export function pointerRange(
  text: string,
  pointer: string,
): { offset: number; length: number } | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const segments = pointerSegments(pointer);
  for (let depth = segments.length; depth >= 0; depth -= 1) {
    const node: Node | undefined = findNodeAtLocation(root, segments.slice(0, depth));
    if (node) {
      // Show the property (key and value), not just its value.
      const target = node.parent?.type === 'property' ? node.parent : node;
      return { offset: target.offset, length: target.length };
    }
  }
  return undefined;
}
