// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'packages/schemas/src/generated/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='eval']",
          message: 'eval is forbidden: definitions are untrusted.',
        },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'new Function is forbidden: definitions are untrusted.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time comes from the context, never the system clock.',
        },
      ],
    },
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'os', 'url'],
              message: 'The engine runs in browsers: no Node modules.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine is deterministic.' },
        {
          object: 'Date',
          property: 'now',
          message: 'Time comes from the context, never the system clock.',
        },
        { object: 'performance', property: 'now', message: 'The engine is deterministic.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'bench/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The designer runs in browsers; its tests and browser tests run in Node.
    files: ['packages/designer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
