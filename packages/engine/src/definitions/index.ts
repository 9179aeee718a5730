/**
 * Definition files: parse their text, tell their kind, check them against their schema and
 * check the expressions and formula text inside them.
 */
export { validateDefinition, type ValidateDefinitionOptions } from './validateDefinition.js';
export { parseDefinitionText, type ParsedDefinitionText } from './parseDefinitionText.js';
export { resolveKind, type KindHints, type KindResolution } from './kind.js';
export { findSlots, type FoundSlot } from './slots.js';
