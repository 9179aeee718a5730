// `npm run build -w @ruleloom/schemas` runs this, then `tsc -b`.
// 1. Regenerates src/generated/ from schemas/ (validators, their declarations, types, schema module).
// 2. Copies the hand-off JavaScript (validators.js + .d.ts) to dist/, which tsc does not emit.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateAll, packageRoot } from './generate.js';

const files = await generateAll();
for (const [relative, content] of Object.entries(files)) {
  const target = join(packageRoot, relative);
  mkdirSync(dirname(target), { recursive: true });
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current !== content) {
    writeFileSync(target, content);
    console.log(`wrote ${relative}`);
  }
}

mkdirSync(join(packageRoot, 'dist/generated'), { recursive: true });
for (const name of ['validators.js', 'validators.d.ts']) {
  copyFileSync(join(packageRoot, 'src/generated', name), join(packageRoot, 'dist/generated', name));
}
