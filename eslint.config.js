// ESLint flat config. The layering of design/architecture.md §3.1 is enforced by a local rule
// (eslint/layering.js) that resolves relative imports before judging them.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layering from './eslint/layering.js';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'bench/.work/**', 'release/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: {
        // Type information for the few rules below that need it; one project service for the tree.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // An unawaited promise loses its error (a failed save nobody hears about). `void x` opts out.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // TypeScript checks these itself (and knows the globals of each layer's tsconfig).
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern: `({}, use)` is
    // required, and a test names a fixture it never touches to have it set up (a host, a profile).
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    rules: {
      'no-empty-pattern': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Text and content code matches control ranges on purpose (folding, stripping pasted junk,
    // placeholders); everywhere else a control character in a regex is more likely a mistake.
    files: ['src/shared/text/**', 'src/shared/content/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The renderer reaches the services only through bridge.ts (architecture §2), which validates
    // every result against the contract; a component calling window.newsdesk would skip that.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/app/bridge.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'newsdesk',
          message: 'Use src/renderer/app/bridge.ts: it is the only door to the services.',
        })),
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layering },
    rules: { 'layering/imports': 'error' },
  },
);
