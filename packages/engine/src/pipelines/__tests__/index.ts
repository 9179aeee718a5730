/**
 * Test helpers for pipelines: an AppIndex made from entity definitions (with a small
 * CompiledEntity stub, so these tests do not depend on the entities compiler), the shared
 * fixtures, records and a user directory.
 */
import type {
  AppDefinition,
  EntityDefinition,
  EntityField,
  PipelineDefinition,
} from '@ruleloom/schemas';
// The shared fixtures, imported as JSON modules: no file system, like the engine itself.
import salesCrmJson from '@ruleloom/schemas/fixtures/valid/app/sales-crm.json' with { type: 'json' };
import opportunityEntityJson from '@ruleloom/schemas/fixtures/valid/entity/opportunity.json' with { type: 'json' };
import dealSimpleJson from '@ruleloom/schemas/fixtures/valid/pipeline/deal-simple.json' with { type: 'json' };
import opportunityJson from '@ruleloom/schemas/fixtures/valid/pipeline/opportunity.json' with { type: 'json' };
import type { AppIndex, CompiledEntity } from '../../app/parts.js';
import type { DirectoryUser, RecordState } from '../../app/types.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { compileExpression } from '../../expr/compile.js';
import type { FieldInfo, FieldType } from '../../expr/types.js';
import { compilePipeline } from '../compilePipeline.js';
import { toLocalized } from '../text.js';
import type { PipelineRuntime } from '../types.js';

/** A deep copy of a JSON value, to change a fixture in one test without touching the others. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The sales-crm manifest (roles: sales-rep, sales-manager, sales-director, finance, legal, …). */
export const manifest = salesCrmJson as unknown as AppDefinition;
export const opportunityEntity = opportunityEntityJson as unknown as EntityDefinition;
export const opportunityPipeline = opportunityJson as unknown as PipelineDefinition;
export const dealSimplePipeline = dealSimpleJson as unknown as PipelineDefinition;

/** Just enough of a compiled entity for pipelines: fields, their types and labels. */
export function stubEntity(definition: EntityDefinition, file: string): CompiledEntity {
  const fields = new Map<string, EntityField>(definition.fields.map((field) => [field.id, field]));
  const fieldInfos: FieldInfo[] = definition.fields.map((field) => ({
    id: field.id,
    type: field.type as FieldType,
    ...(field.label === undefined ? {} : { label: field.label }),
  }));
  return {
    id: definition.id,
    file,
    definition,
    label: toLocalized(definition.label, definition.id),
    fields,
    fieldInfos,
    fieldLabel: (id) => toLocalized(fields.get(id)?.label, id),
    withDefaults: (values) => ({ ...values }),
    withComputed: (values) => ({ ...values }),
    checkValues: () => [],
  };
}

/** An AppIndex over the given entities, collecting what is reported. */
export interface TestIndex {
  readonly index: AppIndex;
  readonly diagnostics: Diagnostic[];
}

/**
 * An AppIndex like compileApp's: the sales-crm manifest and roles (or the given roles),
 * entities compiled by {@link stubEntity}, expressions type-checked against them.
 */
export function testIndex(
  entities: readonly EntityDefinition[] = [opportunityEntity],
  roles: readonly string[] = (manifest.roles ?? []).map((role) => role.id),
): TestIndex {
  const diagnostics: Diagnostic[] = [];
  const compiled = new Map(
    entities.map((entity) => [entity.id, stubEntity(entity, `entities/${entity.id}.json`)]),
  );
  const index: AppIndex = {
    manifest,
    locale: 'zh-CN',
    zone: 'Asia/Shanghai',
    roles: new Set(roles),
    entities: compiled,
    report: (diagnostic) => diagnostics.push(diagnostic),
    expression: (logic, entity, file, pointer) => {
      const fields = entity === undefined ? undefined : compiled.get(entity)?.fieldInfos;
      const expression = compileExpression(logic, {
        ...(fields === undefined ? {} : { fields }),
        file,
        pointer,
      });
      diagnostics.push(...expression.diagnostics);
      return expression.ok ? expression : undefined;
    },
  };
  return { index, diagnostics };
}

/** Compiles a pipeline definition; the diagnostics come back with it. */
export function compile(
  definition: PipelineDefinition = opportunityPipeline,
  entities?: readonly EntityDefinition[],
  roles?: readonly string[],
): { pipeline: PipelineRuntime | undefined; diagnostics: Diagnostic[] } {
  const { index, diagnostics } = testIndex(entities, roles);
  const pipeline = compilePipeline({ file: 'pipelines/opportunity.json', definition }, index);
  return { pipeline, diagnostics };
}

/** The opportunity pipeline of the fixtures, compiled (throws if it does not compile). */
export function opportunity(definition: PipelineDefinition = opportunityPipeline): PipelineRuntime {
  const { pipeline, diagnostics } = compile(definition);
  if (pipeline === undefined) {
    throw new Error(`does not compile: ${diagnostics.map((d) => d.message.en).join('; ')}`);
  }
  return pipeline;
}

/** 2024-06-03 09:00 in Shanghai. */
export const T0 = Date.UTC(2024, 5, 3, 1, 0, 0);
export const HOUR = 3_600_000;

/** An opportunity record in a stage, with the given values. */
export function record(
  values: Readonly<Record<string, unknown>>,
  overrides: Partial<RecordState> = {},
): RecordState {
  return {
    id: 'opp-1',
    entity: 'opportunity',
    values,
    tags: [],
    stageHistory: {},
    approvals: [],
    createdAt: T0,
    createdBy: 'u-rep',
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

/** The directory: a rep (managed by 王经理), a director, two legal staff, finance. */
export const users: readonly DirectoryUser[] = [
  { id: 'u-rep', label: '李销售', roles: ['sales-rep'], manager: 'u-manager' },
  { id: 'u-manager', label: '王经理', roles: ['sales-manager'], manager: 'u-director' },
  { id: 'u-director', label: '张总监', roles: ['sales-director'] },
  { id: 'u-legal', label: '赵法务', roles: ['legal'] },
  { id: 'u-legal2', label: '钱法务', roles: ['legal'] },
  { id: 'u-finance', label: '孙财务', roles: ['finance'] },
];

/** A context acting as one of {@link users} at `now`. */
export function as(userId: string, now: number | string = T0) {
  const user = users.find((candidate) => candidate.id === userId);
  return {
    now,
    users,
    actor: { id: userId, roles: user?.roles ?? [] },
  };
}

/** Values that pass every gate of the opportunity pipeline up to the contract. */
export const complete = {
  title: '华东区年度采购',
  customer: 'c-1',
  owner: 'u-rep',
  amount: 30000,
  budgetRange: 'under-50k',
  decisionRole: 'decision-maker',
  quotedMilestoneDays: 30,
  contractMilestoneDays: 32,
} as const;
