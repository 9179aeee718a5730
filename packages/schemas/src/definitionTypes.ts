import type { DefinitionByKind } from './generated/types.js';
import type { DefinitionKind } from './kinds.js';

// The definition types are generated from the schemas (src/generated/types.ts), so the
// code and the schemas cannot drift. Every named part is exported as it is generated:
// EntityDefinition, EntityField, Stage, Gate, Action, Event, RoutingStrategy, TableRow, …
export type * from './generated/types.js';

/**
 * The definition type of one kind.
 *
 * @example
 * const table: DefinitionOf<'table'> = { $schema: schemaIdOf('table'), id: 'tier', … };
 */
export type DefinitionOf<K extends DefinitionKind> = DefinitionByKind[K];

/**
 * Any definition file.
 *
 * @example
 * function describe(definition: Definition): string { return definition.id; }
 */
export type Definition = DefinitionByKind[DefinitionKind];
