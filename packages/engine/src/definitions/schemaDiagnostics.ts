import type { DefinitionKind, SchemaError } from '@ruleloom/schemas';
import type { DiagnosticCode } from '../diagnostics/catalogue/index.js';
import {
  appendPointer,
  createDiagnostic,
  type DiagnosticExtras,
} from '../diagnostics/diagnostic.js';
import type { Diagnostic, DiagnosticParams, LocalizedText } from '../diagnostics/types.js';
import { editDistance } from '../formula/similarity.js';
import { isJsonObject, lastSegment, parentPointer, pointerSegments, valueAt } from './pointer.js';
import { describeObject, type Location, type ObjectShape } from './schemaLocator.js';
import {
  conditionText,
  displayValue,
  jsonTypeOf,
  reportForFormat,
  reportForPattern,
  sizeConstraint,
  typeList,
} from './schemaMessages.js';

/** What the conversion needs besides the errors. */
export interface SchemaDiagnosticsContext {
  readonly kind: DefinitionKind;
  readonly document: unknown;
  readonly extras: DiagnosticExtras;
  /** `$schema` names no kind and was reported already: its own errors are noise. */
  readonly ignoreSchemaProperty: boolean;
}

/** An ajv error with the pointer it is about (after moving propertyNames errors to the name). */
interface Located {
  readonly error: SchemaError;
  readonly pointer: string;
  /** Set when the error is about a property's name rather than its value. */
  readonly name?: string;
}

const ALTERNATIVES = new Set(['anyOf', 'oneOf']);
/** Properties that select a variant of a typed union; an invalid one makes the rest noise. */
const SELECTORS = new Set(['type', 'kind']);

/**
 * Turns ajv's errors (allErrors mode) into catalogue diagnostics, one or two per mistake:
 * `if` failures, the branches of an anyOf that do not apply to the value's type, and
 * properties reported as unevaluated only because a sibling failed are dropped; `required`
 * points at the object and names the property; unknown properties point at themselves and
 * suggest the closest allowed name.
 *
 * @example
 * schemaDiagnostics(validateDefinitionSchema('entity', doc).errors, { kind: 'entity', document: doc, extras: {}, ignoreSchemaProperty: false });
 */
export function schemaDiagnostics(
  errors: readonly SchemaError[],
  context: SchemaDiagnosticsContext,
): Diagnostic[] {
  let located = locateErrors(errors.filter((error) => error.keyword !== 'if')).filter(
    ({ pointer }) => !(context.ignoreSchemaProperty && isWithin(pointer, '/$schema')),
  );
  located = collapseAlternatives(located);
  located = dropUnevaluatedAfterBadSelector(located);

  const shapes = new Map<string, ObjectShape>();
  const locations = new Map<string, Location>();
  const shapeAt = (pointer: string): ObjectShape => {
    let shape = shapes.get(pointer);
    if (!shape) {
      shape = describeObject(context.kind, context.document, pointer, locations);
      shapes.set(pointer, shape);
    }
    return shape;
  };

  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const item of located) {
    const converted = convert(item, context, shapeAt);
    if (!converted) continue;
    const key = `${converted.code}\u0000${converted.pointer}\u0000${JSON.stringify(converted.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(
      createDiagnostic(converted.code, converted.pointer, converted.params, context.extras),
    );
  }
  return diagnostics;
}

/**
 * Pairs errors with the pointer they are about. An invalid property *name* is reported by
 * ajv as errors on the object followed by a `propertyNames` error that names the property;
 * those errors are moved onto the name, and the `propertyNames` error itself is dropped.
 */
function locateErrors(errors: readonly SchemaError[]): Located[] {
  const located: Located[] = [];
  for (const error of errors) {
    if (error.keyword !== 'propertyNames') {
      located.push({ error, pointer: error.instancePath });
      continue;
    }
    // The name's own errors came just before, on the same object, with string keywords
    // (which cannot apply to the object itself).
    const name = String(error.params.propertyName);
    for (let i = located.length - 1; i >= 0; i--) {
      const item = located[i] as Located;
      if (item.name !== undefined || item.pointer !== error.instancePath) break;
      if (!NAME_KEYWORDS.has(item.error.keyword)) break;
      located[i] = { error: item.error, pointer: appendPointer(error.instancePath, name), name };
    }
  }
  return located;
}

/** Keywords a property name can fail (names are strings). */
const NAME_KEYWORDS = new Set([
  'pattern',
  'not',
  'minLength',
  'maxLength',
  'format',
  'enum',
  'const',
]);

function isWithin(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

/**
 * At a value checked by anyOf/oneOf, the branches written for other types fail with `type`
 * errors that say nothing useful. When the branch that fits the value has errors of its own
 * (here or deeper), keep only those; when no branch fits, say once which types are allowed.
 * Linear in the number of errors, and the order of what is kept does not change.
 */
function collapseAlternatives(items: readonly Located[]): Located[] {
  const atPointer = new Map<string, Located[]>();
  const hasDeeperErrors = new Set<string>();
  for (const item of items) {
    atPointer.set(item.pointer, [...(atPointer.get(item.pointer) ?? []), item]);
    for (const ancestor of ancestorsOf(item.pointer)) hasDeeperErrors.add(ancestor);
  }
  const dropped = new Set<Located>();
  const replaced = new Map<Located, Located>();
  for (const [pointer, here] of atPointer) {
    if (!here.some((i) => ALTERNATIVES.has(i.error.keyword))) continue;
    const typeErrors = here.filter((i) => i.error.keyword === 'type');
    const noise = here.filter(
      (i) => i.error.keyword === 'type' || ALTERNATIVES.has(i.error.keyword),
    );
    noise.forEach((i) => dropped.add(i));
    if (hasDeeperErrors.has(pointer) || noise.length < here.length) continue;
    const first = noise[0] as Located;
    const expected = typeErrors.flatMap((i) => typeParam(i.error.params.type));
    const error: SchemaError =
      expected.length > 0
        ? { ...first.error, keyword: 'type', params: { type: expected } }
        : first.error;
    replaced.set(first, { error, pointer });
  }
  return items.flatMap((item) => {
    const replacement = replaced.get(item);
    if (replacement) return [replacement];
    return dropped.has(item) ? [] : [item];
  });
}

/** The pointers strictly above `pointer`: '/a/b' → '', '/a'. */
function ancestorsOf(pointer: string): string[] {
  const ancestors: string[] = [];
  for (let slash = pointer.indexOf('/'); slash >= 0; slash = pointer.indexOf('/', slash + 1)) {
    ancestors.push(pointer.slice(0, slash));
  }
  return ancestors;
}

function typeParam(type: unknown): string[] {
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? type.split(',') : [];
}

/** With an unknown `type`/`kind`, no variant applies and every other property looks unevaluated. */
function dropUnevaluatedAfterBadSelector(items: readonly Located[]): Located[] {
  const broken = new Set<string>();
  for (const { error, pointer } of items) {
    if (['enum', 'const', 'type'].includes(error.keyword) && SELECTORS.has(lastSegment(pointer)))
      broken.add(parentPointer(pointer));
    if (error.keyword === 'required' && SELECTORS.has(String(error.params.missingProperty)))
      broken.add(pointer);
  }
  return items.filter(
    (i) => !(i.error.keyword === 'unevaluatedProperties' && broken.has(i.pointer)),
  );
}

interface Converted {
  readonly code: DiagnosticCode;
  readonly pointer: string;
  readonly params: DiagnosticParams;
}

function convert(
  item: Located,
  context: SchemaDiagnosticsContext,
  shapeAt: (pointer: string) => ObjectShape,
): Converted | undefined {
  const { error, pointer } = item;
  const params = error.params;
  const value = item.name ?? valueAt(context.document, pointerSegments(pointer));
  switch (error.keyword) {
    case 'required':
      return { code: 'RL1006', pointer, params: { property: String(params.missingProperty) } };
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      return unknownProperty(appendPointer(pointer, property), property, shapeAt(pointer));
    }
    case 'unevaluatedProperties':
      return unevaluated(
        pointer,
        String(params.unevaluatedProperty),
        context.document,
        shapeAt(pointer),
      );
    case 'false schema':
      return refused(context.kind, pointer, context.document, shapeAt(parentPointer(pointer)));
    case 'type':
      return {
        code: 'RL1010',
        pointer,
        params: {
          expected: typeList(typeParam(params.type)),
          actual: typeList([jsonTypeOf(value)]),
        },
      };
    case 'enum':
      return {
        code: 'RL1011',
        pointer,
        params: {
          value: displayValue(value),
          allowed: (Array.isArray(params.allowedValues) ? params.allowedValues : [])
            .map(displayValue)
            .join(', '),
        },
      };
    case 'const':
      return {
        code: 'RL1011',
        pointer,
        params: { value: displayValue(value), allowed: displayValue(params.allowedValue) },
      };
    case 'pattern': {
      const report = reportForPattern(params.pattern);
      const shown = displayValue(value);
      if (!('what' in report)) return { code: report.code, pointer, params: { value: shown } };
      return {
        code: report.code,
        pointer,
        params: { value: shown, what: report.what, example: report.example },
      };
    }
    case 'format':
      return {
        code: 'RL1019',
        pointer,
        params: { value: displayValue(value), ...reportForFormat(params.format) },
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: 'RL1020',
        pointer,
        params: {
          value: displayValue(value),
          comparison: String(params.comparison),
          limit: String(params.limit),
        },
      };
    case 'uniqueItems': {
      const [first, second] = [Number(params.j), Number(params.i)].sort((a, b) => a - b);
      return { code: 'RL1022', pointer, params: { first: first ?? 0, second: second ?? 0 } };
    }
    case 'not':
      return reserved(value)
        ? { code: 'RL1016', pointer, params: { value: displayValue(value) } }
        : {
            code: 'RL1011',
            pointer,
            params: {
              value: displayValue(value),
              allowed: { 'zh-CN': '其他值', en: 'any other value' },
            },
          };
    case 'anyOf':
    case 'oneOf':
      return { code: 'RL1023', pointer, params: {} };
    default: {
      const constraint = sizeConstraint(error.keyword, params.limit);
      if (constraint) return { code: 'RL1021', pointer, params: { constraint } };
      return {
        code: 'RL1001',
        pointer,
        params: { kind: context.kind, detail: error.message ?? error.keyword },
      };
    }
  }
}

const RESERVED = /(?:^|\.)(?:__proto__|constructor|prototype)(?:\.|$)/;

function reserved(value: unknown): boolean {
  return typeof value === 'string' && RESERVED.test(value);
}

function unknownProperty(pointer: string, property: string, shape: ObjectShape): Converted {
  const candidates = [...shape.declared];
  return {
    code: 'RL1007',
    pointer,
    params: {
      property,
      suggestion: suggestion(property, candidates),
      allowed: candidates.join(', '),
    },
  };
}

function suggestion(property: string, candidates: readonly string[]): LocalizedText {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(property.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(property, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined
    ? { 'zh-CN': '', en: '' }
    : { 'zh-CN': `，是否想写 "${best}"？`, en: `; did you mean "${best}"?` };
}

/**
 * An unevaluated property is either unknown, or declared by a variant the object is not
 * (`options` on a text field), or declared by a variant that failed for another reason —
 * then the other error says it all and this one is dropped.
 */
function unevaluated(
  pointer: string,
  property: string,
  document: unknown,
  shape: ObjectShape,
): Converted | undefined {
  if (shape.declared.has(property)) return undefined;
  const selector = shape.variants.get(property);
  if (selector !== undefined) {
    const object = valueAt(document, pointerSegments(pointer));
    const current = isJsonObject(object) ? object[selector] : undefined;
    return {
      code: 'RL1008',
      pointer: appendPointer(pointer, property),
      params: { property, condition: conditionText(selector, current) },
    };
  }
  return unknownProperty(appendPointer(pointer, property), property, {
    ...shape,
    declared: new Set([...shape.declared, ...shape.variants.keys()]),
  });
}

function refused(
  kind: DefinitionKind,
  pointer: string,
  document: unknown,
  shape: ObjectShape,
): Converted {
  const property = lastSegment(pointer);
  const reason = shape.refused.get(property);
  if (reason?.kind === 'conflict')
    return { code: 'RL1009', pointer, params: { property, other: reason.other } };
  const selector = reason?.kind === 'condition' ? reason.property : '';
  if (!selector)
    return {
      code: 'RL1001',
      pointer,
      params: { kind, detail: `"${property}" is not allowed here` },
    };
  const object = valueAt(document, pointerSegments(parentPointer(pointer)));
  const condition = conditionText(selector, isJsonObject(object) ? object[selector] : undefined);
  return { code: 'RL1008', pointer, params: { property, condition } };
}
