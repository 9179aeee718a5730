import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const designerStub = (file: string): string =>
  fileURLToPath(new URL(`./packages/designer/src/testing/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of the workspace packages.
    conditions: ['source'],
  },
  test: {
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'packages',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: ['packages/designer/**', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        // The designer's component tests: React in jsdom, monaco replaced by a textarea.
        extends: true,
        resolve: {
          alias: [
            { find: /^@monaco-editor\/react$/, replacement: designerStub('monacoReactStub.tsx') },
            { find: /^monaco-editor(\/.*)?$/, replacement: designerStub('monacoStub.ts') },
          ],
        },
        test: {
          name: 'designer',
          include: ['packages/designer/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['./packages/designer/src/testing/setup.ts'],
        },
      },
    ],
  },
});
