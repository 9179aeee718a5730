/**
 * Compiles the formula being edited with the engine, as the app would: every decision table of
 * the app, and every other formula (the one being edited replaced by its current value).
 */
import {
  compileFormulas,
  compileTable,
  type CompiledFormula,
  type CompiledTable,
  type Diagnostic,
  type FieldInfo,
} from '@ruleloom/engine';
import type { FormulaDefinition, TableDefinition } from '@ruleloom/schemas';

/** The formula's inputs as the engine's field infos (for formula text). */
export function inputFields(formula: FormulaDefinition): FieldInfo[] {
  return (Array.isArray(formula.inputs) ? formula.inputs : []).map((input) => ({
    id: input.id,
    type: input.type,
    ...(input.label === undefined ? {} : { label: input.label }),
  }));
}

/** The compiled formula (undefined when it has errors) and the diagnostics of its file. */
export function compileFormula(
  formula: FormulaDefinition,
  path: string,
  files: Readonly<Record<string, unknown>>,
): { formula: CompiledFormula | undefined; diagnostics: Diagnostic[] } {
  const ignore = (): void => {};
  const tables = new Map<string, CompiledTable>();
  for (const [file, definition] of Object.entries(files)) {
    if (!file.startsWith('tables/')) continue;
    const table = compileTable(
      { file, definition: definition as TableDefinition },
      { report: ignore },
    );
    if (table) tables.set(table.id, table);
  }
  const others = Object.entries(files)
    .filter(([file]) => file.startsWith('formulas/') && file !== path)
    .map(([file, definition]) => ({ file, definition: definition as FormulaDefinition }));
  const diagnostics: Diagnostic[] = [];
  const compiled = compileFormulas([...others, { file: path, definition: formula }], tables, {
    report: (d) => {
      if (d.file === path || d.file === undefined) diagnostics.push(d);
    },
  });
  return { formula: compiled.get(formula.id), diagnostics };
}
