import { compileApp } from '@ruleloom/engine';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { salesCrmFiles } from '../testing/salesCrm.js';
import { addFileRecipe, changedPaths, deleteFileRecipe, renameFileRecipe } from './fileOps.js';
import { KINDS, listedPaths } from './kinds.js';

const files = salesCrmFiles();

describe('new definition files', () => {
  it.each(KINDS.map((info) => [info.list, info] as const))(
    'given the sales CRM, when a new %s file is added, then it is listed and has no errors',
    (_, info) => {
      const next = produce(files, addFileRecipe(info, 'new-one'));
      const path = `${info.folder}/new-one.json`;
      expect(listedPaths(next, info.list)).toContain(path);
      const errors = compileApp({ files: next }).diagnostics.filter(
        (d) => d.severity === 'error' && d.file === path,
      );
      expect(errors.map((d) => `${d.code} ${d.pointer} ${d.message.en}`)).toEqual([]);
    },
  );

  it('given a file, when it is renamed and deleted, then app.json follows', () => {
    const renamed = produce(
      files,
      renameFileRecipe('forms/lead-create.json', 'forms/lead-new.json', 'forms'),
    );
    expect(listedPaths(renamed, 'forms')[0]).toBe('forms/lead-new.json');
    expect(renamed['forms/lead-create.json']).toBeUndefined();
    const deleted = produce(renamed, deleteFileRecipe('forms/lead-new.json', 'forms'));
    expect(listedPaths(deleted, 'forms')).not.toContain('forms/lead-new.json');
    expect(changedPaths(deleted, files).sort()).toEqual(['app.json', 'forms/lead-create.json']);
  });
});
