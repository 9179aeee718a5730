import type { AppDefinition, EntityDefinition, FormDefinition } from '@ruleloom/schemas';
import type { AppIndex, CompiledEntity } from '../../app/parts.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { compileEntity } from '../../entities/index.js';
import { compileExpression } from '../../expr/compile.js';
import { compileForm, type CompiledFormDetails } from '../index.js';

/** An app index the way compileApp builds one: entities first, expressions type-checked. */
export function buildIndex(entities: readonly EntityDefinition[]): {
  index: AppIndex;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const compiled = new Map<string, CompiledEntity>();
  const index: AppIndex = {
    manifest: {
      $schema: 'https://ruleloom.dev/schemas/v1/app.schema.json',
      id: 'sales-crm',
      name: '销售管理系统',
      version: '1.0.0',
    } as AppDefinition,
    locale: 'zh-CN',
    zone: 'Asia/Shanghai',
    roles: new Set(['sales-rep', 'sales-director']),
    entities: compiled,
    report: (diagnostic) => diagnostics.push(diagnostic),
    expression(logic, entity, file, pointer) {
      const fields = entity === undefined ? undefined : compiled.get(entity)?.fieldInfos;
      const expression = compileExpression(logic, { file, pointer, ...(fields ? { fields } : {}) });
      diagnostics.push(...expression.diagnostics);
      return expression.ok ? expression : undefined;
    },
  };
  for (const definition of entities) {
    const entity = compileEntity({ file: `entities/${definition.id}.json`, definition }, index);
    compiled.set(entity.id, entity);
  }
  return { index, diagnostics };
}

/** Compiles one form against the entities; fails the test when the form does not compile. */
export function formOf(
  definition: FormDefinition,
  entities: readonly EntityDefinition[],
): { form: CompiledFormDetails; diagnostics: Diagnostic[] } {
  const { index, diagnostics } = buildIndex(entities);
  const form = compileForm({ file: `forms/${definition.id}.json`, definition }, index);
  if (!form)
    throw new Error(`form ${definition.id} did not compile: ${JSON.stringify(diagnostics)}`);
  return { form, diagnostics };
}

/** The time the tests run at: Monday 2 March 2026, 10:00 in Shanghai. */
export const ctx = { now: '2026-03-02T10:00:00+08:00' } as const;
