/** JSON pointers: which diagnostics fall inside which part of a definition. */
import type { Diagnostic } from '@ruleloom/engine';

/** True when `pointer` is `base` or inside it (`/stages/2` holds `/stages/2/entryGate`). */
export function pointerWithin(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

/** The diagnostics whose pointer falls inside `base`. */
export function diagnosticsWithin(
  diagnostics: readonly Diagnostic[],
  base: string,
): readonly Diagnostic[] {
  return diagnostics.filter((d) => pointerWithin(d.pointer, base));
}

/** `/stages/2/label` → `['stages', '2', 'label']` (RFC 6901 unescaping). */
export function pointerSegments(pointer: string | undefined): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
