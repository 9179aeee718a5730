import { expressionSlots, type DefinitionKind, type ExpressionSlot } from '@ruleloom/schemas';
import { appendPointer } from '../diagnostics/diagnostic.js';
import { isJsonObject, pointerSegments } from './pointer.js';

/** An expression found in a document: where it is, what it is, which slot it fills. */
export interface FoundSlot {
  readonly slot: ExpressionSlot;
  readonly pointer: string;
  readonly value: unknown;
}

/**
 * Every expression (and formula text) present in a document of `kind`, found by matching
 * the kind's slot patterns (`/rules/*\/when`) against the document. Only own properties are
 * followed; a slot whose place holds nothing is skipped.
 *
 * @example
 * findSlots('routing', routing).map((s) => s.pointer); // ['/rules/0/when', '/rules/1/when', …]
 */
export function findSlots(kind: DefinitionKind, document: unknown): FoundSlot[] {
  const found: FoundSlot[] = [];
  for (const slot of expressionSlots[kind]) {
    walk(document, pointerSegments(slot.pattern), '', (pointer, value) =>
      found.push({ slot, pointer, value }),
    );
  }
  return found;
}

function walk(
  value: unknown,
  rest: readonly string[],
  pointer: string,
  visit: (pointer: string, value: unknown) => void,
): void {
  if (rest.length === 0) {
    if (value !== undefined) visit(pointer, value);
    return;
  }
  const [segment, ...tail] = rest as [string, ...string[]];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (segment === '*' || segment === String(index))
        walk(item, tail, appendPointer(pointer, index), visit);
    });
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      if (segment === '*' || segment === key)
        walk(value[key], tail, appendPointer(pointer, key), visit);
    }
  }
}
