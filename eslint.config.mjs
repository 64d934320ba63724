// Lint rules for the whole monorepo (shared, server, miniapp, tests), one flat config.
// Formatting belongs to prettier: eslint-config-prettier comes last and switches off
// every rule that would fight it.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default defineConfig(
  {
    // Build output, test reports and the local database; eslint lints no JSON or text anyway.
    ignores: ['**/node_modules/', '**/dist/', '**/dist-bench/', '**/dist-eval/', 'coverage/', 'data/', '.cache/', 'tests/e2e/artifacts/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // One import statement per module (a separate `import type` line is fine).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      // `_` marks a parameter a signature needs but the body does not (Koa's next, jest's done).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          // `const { secret, ...rest } = row` is how we drop a field.
          ignoreRestSiblings: true,
        },
      ],
      // With noUncheckedIndexedAccess, `rows[0]!` after a length check is deliberate.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // API tests read raw JSON bodies, which have no type until a test gives them one.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain CommonJS node scripts and build configs.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
