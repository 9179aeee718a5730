import type { FormulaDefinition, TableDefinition } from '@ruleloom/schemas';
import customerHealth from '@ruleloom/schemas/fixtures/valid/formula/customer-health.json' with { type: 'json' };
import incentiveBonus from '@ruleloom/schemas/fixtures/valid/formula/incentive-bonus.json' with { type: 'json' };
import tierCoefficient from '@ruleloom/schemas/fixtures/valid/formula/tier-coefficient.json' with { type: 'json' };
import paymentTimelinessBonus from '@ruleloom/schemas/fixtures/valid/table/payment-timeliness-bonus.json' with { type: 'json' };
import rebateTier from '@ruleloom/schemas/fixtures/valid/table/rebate-tier.json' with { type: 'json' };
import storeTierRebate from '@ruleloom/schemas/fixtures/valid/table/store-tier-rebate.json' with { type: 'json' };
import type { Diagnostic } from '../../diagnostics/types.js';
import { compileTable } from '../compileTable.js';
import type { CompileTableOptions, CompiledTable } from '../types.js';

const fixtures: Readonly<Record<string, unknown>> = {
  'table/rebate-tier': rebateTier,
  'table/store-tier-rebate': storeTierRebate,
  'table/payment-timeliness-bonus': paymentTimelinessBonus,
  'formula/customer-health': customerHealth,
  'formula/incentive-bonus': incentiveBonus,
  'formula/tier-coefficient': tierCoefficient,
};

/** A definition fixture of packages/schemas (valid/<kind>/<name>.json), as a fresh copy. */
export function fixture<T extends TableDefinition | FormulaDefinition>(
  kind: string,
  name: string,
): T {
  const found = fixtures[`${kind}/${name}`];
  if (found === undefined) throw new Error(`no fixture ${kind}/${name}`);
  return structuredClone(found) as T;
}

/** A table definition from its parts, with the schema's boilerplate. */
export function tableOf(
  parts: Partial<TableDefinition> & Pick<TableDefinition, 'rows'>,
): TableDefinition {
  return {
    $schema: 'https://ruleloom.dev/schemas/v1/table.schema.json',
    id: 'test-table',
    hitPolicy: 'first',
    inputs: [{ id: 'amount', label: { 'zh-CN': '金额', en: 'Amount' }, type: 'money' }],
    outputs: [{ id: 'rate', type: 'percent' }],
    ...parts,
  } as TableDefinition;
}

/** Compiles a table and keeps its diagnostics. */
export function compile(
  definition: TableDefinition,
  options: Partial<CompileTableOptions> = {},
): { table: CompiledTable | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const table = compileTable(
    { file: `tables/${String((definition as { id?: unknown } | null)?.id)}.json`, definition },
    { ...options, report: (d) => diagnostics.push(d) },
  );
  return { table, diagnostics };
}

/** Compiles a table that must compile (warnings allowed). */
export function mustCompile(
  definition: TableDefinition,
  options: Partial<CompileTableOptions> = {},
): CompiledTable {
  const { table, diagnostics } = compile(definition, options);
  if (!table)
    throw new Error(
      `did not compile: ${diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message.en}`).join('; ')}`,
    );
  return table;
}

/** Code and pointer of each diagnostic, for compact expectations. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.pointer}`);
}
