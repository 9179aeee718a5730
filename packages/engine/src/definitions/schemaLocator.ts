import {
  allSchemas,
  definitionSchemas,
  schemaBaseUrl,
  type DefinitionKind,
} from '@ruleloom/schemas';
import {
  isJsonObject,
  lastSegment,
  parentPointer,
  pointerSegments,
  valueAt,
  type JsonObject,
} from './pointer.js';

// Finds which parts of a kind's schema apply to one object of a document, so that a schema
// error can be explained in the document's terms ("options does not apply when type is
// text", "did you mean label?"). ajv's own schemaPath cannot be used for this: with refs
// compiled to separate functions it is relative to whichever schema the error came from.
// The schemas only use a small set of keywords for their shape (properties, items, $ref,
// allOf, anyOf split by type, if/then/else on a discriminator or on presence), and that is
// what is followed here.

/** A subschema and the `$id` of the schema document it sits in (for resolving `$ref`). */
interface Scoped {
  readonly schema: JsonObject;
  readonly base: string;
  /** Set when the subschema applies because an `if` decided so. */
  readonly via?: { readonly condition: JsonObject; readonly branch: 'then' | 'else' };
}

/** Why a property is refused at a location. */
export type Refusal =
  | { readonly kind: 'conflict'; readonly other: string }
  /** Refused because of the value of `property` (empty when the condition is not a simple one). */
  | { readonly kind: 'condition'; readonly property: string };

/** What the schema says about one object of a document. */
export interface ObjectShape {
  /** Properties the applicable subschemas declare (and do not forbid). */
  readonly declared: ReadonlySet<string>;
  /** Properties that only some variant declares, with the property that selects the variant. */
  readonly variants: ReadonlyMap<string, string>;
  /** Properties refused by a conditional branch, and why. */
  readonly refused: ReadonlyMap<string, Refusal>;
  /** The description of each declared property, for hints. */
  readonly descriptions: ReadonlyMap<string, string>;
}

const MAX_DEPTH = 40;
const documents: ReadonlyMap<string, JsonObject> = new Map(
  allSchemas.map((schema) => [schema.$id, schema]),
);

function resolveRef(ref: string, base: string): Scoped | undefined {
  const hash = ref.indexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const id = file === '' ? base : file.includes('://') ? file : `${schemaBaseUrl}${file}`;
  const target = valueAt(documents.get(id), pointerSegments(decodeURIComponent(fragment)));
  return isJsonObject(target) ? { schema: target, base: id } : undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function typeAllows(type: unknown, value: unknown): boolean {
  const actual = jsonType(value);
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)));
}

/**
 * Whether `value` matches a simple schema (`properties`, `required`, `const`, `enum`,
 * `type`): true, false, or undefined when the schema uses anything else.
 */
function matches(schema: unknown, value: unknown, depth = 0): boolean | undefined {
  if (typeof schema === 'boolean') return schema;
  if (!isJsonObject(schema) || depth > MAX_DEPTH) return undefined;
  let result: boolean | undefined = true;
  for (const [keyword, expected] of Object.entries(schema)) {
    let outcome: boolean | undefined;
    if (keyword === 'properties' && isJsonObject(expected)) {
      outcome = true;
      if (isJsonObject(value)) {
        for (const [name, sub] of Object.entries(expected)) {
          if (!Object.hasOwn(value, name)) continue;
          const inner = matches(sub, value[name], depth + 1);
          if (inner === false) return false;
          if (inner === undefined) outcome = undefined;
        }
      }
    } else if (keyword === 'required' && Array.isArray(expected)) {
      outcome =
        !isJsonObject(value) ||
        expected.every((name) => typeof name === 'string' && Object.hasOwn(value, name));
    } else if (keyword === 'const') {
      outcome = value === expected;
    } else if (keyword === 'enum' && Array.isArray(expected)) {
      outcome = expected.includes(value);
    } else if (keyword === 'type') {
      outcome = typeAllows(expected, value);
    } else if (keyword === 'description' || keyword === 'title' || keyword === '$comment') {
      continue;
    }
    if (outcome === false) return false;
    if (outcome === undefined) result = undefined;
  }
  return result;
}

/** False when a branch of anyOf/oneOf declares a type the value does not have. */
function branchFits(scoped: Scoped, value: unknown): boolean {
  const { schema } = scoped;
  if (schema.type !== undefined) return typeAllows(schema.type, value);
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, scoped.base);
    return target ? branchFits(target, value) : true;
  }
  return true;
}

/** The subschemas that apply to `value` at one place: the schema, its refs, allOf, fitting anyOf branches, taken if/then/else. */
function applicable(scoped: Scoped, value: unknown, depth = 0): Scoped[] {
  if (depth > MAX_DEPTH) return [];
  const { schema, base } = scoped;
  const out: Scoped[] = [scoped];
  const add = (sub: unknown, via?: Scoped['via']): void => {
    if (isJsonObject(sub))
      out.push(...applicable({ schema: sub, base, ...(via ? { via } : {}) }, value, depth + 1));
  };
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, base);
    if (target) out.push(...applicable(target, value, depth + 1));
  }
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((sub) => add(sub));
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (isJsonObject(branch) && branchFits({ schema: branch, base }, value)) add(branch);
    }
  }
  if (isJsonObject(schema.if)) {
    const taken = matches(schema.if, value);
    if (taken !== false) add(schema.then, { condition: schema.if, branch: 'then' });
    if (taken !== true) add(schema.else, { condition: schema.if, branch: 'else' });
  }
  return out;
}

/** The subschemas for one child (property name or array index) of a value. */
function childSchemas(entries: readonly Scoped[], parent: unknown, segment: string): Scoped[] {
  const children: Scoped[] = [];
  for (const { schema, base } of entries) {
    let child: unknown;
    if (Array.isArray(parent)) {
      const prefix = schema.prefixItems;
      child =
        Array.isArray(prefix) && Number(segment) < prefix.length
          ? prefix[Number(segment)]
          : schema.items;
    } else {
      const properties = isJsonObject(schema.properties) ? schema.properties : {};
      child = Object.hasOwn(properties, segment)
        ? properties[segment]
        : schema.additionalProperties;
    }
    if (isJsonObject(child)) children.push({ schema: child, base });
  }
  return children;
}

/** The applicable subschemas at one place of a document, and the value there. */
export interface Location {
  readonly entries: readonly Scoped[];
  readonly value: unknown;
}

/**
 * Every subschema that applies to the value at `pointer` of a document of this kind. Each
 * parent's walk is kept in `cache`, so the objects of one long list cost one step each.
 */
function locate(
  kind: DefinitionKind,
  document: unknown,
  pointer: string,
  cache: Map<string, Location>,
): Location {
  const cached = cache.get(pointer);
  if (cached) return cached;
  let location: Location;
  if (pointer === '') {
    const root: Scoped = { schema: definitionSchemas[kind], base: definitionSchemas[kind].$id };
    location = { entries: applicable(root, document), value: document };
  } else {
    const parent = locate(kind, document, parentPointer(pointer), cache);
    const segment = lastSegment(pointer);
    const value = valueAt(parent.value, [segment]);
    const children = childSchemas(parent.entries, parent.value, segment);
    location = { entries: children.flatMap((scoped) => applicable(scoped, value)), value };
  }
  cache.set(pointer, location);
  return location;
}

/** The single property an `if` tests with const/enum (`type`, `kind`, `hitPolicy`), if any. */
function selector(condition: JsonObject): string | undefined {
  const properties = isJsonObject(condition.properties) ? Object.keys(condition.properties) : [];
  return properties.length === 1 ? properties[0] : undefined;
}

/** Properties of a conditional branch, following a `$ref` in it. */
function branchProperties(branch: unknown, base: string): string[] {
  if (!isJsonObject(branch)) return [];
  const own = isJsonObject(branch.properties) ? Object.keys(branch.properties) : [];
  const target = typeof branch.$ref === 'string' ? resolveRef(branch.$ref, base) : undefined;
  return target ? [...own, ...branchProperties(target.schema, target.base)] : own;
}

/**
 * What the schema of `kind` says about the object at `pointer` of `document`: which
 * properties it may have given its other values, which ones other variants would allow,
 * and which ones a condition refuses.
 *
 * @example
 * describeObject('entity', doc, '/fields/0').variants.get('options'); // 'type'
 */
export function describeObject(
  kind: DefinitionKind,
  document: unknown,
  pointer: string,
  cache: Map<string, Location> = new Map(),
): ObjectShape {
  const { entries } = locate(kind, document, pointer, cache);
  const declared = new Set<string>();
  const variants = new Map<string, string>();
  const refused = new Map<string, Refusal>();
  const descriptions = new Map<string, string>();
  const conditionals: Scoped[] = [];
  for (const entry of entries) {
    const { schema } = entry;
    if (isJsonObject(schema.properties)) {
      for (const [name, sub] of Object.entries(schema.properties)) {
        if (sub === false) {
          refused.set(name, refusal(entry));
          continue;
        }
        declared.add(name);
        if (isJsonObject(sub) && typeof sub.description === 'string' && !descriptions.has(name)) {
          descriptions.set(name, sub.description);
        }
      }
    }
    if (isJsonObject(schema.if)) conditionals.push(entry);
    if (Array.isArray(schema.allOf)) {
      for (const sub of schema.allOf)
        if (isJsonObject(sub) && isJsonObject(sub.if))
          conditionals.push({ schema: sub, base: entry.base });
    }
  }
  for (const { schema, base } of conditionals) {
    const key = selector(schema.if as JsonObject);
    if (!key) continue;
    for (const name of [
      ...branchProperties(schema.then, base),
      ...branchProperties(schema.else, base),
    ]) {
      if (!declared.has(name) && !variants.has(name)) variants.set(name, key);
    }
  }
  // A property a taken branch refuses is not allowed, even if the base schema declares it.
  for (const name of refused.keys()) declared.delete(name);
  return { declared, variants, refused, descriptions };
}

function refusal(entry: Scoped): Refusal {
  const condition = entry.via?.condition ?? {};
  const key = selector(condition);
  const required = Array.isArray(condition.required) ? condition.required : [];
  // `if: { required: [X] }, then: { properties: { Y: false } }`: Y conflicts with X.
  if (entry.via?.branch === 'then' && required.length === 1 && (!key || key === required[0])) {
    const test = isJsonObject(condition.properties)
      ? condition.properties[String(required[0])]
      : undefined;
    if (test === undefined || test === true)
      return { kind: 'conflict', other: String(required[0]) };
  }
  return { kind: 'condition', property: key ?? '' };
}
