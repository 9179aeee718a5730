/**
 * Which fields an automation's actions can change: the fields they set, plus the computed
 * fields that read those (directly or through other computed fields), since the engine
 * recomputes them and a trigger may watch them.
 */
import type { CompiledEntity } from '../app/parts.js';
import { compileExpression } from '../expr/compile.js';

// Per entity: computed field → the top-level fields its expression reads. Worked out once.
const readsByEntity = new WeakMap<CompiledEntity, ReadonlyMap<string, readonly string[]>>();

function computedReads(entity: CompiledEntity): ReadonlyMap<string, readonly string[]> {
  let reads = readsByEntity.get(entity);
  if (!reads) {
    const map = new Map<string, readonly string[]>();
    for (const [id, field] of entity.fields) {
      if (field.computed === undefined) continue;
      // Structure only: the entity's own compile reports its type errors.
      const used = compileExpression(field.computed).fieldsUsed;
      map.set(
        id,
        used.map((path) => path.split('.')[0] ?? path),
      );
    }
    reads = map;
    readsByEntity.set(entity, reads);
  }
  return reads;
}

/**
 * The fields changed by writing `direct`, computed dependents included, in a stable order.
 *
 * @example
 * fieldsAffected(['amount'], opportunity); // Set { 'amount', 'weightedAmount' }
 */
export function fieldsAffected(
  direct: readonly string[],
  entity: CompiledEntity | undefined,
): Set<string> {
  const affected = new Set(direct);
  if (!entity || affected.size === 0) return affected;
  const reads = computedReads(entity);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [computed, fields] of reads) {
      if (!affected.has(computed) && fields.some((field) => affected.has(field))) {
        affected.add(computed);
        grew = true;
      }
    }
  }
  return affected;
}
