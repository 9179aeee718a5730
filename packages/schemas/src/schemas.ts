import {
  actionSchema,
  appSchema,
  automationSchema,
  cronSchema,
  durationSchema,
  entitySchema,
  eventSchema,
  expressionSchema,
  fieldReferenceSchema,
  fieldTypeSchema,
  formSchema,
  formulaSchema,
  idSchema,
  localizedTextSchema,
  moneySchema,
  partySchema,
  pipelineSchema,
  routingSchema,
  tableSchema,
  testSchema,
  timerSchema,
  zoneSchema,
} from './generated/schemas.js';
import type { JsonSchemaDocument } from './jsonSchema.js';
import type { DefinitionKind } from './kinds.js';

/**
 * The schema of each definition kind.
 *
 * @example
 * definitionSchemas.table.properties; // { $schema, id, label, hitPolicy, … }
 */
export const definitionSchemas: Readonly<Record<DefinitionKind, JsonSchemaDocument>> = {
  entity: entitySchema,
  form: formSchema,
  pipeline: pipelineSchema,
  automation: automationSchema,
  routing: routingSchema,
  table: tableSchema,
  formula: formulaSchema,
  timer: timerSchema,
  app: appSchema,
  test: testSchema,
};

/**
 * The shared parts the kinds refer to with `$ref`, by file name without `.schema.json`.
 *
 * @example
 * sharedSchemas.duration.$id; // 'https://ruleloom.dev/schemas/v1/duration.schema.json'
 */
export const sharedSchemas = {
  action: actionSchema,
  cron: cronSchema,
  duration: durationSchema,
  event: eventSchema,
  expression: expressionSchema,
  'field-reference': fieldReferenceSchema,
  'field-type': fieldTypeSchema,
  id: idSchema,
  'localized-text': localizedTextSchema,
  money: moneySchema,
  party: partySchema,
  zone: zoneSchema,
} as const satisfies Record<string, JsonSchemaDocument>;

/**
 * Every schema, kinds and shared parts, e.g. to register them all with an editor or with ajv.
 *
 * @example
 * for (const schema of allSchemas) ajv.addSchema(schema);
 */
export const allSchemas: readonly JsonSchemaDocument[] = [
  ...Object.values(definitionSchemas),
  ...Object.values(sharedSchemas),
];
