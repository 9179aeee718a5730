// Writes docs/reference/diagnostics.md from the built engine's catalogue.
import { writeFileSync } from 'node:fs';
import { catalogue } from '@ruleloom/engine';
import { renderDiagnosticsDoc } from './diagnostics-doc.js';

writeFileSync(
  new URL('../docs/reference/diagnostics.md', import.meta.url),
  renderDiagnosticsDoc(catalogue),
);
console.log(`docs/reference/diagnostics.md: ${Object.keys(catalogue).length} codes`);
