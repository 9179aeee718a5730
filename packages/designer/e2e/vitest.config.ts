import { defineConfig } from 'vitest/config';

// Browser tests of the designer: each starts `ruleloom serve` on a temp copy of an example
// app and drives Debian's chromium with playwright-core. Run after `npm run build`.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
