import type { DefinitionKind } from '@ruleloom/schemas';
import type { DiagnosticExtras } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { compileExpression } from '../expr/compile.js';
import type { OperatorRegistry } from '../expr/registry.js';
import type { FieldInfo } from '../expr/types.js';
import { parseFormula } from '../formula/index.js';
import { fieldsForSlot } from './declaredFields.js';
import { findSlots, type FoundSlot } from './slots.js';

/**
 * Compiles every expression of a document and parses its formula text, with the fields each
 * slot reads, and returns their diagnostics pointed into the document.
 *
 * @example
 * checkExpressions('automation', { condition: { frobnicate: [1] }, … }, undefined, {});
 * // [RL2001 unknown operator "frobnicate" at /condition/frobnicate]
 */
export function checkExpressions(
  kind: DefinitionKind,
  document: unknown,
  fields: readonly FieldInfo[] | undefined,
  extras: DiagnosticExtras,
  operators?: OperatorRegistry,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // The fields depend on the slot's pattern only: worked out once per pattern.
  const fieldsByPattern = new Map<string, readonly FieldInfo[] | undefined>();
  for (const found of findSlots(kind, document)) {
    const { pattern } = found.slot;
    if (!fieldsByPattern.has(pattern)) {
      fieldsByPattern.set(pattern, fieldsForSlot(kind, found.slot, document, fields));
    }
    const slotFields = fieldsByPattern.get(pattern);
    diagnostics.push(
      ...(found.slot.syntax === 'formula-text'
        ? checkFormulaText(found, slotFields, extras, operators)
        : checkExpression(found, slotFields, extras, operators)),
    );
  }
  return diagnostics;
}

function checkExpression(
  found: FoundSlot,
  fields: readonly FieldInfo[] | undefined,
  extras: DiagnosticExtras,
  operators: OperatorRegistry | undefined,
): readonly Diagnostic[] {
  return compileExpression(found.value, {
    pointer: found.pointer,
    ...(fields ? { fields } : {}),
    ...(operators ? { operators } : {}),
    ...(extras.file === undefined ? {} : { file: extras.file }),
  }).diagnostics;
}

/**
 * Formula text is parsed (its diagnostics carry the column in the text) and the logic it
 * stands for is compiled for type checks. Neither has a place in the document below the
 * text itself, so every diagnostic points at the text.
 */
function checkFormulaText(
  found: FoundSlot,
  fields: readonly FieldInfo[] | undefined,
  extras: DiagnosticExtras,
  operators: OperatorRegistry | undefined,
): Diagnostic[] {
  // A text that is not a string is a schema error, reported there.
  if (typeof found.value !== 'string') return [];
  const parsed = parseFormula(found.value, fields ? { fields } : {});
  const repoint = (d: Diagnostic): Diagnostic => ({
    ...d,
    pointer: found.pointer,
    ...(extras.file === undefined ? {} : { file: extras.file }),
  });
  if (!parsed.ok) return parsed.diagnostics.map(repoint);
  const compiled = compileExpression(parsed.logic, {
    ...(fields ? { fields } : {}),
    ...(operators ? { operators } : {}),
  });
  const seen = new Set<string>();
  return compiled.diagnostics.map(repoint).filter((d) => {
    const key = `${d.code}\u0000${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
