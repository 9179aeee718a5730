import { describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { canvasTargetOf, showsOnCanvas } from './canvasFocus.js';
import { entryPointer, fieldDiagnostics, groupDiagnostics } from './canvasProblems.js';
import type { EntityDef, FormDef } from './formModel.js';
import type { Diagnostic } from '@ruleloom/engine';

const files = salesCrmFiles();
const form = files['forms/lead-create.json'] as FormDef;
const entity = files['entities/lead.json'] as EntityDef;
const sourceIndex = entity.fields.findIndex((f) => f.id === 'source');

describe('a problem pointer on the canvas', () => {
  it('given a pointer to a field of a group, then it selects that field', () => {
    expect(canvasTargetOf('form', form, '/sections/1/fields/2')).toEqual({
      kind: 'field',
      field: 'firstTouch',
    });
    expect(canvasTargetOf('form', form, '/sections/1/fields/1/visibleWhen')).toEqual({
      kind: 'field',
      field: 'websiteForm',
    });
  });

  it('given a pointer to a group or its field list, then it selects the group', () => {
    expect(canvasTargetOf('form', form, '/sections/1/label')).toEqual({ kind: 'group', group: 1 });
    expect(canvasTargetOf('form', form, '/sections/0/fields')).toEqual({ kind: 'group', group: 0 });
  });

  it('given a form without groups, then /fields/<n> selects the field', () => {
    const plain = { ...form, sections: undefined, fields: ['name', { field: 'source' }] };
    expect(canvasTargetOf('form', plain, '/fields/1')).toEqual({ kind: 'field', field: 'source' });
  });

  it('given a pointer into an entity field option, then it selects the field and names the option', () => {
    expect(canvasTargetOf('entity', entity, `/fields/${sourceIndex}/options/1/label`)).toEqual({
      kind: 'field',
      field: 'source',
      option: 1,
      optionPart: 'label',
    });
  });

  it('given the form title, then the form settings show; a validation rule stays in JSON', () => {
    expect(canvasTargetOf('form', form, '/label')).toEqual({ kind: 'form' });
    expect(showsOnCanvas('form', form, '/validations/0/expression')).toBe(false);
    expect(showsOnCanvas('form', form, '/sections/0/fields/2')).toBe(true);
    expect(showsOnCanvas('pipeline', form, '/sections/0/fields/2')).toBe(false);
    expect(showsOnCanvas('form', form, undefined)).toBe(false);
  });

  it('given a field whose id is empty or repeated, then the JSON view shows it', () => {
    const broken = {
      ...entity,
      fields: [
        { id: '', type: 'text' },
        { id: 'a', type: 'text' },
        { id: 'a', type: 'text' },
      ],
    };
    expect(canvasTargetOf('entity', broken, '/fields/0/id')).toBeUndefined();
    expect(canvasTargetOf('entity', broken, '/fields/1')).toBeUndefined();
  });
});

describe('problems where they are fixed', () => {
  const at = (file: string, pointer: string): Diagnostic =>
    ({ file, pointer, severity: 'error', code: 'RL0000' }) as unknown as Diagnostic;
  const designer = {
    formPath: 'forms/lead-create.json',
    form,
    entityPath: 'entities/lead.json',
    entity,
  };
  const all = [
    at('entities/lead.json', `/fields/${sourceIndex}/options/0/id`),
    at('forms/lead-create.json', '/sections/1/fields/0'),
    at('forms/lead-create.json', '/sections/1/fields'),
    at('forms/lead-create.json', '/sections/1/label'),
    at('forms/other.json', '/sections/1/fields/0'),
  ];

  it('finds a field entry on the form', () => {
    expect(entryPointer(form, 'source')).toBe('/sections/1/fields/0');
    expect(entryPointer(form, 'budget')).toBeUndefined();
  });

  it('gives a field the problems of its definition and of its entry', () => {
    expect(fieldDiagnostics(all, designer, 'source').map((d) => d.pointer)).toEqual([
      `/fields/${sourceIndex}/options/0/id`,
      '/sections/1/fields/0',
    ]);
  });

  it('gives a group its own problems, not those of its fields', () => {
    expect(groupDiagnostics(all, 'forms/lead-create.json', 1).map((d) => d.pointer)).toEqual([
      '/sections/1/fields',
      '/sections/1/label',
    ]);
  });
});
