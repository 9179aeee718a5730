import { describe, expect, test } from 'vitest';
import {
  allSchemas,
  definitionFolders,
  definitionKinds,
  definitionSchemas,
  kindOfPath,
  kindOfSchemaId,
  schemaIdOf,
} from './index.js';

describe('kinds and schema ids', () => {
  test('each kind round-trips through its schema id', () => {
    for (const kind of definitionKinds) {
      expect(definitionSchemas[kind].$id).toBe(schemaIdOf(kind));
      expect(kindOfSchemaId(schemaIdOf(kind))).toBe(kind);
    }
  });

  test('shared parts, other URLs and non-strings are not kinds', () => {
    expect(kindOfSchemaId('https://ruleloom.dev/schemas/v1/duration.schema.json')).toBeUndefined();
    expect(kindOfSchemaId('https://ruleloom.dev/schemas/v2/entity.schema.json')).toBeUndefined();
    expect(kindOfSchemaId('entity')).toBeUndefined();
    expect(kindOfSchemaId(42)).toBeUndefined();
  });

  test('every schema has a stable $id, a title and draft 2020-12', () => {
    for (const schema of allSchemas) {
      expect(schema.$id).toMatch(/^https:\/\/ruleloom\.dev\/schemas\/v1\/[a-z-]+\.schema\.json$/);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title.length).toBeGreaterThan(0);
    }
  });
});

describe('kindOfPath', () => {
  test.each([
    ['app.json', 'app'],
    ['entities/lead.json', 'entity'],
    ['forms/lead-create.json', 'form'],
    ['pipelines/opportunity.json', 'pipeline'],
    ['automations/whitepaper-lead.json', 'automation'],
    ['routing/lead-routing.json', 'routing'],
    ['tables/rebate-tier.json', 'table'],
    ['formulas/tier-coefficient.json', 'formula'],
    ['timers/b-lead-48h.json', 'timer'],
    ['tests/b-lead-48h.json', 'test'],
    ['examples/sales-crm/entities/lead.json', 'entity'],
    ['./examples/sales-crm/app.json', 'app'],
    ['C:\\apps\\crm\\timers\\b.json', 'timer'],
  ])('%s is a %s', (path, kind) => {
    expect(kindOfPath(path)).toBe(kind);
  });

  test.each([
    'sample-data/leads.json',
    'entities/lead.yaml',
    'entities',
    'lead.json',
    '',
    'valid/entity/lead.json',
  ])('%s has no kind', (path) => {
    expect(kindOfPath(path)).toBeUndefined();
  });

  test('the folders are the documented ones', () => {
    expect(Object.values(definitionFolders).sort()).toEqual(
      [
        'automations',
        'entities',
        'formulas',
        'forms',
        'pipelines',
        'routing',
        'tables',
        'tests',
        'timers',
      ].sort(),
    );
  });
});
