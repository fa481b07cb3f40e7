// ESLint flat config for the whole workspace. Module boundaries (DESIGN.md §2) are enforced by
// @nx/enforce-module-boundaries from the `type:*` and `scope:*` tags in each package.json.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const heavy = ['@aws-sdk/*', '@smithy/*', '@duckdb/*', 'duckdb'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      '**/coverage',
      'warehouse',
      'docs/api',
      '**/vitest.config.ts.timestamp-*',
    ],
  },
  {
    files: ['**/src/**/*.ts', '**/src/**/*.js', 'tools/**/*.ts', 'tools/**/*.js', 'tools/**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          // The CLI imports some libraries lazily (start-up time) and others statically; both are fine.
          checkDynamicDependenciesExceptions: [
            '@nasdaq-pipeline/validation',
            '@nasdaq-pipeline/iceberg',
            '@nasdaq-pipeline/star-schema',
            '@nasdaq-pipeline/star-schema/duckdb',
            '@nasdaq-pipeline/aws',
            '@nasdaq-pipeline/fmp-client',
            '@nasdaq-pipeline/fmp-sim',
          ],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
            { sourceTag: 'scope:market-calendar', notDependOnLibsWithTags: ['type:lib', 'type:app'] },
            {
              sourceTag: 'scope:iceberg',
              notDependOnLibsWithTags: ['type:lib', 'type:app'],
              bannedExternalImports: heavy,
            },
            { sourceTag: 'scope:validation', bannedExternalImports: heavy },
            { sourceTag: 'scope:fmp-client', bannedExternalImports: heavy },
            { sourceTag: 'scope:fmp-sim', bannedExternalImports: heavy },
          ],
        },
      ],
    },
  },
  {
    // Tests may drive real engines (DuckDB, moto through the AWS SDK) that the library itself must not import.
    files: ['**/*.test.ts', '**/test-support/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
