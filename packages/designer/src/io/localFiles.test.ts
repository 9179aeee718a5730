import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { appFromTexts, formatDefinition, readZip, zipApp } from './localFiles.js';

describe('apps opened in the browser', () => {
  it('given a folder with the app one level down, then paths are relative to app.json', () => {
    const app = appFromTexts('x', [
      ['repo/crm/app.json', '{"id":"crm"}'],
      ['repo/crm/forms/a.json', '{"id":"a"}'],
      ['repo/crm/forms/broken.json', '{'],
      ['repo/crm/.git/x.json', '{}'],
      ['repo/other.json', '{}'],
    ]);
    expect(app).toEqual({
      name: 'crm',
      files: { 'app.json': { id: 'crm' }, 'forms/a.json': { id: 'a' } },
      unreadable: ['forms/broken.json'],
    });
    expect(appFromTexts('x', [['a.json', '{}']])).toBeUndefined();
  });

  it('given the files, when zipped and read back, then they are the same', async () => {
    const files = { 'app.json': { id: 'crm' }, 'forms/a.json': { id: 'a', n: [1, 2] } };
    const blob = await zipApp('crm', files);
    const bytes = await JSZip.loadAsync(blob).then((z) => z.generateAsync({ type: 'uint8array' }));
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('crm/forms/a.json')!.async('string')).toBe(
      formatDefinition(files['forms/a.json']),
    );
    const app = await readZip(blob, 'crm.zip');
    expect(app?.files).toEqual(files);
  });
});
