// Types of scripts/generate.js, for the staleness test (src/generated.test.ts).

/** Root of the package (packages/schemas). */
export declare const packageRoot: string;

/** One schema file. `kind` is set for the schema of a definition kind. */
export interface LoadedSchema {
  readonly file: string;
  readonly name: string;
  readonly schema: Record<string, unknown>;
  readonly kind: string | undefined;
}

/** Reads every schema file, sorted by file name. */
export declare function loadSchemas(dir?: string): LoadedSchema[];

/** TypeScript name of a kind's definition type: entity → EntityDefinition. */
export declare function typeNameOfKind(kind: string): string;

/** Every generated file, by path relative to the package root. */
export declare function generateAll(): Promise<Record<string, string>>;
