import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JS script shared with `npm run docs:diagnostics`
import { renderDiagnosticsDoc } from '../../../scripts/diagnostics-doc.js';
import { catalogue } from '../src/index.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the diagnostics catalogue', () => {
  const entries = Object.entries(catalogue);

  it.each(entries)(
    '%s has a title, and a message and a fix hint in zh-CN and en',
    (code, entry) => {
      expect(code).toMatch(/^RL[1-59]\d{3}$/);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect(entry.title.length).toBeGreaterThan(0);
      for (const text of [
        entry.message.en,
        entry.message['zh-CN'],
        entry.hint.en,
        entry.hint['zh-CN'],
      ]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
      // Both languages say the same things: the same placeholders.
      expect(placeholders(entry.message['zh-CN'])).toEqual(placeholders(entry.message.en));
      // The zh-CN text is Chinese, not a copy of the English.
      expect(entry.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.hint['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('is documented in docs/reference/diagnostics.md, which is current (npm run docs:diagnostics)', () => {
    const doc = readFileSync(
      new URL('../../../docs/reference/diagnostics.md', import.meta.url),
      'utf8',
    );
    expect(doc).toBe(renderDiagnosticsDoc(catalogue));
  });
});
