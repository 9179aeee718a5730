import { FORBIDDEN_SEGMENTS, readProperty } from '../values.js';
import type { ValueType } from '../valueTypes.js';
import { markFieldRead, markMissingTest, readField } from './fuse.js';
import { absent, type CompiledArg, type Evaluator, type SelfCompileContext } from './spec.js';

/** Splits a `var` path as json-logic-js does (`String(path).split(".")`). */
export function pathSegments(path: unknown): readonly string[] {
  return String(path).split('.');
}

/** True for the paths that mean "the whole data": absent, `""` and `null`. */
export function isWholeDataPath(path: unknown): boolean {
  return path === undefined || path === '' || path === null;
}

/** Reads a dotted path; `notFound` when a step is missing. Forbidden segments read as missing. */
export function readPath(data: unknown, segments: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return notFound;
    if (FORBIDDEN_SEGMENTS.has(segment)) return notFound;
    current = readProperty(current, segment);
    if (current === undefined) return notFound;
  }
  return current;
}

function readDynamic(data: unknown, path: unknown, notFound: unknown): unknown {
  return isWholeDataPath(path) ? data : readPath(data, pathSegments(path), notFound);
}

/** Compiles `var` with its path resolved at compile time when it is a literal. */
export function compileVar(ctx: SelfCompileContext): { fn: Evaluator; type: ValueType } {
  const [pathArg, defaultArg] = ctx.args;
  const fallback = defaultArg?.fn;
  const constantDefault = defaultArg?.constant;
  if (!pathArg || pathArg.constant) {
    const path = pathArg?.constant?.value;
    if (isWholeDataPath(path)) return { fn: (d) => d, type: 'any' };
    const segments = pathSegments(path);
    const type = ctx.checkPath(String(path), 0);
    if (!fallback) {
      if (segments.length === 1) {
        const key = segments[0] as string;
        if (FORBIDDEN_SEGMENTS.has(key)) return { fn: () => null, type };
        return { fn: markFieldRead((d) => readField(d, key), key), type };
      }
      return { fn: (d) => readPath(d, segments, null), type };
    }
    if (constantDefault) {
      const notFound = constantDefault.value ?? null;
      return { fn: (d) => readPath(d, segments, notFound), type };
    }
    return {
      fn: (d, e) => {
        const notFound = fallback(d, e);
        return readPath(d, segments, notFound === undefined ? null : notFound);
      },
      type,
    };
  }
  const dynamicPath = pathArg.fn;
  const dynamicDefault = fallback ?? absent;
  return {
    fn: (d, e) => {
      const path = dynamicPath(d, e);
      const notFound = dynamicDefault(d, e);
      return readDynamic(d, path, notFound === undefined ? null : notFound);
    },
    type: 'any',
  };
}

/** The keys of `missing`'s arguments whose values are null, missing or `""`. */
export function missingKeys(data: unknown, args: readonly unknown[]): unknown[] {
  const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const missing: unknown[] = [];
  for (const key of keys) {
    // json-logic-js reads each key as `{"var": key}`: a list key is `[path, default]`.
    const [path, fallback] = Array.isArray(key) ? key : [key, undefined];
    const value = readDynamic(data, path, fallback === undefined ? null : fallback);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

function checkLiteralKeys(ctx: SelfCompileContext, from: number): void {
  ctx.args.slice(from).forEach((arg, index) => {
    const value = arg.constant?.value;
    const keys = Array.isArray(value) ? value : [value];
    for (const key of keys) {
      if (typeof key === 'string' && key !== '') ctx.checkPath(key, from + index);
    }
  });
}

/**
 * The literal keys of `missing`'s arguments, as json-logic-js reads them (one array argument,
 * or every argument); `undefined` when any argument is computed at run time.
 */
function literalKeys(args: readonly CompiledArg[]): readonly unknown[] | undefined {
  if (!args.every((arg) => arg.constant)) return undefined;
  const values = args.map((arg) => arg.constant?.value);
  return Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
}

/**
 * A checker for fixed keys: paths are split once. A new empty list is returned each time,
 * as json-logic-js does (`==` on two lists compares identity).
 */
function missingFixed(keys: readonly unknown[]): Evaluator {
  // A list key is `[path, default]` (see missingKeys): rare, so it takes the general path.
  if (keys.some((key) => Array.isArray(key))) return (d) => missingKeys(d, [keys]);
  const paths = keys.map((key) => (isWholeDataPath(key) ? undefined : pathSegments(key)));
  const isBlank = (value: unknown): boolean => value === null || value === '';
  if (paths.every((segments) => segments?.length === 1)) {
    // Top-level fields only (the usual gate): no path walking.
    const names = paths.map((segments) => (segments as readonly string[])[0] as string);
    const fn: Evaluator = (d) => {
      let missing: unknown[] | undefined;
      for (let i = 0; i < names.length; i++) {
        if (isBlank(readField(d, names[i] as string))) (missing ??= []).push(keys[i]);
      }
      return missing ?? [];
    };
    return markMissingTest(fn, (d) => {
      for (let i = 0; i < names.length; i++)
        if (isBlank(readField(d, names[i] as string))) return true;
      return false;
    });
  }
  const read = (d: unknown, i: number): unknown => {
    const segments = paths[i];
    return segments === undefined ? d : readPath(d, segments, null);
  };
  const fn: Evaluator = (d) => {
    let missing: unknown[] | undefined;
    for (let i = 0; i < paths.length; i++) if (isBlank(read(d, i))) (missing ??= []).push(keys[i]);
    return missing ?? [];
  };
  return markMissingTest(fn, (d) => {
    for (let i = 0; i < paths.length; i++) if (isBlank(read(d, i))) return true;
    return false;
  });
}

/** Compiles `missing`: which of the given field paths have no value. */
export function compileMissing(ctx: SelfCompileContext): { fn: Evaluator; type: ValueType } {
  checkLiteralKeys(ctx, 0);
  const keys = literalKeys(ctx.args);
  if (keys) return { fn: missingFixed(keys), type: 'array' };
  const fns = ctx.args.map((arg) => arg.fn);
  return {
    fn: (d, e) =>
      missingKeys(
        d,
        fns.map((fn) => fn(d, e)),
      ),
    type: 'array',
  };
}

/** Compiles `missing_some`: `[]` when at least `need` of the paths have values, else the missing ones. */
export function compileMissingSome(ctx: SelfCompileContext): { fn: Evaluator; type: ValueType } {
  checkLiteralKeys(ctx, 1);
  const need = ctx.args[0]?.fn ?? absent;
  const options = ctx.args[1]?.fn ?? absent;
  const fixed = ctx.args[1]?.constant?.value;
  if (Array.isArray(fixed) && !Array.isArray(fixed[0])) {
    const check = missingFixed(fixed);
    return {
      fn: (d, e) => {
        const count = need(d, e) as number;
        const missing = check(d, e) as unknown[];
        return fixed.length - missing.length >= count ? [] : missing;
      },
      type: 'array',
    };
  }
  return {
    fn: (d, e) => {
      const count = need(d, e) as number;
      const keys = options(d, e);
      const list = Array.isArray(keys) ? keys : [keys];
      const missing = missingKeys(d, list);
      return list.length - missing.length >= count ? [] : missing;
    },
    type: 'array',
  };
}
